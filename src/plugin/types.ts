/**
 * Everything the package adds to Fastify's types, in one place: `app.errors`, `app.errorCatalog`,
 * `app.errorCatalogSwagger` and `schema.errors`. Both the ESM and the CommonJS declarations of the root entry
 * carry these (src/index.ts exports from this file); the tooling entry needs none of them.
 * Also the registry that generated code fills in.
 */
import type { CompiledCatalog, ErrorFactories } from '../catalog/compile.js'
import type { SwaggerHooks, SwaggerOptionsLike } from '../openapi/swagger.js'

/**
 * Filled in by the module `error-catalog generate` writes, so that `app.errors.X(...)` is typed:
 * `declare module 'fastify-error-catalog' { interface ErrorCatalogRegister { factories: Factories } }`.
 * Left empty, every code is allowed and details are untyped.
 */
export interface ErrorCatalogRegister {}

/** The factories type: the registered one, or an untyped record. */
// No `extends ErrorFactories` on F: typed factories take narrower details than the untyped ErrorFactory, and
// parameters are checked contravariantly, so such a constraint would silently reject every generated module.
export type RegisteredFactories = ErrorCatalogRegister extends { factories: infer F } ? F : ErrorFactories

declare module 'fastify' {
  interface FastifyInstance {
    /** The catalog's error factories: `throw app.errors.SESSION_NOT_FOUND({ sessionCode })`. */
    errors: RegisteredFactories
    /** The compiled catalog the plugin serves. */
    errorCatalog: CompiledCatalog<RegisteredFactories>
    /**
     * @fastify/swagger options that document the catalog errors of every route:
     * `await app.register(swagger, app.errorCatalogSwagger({ openapi: { info } }))`.
     */
    errorCatalogSwagger: <T extends SwaggerOptionsLike>(swaggerOptions?: T) => Omit<T, keyof SwaggerHooks> & SwaggerHooks
  }

  interface FastifySchema {
    /** The catalog codes this route can answer with, documented in OpenAPI (fastify-error-catalog). */
    errors?: readonly string[]
  }
}
