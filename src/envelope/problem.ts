/**
 * The `problem` format: RFC 9457 problem details (`application/problem+json`), written as a declaration like any
 * other. `type` leads a person to the code's documentation: its `docsUrl`, else `<typeBase>#<anchor>` with the same
 * anchors `error-catalog docs` (and `docs --html`) writes, else `about:blank` (RFC 9457 §4.2.1). The members RFC 9457
 * §3.1 defines come first; `code`, `retryable`, `suggestions`, `details` and `errors` (one `{ pointer, detail }` per
 * field error, JSON Pointers into the request part) are extension members (§3.2).
 */
import type { CompiledEntry } from '../catalog/compile.js'
import { anchorOf } from '../text/anchors.js'
import { builtinDeclaration } from './default.js'
import { declaredFormat } from './declared.js'
import type { WireFormat } from './format.js'

/** The problem format's declaration, as a catalog would write it. */
export const PROBLEM_ENVELOPE = Object.freeze({
  contentType: 'application/problem+json',
  body: Object.freeze({
    type: '$type',
    title: '$title',
    status: '$status',
    detail: '$message',
    instance: '$instance',
    code: '$code',
    retryable: '$retryable',
    suggestions: '$suggestions',
    details: '$details',
    errors: '$fieldErrorList'
  }),
  fieldError: Object.freeze({ pointer: '$pointer', detail: '$fieldMessage' })
})

/** A usable `typeBase`: an absolute URI without a fragment (the anchor is added per code). */
export function isTypeBase (value: unknown): value is string {
  return typeof value === 'string' && /^[a-z][a-z0-9+.-]*:[^\s#]*$/i.test(value)
}

/** The `type` URI of a code: its `docsUrl`, else the guide's anchor under `typeBase`, else `about:blank`. */
export function problemTypeOf (typeBase: string | undefined): (entry: CompiledEntry) => string {
  return (entry) => entry.docsUrl ?? (typeBase === undefined ? 'about:blank' : `${typeBase}#${anchorOf(entry.code)}`)
}

/** The problem format with `type` URIs under `typeBase` (the hosted guide, e.g. `https://api.example.com/errors`). */
export function problemFormat (typeBase?: string): WireFormat {
  return declaredFormat(builtinDeclaration('problem', PROBLEM_ENVELOPE), { name: 'problem', typeOf: problemTypeOf(typeBase) })
}
