/**
 * Implied errors: builtin codes a route can answer with without declaring them, because Fastify or the
 * plugin produces them (a failed request schema, an unreadable body, an unexpected exception).
 */
import type { CompiledCatalog } from '../catalog/compile.js'
import { FEC_ERR_OPTIONS_INVALID } from '../errors.js'
import type { RouteLike } from './route.js'

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
  always: Object.freeze(['INTERNAL_ERROR']),
  requestSchema: Object.freeze(['VALIDATION_ERROR']),
  body: Object.freeze(['INVALID_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'])
})

const NONE: ResolvedImpliedErrors = Object.freeze({ always: [], requestSchema: [], body: [] })
const GROUPS = ['always', 'requestSchema', 'body'] as const
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH'])
const REQUEST_PARTS = ['body', 'querystring', 'query', 'params', 'headers'] as const

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

/** The implied codes of one route. */
export function impliedCodes (route: RouteLike, implied: ResolvedImpliedErrors): string[] {
  const schema = (typeof route.schema === 'object' && route.schema !== null ? route.schema : {}) as Record<string, unknown>
  const methods = Array.isArray(route.method) ? route.method : [route.method]
  const codes = [...implied.always]
  if (REQUEST_PARTS.some((part) => schema[part] !== undefined)) codes.push(...implied.requestSchema)
  if (schema.body !== undefined || methods.some((method) => BODY_METHODS.has(String(method).toUpperCase()))) codes.push(...implied.body)
  return codes
}
