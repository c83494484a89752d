/**
 * What the handler answers for each thing that can be thrown: the mapping table of the plugin.
 * It looks up codes only; reading the thrown value is thrown.ts's job.
 */
import type { CompiledCatalog, CompiledEntry } from '../catalog/compile.js'
import { requireRoles, ROLE_CODES, ROLE_NAMES, type Role, type RoleEntries } from '../catalog/roles.js'
import { FEC_ERR_OPTIONS_INVALID } from '../errors.js'

/** Fastify's own error codes → the role that answers them. */
const FRAMEWORK_ROLES: Readonly<Record<string, Role>> = Object.freeze({
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalidJson',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalidJson',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payloadTooLarge',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupportedMediaType',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalidContentLength',
  FST_ERR_HANDLER_TIMEOUT: 'unavailable',
  FST_ERR_BAD_URL: 'invalidUrl'
})

/** Fastify's own error codes → the builtin code that answers them. */
export const FRAMEWORK_CODES: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(Object.entries(FRAMEWORK_ROLES).map(([fastifyCode, role]) => [fastifyCode, ROLE_CODES[role]]))
)

/** HTTP status → the builtin code that answers an error that carries only that status. */
export const STATUS_CODES: Readonly<Record<number, string>> = Object.freeze({
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  402: 'PAYMENT_REQUIRED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  410: 'GONE',
  411: 'LENGTH_REQUIRED',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  416: 'RANGE_NOT_SATISFIABLE',
  422: 'UNPROCESSABLE_ENTITY',
  423: 'LOCKED',
  428: 'PRECONDITION_REQUIRED',
  429: 'RATE_LIMIT_EXCEEDED',
  431: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
  451: 'UNAVAILABLE_FOR_LEGAL_REASONS',
  500: 'INTERNAL_ERROR',
  501: 'NOT_IMPLEMENTED',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT'
})

/** The statuses whose generic code is a role's builtin code (404 → notFound, 500 → internal, …): they take the role's entry. */
const STATUS_ROLES: ReadonlyMap<number, Role> = new Map(Object.entries(STATUS_CODES).flatMap(([status, code]) => {
  const role = ROLE_NAMES.find((name) => ROLE_CODES[name] === code)
  return role === undefined ? [] : [[Number(status), role] as const]
}))

/**
 * The entry answering an error known only by its HTTP status: the catalog's entry of the role that status means
 * (a catalog's `roles.notFound` answers a bare 404), else the status's generic code, else the badRequest or internal
 * role. The HTTP handler (`forStatus`, built once from this) and gRPC choose alike.
 */
export function entryForStatus (catalog: CompiledCatalog, status: number): CompiledEntry {
  const role = STATUS_ROLES.get(status)
  const code = STATUS_CODES[status] as string | undefined
  return (role === undefined ? undefined : catalog.roles[role]) ?? (code === undefined ? undefined : catalog.get(code)) ??
    (status < 500 ? catalog.roles.badRequest : catalog.roles.internal)
}

/** Lookup tables of one catalog, built once at registration. */
export interface Classifier {
  /** The entry answering an error that carries only an HTTP status. */
  forStatus (status: number): CompiledEntry
  /**
   * The entry answering an error of Fastify or of another library, by its `code` or its class `name`: Fastify's
   * codes (FRAMEWORK_CODES), then every entry's `maps` (user entries over builtin ones), if one names it.
   */
  forForeign (name: string): CompiledEntry | undefined
  /** The entry of each role (`catalog.roles`), every required one checked at registration. */
  readonly roles: RoleEntries<CompiledEntry>
  // Shorthands of `roles.validation`, … for the handlers.
  readonly validation: CompiledEntry
  readonly notFound: CompiledEntry
  readonly methodNotAllowed: CompiledEntry
  readonly internal: CompiledEntry
}

/** Builds the tables; fails at startup when the catalog lacks a code the handler needs. */
export function createClassifier (catalog: CompiledCatalog, fallbacks: Readonly<Record<number, string>> = {}): Classifier {
  const roles = requireRoles(catalog.roles)

  const byStatus = new Map<number, CompiledEntry>()
  for (const status of Object.keys(STATUS_CODES)) byStatus.set(Number(status), entryForStatus(catalog, Number(status)))
  for (const [status, code] of Object.entries(fallbacks)) {
    const entry = catalog.get(code)
    if (entry !== undefined) byStatus.set(Number(status), entry)
    else if (code !== STATUS_CODES[Number(status)]) throw new FEC_ERR_OPTIONS_INVALID('fallbacks', `status ${status} names ${code}, which the catalog does not define`)
  }
  const { badRequest, internal } = roles

  const byForeign = new Map<string, CompiledEntry>()
  for (const [fastifyCode, role] of Object.entries(FRAMEWORK_ROLES)) {
    const entry = roles[role]
    if (entry !== undefined) byForeign.set(fastifyCode, entry)
  }
  // Builtin codes come last in `codes`: walking backwards lets a user entry's mapping replace a builtin one.
  for (let at = catalog.codes.length - 1; at >= 0; at--) {
    const entry = catalog.entries[catalog.codes[at]]
    // A catalog compiled by an older copy of the package has no `maps`.
    for (const name of entry.maps ?? []) byForeign.set(name, entry)
  }

  return {
    forStatus: (status) => byStatus.get(status) ?? (status < 500 ? badRequest : internal),
    forForeign: (name) => byForeign.get(name),
    roles,
    validation: roles.validation,
    notFound: roles.notFound,
    methodNotAllowed: roles.methodNotAllowed,
    internal
  }
}
