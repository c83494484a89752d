/**
 * The roles the plugin answers with a code of its own choosing (a failed request schema, an unknown route,
 * an unexpected exception, …), each with the builtin code that plays it unless the catalog's `roles:` names
 * another (issue 11; docs/catalog-format.md, "Roles"). Code outside the catalog asks the catalog for a role's
 * entry (`catalog.roles`), never for a code by name.
 */
import { FEC_ERR_CODE_MISSING } from '../errors.js'

/**
 * Each role: its builtin code, whether the plugin cannot answer without it (a missing required code fails at
 * registration; a missing optional one leaves that case to the status table), the status its code must have (exact
 * where the answer means that status, else a class; checked when a catalog names a code) and what it is for.
 */
const ROLES = {
  validation: { code: 'VALIDATION_ERROR', required: true, status: '4xx', description: 'A request failed its route schema; the answer carries the field errors.' },
  invalidJson: { code: 'INVALID_JSON', required: true, status: '4xx', description: 'The body is not valid JSON, or empty where JSON was announced.' },
  notFound: { code: 'NOT_FOUND', required: true, status: 404, description: 'No route has this path.' },
  methodNotAllowed: { code: 'METHOD_NOT_ALLOWED', required: true, status: 405, description: 'A route has this path, but not this method.' },
  payloadTooLarge: { code: 'PAYLOAD_TOO_LARGE', required: true, status: 413, description: 'The body is over Fastify\'s `bodyLimit`.' },
  unsupportedMediaType: { code: 'UNSUPPORTED_MEDIA_TYPE', required: true, status: 415, description: 'No content type parser takes the body\'s media type.' },
  internal: { code: 'INTERNAL_ERROR', required: true, status: '5xx', description: 'The catch-all of anything unexpected, and of a 5xx status without a code of its own.' },
  unavailable: { code: 'SERVICE_UNAVAILABLE', required: true, status: '5xx', description: 'The handler ran past Fastify\'s `handlerTimeout`.' },
  badRequest: { code: 'BAD_REQUEST', required: true, status: '4xx', description: 'The catch-all of a 4xx status without a code of its own.' },
  invalidContentLength: { code: 'INVALID_CONTENT_LENGTH', required: false, status: '4xx', description: 'A `Content-Length` that does not match the body.' },
  invalidUrl: { code: 'INVALID_URL', required: false, status: '4xx', description: 'A URL Fastify cannot decode.' },
  rateLimited: { code: 'RATE_LIMIT_EXCEEDED', required: false, status: 429, description: '@fastify/rate-limit\'s 429 (`rateLimitErrorResponse`).' }
} as const satisfies Record<string, { code: string, required: boolean, status: number | '4xx' | '5xx', description: string }>

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

/** The builtin codes of the required roles: a catalog served by the plugin without a `roles:` section must define them all. */
export const REQUIRED_CODES: ReadonlyArray<typeof ROLES[RequiredRole]['code']> = Object.freeze(REQUIRED_ROLES.map((role) => ROLE_CODES[role]))

/** The builtin code of validation failures (a catalog's `roles.validation` may name another: read `entry.fieldErrors`). */
export const VALIDATION_CODE = ROLE_CODES.validation

/** True for a role name. */
export function isRole (name: string): name is Role {
  return Object.hasOwn(ROLES, name)
}

/** What a role's code must answer with: `404`, or a class `'4xx'`/`'5xx'`. */
export function roleStatus (role: Role): number | '4xx' | '5xx' {
  return ROLES[role].status
}

/** Whether `status` is one a role's code may have. */
export function fitsRole (role: Role, status: number): boolean {
  const wanted = ROLES[role].status
  return typeof wanted === 'number' ? status === wanted : Math.floor(status / 100) === Number(wanted[0])
}

/** What a role is for (the editor schema and the docs say the same). */
export function roleDescription (role: Role): string {
  return ROLES[role].description
}

/** The code playing each role: the catalog's `roles:` over the builtin codes. */
export function roleCodesOf (named: Readonly<Partial<Record<string, string>>> | undefined): Readonly<Record<Role, string>> {
  const codes: Record<string, string> = { ...ROLE_CODES }
  for (const role of ROLE_NAMES) {
    const code = named?.[role]
    if (typeof code === 'string') codes[role] = code
  }
  return Object.freeze(codes as Record<Role, string>)
}

/** The entry playing each role in one catalog: every required role has one, an optional role may not. */
export type RoleEntries<Entry> =
  { readonly [R in RequiredRole]: Entry } &
  { readonly [R in Exclude<Role, RequiredRole>]: Entry | undefined }

/**
 * The entries of the roles' codes, looked up once (compile.ts: `catalog.roles`). A catalog compiled without the
 * builtin one may lack a required role's code: reading that role throws FEC_ERR_CODE_MISSING naming every missing
 * code (the plugin checks them all at registration with `requireRoles`), so tooling can still compile such a catalog.
 */
export function roleEntries<Entry> (codes: Readonly<Record<Role, string>>, get: (code: string) => Entry | undefined): RoleEntries<Entry> {
  const entries: Partial<Record<Role, Entry>> = {}
  const missing: Role[] = []
  for (const role of ROLE_NAMES) {
    const entry = get(codes[role])
    if (entry !== undefined || !ROLES[role].required) entries[role] = entry
    else missing.push(role)
  }
  if (missing.length > 0) {
    const codesMissing = missing.map((role) => codes[role]).join(', ')
    for (const role of missing) {
      Object.defineProperty(entries, role, { enumerable: true, get () { throw new FEC_ERR_CODE_MISSING(codesMissing) } })
    }
    missingCodes.set(entries, codesMissing)
  }
  // Every required role was found above, or throws when read.
  return Object.freeze(entries) as RoleEntries<Entry>
}

/** The codes a roles object lacks for its required roles, when it lacks any. */
const missingCodes = new WeakMap<object, string>()

/** Throws FEC_ERR_CODE_MISSING when the catalog lacks the code of a required role (the plugin: at registration, not mid-request). */
export function requireRoles<Entry> (roles: RoleEntries<Entry>): RoleEntries<Entry> {
  const missing = missingCodes.get(roles)
  if (missing !== undefined) throw new FEC_ERR_CODE_MISSING(missing)
  return roles
}
