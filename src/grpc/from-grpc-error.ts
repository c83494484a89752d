/**
 * Gateway side: a grpc-js error (status, message, `grpc-status-details-bin` trailer) → the catalog error it
 * stands for, so that a Fastify route calling a gRPC backend can `throw fromGrpcError(error, catalog)` and the
 * plugin answers with the catalog's envelope, HTTP status, details and Retry-After.
 * The entry is found by `ErrorInfo.reason`, else by the `number` in its metadata, else it is the generic code of
 * the gRPC status (by the HTTP status of the table). The message is always the catalog's: whatever text the
 * backend sent (its status message, a LocalizedMessage) never reaches the client.
 */
import type { CatalogError } from '../catalog/catalog-error.js'
import type { CompiledCatalog, CompiledEntry } from '../catalog/compile.js'
import type { DetailSpec } from '../catalog/format.js'
import { readProperty } from '../plugin/thrown.js'
import { entryForNumber, entryForStatus } from './entries.js'
import { decodeStatus, STATUS_DETAILS_KEY, type RpcStatus } from './rpc-status.js'
import { grpcStatusName, httpStatusOfGrpc } from '../catalog/grpc-status.js'
import { NUMBER_KEY } from './to-grpc-error.js'

/** Options of `fromGrpcError`. */
export interface FromGrpcErrorOptions {
  /** Trust `ErrorInfo` only from these domains (default: any). Others are answered by their gRPC status. */
  domains?: readonly string[] | undefined
}

/**
 * The catalog error a grpc-js error stands for (see the module comment). Anything else that was thrown is read
 * as UNKNOWN (→ the catalog's internal role, INTERNAL_ERROR by default). Throws FEC_ERR_CODE_MISSING only for a
 * catalog compiled without the codes of its badRequest and internal roles.
 */
export function fromGrpcError (error: unknown, catalog: CompiledCatalog, options: FromGrpcErrorOptions = {}): CatalogError {
  const code = readProperty(error, 'code')
  const number = typeof code === 'number' ? code : undefined
  const grpc = (number === undefined ? undefined : grpcStatusName(number)) ?? 'UNKNOWN'
  const status = statusOf(error, number)
  const info = status?.errorInfo
  const trusted = info !== undefined && (options.domains === undefined || options.domains.includes(info.domain))

  let entry: CompiledEntry | undefined
  let details: Record<string, unknown> | undefined
  if (trusted) {
    entry = catalog.get(info.reason)
    if (entry === undefined && Object.hasOwn(info.metadata, NUMBER_KEY)) {
      const value = Number(info.metadata[NUMBER_KEY])
      if (Number.isInteger(value)) entry = entryForNumber(catalog, value)
    }
    if (entry !== undefined) {
      details = detailsOf(entry, info.metadata)
      // Details that do not fit the entry (another version of the catalog): the generic code, without them.
      if (details === undefined) entry = undefined
    }
  }
  // A catalog without the badRequest or internal role's code (compiled with `builtin: false`) throws FEC_ERR_CODE_MISSING here.
  const generic = entryForStatus(catalog, httpStatusOfGrpc(grpc))
  const delay = status?.retryInfo?.retryDelaySeconds
  const create = (chosen: CompiledEntry, values: Record<string, unknown> | undefined): CatalogError => {
    const retryAfter = chosen.retryable && delay !== undefined && delay > 0 ? delay : undefined
    return chosen.create(values, { cause: error, ...(retryAfter === undefined ? {} : { retryAfter }) })
  }
  if (entry === undefined) return create(generic, undefined)
  try {
    return create(entry, details)
  } catch {
    // The factory refused the details (a check this reader does not make, such as a format): the generic code.
    return create(generic, undefined)
  }
}

/** The decoded details trailer, if there is one, it decodes, and its code agrees with the call's status. */
function statusOf (error: unknown, code: number | undefined): RpcStatus | undefined {
  const metadata = readProperty(error, 'metadata')
  const get = readProperty(metadata, 'get')
  if (typeof get !== 'function') return undefined
  try {
    const [bytes] = get.call(metadata, STATUS_DETAILS_KEY) as unknown[]
    if (!(bytes instanceof Uint8Array)) return undefined
    const status = decodeStatus(bytes)
    return status.code === code ? status : undefined
  } catch {
    return undefined
  }
}

/**
 * Metadata strings → the entry's typed details, or undefined when one does not fit its spec (type, enum, bounds,
 * members; formats are not checked) or a required one is missing.
 */
function detailsOf (entry: CompiledEntry, metadata: Readonly<Record<string, string>>): Record<string, unknown> | undefined {
  const details: Record<string, unknown> = {}
  for (const [name, spec] of Object.entries(entry.details)) {
    if (!Object.hasOwn(metadata, name)) {
      if (spec.optional === true) continue
      return undefined
    }
    const value = parse(spec, metadata[name])
    if (!fits(spec, value)) return undefined
    details[name] = value
  }
  return details
}

function parse (spec: DetailSpec, text: string): unknown {
  switch (spec.type) {
    case 'string': return text
    case 'integer': case 'number': return text.trim() === '' ? undefined : Number(text)
    case 'boolean': return text === 'true' ? true : text === 'false' ? false : undefined
    default:
      try {
        return JSON.parse(text)
      } catch {
        return undefined
      }
  }
}

/** Whether a value fits a detail spec (the catalog's small JSON Schema subset, format.ts). */
function fits (spec: DetailSpec, value: unknown): boolean {
  switch (spec.type) {
    case 'string':
      return typeof value === 'string' && (spec.enum === undefined || spec.enum.includes(value)) &&
        value.length >= (spec.minLength ?? 0) && value.length <= (spec.maxLength ?? Infinity)
    case 'integer': case 'number':
      return typeof value === 'number' && Number.isFinite(value) && (spec.type === 'number' || Number.isInteger(value)) &&
        value >= (spec.minimum ?? -Infinity) && value <= (spec.maximum ?? Infinity)
    case 'boolean': return typeof value === 'boolean'
    case 'array': return Array.isArray(value) && value.every((item) => fits(spec.items, item))
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
      const members = value as Record<string, unknown>
      if (Object.keys(members).some((key) => !Object.hasOwn(spec.properties, key))) return false
      return Object.entries(spec.properties).every(([key, inner]) => Object.hasOwn(members, key) ? fits(inner, members[key]) : inner.optional === true)
    }
  }
}
