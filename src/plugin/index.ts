/**
 * The Fastify plugin: `await app.register(errorCatalog, { catalog })`.
 * Decorates `app.errors` and `app.errorCatalog`, installs the root error and not-found handlers.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import fp from 'fastify-plugin'
import type { CompiledCatalog } from '../catalog/compile.js'
import { createHandlerContext, errorHandlerOf } from './error-handler.js'
import { createRouteIndex, notFoundHandlerOf } from './not-found.js'
import { resolveOptions, type ErrorCatalogOptions } from './options.js'
import type { RegisteredFactories } from './types.js'

async function errorCatalogPlugin (app: FastifyInstance, options: ErrorCatalogOptions): Promise<void> {
  const resolved = await resolveOptions(options)
  const { catalog } = resolved
  const context = createHandlerContext(catalog, resolved)

  app.decorate('errors', catalog.errors as RegisteredFactories)
  app.decorate('errorCatalog', catalog as CompiledCatalog)

  if (resolved.errorHandler) app.setErrorHandler(errorHandlerOf(context))
  if (resolved.notFoundHandler) {
    const routes = resolved.methodNotAllowed ? createRouteIndex(app) : undefined
    if (routes !== undefined) app.addHook('onRoute', (route) => routes.add(route))
    app.setNotFoundHandler(notFoundHandlerOf(context, routes))
  }
}

/** The plugin. Register it before your routes, so that it sees them all (for 405 and OpenAPI). */
export const errorCatalog: FastifyPluginAsync<ErrorCatalogOptions> = fp(errorCatalogPlugin, {
  fastify: '5.x',
  name: 'fastify-error-catalog'
})
