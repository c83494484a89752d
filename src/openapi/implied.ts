/**
 * Implied errors: builtin codes a route can answer with without declaring them, because Fastify or the
 * plugin produces them (a failed request schema, an unreadable body, an unexpected exception).
 */
import type { CompiledCatalog } from '../catalog/compile.js'
import { ROLE_CODES } from '../catalog/roles.js'
import { FEC_ERR_OPTIONS_INVALID } from '../errors.js'
import { partSchemaOf, REQUEST_PARTS } from '../request-parts.js'

/** Which codes every route gets without declaring them, by the condition that makes them possible. */
export interface ImpliedErrors {
  /** On every route (default `['INTERNAL_ERROR']`). */
  always?: readonly string[]
  /** On routes with a body, querystring, params or headers schema (default `['VALIDATION_ERROR']`). */
  requestSchema?: readonly string[]
  /**
   * On routes that read a body: a body schema, or POST, PUT or PATCH
   * (default `['INVALID_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE']`).
   */
  body?: readonly string[]
}

/** Implied errors after validation: every group spelled out. */
export type ResolvedImpliedErrors = Readonly<Required<ImpliedErrors>>

/** The defaults: what Fastify and the plugin can answer on any route. */
export const DEFAULT_IMPLIED_ERRORS: ResolvedImpliedErrors = Object.freeze({
  always: Object.freeze([ROLE_CODES.internal]),
  requestSchema: Object.freeze([ROLE_CODES.validation]),
  body: Object.freeze([ROLE_CODES.invalidJson, ROLE_CODES.payloadTooLarge, ROLE_CODES.unsupportedMediaType])
})

const NONE: ResolvedImpliedErrors = Object.freeze({ always: [], requestSchema: [], body: [] })
const GROUPS = ['always', 'requestSchema', 'body'] as const
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH'])

/** Validates the `implied` option against the catalog: `false` turns implied errors off, a group replaces the default. */
export function resolveImpliedErrors (option: ImpliedErrors | false | undefined, catalog: CompiledCatalog): ResolvedImpliedErrors {
  if (option === false) return NONE
  if (option === undefined) return DEFAULT_IMPLIED_ERRORS
  if (typeof option !== 'object' || option === null) throw new FEC_ERR_OPTIONS_INVALID('openapi.implied', 'expected false or an object')
  const resolved: Record<string, readonly string[]> = {}
  for (const key of Object.keys(option)) {
    if (!(GROUPS as readonly string[]).includes(key)) throw new FEC_ERR_OPTIONS_INVALID(`openapi.implied.${key}`, `unknown group; known: ${GROUPS.join(', ')}`)
  }
  for (const group of GROUPS) {
    const codes = option[group] ?? DEFAULT_IMPLIED_ERRORS[group]
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
