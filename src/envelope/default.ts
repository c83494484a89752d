/**
 * The default wire format: one JSON object per error, the same for every code, written as a declaration like
 * any team's own (docs/wire-formats.md).
 *
 *   { code, status, message, retryable, suggestions, details?, fieldErrors?, docsUrl?, requestId }
 *
 * `details` is present only when it has members; `fieldErrors` (path → messages) only on validation errors.
 */
import { parseEnvelopeDeclaration, type EnvelopeDeclaration } from '../catalog/envelope-syntax.js'
import { declaredFormat } from './declared.js'
import type { WireFormat } from './format.js'

export { TFieldErrors } from './declared.js'

/** The body of an error response in the default format, as the client receives it. */
export interface ErrorBody {
  code: string
  status: number
  message: string
  retryable: boolean
  suggestions: readonly string[]
  details?: Readonly<Record<string, unknown>>
  fieldErrors?: Readonly<Record<string, readonly string[]>>
  docsUrl?: string
  requestId?: string
}

/** The default format's declaration, as a catalog would write it. */
export const DEFAULT_ENVELOPE = Object.freeze({
  body: Object.freeze({
    code: '$code',
    status: '$status',
    message: '$message',
    retryable: '$retryable',
    suggestions: '$suggestions',
    details: '$details',
    fieldErrors: '$fieldErrors',
    docsUrl: '$docsUrl',
    requestId: '$requestId'
  })
})

/** Reads a built-in declaration; a problem in one is a bug of this package. */
export function builtinDeclaration (name: string, value: unknown): EnvelopeDeclaration {
  const problems: string[] = []
  const declaration = parseEnvelopeDeclaration(value, (path, message) => problems.push(`${path.join('.')}: ${message}`))
  if (declaration === undefined) throw new Error(`the built-in ${name} format is broken: ${problems.join('; ')}`)
  return declaration
}

/** The default format. */
export const defaultFormat: WireFormat = declaredFormat(builtinDeclaration('default', DEFAULT_ENVELOPE), { name: 'default' })

/**
 * The smallest body in the default format, `{ code, status }`: what the raw answerers send before the plugin is
 * registered (there is no catalog yet to render a message from).
 */
export function bareBody (code: string, status: number): Pick<ErrorBody, 'code' | 'status'> {
  return { code, status }
}
