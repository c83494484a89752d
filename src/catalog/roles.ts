/**
 * The roles the plugin answers with a code of its own choosing (a failed request schema, an unknown route,
 * an unexpected exception, …), each with the builtin code that plays it. Code outside the catalog asks for
 * a role, never for a code by name, so that a catalog can later name its own code for a role (issue 11).
 */
import { FEC_ERR_CODE_MISSING } from '../errors.js'

/**
 * Each role: its builtin code, and whether the plugin cannot answer without it (a missing required code fails
 * at registration; a missing optional one leaves that case to the status table).
 */
const ROLES = {
  /** A request failed its route schema; the answer carries the field errors. */
  validation: { code: 'VALIDATION_ERROR', required: true },
  /** The body is not valid JSON, or empty where JSON was announced. */
  invalidJson: { code: 'INVALID_JSON', required: true },
  /** No route has this path. */
  notFound: { code: 'NOT_FOUND', required: true },
  /** A route has this path, but not this method. */
  methodNotAllowed: { code: 'METHOD_NOT_ALLOWED', required: true },
  /** The body is over Fastify's `bodyLimit`. */
  payloadTooLarge: { code: 'PAYLOAD_TOO_LARGE', required: true },
  /** No content type parser takes the body's media type. */
  unsupportedMediaType: { code: 'UNSUPPORTED_MEDIA_TYPE', required: true },
  /** The catch-all of anything unexpected, and of a 5xx status without a code of its own. */
  internal: { code: 'INTERNAL_ERROR', required: true },
  /** The handler ran past Fastify's `handlerTimeout`. */
  unavailable: { code: 'SERVICE_UNAVAILABLE', required: true },
  /** The catch-all of a 4xx status without a code of its own. */
  badRequest: { code: 'BAD_REQUEST', required: true },
  /** A `Content-Length` that does not match the body. */
  invalidContentLength: { code: 'INVALID_CONTENT_LENGTH', required: false },
  /** A URL Fastify cannot decode. */
  invalidUrl: { code: 'INVALID_URL', required: false },
  /** @fastify/rate-limit's 429 (`rateLimitErrorResponse`). */
  rateLimited: { code: 'RATE_LIMIT_EXCEEDED', required: false }
} as const satisfies Record<string, { code: string, required: boolean }>

/** A role the plugin needs a code for. */
export type Role = keyof typeof ROLES

/** A role without which the plugin cannot answer. */
export type RequiredRole = { [R in Role]: typeof ROLES[R]['required'] extends true ? R : never }[Role]

/** The builtin code of each role, as typed constants: `ROLE_CODES.internal` is `'INTERNAL_ERROR'`. */
export const ROLE_CODES: { readonly [R in Role]: typeof ROLES[R]['code'] } = Object.freeze(
  Object.fromEntries(Object.entries(ROLES).map(([role, { code }]) => [role, code])) as { [R in Role]: typeof ROLES[R]['code'] }
)

/** Every role, in the table's order. */
export const ROLE_NAMES: readonly Role[] = Object.freeze(Object.keys(ROLES) as Role[])

/** The roles without which the plugin cannot answer. */
export const REQUIRED_ROLES: readonly RequiredRole[] = Object.freeze(ROLE_NAMES.filter((role): role is RequiredRole => ROLES[role].required))

/** Codes the plugin answers with by itself; a catalog served by the plugin must define them all. */
export const REQUIRED_CODES: ReadonlyArray<typeof ROLES[RequiredRole]['code']> = Object.freeze(REQUIRED_ROLES.map((role) => ROLE_CODES[role]))

/** The code of validation failures; its responses carry `fieldErrors`. */
export const VALIDATION_CODE = ROLE_CODES.validation

/** The entry playing each role in one catalog: every required role has one, an optional role may not. */
export type RoleEntries<Entry> =
  { readonly [R in RequiredRole]: Entry } &
  { readonly [R in Exclude<Role, RequiredRole>]: Entry | undefined }

/**
 * The entries of a catalog's roles (a `CompiledCatalog`; only its lookup is read, so this module needs
 * nothing of compile.ts), looked up once, at registration. Throws FEC_ERR_CODE_MISSING naming every
 * required code the catalog lacks.
 */
export function roleEntries<Entry> (catalog: { get (code: string): Entry | undefined }): RoleEntries<Entry> {
  const entries: Partial<Record<Role, Entry>> = {}
  const missing: string[] = []
  for (const role of ROLE_NAMES) {
    const entry = catalog.get(ROLE_CODES[role])
    if (entry !== undefined) entries[role] = entry
    else if (ROLES[role].required) missing.push(ROLE_CODES[role])
  }
  if (missing.length > 0) throw new FEC_ERR_CODE_MISSING(missing.join(', '))
  // Every required role was found above.
  return Object.freeze(entries) as RoleEntries<Entry>
}
