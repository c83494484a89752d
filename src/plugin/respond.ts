/**
 * Sends an error body in a wire format. Each (format, code) body is serialized by fast-json-stringify from the
 * format's schema of that code, compiled on first use and cached (serializeBody, src/envelope/format.ts), so the
 * error path does no schema work per request and the bytes are exactly the format's (a route's response schema cannot drop or coerce members of a
 * string payload). When nothing varies but the request members (the request id), the body is precomputed bytes
 * with the request members spliced in.
 */
import buildSerializer from 'fast-json-stringify'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { CompiledEntry } from '../catalog/compile.js'
import { requiresDetails, serializeBody, type ErrorParts, type FieldError, type RequestMember, type WireFormat } from '../envelope/format.js'

/** What to send: a catalog entry and the parts of its body that vary per error. */
export interface ErrorReply {
  entry: CompiledEntry
  message: string
  suggestions: readonly string[]
  details?: Readonly<Record<string, unknown>> | undefined
  fieldErrors?: readonly FieldError[] | undefined
  retryAfter?: number | undefined
  headers?: Readonly<Record<string, string>> | undefined
  /** The language `message` and `suggestions` are in (the catalog's default when left out). */
  locale?: string | undefined
}

/**
 * A code's body when nothing in it varies but the request members: the serializer's bytes cut around them.
 * `pieces` has one more item than the format's `requestMembers`; the body is pieces[0] + member 0 + pieces[1] + ….
 */
interface ConstantBody {
  message: string
  suggestions: readonly string[]
  pieces: readonly string[]
}

/** Serializes a string as the formats' serializers do (fast-json-stringify's string rule). */
const serializeString = buildSerializer({ type: 'string' }) as (value: string) => string

/** The serializers and constant bodies of one format, and which request members it writes. */
interface FormatCache {
  constants: Map<CompiledEntry, ConstantBody | null>
  /** Constant bodies in the catalog's other languages, by locale. */
  constantsIn: Map<string, Map<CompiledEntry, ConstantBody | null>>
  timestamp: boolean
  instance: boolean
}

/** A sender bound to one catalog, with its serializer caches. */
export interface Responder {
  /** Sends one error in the given format. */
  send (reply: FastifyReply, error: ErrorReply, format: WireFormat): void
  /** The serialized body of one answer (raw socket answers, examples). */
  serialize (format: WireFormat, parts: ErrorParts): string
}

/**
 * Creates the sender of a catalog's error responses: `internal` answers what a code's schema cannot serialize,
 * `defaultLocale` is the catalog's default language, `vary` (`Accept`, `Accept-Language`) is added to every answer's
 * `Vary`, and `contentLanguage` (a catalog of several languages) adds `Content-Language`.
 */
export function createResponder (internal: CompiledEntry, defaultLocale: string, vary?: string, contentLanguage = false): Responder {
  const caches = new Map<WireFormat, FormatCache>()

  function cacheOf (format: WireFormat): FormatCache {
    let cache = caches.get(format)
    if (cache === undefined) {
      const members = format.requestMembers
      caches.set(format, cache = { constants: new Map(), constantsIn: new Map(), timestamp: members.includes('timestamp'), instance: members.includes('instance') })
    }
    return cache
  }

  /**
   * The constant pieces of a code's body without details (NOT_FOUND, INTERNAL_ERROR, …), cut from a body its own
   * serializer wrote with a marker in each request member, so that the fast path's bytes are the serializer's by
   * construction. Null when the code cannot be sent without details (its schema requires them) or a marker is
   * not found exactly once.
   */
  function constantOf (format: WireFormat, cache: FormatCache, entry: CompiledEntry, locale: string): ConstantBody | null {
    // The default language's bodies in one map (the single-language case does one lookup), others per locale.
    let constants = cache.constants
    if (locale !== defaultLocale) {
      let inLocale = cache.constantsIn.get(locale)
      if (inLocale === undefined) cache.constantsIn.set(locale, inLocale = new Map())
      constants = inLocale
    }
    let constant = constants.get(entry)
    if (constant !== undefined) return constant
    constant = null
    if (requiresDetails(entry)) {
      constants.set(entry, constant)
      return constant
    }
    const { message, suggestions } = entry.render(undefined, locale)
    const markers = format.requestMembers.map((member, index) => `\u0000fec-${index}-${member}\u0000`)
    try {
      const sample = serializeBody(format, { entry, message, suggestions, details: undefined, fieldErrors: undefined, locale, ...sampleMembers(format.requestMembers, markers) })
      const pieces: string[] = []
      let rest = sample
      for (const marker of markers) {
        const written = serializeString(marker)
        const at = rest.indexOf(written)
        if (at < 0 || rest.indexOf(written, at + 1) >= 0) throw new Error('marker not found once')
        pieces.push(rest.slice(0, at))
        rest = rest.slice(at + written.length)
      }
      pieces.push(rest)
      constant = { message, suggestions, pieces }
    } catch {
      // Required details, or a member the format does not write as a plain string: the serializer answers.
    }
    constants.set(entry, constant)
    return constant
  }

  function send (reply: FastifyReply, error: ErrorReply, format: WireFormat): void {
    const { entry } = error
    const cache = cacheOf(format)
    const details = hasMembers(error.details) ? error.details : undefined
    const request = reply.request
    const requestId = request.id
    // Computed once per answer, and only when the format writes them.
    const timestamp = cache.timestamp ? isoNow() : undefined
    const instance = cache.instance ? pathOf(request) : undefined
    const locale = error.locale ?? defaultLocale
    if (error.fieldErrors === undefined && details === undefined && typeof requestId === 'string') {
      // Nothing varies but the request members: prebuilt bytes, no body object, no serializer call.
      const constant = constantOf(format, cache, entry, locale)
      if (constant !== null && error.message === constant.message && sameList(error.suggestions, constant.suggestions)) {
        const { pieces } = constant
        let payload = pieces[0]
        const values: Pick<ErrorParts, RequestMember> = { requestId, timestamp, instance }
        for (let i = 1; i < pieces.length; i++) payload += serializeString(values[format.requestMembers[i - 1]] as string) + pieces[i]
        finish(reply, error, format, payload)
        return
      }
    }
    let payload: string
    try {
      // The serializer's schema does not list required members (see serializerSchemaOf): required details are checked here.
      if (details === undefined && requiresDetails(entry)) throw new Error(`${entry.code} requires details`)
      payload = serializeBody(format, { entry, message: error.message, suggestions: error.suggestions, details, fieldErrors: error.fieldErrors, requestId, timestamp, instance, locale })
    } catch (failure) {
      // Details the code's schema cannot hold (a string for an integer, say): a bug of the server, not the client.
      sendUnserializable(reply, entry, format, failure)
      return
    }
    finish(reply, error, format, payload)
  }

  function finish (reply: FastifyReply, error: ErrorReply, format: WireFormat, payload: string): void {
    const { entry } = error
    if (error.headers !== undefined) reply.headers(error.headers)
    const retryAfter = error.retryAfter ?? entry.retryAfter
    if (retryAfter !== undefined) reply.header('retry-after', retryAfter)
    if (vary !== undefined) addVary(reply, vary)
    // Several languages: say which one this body is in (a single-language catalog adds no header).
    if (contentLanguage) reply.header('content-language', error.locale ?? defaultLocale)
    reply.code(entry.status).header('content-type', format.contentType).send(payload)
  }

  function sendUnserializable (reply: FastifyReply, entry: CompiledEntry, format: WireFormat, failure: unknown): void {
    reply.log.error({ err: failure, code: internal.code, statusCode: internal.status, failedCode: entry.code },
      `${entry.code} could not be serialized with its catalog schema; answered ${internal.code}`)
    const { message, suggestions } = internal.render(undefined)
    const body = serializeBody(format, { entry: internal, message, suggestions, details: undefined, fieldErrors: undefined, requestId: reply.request.id, locale: defaultLocale })
    if (vary !== undefined) addVary(reply, vary)
    if (contentLanguage) reply.header('content-language', defaultLocale)
    reply.code(internal.status).header('content-type', format.contentType).send(body)
  }

  return { send, serialize: serializeBody }
}

let lastMillis = NaN
let lastIso = ''

/** `new Date().toISOString()`, formatted once per millisecond (answers in the same millisecond share the text). */
function isoNow (): string {
  const now = Date.now()
  if (now !== lastMillis) {
    lastMillis = now
    lastIso = new Date(now).toISOString()
  }
  return lastIso
}

/** The request members of a sample body, each set to its marker. */
function sampleMembers (members: readonly RequestMember[], markers: readonly string[]): Pick<ErrorParts, RequestMember> {
  const sample: Record<RequestMember, string | undefined> = { requestId: undefined, timestamp: undefined, instance: undefined }
  members.forEach((member, index) => { sample[member] = markers[index] })
  return sample
}

/** Adds fields to `Vary`, keeping what is there (another plugin's `Origin`, say) and not repeating one. */
function addVary (reply: FastifyReply, fields: string): void {
  const current = reply.getHeader('vary')
  if (current === undefined) {
    reply.header('vary', fields)
    return
  }
  const text = Array.isArray(current) ? current.join(', ') : String(current)
  if (text.trim() === '*') return
  const have = new Set(text.split(',').map((field) => field.trim().toLowerCase()))
  const missing = fields.split(',').map((field) => field.trim()).filter((field) => !have.has(field.toLowerCase()))
  if (missing.length > 0) reply.header('vary', `${text}, ${missing.join(', ')}`)
}

/** The request's path without its query string (a query may carry tokens: it is not echoed). */
function pathOf (request: FastifyRequest): string {
  const url = request.url
  const query = url.indexOf('?')
  return query < 0 ? url : url.slice(0, query)
}

/** Equal lists of strings (the same frozen list, most of the time). */
function sameList (a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

function hasMembers (value: object | undefined): boolean {
  if (value === undefined || value === null) return false
  // Cheaper than Object.keys(value).length: stops at the first member.
  // eslint-disable-next-line no-unreachable-loop
  for (const _ in value) return true
  return false
}
