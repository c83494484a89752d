/**
 * Server side: a thrown value → a grpc-js `ServiceError` whose code is the entry's gRPC status and whose
 * `grpc-status-details-bin` trailer holds a `google.rpc.Status` with ErrorInfo, LocalizedMessage, RetryInfo,
 * BadRequest and Help. Anything that is not a catalog error becomes INTERNAL built from the catalog alone,
 * with nothing of the thrown value on the wire (the same rule as the HTTP handler).
 */
import { Metadata, type ServiceError } from '@grpc/grpc-js'
import type { CompiledCatalog, CompiledEntry } from '../catalog/compile.js'
import { ROLE_CODES } from '../catalog/roles.js'
import { DEFAULT_VALIDATION_LIMITS } from '../validation/field-errors.js'
import { catalogPartsOfThrown, isArray, ownKeys, readProperty } from '../plugin/thrown.js'
import { entryForStatus } from './entries.js'
import { encodeStatus, packDetail, STATUS_DETAILS_KEY, type PackedDetail } from './rpc-status.js'
import { grpcStatusNumber, grpcStatusOfHttp, type GrpcStatusName } from '../catalog/grpc-status.js'

/** Options of `toGrpcError`. */
export interface GrpcErrorOptions {
  /**
   * The compiled catalog. With it the entry gives the gRPC status (`grpc`), `number`, the details to send (only
   * declared ones), `docsUrl`, and the INTERNAL message; without it only what the error carries is used (the
   * status derived from its HTTP status, no details).
   */
  catalog?: CompiledCatalog | undefined
  /** `ErrorInfo.domain`: the service that produced the error, e.g. `auth.example.com` (default `fastify-error-catalog`). */
  domain?: string | undefined
}

/** The default `ErrorInfo.domain`. */
export const DEFAULT_DOMAIN = 'fastify-error-catalog'
/** `ErrorInfo.metadata` key of the entry's `number`. */
export const NUMBER_KEY = 'number'
/** The description of the `Help` link made from `docsUrl`. */
const HELP_DESCRIPTION = '이 오류의 문서'

interface Reply {
  grpc: GrpcStatusName
  reason: string
  message: string
  locale: string
  number: number | undefined
  metadata: Record<string, string> | undefined
  retryAfter: number | undefined
  fieldViolations: Array<{ field: string, description: string }> | undefined
  entry: CompiledEntry | undefined
}

/** Turns a thrown value into a grpc-js ServiceError (see the module comment). Never throws. */
export function toGrpcError (error: unknown, options: GrpcErrorOptions = {}): ServiceError {
  const domain = options.domain ?? DEFAULT_DOMAIN
  try {
    return serviceError(replyOf(error, options.catalog), domain)
  } catch {
    // A catalog or option that cannot be read: still an INTERNAL without anything of the thrown value.
    return serviceError(internalReply(undefined), domain)
  }
}

function replyOf (error: unknown, catalog: CompiledCatalog | undefined): Reply {
  const parts = catalogPartsOfThrown(error)
  if (parts === undefined) return internalReply(catalog)
  const locale = catalog?.locale ?? 'ko'
  if (catalog === undefined) {
    return { grpc: grpcStatusOfHttp(parts.statusCode), reason: parts.code, message: parts.message, locale, number: undefined, metadata: undefined, retryAfter: parts.retryable ? parts.retryAfter : undefined, fieldViolations: undefined, entry: undefined }
  }
  const own = catalog.get(parts.code)
  if (own === undefined) {
    // A code of another catalog: answered by its status, from this catalog alone.
    const entry = entryForStatus(catalog, parts.statusCode)
    return { ...replyOfEntry(entry, locale), retryAfter: entry.retryable ? parts.retryAfter : undefined }
  }
  return {
    // The message the factory rendered (kept apart from `error.message`, which code on the way may change).
    ...replyOfEntry(own, locale, parts.message),
    metadata: metadataOf(own, parts.details),
    retryAfter: own.retryable ? parts.retryAfter : undefined,
    fieldViolations: own.fieldErrors ? fieldViolationsOf(error) : undefined
  }
}

/** The reply of an entry without details. */
function replyOfEntry (entry: CompiledEntry, locale: string, message = entry.render(undefined).message): Reply {
  return { grpc: entry.grpc, reason: entry.code, message, locale, number: entry.number, metadata: undefined, retryAfter: undefined, fieldViolations: undefined, entry }
}

function internalReply (catalog: CompiledCatalog | undefined): Reply {
  // The catalog's catch-all (its `roles.internal`); without a catalog (or one that cannot be read), the builtin code.
  const entry = catalog?.roles.internal
  if (entry !== undefined) return replyOfEntry(entry, catalog?.locale ?? 'ko')
  return { grpc: 'INTERNAL', reason: ROLE_CODES.internal, message: '', locale: 'ko', number: undefined, metadata: undefined, retryAfter: undefined, fieldViolations: undefined, entry: undefined }
}

/** Declared details only, each as a string (ErrorInfo metadata is map<string, string>). */
function metadataOf (entry: CompiledEntry, details: unknown): Record<string, string> | undefined {
  let out: Record<string, string> | undefined
  for (const name of Object.keys(entry.details)) {
    const text = asText(readProperty(details, name))
    if (text === undefined) continue
    out ??= {}
    out[name] = text
  }
  return out
}

function asText (value: unknown): string | undefined {
  switch (typeof value) {
    case 'string': return value
    case 'number': case 'boolean': case 'bigint': return String(value)
    case 'object':
      if (value === null) return undefined
      try {
        return JSON.stringify(value)
      } catch {
        return undefined
      }
    default: return undefined
  }
}

/**
 * `fieldErrors` a validation error carries (field path → messages, the HTTP envelope's shape), as BadRequest
 * field violations, within the HTTP side's limits. Read through guarded accessors: anything odd is skipped.
 */
function fieldViolationsOf (error: unknown): Reply['fieldViolations'] {
  const fieldErrors = readProperty(error, 'fieldErrors')
  if (typeof fieldErrors !== 'object' || fieldErrors === null) return undefined
  const fields = ownKeys(fieldErrors)
  const out: Array<{ field: string, description: string }> = []
  for (const field of fields.slice(0, DEFAULT_VALIDATION_LIMITS.maxFields)) {
    const messages = readProperty(fieldErrors, field)
    if (!isArray(messages)) continue
    for (const description of messages.slice(0, DEFAULT_VALIDATION_LIMITS.maxMessagesPerField)) {
      if (typeof description === 'string') out.push({ field, description })
    }
  }
  return out.length === 0 ? undefined : out
}

// Help points at a fixed URL per entry: packed once.
const helpOf = new WeakMap<CompiledEntry, PackedDetail>()

function serviceError (reply: Reply, domain: string): ServiceError {
  const code = grpcStatusNumber(reply.grpc)
  const metadata: Record<string, string> = { ...reply.metadata }
  if (reply.number !== undefined) metadata[NUMBER_KEY] = String(reply.number)
  const details = [packDetail('errorInfo', { reason: reply.reason, domain, metadata })]
  if (reply.message !== '') details.push(packDetail('localizedMessage', { locale: reply.locale, message: reply.message }))
  if (reply.retryAfter !== undefined) details.push(packDetail('retryInfo', { retryDelaySeconds: reply.retryAfter }))
  if (reply.fieldViolations !== undefined) details.push(packDetail('badRequest', { fieldViolations: reply.fieldViolations }))
  const docsUrl = reply.entry?.docsUrl
  if (reply.entry !== undefined && docsUrl !== undefined) {
    let help = helpOf.get(reply.entry)
    if (help === undefined) {
      help = packDetail('help', { links: [{ description: HELP_DESCRIPTION, url: docsUrl }] })
      helpOf.set(reply.entry, help)
    }
    details.push(help)
  }
  const trailer = new Metadata()
  trailer.set(STATUS_DETAILS_KEY, encodeStatus(code, reply.message, details))
  // The stack of this error is never sent or logged (the thrown value is): skip capturing it.
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  const error = new Error(reply.message)
  Error.stackTraceLimit = limit
  return Object.assign(error, { code, details: reply.message, metadata: trailer })
}
