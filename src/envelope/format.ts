/**
 * The seam between the catalog and the wire: what a wire format is, and the format-neutral parts of one answer.
 *
 * The compiled catalog knows nothing of bodies. A wire format (one module per built-in under src/envelope/)
 * says, per code, the schema of the body and how to build it from neutral parts; which of its members vary per
 * request (so that the responder can precompute the rest); where the code sits for an OpenAPI discriminator;
 * and how field errors are shaped. The responder (src/plugin/respond.ts), OpenAPI (src/openapi/), the guide
 * (src/docs/) and the example builder (./example.ts) take a format and read nothing else of the body.
 */
import type { TObject } from '@sinclair/typebox'
import buildSerializer from 'fast-json-stringify'
import type { CompiledEntry } from '../catalog/compile.js'
import type { FieldError } from '../validation/field-errors.js'

export type { FieldError }

/** Everything one answer says, before a format shapes it. */
export interface ErrorParts {
  readonly entry: CompiledEntry
  readonly message: string
  readonly suggestions: readonly string[]
  /** The details, only when there are some. */
  readonly details: Readonly<Record<string, unknown>> | undefined
  /** Field errors, only on validation failures. */
  readonly fieldErrors: readonly FieldError[] | undefined
  /** Fastify's request id (undefined outside a request: examples, raw socket answers). */
  readonly requestId: string | undefined
  /** When the answer was made (ISO 8601, UTC); now, if not given. */
  readonly timestamp?: string | undefined
  /** The request's path, without its query string. */
  readonly instance?: string | undefined
  /** The language of `message` and `suggestions`. */
  readonly locale?: string | undefined
}

/** Members of a body that vary per request besides what the error itself says (message, details, field errors). */
export type RequestMember = 'requestId' | 'timestamp' | 'instance'

/** A wire format: every consumer of a body's shape asks it, and nothing else. */
export interface WireFormat {
  /** The format's name (`default`). */
  readonly name: string
  /** The media type, as OpenAPI lists it (`application/json`). */
  readonly mediaType: string
  /** The `Content-Type` header value sent with each body. */
  readonly contentType: string
  /** The JSON Schema of one code's body (OpenAPI component, checks); `fieldErrors` for a code whose answers carry them (`entry.fieldErrors`). */
  schema (entry: CompiledEntry, fieldErrors: boolean): TObject
  /**
   * The schema the code's serializer is compiled from: `schema` without the body's own `required` lists, because
   * fast-json-stringify writes required members first and the bytes must follow the declared member order. With
   * `detailsAsText`, `$details` is a string: the schema of a sample body that carries a marker there, which the
   * responder cuts into pieces (src/plugin/respond.ts).
   */
  serializerSchema (entry: CompiledEntry, fieldErrors: boolean, detailsAsText?: boolean): TObject
  /**
   * What a sample body's details marker stands for in one answer without field errors, when it is not the code's
   * details as they are (serializeDetails): the JSON of the object that spreads them among other members
   * (`$merge: $details`, seed 001 and 002). Undefined for a format that writes the details as they are.
   */
  readonly detailsJson: ((parts: ErrorParts) => string) | undefined
  /** The body of one answer, in member order (members left undefined are omitted). */
  body (parts: ErrorParts): unknown
  /**
   * The body the code's serializer takes: `body`, but with field errors left as markers (strings, so typed in
   * `serializerSchema`) that `spliceFieldErrors` replaces in the serializer's output. Field errors are most of a
   * validation answer, and the formatter hands out the same frozen field error whenever a failure repeats, so their
   * JSON is written once per field error and format rather than escaped again on every answer.
   */
  serializerBody (parts: ErrorParts): unknown
  /** The serializer's output of `serializerBody` with the field errors written in place of their markers. */
  spliceFieldErrors (json: string, fieldErrors: readonly FieldError[]): string
  /** The request members the body carries, each a string the responder may splice into precomputed bytes. */
  readonly requestMembers: readonly RequestMember[]
  /** The top-level property an OpenAPI discriminator can switch on (the code), if the code sits at the top. */
  readonly discriminator: string | undefined
  /** Where the code sits in the body (`['error', 'code']`), if the body carries it: generated guards read it there. */
  readonly codePath: readonly string[] | undefined
  /** What the error guide says about the body, in the guide's language for a locale (default Korean). */
  guideIn (locale?: string): FormatGuide
}

/** The error guide's section on a format (Markdown). */
export interface FormatGuide {
  readonly intro: readonly string[]
  readonly members: ReadonlyArray<{ readonly member: string, readonly description: string }>
  readonly notes: readonly string[]
}

const schemas = new WeakMap<WireFormat, WeakMap<CompiledEntry, TObject>>()

/** The body schema of a code in a format (OpenAPI, checks), built once per (format, entry). */
export function bodySchemaOf (format: WireFormat, entry: CompiledEntry): TObject {
  let byEntry = schemas.get(format)
  if (byEntry === undefined) schemas.set(format, byEntry = new WeakMap())
  let schema = byEntry.get(entry)
  if (schema === undefined) byEntry.set(entry, schema = format.schema(entry, entry.fieldErrors))
  return schema
}

/** The schema a code's serializer is compiled from (members in declared order). */
export function serializerSchemaOf (format: WireFormat, entry: CompiledEntry): TObject {
  return format.serializerSchema(entry, entry.fieldErrors)
}

const serializers = new WeakMap<WireFormat, WeakMap<CompiledEntry, (body: unknown) => string>>()

/**
 * The bytes of one body, as the server sends them: the code's serializer (fast-json-stringify, compiled once per
 * format and code) over the format's serializer body, then the field errors the format writes itself. Throws when
 * the parts do not fit the code's schema (details of the wrong type).
 */
export function serializeBody (format: WireFormat, parts: ErrorParts): string {
  let byEntry = serializers.get(format)
  if (byEntry === undefined) serializers.set(format, byEntry = new WeakMap())
  let serialize = byEntry.get(parts.entry)
  if (serialize === undefined) byEntry.set(parts.entry, serialize = buildSerializer(serializerSchemaOf(format, parts.entry)) as (body: unknown) => string)
  const json = serialize(format.serializerBody(parts))
  return parts.fieldErrors === undefined ? json : format.spliceFieldErrors(json, parts.fieldErrors)
}

/**
 * The random part of the markers a sample body carries where its varying parts go (field errors in declared.ts,
 * request members, message, suggestions and details in the responder), cut out of the serializer's output. Random
 * per process, so that no value a client sends can be taken for one; a marker found more than once leaves the body
 * to the serializer.
 */
export const MARKER_ID = Array.from(globalThis.crypto.getRandomValues(new Uint32Array(2)), (part) => part.toString(36)).join('')

/** What JSON must escape in a string: `"`, `\`, control characters, and surrogates (JSON.stringify escapes lone ones). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/

/**
 * A string as JSON, with the bytes of JSON.stringify and of fast-json-stringify's string rule, which the code
 * serializers use (test/plugin/slotted-bodies.test.ts): quoted as it is when nothing in it needs escaping (one regex
 * test, cheaper than either on short Korean text). What splices strings into a serializer's output writes them so.
 */
export function jsonString (text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`
}

/** The schema `$details` has in every format: the code's details schema (a copy, so that a format's schema owns its objects). */
export function detailsSchemaOf (entry: CompiledEntry): TObject {
  return { ...entry.detailsSchema }
}

const samples = new WeakMap<WireFormat, WeakMap<CompiledEntry, (body: unknown) => string>>()

/**
 * A sample body of a code without field errors, from the serializer compiled with `$details` as a string (see
 * WireFormat.serializerSchema): parts may carry markers in place of the message, the suggestions and the details, and
 * the responder cuts the output around them. Every other member is written exactly as serializeBody writes it.
 */
export function serializeSample (format: WireFormat, parts: Omit<ErrorParts, 'details' | 'fieldErrors'> & { details: string }): string {
  let byEntry = samples.get(format)
  if (byEntry === undefined) samples.set(format, byEntry = new WeakMap())
  let serialize = byEntry.get(parts.entry)
  if (serialize === undefined) byEntry.set(parts.entry, serialize = buildSerializer(format.serializerSchema(parts.entry, parts.entry.fieldErrors, true)) as (body: unknown) => string)
  return serialize(format.serializerBody({ ...parts, details: parts.details as unknown as Readonly<Record<string, unknown>>, fieldErrors: undefined }))
}

const detailsSerializers = new WeakMap<CompiledEntry, (details: unknown) => string>()

/** A code's details as its body's serializer writes them (the same schema, compiled on its own). Throws as serializeBody does. */
export function serializeDetails (entry: CompiledEntry, details: Readonly<Record<string, unknown>>): string {
  let serialize = detailsSerializers.get(entry)
  if (serialize === undefined) detailsSerializers.set(entry, serialize = buildSerializer(detailsSchemaOf(entry)) as (details: unknown) => string)
  return serialize(details)
}

/** True when a code's body cannot be written without details (its details schema requires members). */
export function requiresDetails (entry: CompiledEntry): boolean {
  return (entry.detailsSchema.required ?? []).length > 0
}

/** Field errors grouped by path, in first-seen order: `{ "email": ["…", "…"] }`. */
export function fieldErrorsByPath (list: readonly FieldError[]): Record<string, string[]> {
  const byPath: Record<string, string[]> = Object.create(null)
  for (const { path, message } of list) (byPath[path] ??= []).push(message)
  return byPath
}
