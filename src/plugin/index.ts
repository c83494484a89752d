/**
 * The Fastify plugin: `await app.register(errorCatalog, { catalog })`.
 * Decorates `app.errors` and `app.errorCatalog`, installs the root error and not-found handlers.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import fp from 'fastify-plugin'
import type { CompiledCatalog } from '../catalog/compile.js'
import { FEC_ERR_NOT_FOUND_HANDLER } from '../errors.js'
import { createHandlerContext, errorHandlerOf, type ErrorHandler } from './error-handler.js'
import { bodyDepthCheck } from './body-depth.js'
import { clientErrorAnswerOf, kClientErrorAnswer } from './client-error.js'
import { kFrameworkErrorHandler } from './framework-errors.js'
import { createRouteIndex, notFoundHandlerOf } from './not-found.js'
import { resolveOptions, type ErrorCatalogOptions } from './options.js'
import { checkSetup } from './setup-checks.js'
import { metricsObserver } from './metrics.js'
import { observerOf } from './observe.js'
import { tracingObserver } from './tracing.js'
import type { RegisteredFactories } from './types.js'
import { hasSchemaErrorFormatter, stacklessSchemaErrorFormatter } from './schema-error-formatter.js'
import { createDriftCheck, type DriftCheck } from '../openapi/drift.js'
import { catalogPartsOfThrown } from './thrown.js'
import { routeErrorCodes } from '../openapi/route.js'
import { createRouteTracker } from '../openapi/route-tracker.js'
import { boundSwaggerOptions, type SwaggerOptionsLike } from '../openapi/swagger.js'

async function errorCatalogPlugin (app: FastifyInstance, options: ErrorCatalogOptions): Promise<void> {
  const resolved = await resolveOptions(options)
  const { catalog } = resolved
  const context = createHandlerContext(catalog, resolved)
  // prom-client and @opentelemetry/api are optional peers: imported only when their option is on.
  context.observe = observerOf({ onCatalogError: resolved.onCatalogError, observers: [await metricsObserver(resolved.metrics), await tracingObserver(resolved.tracing)] })
  const { implied } = resolved.openapi
  app.decorate('errors', catalog.errors as RegisteredFactories)
  app.decorate('errorCatalog', catalog as CompiledCatalog<RegisteredFactories>)
  checkSetup(app, catalog)

  // Checks each route's schema.errors as it is added (an unknown code fails the registration, naming both),
  // and remembers the route so that the OpenAPI build can tell a route it never saw.
  const tracker = createRouteTracker()
  app.addHook('onRoute', (route) => {
    routeErrorCodes(catalog, route, implied)
    tracker.add(route)
  })
  // A body nested deeper than validation.maxDepth is a 400 before the validator runs, not a stack overflow in it.
  app.addHook('onRoute', bodyDepthCheck(resolved.validation))
  app.decorate('errorCatalogSwagger', <T extends SwaggerOptionsLike>(swaggerOptions?: T) =>
    boundSwaggerOptions(catalog, swaggerOptions, { implied, tracker, formats: context.formats.all }))

  // Fastify's message without the stack capture that dominates a validation failure's cost; an app's own
  // formatter (server option, or set before registering) is kept, and a child scope's or a route's still wins.
  if (resolved.stacklessValidationErrors && hasSchemaErrorFormatter(app) === false) app.setSchemaErrorFormatter(stacklessSchemaErrorFormatter)

  const answer = errorHandlerOf(context)
  // The drift warning (development) wraps the handler only when it is on: production's error path never sees it.
  const handler = resolved.warnUndeclared ? withDriftCheck(answer, createDriftCheck(implied)) : answer
  app.decorate(kFrameworkErrorHandler, handler)
  app.decorate(kClientErrorAnswer, clientErrorAnswerOf(context, app.log))
  if (resolved.errorHandler) app.setErrorHandler(handler)
  if (resolved.notFoundHandler) {
    const routes = resolved.methodNotAllowed ? createRouteIndex(app) : undefined
    if (routes !== undefined) app.addHook('onRoute', (route) => routes.add(route))
    try {
      app.setNotFoundHandler(notFoundHandlerOf(context, routes))
    } catch (cause) {
      // Fastify keeps one not-found handler per prefix; its own message does not say what to do about it.
      throw Object.assign(new FEC_ERR_NOT_FOUND_HANDLER(`'${app.prefix === '' ? '/' : app.prefix}'`), { cause })
    }
  }
}

/** The plugin. Register it before your routes, so that it sees them all (for 405 and OpenAPI). */
export const errorCatalog: FastifyPluginAsync<ErrorCatalogOptions> = fp(errorCatalogPlugin, {
  fastify: '5.x',
  name: 'fastify-error-catalog'
})

/** The handler preceded by the drift check of a thrown catalog error (guarded: the check never stops the answer). */
function withDriftCheck (handler: ErrorHandler, drift: DriftCheck): ErrorHandler {
  return function errorCatalogHandler (error, request, reply) {
    try {
      const parts = catalogPartsOfThrown(error)
      if (parts !== undefined) drift(request, parts.code)
    } catch {}
    handler(error, request, reply)
  }
}
