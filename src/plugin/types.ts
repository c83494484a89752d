/** The types the plugin adds to Fastify, and the registry that generated code fills in. */
import type { CompiledCatalog, ErrorFactories } from '../catalog/compile.js'

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
  }
}
