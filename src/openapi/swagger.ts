/**
 * `errorCatalogSwagger(catalog, swaggerOptions)`: @fastify/swagger options whose `transform` marks each
 * operation with the codes of its route and whose `transformObject` writes the error responses and
 * components. The user's own `transform` and `transformObject` run too (theirs first, and last).
 */
import type { CompiledCatalog } from '../catalog/compile.js'
import { FEC_ERR_OPENAPI } from '../errors.js'
import { VALIDATION_CODE } from '../catalog/builtin.js'
import { validationExample } from '../envelope/example.js'
import { addCatalogErrors, CODES_EXTENSION } from './document.js'
import { VALIDATION_EXAMPLE_EXTENSION } from './examples.js'
import { resolveImpliedErrors, type ImpliedErrors, type ResolvedImpliedErrors } from './implied.js'
import { routeErrorCodes, routeLabel, type RouteLike } from './route.js'
import type { RouteTracker } from './route-tracker.js'

/** What @fastify/swagger passes to `transform`. */
export interface SwaggerTransformInput {
  schema?: unknown
  url: string
  route: RouteLike & object
  [key: string]: unknown
}

/** What @fastify/swagger passes to `transformObject`. */
export interface SwaggerTransformObjectInput {
  openapiObject?: unknown
  swaggerObject?: unknown
}

/** The two hooks this module sets in @fastify/swagger's options. */
export interface SwaggerHooks {
  transform: (input: SwaggerTransformInput) => { schema: any, url: string }
  transformObject: (input: SwaggerTransformObjectInput) => any
}

/** @fastify/swagger options, as far as this module reads them (the package is not a dependency). */
export interface SwaggerOptionsLike {
  openapi?: object
  swagger?: object
  transform?: ((input: any) => any) | null
  transformObject?: ((input: any) => any) | null
}

/** How the errors are documented. */
export interface ErrorCatalogOpenapiOptions {
  /** Builtin codes added to routes without declaring them; `false` for none (see `ImpliedErrors`). */
  implied?: ImpliedErrors | false
}

/** Internal: what the plugin passes when it builds the options itself. */
export interface BoundOpenapiOptions {
  implied: ResolvedImpliedErrors
  tracker: RouteTracker
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * @fastify/swagger options that document the catalog errors of every route:
     * `await app.register(swagger, app.errorCatalogSwagger({ openapi: { info } }))`.
     */
    errorCatalogSwagger: <T extends SwaggerOptionsLike>(swaggerOptions?: T) => Omit<T, keyof SwaggerHooks> & SwaggerHooks
  }
}

/** Catalogs whose @fastify/swagger hooks were made, so that the plugin can warn when @fastify/swagger runs without them. */
const hooked = new WeakSet<CompiledCatalog>()

/** Whether `errorCatalogSwagger` (or `app.errorCatalogSwagger`) was called for this catalog. */
export function hasSwaggerHooks (catalog: CompiledCatalog): boolean {
  return hooked.has(catalog)
}

/**
 * @fastify/swagger options that document `catalog`'s errors. Use it when @fastify/swagger is registered
 * before the plugin; otherwise `app.errorCatalogSwagger(options)` is the same, bound to the plugin's catalog.
 */
export function errorCatalogSwagger<T extends SwaggerOptionsLike> (
  catalog: CompiledCatalog,
  swaggerOptions: T = {} as T,
  options: ErrorCatalogOpenapiOptions | BoundOpenapiOptions = {}
): Omit<T, keyof SwaggerHooks> & SwaggerHooks {
  hooked.add(catalog)
  const implied = isBound(options) ? options.implied : resolveImpliedErrors(options.implied, catalog)
  const tracker = isBound(options) ? options.tracker : undefined
  const userTransform = swaggerOptions.transform ?? undefined
  const userTransformObject = swaggerOptions.transformObject ?? undefined
  let documented = new WeakSet<object>()
  // A route's codes (and its validation example) cannot change once the app is ready; the JSON and YAML builds
  // (and any rebuild) share them.
  const marksOfRoute = new WeakMap<object, Record<string, unknown>>()

  const transform: SwaggerHooks['transform'] = (input) => {
    const { route } = input
    if (tracker !== undefined && !tracker.has(route) && route.method !== 'HEAD') {
      throw new FEC_ERR_OPENAPI(`route ${routeLabel(route)} was registered before fastify-error-catalog, which cannot check its schema.errors ` +
        'nor answer 405 for it; register the plugin (awaited) before your routes')
    }
    documented.add(route)
    const result = userTransform?.(input) ?? {}
    const schema = result.schema ?? input.schema ?? {}
    let marks = marksOfRoute.get(route)
    if (marks === undefined) {
      const codes = routeErrorCodes(catalog, route, implied)
      const validation = codes.includes(VALIDATION_CODE) ? validationExample(catalog, route.schema) : undefined
      marks = { [CODES_EXTENSION]: codes, ...(validation === undefined ? {} : { [VALIDATION_EXAMPLE_EXTENSION]: validation }) }
      marksOfRoute.set(route, marks)
    }
    return { schema: { ...schema, ...marks }, url: result.url ?? input.url }
  }

  const transformObject: SwaggerHooks['transformObject'] = (input) => {
    const { openapiObject } = input
    if (typeof openapiObject !== 'object' || openapiObject === null) {
      throw new FEC_ERR_OPENAPI('@fastify/swagger builds a Swagger 2.0 document; give it an `openapi` option (OpenAPI 3.0 or 3.1)')
    }
    const seen = documented
    documented = new WeakSet()
    for (const route of tracker?.documentable() ?? []) {
      if (!seen.has(route)) {
        throw new FEC_ERR_OPENAPI(`route ${routeLabel(route)} is missing from the document: it was registered before @fastify/swagger; ` +
          'register @fastify/swagger (awaited) before your routes')
      }
    }
    addCatalogErrors(openapiObject as Record<string, unknown>, catalog)
    return userTransformObject === undefined ? openapiObject : userTransformObject({ ...input, openapiObject })
  }

  const out = { ...swaggerOptions, transform, transformObject }
  if (out.openapi === undefined && out.swagger === undefined) out.openapi = {}
  return out
}

function isBound (options: ErrorCatalogOpenapiOptions | BoundOpenapiOptions): options is BoundOpenapiOptions {
  return 'tracker' in options
}
