/**
 * `errorCatalogSwagger(catalog, swaggerOptions)`: @fastify/swagger options whose `transform` marks each
 * operation with the codes of its route and whose `transformObject` writes the error responses and
 * components. The user's own `transform` and `transformObject` run too (theirs first, and last).
 */
import type { FastifySchema } from 'fastify'
import type { CompiledCatalog } from '../catalog/compile.js'
import { FEC_ERR_OPENAPI } from '../errors.js'
import { defaultFormat } from '../envelope/default.js'
import type { WireFormat } from '../envelope/format.js'
import { validationExample } from '../envelope/example.js'
import { addCatalogErrors, CODES_EXTENSION } from './document.js'
import { VALIDATION_EXAMPLE_EXTENSION } from './examples.js'
import { resolveImpliedErrors, type ImpliedErrors, type ResolvedImpliedErrors } from './implied.js'
import { routeErrorCodes, routeLabel, type RouteLike } from './route.js'
import type { RouteTracker } from './route-tracker.js'

/** What @fastify/swagger passes to `transform`: the route's schema (undefined when it has none), its URL and options. */
export interface SwaggerTransformInput {
  schema?: FastifySchema | undefined
  url: string
  route: RouteLike & object
  [key: string]: unknown
}

/** What @fastify/swagger passes to `transformObject`: the document built so far. */
export interface SwaggerTransformObjectInput {
  openapiObject?: object
  swaggerObject?: object
}

/** The two hooks this module sets in @fastify/swagger's options. */
export interface SwaggerHooks {
  transform: (input: SwaggerTransformInput) => { schema: FastifySchema, url: string }
  transformObject: (input: SwaggerTransformObjectInput) => object
}

// Your own hooks are called with what @fastify/swagger passes. They are checked both ways (method syntax, as
// TypeScript does for methods), so that hooks typed with @fastify/swagger's own `SwaggerTransform` and
// `SwaggerTransformObject` (whose route is the full RouteOptions, and whose schema is declared present) fit.
/** Your own `transform`, which runs first: what it returns is what gets marked with the route's codes. */
export type SwaggerTransformOption = {
  hook (input: SwaggerTransformInput & { schema: FastifySchema }): { schema?: object | undefined, url?: string | undefined } | undefined
}['hook']
/** Your own `transformObject`, which runs last, on the document with the catalog's errors in it. */
export type SwaggerTransformObjectOption = { hook (input: SwaggerTransformObjectInput): object }['hook']

/** @fastify/swagger options, as far as this module reads them (the package is not a dependency). */
export interface SwaggerOptionsLike {
  openapi?: object
  swagger?: object
  transform?: SwaggerTransformOption | null
  transformObject?: SwaggerTransformObjectOption | null
}

/** How the errors are documented. */
export interface ErrorCatalogOpenapiOptions {
  /** Builtin codes added to routes without declaring them; `false` for none (see `ImpliedErrors`). */
  implied?: ImpliedErrors | false
}

/** Internal: the resolved options (`app.errorCatalogSwagger` passes the plugin's). */
export interface BoundOpenapiOptions {
  implied: ResolvedImpliedErrors
  /** The plugin's routes, to check that each is documented (none for `errorCatalogSwagger(catalog, …)`). */
  tracker?: RouteTracker | undefined
  /** Every wire format the plugin answers in, the primary first (default: the default format). */
  formats?: readonly WireFormat[] | undefined
}

// `app.errorCatalogSwagger` is declared on FastifyInstance in src/plugin/types.ts, with the package's other augmentations.

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
  options: ErrorCatalogOpenapiOptions = {}
): Omit<T, keyof SwaggerHooks> & SwaggerHooks {
  return boundSwaggerOptions(catalog, swaggerOptions, { implied: resolveImpliedErrors(options.implied, catalog) })
}

/** `errorCatalogSwagger` with the plugin's resolved options: its route tracker checks that every route is documented. */
export function boundSwaggerOptions<T extends SwaggerOptionsLike> (
  catalog: CompiledCatalog,
  swaggerOptions: T = {} as T,
  options: BoundOpenapiOptions
): Omit<T, keyof SwaggerHooks> & SwaggerHooks {
  const { implied, tracker } = options
  const formats = options.formats ?? [defaultFormat]
  hooked.add(catalog)
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
    // As @fastify/swagger itself calls it: the input as received (its types declare `schema` present).
    const result = userTransform?.(input as SwaggerTransformInput & { schema: FastifySchema }) ?? {}
    const schema = result.schema ?? input.schema ?? {}
    let marks = marksOfRoute.get(route)
    if (marks === undefined) {
      const codes = routeErrorCodes(catalog, route, implied)
      const validation = codes.includes(catalog.roles.validation.code) ? validationExample(catalog, route.schema) : undefined
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
    addCatalogErrors(openapiObject as Record<string, unknown>, catalog, formats)
    return userTransformObject === undefined ? openapiObject : userTransformObject({ ...input, openapiObject })
  }

  const out = { ...swaggerOptions, transform, transformObject }
  if (out.openapi === undefined && out.swagger === undefined) out.openapi = {}
  return out
}
