/**
 * Sends an error body in a wire format. Each (format, code) body is serialized by fast-json-stringify from the
 * format's schema of that code, compiled on first use and cached (serializeBody, src/envelope/format.ts), so the
 * error path does no schema work per request and the bytes are exactly the format's (a route's response schema cannot drop or coerce members of a
 * string payload). When nothing varies but the request members (the request id), the body is precomputed bytes
 * with the request members spliced in; a body with details is cut the same way around its message, suggestions and
 * details too, and a validation failure that repeats the one seen just before it reuses that body's pieces.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { CompiledEntry } from '../catalog/compile.js'
import { jsonString, MARKER_ID, requiresDetails, serializeBody, serializeDetails, serializeSample, type ErrorParts, type FieldError, type RequestMember, type WireFormat } from '../envelope/format.js'

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

/** What fills a gap of a cut body: the message, the details, a request member, or a suggestion by index. */
type Slot = 'message' | 'details' | RequestMember | number

/**
 * A body cut around what varies per answer, from a sample its code's serializer wrote with a marker there: the
 * body is pieces[0] + slot 0 + pieces[1] + …, each slot written as the serializer writes it (strings as JSON
 * strings, the details by the same schema compiled on its own), so the bytes are the serializer's by construction
 * while the constant members (code, status, title, type, …) are not written again per answer.
 */
interface CutBody {
  pieces: readonly string[]
  slots: readonly Slot[]
}

/** A code's body when nothing in it varies but the request members, with the texts it was cut with. */
interface ConstantBody {
  message: string
  suggestions: readonly string[]
  body: CutBody
}

/**
 * A code's body with details, cut around its message and details too, and around its suggestions unless they are
 * the code's constant ones in this language (no placeholders), which the pieces then hold as written.
 */
interface SlottedBody extends CutBody {
  /** The constant suggestions the pieces hold (an answer with others is left to the serializer), or how many slots. */
  suggestions: readonly string[] | number
}

/**
 * The body of a validation failure, kept by its first field error, and reused while the same failure repeats: the
 * same code, language, text, flat details and field errors (the formatter hands out one frozen object per rendered
 * field error, so a repeat is an identity check per item). `body` is cut on the second sighting: a failure seen
 * once costs only this record.
 */
interface RepeatedBody {
  entry: CompiledEntry
  locale: string
  message: string
  suggestions: readonly string[]
  details: Readonly<Record<string, unknown>> | undefined
  fieldErrors: readonly FieldError[]
  body: CutBody | null
}

/** The markers of a sample body's message and details (suggestions and request members have their own). */
const MESSAGE_MARKER = `\u0000fec-message-${MARKER_ID}\u0000`
const DETAILS_MARKER = `\u0000fec-details-${MARKER_ID}\u0000`

/** The serializers and constant bodies of one format, and which request members it writes. */
interface FormatCache {
  constants: Map<CompiledEntry, ConstantBody | null>
  /** Constant bodies in the catalog's other languages, by locale. */
  constantsIn: Map<string, Map<CompiledEntry, ConstantBody | null>>
  /** Validation bodies by their first field error (weak: the formatter's cache decides how long they live). */
  repeated: WeakMap<FieldError, RepeatedBody>
  /** Bodies with details, cut into pieces, by locale then code (null: the serializer answers that code). */
  slotted: Map<string, Map<CompiledEntry, SlottedBody | null>>
  /** The marker of each request member the format writes, with its slot, for cut. */
  members: ReadonlyArray<Mark>
  /** The same markers in a sample's request members. */
  memberValues: Pick<ErrorParts, RequestMember>
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
      const marks = members.map((member): Mark => ({ marker: `\u0000fec-${member}-${MARKER_ID}\u0000`, slot: member, required: true }))
      caches.set(format, cache = {
        constants: new Map(),
        constantsIn: new Map(),
        repeated: new WeakMap(),
        slotted: new Map(),
        members: marks,
        memberValues: { requestId: undefined, ...Object.fromEntries(marks.map(({ marker, slot }) => [slot, marker])) },
        timestamp: members.includes('timestamp'),
        instance: members.includes('instance')
      })
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
    const body = cutSample(() => serializeBody(format, { entry, message, suggestions, details: undefined, fieldErrors: undefined, locale, ...cache.memberValues }), cache.members)
    if (body !== null) constant = { message, suggestions, body }
    constants.set(entry, constant)
    return constant
  }

  /** The pieces of a code's body with details in one language, cut on first use; null when they do not fit this answer. */
  function slottedOf (format: WireFormat, cache: FormatCache, entry: CompiledEntry, locale: string, suggestions: readonly string[]): SlottedBody | null {
    let byEntry = cache.slotted.get(locale)
    if (byEntry === undefined) cache.slotted.set(locale, byEntry = new Map())
    let slotted = byEntry.get(entry)
    if (slotted === undefined) byEntry.set(entry, slotted = cutSlots(format, cache, entry, locale, suggestions))
    if (slotted === null) return null
    // The same constant list (identity: the entry hands out one frozen list), or as many slots as suggestions.
    return slotted.suggestions === suggestions || slotted.suggestions === suggestions.length ? slotted : null
  }

  /**
   * A sample with a marker in each slot, cut where they are. The details must be found (where a format spreads them
   * with `$merge`, the object that holds them stands in their place: WireFormat.detailsJson), and so must every request
   * member, unless the format has such an object (a member inside it is written with it); the message and suggestions
   * may be missing (a format may leave them out). Suggestions the code renders to one constant list in this language (the
   * same frozen list whatever the details) are written into the pieces.
   */
  function cutSlots (format: WireFormat, cache: FormatCache, entry: CompiledEntry, locale: string, suggestions: readonly string[]): SlottedBody | null {
    // This answer's list is the code's constant one: written into the pieces, no slots.
    const baked = constantSuggestions(entry, locale) === suggestions
    const suggestionMarks = baked
      ? []
      : Array.from({ length: suggestions.length }, (_, index): Mark => ({ marker: `\u0000fec-suggestion-${index}-${MARKER_ID}\u0000`, slot: index, required: false }))
    // A request member inside the object that spreads the details is written with it (detailsJson), not found here.
    const members = format.detailsJson === undefined ? cache.members : cache.members.map((mark) => ({ ...mark, required: false }))
    const body = cutSample(
      () => serializeSample(format, { entry, message: MESSAGE_MARKER, suggestions: baked ? suggestions : suggestionMarks.map(({ marker }) => marker), details: DETAILS_MARKER, locale, ...cache.memberValues }),
      [{ marker: MESSAGE_MARKER, slot: 'message', required: false }, { marker: DETAILS_MARKER, slot: 'details', required: true }, ...suggestionMarks, ...members]
    )
    return body === null ? null : { ...body, suggestions: baked ? suggestions : suggestions.length }
  }

  /** The cut body of a validation failure, when it repeats the one last seen with its first field error. */
  function repeatedOf (format: WireFormat, cache: FormatCache, error: ErrorReply, fieldErrors: readonly FieldError[], details: Readonly<Record<string, unknown>> | undefined, locale: string): CutBody | null {
    const { entry, message, suggestions } = error
    const seen = cache.repeated.get(fieldErrors[0])
    if (seen !== undefined && seen.entry === entry && seen.locale === locale && seen.message === message &&
      sameList(seen.suggestions, suggestions) && sameFlat(seen.details, details) && sameItems(seen.fieldErrors, fieldErrors)) {
      // Second sighting: cut the body now (null again when it cannot be cut: the serializer keeps answering).
      seen.body ??= cutSample(() => serializeBody(format, { entry, message, suggestions, details, fieldErrors, locale, ...cache.memberValues }), cache.members)
      return seen.body
    }
    // Only flat details (strings, numbers, booleans) are compared; anything else is not kept.
    if (isFlat(details)) cache.repeated.set(fieldErrors[0], { entry, locale, message, suggestions, details, fieldErrors, body: null })
    return null
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
    const { fieldErrors } = error
    // Precomputed pieces when the code's body could be cut: only what varies is written per answer.
    let cut: CutBody | null = null
    if (typeof requestId === 'string') {
      if (fieldErrors !== undefined) {
        if (fieldErrors.length > 0) cut = repeatedOf(format, cache, error, fieldErrors, details, locale)
      } else if (details !== undefined) {
        cut = slottedOf(format, cache, entry, locale, error.suggestions)
      } else {
        // Nothing varies but the request members, when the texts are the code's own.
        const constant = constantOf(format, cache, entry, locale)
        if (constant !== null && error.message === constant.message && sameList(error.suggestions, constant.suggestions)) cut = constant.body
      }
    }
    if (cut !== null) {
      let payload: string | undefined
      try {
        payload = join(cut, format, entry, error, details, locale, { requestId, timestamp, instance })
      } catch (failure) {
        // Details the code's schema cannot hold, as below.
        sendUnserializable(reply, entry, format, failure)
        return
      }
      if (payload !== undefined) {
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

/**
 * The suggestions a code renders in one language whatever its details (texts without placeholders: the entry
 * hands out one frozen list), or undefined when they depend on the details.
 */
function constantSuggestions (entry: CompiledEntry, locale: string): readonly string[] | undefined {
  try {
    const first = entry.render(undefined, locale).suggestions
    return first.length > 0 && first === entry.render(undefined, locale).suggestions ? first : undefined
  } catch {
    return undefined
  }
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

/** A marker a sample carries, the slot it stands for, and whether a body cannot be cut without it. */
interface Mark { marker: string, slot: Slot, required: boolean }

/**
 * The sample `serialize` writes, cut where its markers are (each found at most once, in any order). Null when the
 * sample cannot be written (required details, say), a required marker is missing, or a marker is found twice (a
 * client's text that holds one): the serializer answers then.
 */
function cutSample (serialize: () => string, marks: readonly Mark[]): CutBody | null {
  let sample: string
  try {
    sample = serialize()
  } catch {
    return null
  }
  const found: Array<{ at: number, length: number, slot: Slot }> = []
  for (const { marker, slot, required } of marks) {
    const written = jsonString(marker)
    const at = sample.indexOf(written)
    if (at < 0) {
      if (required) return null
      continue
    }
    if (sample.indexOf(written, at + 1) >= 0) return null
    found.push({ at, length: written.length, slot })
  }
  found.sort((a, b) => a.at - b.at)
  const pieces: string[] = []
  let from = 0
  for (const { at, length } of found) {
    pieces.push(sample.slice(from, at))
    from = at + length
  }
  pieces.push(sample.slice(from))
  return { pieces, slots: found.map(({ slot }) => slot) }
}

/**
 * A body from its cut pieces and this answer's parts; undefined when a text is not a string (a forged error's),
 * which the serializer then answers. Throws, as the serializer does, for details the code's schema cannot hold.
 */
function join (cut: CutBody, format: WireFormat, entry: CompiledEntry, error: ErrorReply, details: Readonly<Record<string, unknown>> | undefined, locale: string, members: Pick<ErrorParts, RequestMember>): string | undefined {
  const { pieces, slots } = cut
  let payload = pieces[0]
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]
    let text: unknown
    if (slot === 'details') {
      if (details === undefined) return undefined
      // The details as they are, or the object that spreads them (its other members read this answer's parts).
      const json = format.detailsJson === undefined
        ? serializeDetails(entry, details)
        : format.detailsJson({ entry, message: error.message, suggestions: error.suggestions, details, fieldErrors: undefined, locale, ...members })
      payload += json + pieces[i + 1]
      continue
    }
    if (slot === 'message') text = error.message
    else if (typeof slot === 'number') text = error.suggestions[slot]
    else text = members[slot]
    if (typeof text !== 'string') return undefined
    payload += jsonString(text) + pieces[i + 1]
  }
  return payload
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

/** The same field errors in the same order (the formatter's frozen objects: compared by identity). */
function sameItems (a: readonly FieldError[], b: readonly FieldError[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** Details whose values are all strings, numbers or booleans (or no details): what sameFlat can compare. */
function isFlat (details: Readonly<Record<string, unknown>> | undefined): boolean {
  if (details === undefined) return true
  for (const key in details) {
    const type = typeof details[key]
    if (type !== 'string' && type !== 'number' && type !== 'boolean') return false
  }
  return true
}

/** Equal flat details: the same keys in the same order, with the same values. */
function sameFlat (a: Readonly<Record<string, unknown>> | undefined, b: Readonly<Record<string, unknown>> | undefined): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined) return false
  const keys = Object.keys(a)
  const others = Object.keys(b)
  if (keys.length !== others.length) return false
  for (let i = 0; i < keys.length; i++) if (keys[i] !== others[i] || !Object.is(a[keys[i]], b[keys[i]])) return false
  return isFlat(b)
}

function hasMembers (value: object | undefined): boolean {
  if (value === undefined || value === null) return false
  // Cheaper than Object.keys(value).length: stops at the first member.
  // eslint-disable-next-line no-unreachable-loop
  for (const _ in value) return true
  return false
}
