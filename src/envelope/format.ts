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
import { VALIDATION_CODE } from '../catalog/roles.js'
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
  /** The JSON Schema of one code's body (OpenAPI component, checks); `fieldErrors` for the validation code. */
  schema (entry: CompiledEntry, fieldErrors: boolean): TObject
  /**
   * The schema the code's serializer is compiled from: `schema` without the body's own `required` lists, because
   * fast-json-stringify writes required members first and the bytes must follow the declared member order.
   */
  serializerSchema (entry: CompiledEntry, fieldErrors: boolean): TObject
  /** The body of one answer, in member order, for the code's serializer (members left undefined are omitted). */
  body (parts: ErrorParts): unknown
  /** The request members the body carries, each a string the responder may splice into precomputed bytes. */
  readonly requestMembers: readonly RequestMember[]
  /** The top-level property an OpenAPI discriminator can switch on (the code), if the code sits at the top. */
  readonly discriminator: string | undefined
  /** What the error guide says about the body: paragraphs before and after a table of its members. */
  readonly guide: FormatGuide
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
  if (schema === undefined) byEntry.set(entry, schema = format.schema(entry, entry.code === VALIDATION_CODE))
  return schema
}

/** The schema a code's serializer is compiled from (members in declared order). */
export function serializerSchemaOf (format: WireFormat, entry: CompiledEntry): TObject {
  return format.serializerSchema(entry, entry.code === VALIDATION_CODE)
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
