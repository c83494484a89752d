/**
 * What the OpenAPI side reads of a route: its method, URL and schema, including the `schema.errors`
 * declaration of the catalog codes it can answer with.
 */
import type { CompiledCatalog } from '../catalog/compile.js'
import { FEC_ERR_ROUTE_ERRORS } from '../errors.js'
import { impliedCodes, type ResolvedImpliedErrors } from './implied.js'

// `schema.errors` is typed for apps in src/plugin/types.ts, with the package's other Fastify augmentations.

/** The parts of Fastify's route options the OpenAPI side reads (`onRoute` options, `request.routeOptions`). */
export interface RouteLike {
  readonly method?: string | readonly string[] | undefined
  readonly url?: string | undefined
  readonly schema?: unknown
}

/** `GET /sessions/:code`: how messages name a route. */
export function routeLabel (route: RouteLike): string {
  const method = Array.isArray(route.method) ? route.method.join(',') : String(route.method ?? '?')
  return `${method} ${route.url ?? '?'}`
}

/** The codes a route declares in `schema.errors`, checked for shape (not yet against the catalog). */
export function declaredCodes (route: RouteLike): readonly string[] {
  const schema = route.schema
  if (typeof schema !== 'object' || schema === null) return []
  const errors = (schema as { errors?: unknown }).errors
  if (errors === undefined) return []
  if (!Array.isArray(errors) || !errors.every((code) => typeof code === 'string')) {
    throw new FEC_ERR_ROUTE_ERRORS(routeLabel(route), `schema.errors must be an array of catalog codes, got ${JSON.stringify(errors)}`)
  }
  return errors
}

/**
 * Every code a route can answer with: the declared ones, then the implied ones (validation, body parsing,
 * internal errors). A declared code the catalog does not define throws, naming the route and the code.
 */
export function routeErrorCodes (catalog: CompiledCatalog, route: RouteLike, implied: ResolvedImpliedErrors): string[] {
  const codes = new Set<string>()
  for (const code of declaredCodes(route)) {
    if (catalog.get(code) === undefined) {
      throw new FEC_ERR_ROUTE_ERRORS(routeLabel(route), `schema.errors names ${code}, which the error catalog does not define`)
    }
    codes.add(code)
  }
  for (const code of impliedCodes(route, implied)) codes.add(code)
  return [...codes]
}
