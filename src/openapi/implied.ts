/**
 * Implied errors: codes a route can answer with without declaring them, because Fastify or the plugin produces
 * them (a failed request schema, an unreadable body, an unexpected exception): the codes of the catalog's roles.
 */
import type { CompiledCatalog } from '../catalog/compile.js'
import { ROLE_CODES, type RequiredRole } from '../catalog/roles.js'
import { FEC_ERR_OPTIONS_INVALID } from '../errors.js'
import { partSchemaOf, REQUEST_PARTS } from '../request-parts.js'

/** Which codes every route gets without declaring them, by the condition that makes them possible. */
export interface ImpliedErrors {
  /** On every route (default: the internal role's code, `['INTERNAL_ERROR']` unless the catalog's `roles:` names another). */
  always?: readonly string[]
  /**
   * On routes with a body, querystring, params or headers schema (default: the validation role's code,
   * `['VALIDATION_ERROR']`, and the codes of the catalog's `validation.codes`).
   */
  requestSchema?: readonly string[]
  /**
   * On routes that read a body: a body schema, or POST, PUT or PATCH (default: the invalidJson, payloadTooLarge and
   * unsupportedMediaType roles' codes, `['INVALID_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE']`).
   */
  body?: readonly string[]
}

/** Implied errors after validation: every group spelled out. */
export type ResolvedImpliedErrors = Readonly<Required<ImpliedErrors>>

/** The roles of each group: what Fastify and the plugin can answer on any route. */
const GROUP_ROLES: Readonly<Record<keyof ImpliedErrors, readonly RequiredRole[]>> = Object.freeze({
  always: ['internal'],
  requestSchema: ['validation'],
  body: ['invalidJson', 'payloadTooLarge', 'unsupportedMediaType']
})

/** The defaults with the builtin codes (a catalog's `roles:` may name others: `resolveImpliedErrors` uses the catalog's). */
export const DEFAULT_IMPLIED_ERRORS: ResolvedImpliedErrors = impliedOf((role) => ROLE_CODES[role])

/** Each group's codes, one per role. */
function impliedOf (codeOf: (role: RequiredRole) => string): ResolvedImpliedErrors {
  return Object.freeze({
    always: Object.freeze(GROUP_ROLES.always.map(codeOf)),
    requestSchema: Object.freeze(GROUP_ROLES.requestSchema.map(codeOf)),
    body: Object.freeze(GROUP_ROLES.body.map(codeOf))
  })
}

const NONE: ResolvedImpliedErrors = Object.freeze({ always: [], requestSchema: [], body: [] })
const GROUPS = ['always', 'requestSchema', 'body'] as const
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH'])

/**
 * Validates the `implied` option against the catalog: `false` turns implied errors off, a group replaces the default
 * (the codes of the catalog's roles; a required role the catalog lacks throws FEC_ERR_CODE_MISSING).
 */
export function resolveImpliedErrors (option: ImpliedErrors | false | undefined, catalog: CompiledCatalog): ResolvedImpliedErrors {
  if (option === false) return NONE
  const roles = impliedOf((role) => catalog.roles[role].code)
  // A failed request schema may also answer a code the catalog's `validation.codes` maps a keyword to.
  const mapped = catalog.validation.codes.map(({ code }) => code)
  const defaults: ResolvedImpliedErrors = mapped.length === 0
    ? roles
    : Object.freeze({ ...roles, requestSchema: Object.freeze([...new Set([...roles.requestSchema, ...mapped])]) })
  if (option === undefined) return defaults
  if (typeof option !== 'object' || option === null) throw new FEC_ERR_OPTIONS_INVALID('openapi.implied', 'expected false or an object')
  const resolved: Record<string, readonly string[]> = {}
  for (const key of Object.keys(option)) {
    if (!(GROUPS as readonly string[]).includes(key)) throw new FEC_ERR_OPTIONS_INVALID(`openapi.implied.${key}`, `unknown group; known: ${GROUPS.join(', ')}`)
  }
  for (const group of GROUPS) {
    const codes = option[group] ?? defaults[group]
    if (!Array.isArray(codes)) throw new FEC_ERR_OPTIONS_INVALID(`openapi.implied.${group}`, `expected an array of codes, got ${JSON.stringify(codes)}`)
    for (const code of codes) {
      if (typeof code !== 'string' || catalog.get(code) === undefined) {
        throw new FEC_ERR_OPTIONS_INVALID(`openapi.implied.${group}`, `${JSON.stringify(code)} is not a code of the catalog`)
      }
    }
    resolved[group] = Object.freeze([...codes])
  }
  return Object.freeze(resolved as Required<ImpliedErrors>)
}

/**
 * The implied codes of one route (a `RouteLike` of route.ts, which imports this module: only its method and
 * schema are read here, so that the two files do not import each other).
 */
export function impliedCodes (route: { readonly method?: unknown, readonly schema?: unknown }, implied: ResolvedImpliedErrors): string[] {
  const methods: unknown[] = Array.isArray(route.method) ? route.method : [route.method]
  const codes = [...implied.always]
  if (REQUEST_PARTS.some((part) => partSchemaOf(route.schema, part) !== undefined)) codes.push(...implied.requestSchema)
  if (partSchemaOf(route.schema, 'body') !== undefined || methods.some((method) => BODY_METHODS.has(String(method).toUpperCase()))) codes.push(...implied.body)
  return codes
}
