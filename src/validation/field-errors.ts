/**
 * Ajv errors (as Fastify reports them) → `fieldErrors`: readable path → Korean messages, bounded.
 */
import type { CompiledCatalog } from '../catalog/compile.js'

/** The part of an Ajv error this module reads. */
export interface AjvErrorLike {
  keyword: string
  instancePath: string
  schemaPath?: string
  params: Record<string, any>
  message?: string
  parentSchema?: Record<string, any>
}

/** Where the failing value was: Fastify's `validationContext`. */
export type ValidationLocation = 'body' | 'querystring' | 'params' | 'headers'

/** Limits that keep a validation response small whatever the input. */
export interface ValidationLimits {
  /** At most this many fields in `fieldErrors` (default 50). */
  maxFields: number
  /** At most this many messages per field (default 5). */
  maxMessagesPerField: number
}

export const DEFAULT_VALIDATION_LIMITS: Readonly<ValidationLimits> = Object.freeze({ maxFields: 50, maxMessagesPerField: 5 })

/** The `fieldErrors` of one validation failure, and whether some were left out. */
export interface FormattedValidation {
  fieldErrors: Record<string, string[]>
  truncated: boolean
}

/** Turns Ajv errors into field errors. */
export type ValidationFormatter = (errors: readonly AjvErrorLike[], location: ValidationLocation) => FormattedValidation

/** The key of a failure of the whole validated part (e.g. a body that is not an object). */
export const ROOT_FIELD = '$root'

/** Creates the formatter of a catalog. */
export function createValidationFormatter (_catalog: CompiledCatalog, limits: ValidationLimits = DEFAULT_VALIDATION_LIMITS): ValidationFormatter {
  return function formatValidation (errors, _location) {
    const fieldErrors: Record<string, string[]> = Object.create(null)
    let fields = 0
    let truncated = false
    for (const error of errors) {
      const path = fieldPath(error)
      let messages = fieldErrors[path]
      if (messages === undefined) {
        if (fields >= limits.maxFields) { truncated = true; continue }
        messages = fieldErrors[path] = []
        fields++
      }
      const message = error.keyword === 'required' ? '필수 항목입니다.' : '올바른 값이 아닙니다.'
      if (messages.includes(message)) continue
      if (messages.length >= limits.maxMessagesPerField) { truncated = true; continue }
      messages.push(message)
    }
    return { fieldErrors, truncated }
  }
}

/** `/address/zip` → `address.zip`, `/items/1/qty` → `items[1].qty`; a missing property is keyed by its own path. */
export function fieldPath (error: AjvErrorLike): string {
  const segments = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map(unescape)
  const missing = error.keyword === 'required' || error.keyword === 'dependentRequired'
    ? error.params.missingProperty
    : error.keyword === 'additionalProperties' ? error.params.additionalProperty : undefined
  if (typeof missing === 'string') segments.push(missing)
  if (segments.length === 0) return ROOT_FIELD
  let path = ''
  for (const segment of segments) {
    if (/^\d+$/.test(segment)) path += `[${segment}]`
    else path += path === '' ? segment : `.${segment}`
  }
  return path
}

function unescape (segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~')
}
