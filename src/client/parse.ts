/**
 * An error response → one typed value, whatever wire format the server speaks: the default envelope
 * (src/envelope/default.ts), RFC 9457 problem details, or a declared format given as its body template.
 * Each format is read into the envelope's member names, then one builder makes the value. Nothing in here
 * throws: what cannot be read becomes `UNPARSEABLE_RESPONSE`. No Node-only API, no server module beyond the
 * pure path helpers, so browsers, React Native and Deno can use it.
 */
import { instanceSegments, joinPath } from '../validation/paths.js'
import { retryAfterMs } from './retry-after.js'

/** The code of a response whose body is not an error of the catalog (HTML from a proxy, empty, not JSON). */
export const UNPARSEABLE_RESPONSE = 'UNPARSEABLE_RESPONSE'

/** Why a response could not be read. */
export type UnparseableReason = 'empty' | 'not-json' | 'no-code' | 'unreadable'

/** Members every parsed error has. */
export interface ErrorFields {
  /** The HTTP status (the body's `status` only when the transport gave none). */
  readonly status: number
  /** The message for the user, as the server sent it (empty when it sent none). */
  readonly message: string
  /** Field path → messages; `{}` unless the server sent some. */
  readonly fieldErrors: Readonly<Record<string, readonly string[]>>
  /** True when the server says the same request may succeed later. */
  readonly retryable: boolean
  /** The `Retry-After` header in milliseconds (seconds or HTTP date), if sent. */
  readonly retryAfterMs: number | undefined
  readonly requestId: string | undefined
  readonly suggestions: readonly string[]
  readonly docsUrl: string | undefined
}

/** One code of a details map (the generated module's `ErrorDetails`) as a parsed error. */
export type CatalogErrorOf<Details extends object> = {
  [Code in keyof Details & string]: ErrorFields & { readonly code: Code, readonly details: Details[Code] }
}[keyof Details & string]

/** What `parseErrorResponse` returns for a body it cannot read as an error. */
export interface UnparseableResponse extends ErrorFields {
  readonly code: typeof UNPARSEABLE_RESPONSE
  /** Why, the content type, and the first 200 characters of the body (for logs). */
  readonly details: { readonly reason: UnparseableReason, readonly contentType: string | undefined, readonly body: string | undefined }
}

/**
 * A parsed error: `switch (error.code)` narrows `error.details` to that code's type. `Details` is the generated
 * module's `ErrorDetails`; without it any code and details are allowed.
 */
export type ParsedError<Details extends object = Record<string, Record<string, unknown>>> = CatalogErrorOf<Details> | UnparseableResponse

/** Headers as fetch gives them, or as a plain object (Node's `IncomingHttpHeaders`, axios, `inject`). */
export type HeaderSource = { get (name: string): string | null } | Readonly<Record<string, string | readonly string[] | number | undefined>>

/** A response already read: its status, headers and body (text, bytes, or parsed JSON). */
export interface RawResponse {
  readonly status: number
  readonly headers?: HeaderSource | undefined
  readonly body?: unknown
}

/** Options of `parseErrorResponse`. */
export interface ParseOptions {
  /**
   * A declared wire format: its body template, whose string leaves `$code`, `$message`, `$status`, `$details`,
   * `$fieldErrors`, `$retryable`, `$suggestions`, `$requestId`, `$docsUrl` say where each member sits, e.g.
   * `{ error: { code: '$code', message: '$message' }, status: '$status' }`. Without it the default envelope and
   * RFC 9457 problem details are recognised.
   */
  readonly format?: unknown
}

type Members = Record<string, unknown>

/** Reads an error response. A fetch `Response` gives a promise (its body is read); a `RawResponse` gives the value. */
export function parseErrorResponse<Details extends object = Record<string, Record<string, unknown>>> (response: Response, options?: ParseOptions): Promise<ParsedError<Details>>
export function parseErrorResponse<Details extends object = Record<string, Record<string, unknown>>> (response: RawResponse, options?: ParseOptions): ParsedError<Details>
export function parseErrorResponse (response: Response | RawResponse, options?: ParseOptions): ParsedError | Promise<ParsedError> {
  if (typeof (response as Response)?.text === 'function') {
    const fetched = response as Response
    return fetched.text().then(
      (body) => parseRaw({ status: fetched.status, headers: fetched.headers, body }, options),
      () => unparseable(fetched.status, fetched.headers, 'unreadable', undefined)
    )
  }
  return parseRaw(response as RawResponse, options)
}

function parseRaw (response: RawResponse, options: ParseOptions | undefined): ParsedError {
  let status = 0
  let headers: HeaderSource | undefined
  try {
    status = typeof response?.status === 'number' ? response.status : 0
    headers = response.headers
    let body = response.body
    if (body instanceof Uint8Array) body = new TextDecoder().decode(body)
    if (typeof body === 'string') {
      if (body.trim() === '') return unparseable(status, headers, 'empty', body)
      try {
        body = JSON.parse(body)
      } catch {
        return unparseable(status, headers, 'not-json', body)
      }
    }
    if (body === null || body === undefined) return unparseable(status, headers, 'empty', undefined)
    let members: Members = {}
    if (isObject(body)) {
      if (options?.format !== undefined) members = readDeclared(options.format, body, {})
      else if (/problem\+json/i.test(header(headers, 'content-type') ?? '') || (!('code' in body) && ('type' in body || 'title' in body))) members = readProblem(body)
      else members = body
    }
    const code = text(members.code)
    if (code === undefined) return unparseable(status, headers, 'no-code', body, members)
    return { ...fields(status, headers, members), code, details: isObject(members.details) ? members.details : {} }
  } catch {
    // A hostile body (a getter that throws, a cyclic value) must not break the caller's error path.
    return unparseable(status, headers, 'unreadable', undefined)
  }
}

/** The members every result has, from the envelope's member names. */
function fields (status: number, headers: HeaderSource | undefined, members: Members): ErrorFields {
  const fieldErrors: Record<string, string[]> = {}
  if (isObject(members.fieldErrors)) {
    for (const [field, messages] of Object.entries(members.fieldErrors)) fieldErrors[field] = strings(messages)
  }
  return {
    status: status > 0 ? status : typeof members.status === 'number' ? members.status : 0,
    message: text(members.message) ?? '',
    fieldErrors,
    retryable: members.retryable === true,
    retryAfterMs: retryAfterMs(header(headers, 'retry-after')),
    requestId: text(members.requestId),
    suggestions: strings(members.suggestions),
    docsUrl: text(members.docsUrl)
  }
}

function unparseable (status: number, headers: HeaderSource | undefined, reason: UnparseableReason, body: unknown, members: Members = {}): UnparseableResponse {
  let sample: string | undefined
  try {
    sample = body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)).slice(0, 200)
  } catch {}
  return {
    ...fields(status, headers, { ...members, retryable: false }),
    code: UNPARSEABLE_RESPONSE,
    details: { reason, contentType: header(headers, 'content-type'), body: sample }
  }
}

/**
 * RFC 9457 problem details → envelope members. The code is the `code` extension member, else the last segment
 * of `type` read as an anchor (`…/errors.md#session-full` → SESSION_FULL, as `error-catalog docs` names them).
 * `errors: [{ pointer, detail }]` (RFC 9457 §3 example) become fieldErrors keyed like the envelope's.
 */
function readProblem (body: Members): Members {
  const type = text(body.type)
  const anchor = type === undefined || type === 'about:blank' ? undefined : /([a-z0-9]+(?:[-_][a-z0-9]+)*)$/i.exec(type)?.[1]
  const fieldErrors: Record<string, string[]> = {}
  if (Array.isArray(body.errors)) {
    for (const item of body.errors) {
      const detail = isObject(item) ? text(item.detail) : undefined
      if (detail === undefined) continue
      const pointer = (text(item.pointer) ?? '').replace(/^#/, '')
      const key = joinPath(instanceSegments(pointer === '' || pointer.startsWith('/') ? pointer : `/${pointer}`))
      ;(fieldErrors[key] ??= []).push(detail)
    }
  }
  return {
    ...body,
    code: text(body.code) ?? anchor?.toUpperCase().replace(/-/g, '_'),
    message: text(body.detail) ?? text(body.title),
    fieldErrors: Object.keys(fieldErrors).length > 0 ? fieldErrors : body.fieldErrors,
    docsUrl: type === 'about:blank' ? undefined : type
  }
}

/** Walks a declared template beside the body: a `$name` leaf puts the body's value there under `name`. */
function readDeclared (template: unknown, value: unknown, out: Members): Members {
  if (typeof template === 'string' && template.startsWith('$')) out[template.slice(1)] = value
  else if (isObject(template) && isObject(value)) {
    for (const key of Object.keys(template)) readDeclared(template[key], Object.hasOwn(value, key) ? value[key] : undefined, out)
  }
  return out
}

function header (headers: HeaderSource | undefined, name: string): string | undefined {
  if (typeof headers?.get === 'function') return headers.get(name) ?? undefined
  for (const key in headers) {
    if (key.toLowerCase() !== name) continue
    const value = (headers as Members)[key]
    return text(Array.isArray(value) ? value[0] : typeof value === 'number' ? String(value) : value)
  }
  return undefined
}

function isObject (value: unknown): value is Members {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function text (value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function strings (value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}
