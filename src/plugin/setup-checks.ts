/**
 * Setups that would fail silently, each reported once at startup through the app's logger, naming the fix:
 * routes registered before the plugin (404 instead of 405, `schema.errors` unchecked), a server without
 * `frameworkErrors`/`clientErrorHandler` (Fastify's own bodies for a bad URL or a parser error), Ajv without
 * `allErrors` (one field per validation answer), and @fastify/swagger without `app.errorCatalogSwagger()`
 * (no errors in the document). A choice made explicitly (`allErrors: false`, an own `frameworkErrors`, an own
 * validator compiler) is not reported.
 *
 * Why warnings and not repairs: Fastify reads its server options once at construction, has no public list of
 * the routes added before a plugin, and @fastify/swagger takes its `transform` hooks only from its own options.
 */
import type { FastifyInstance } from 'fastify'
import type { CompiledCatalog } from '../catalog/compile.js'
import { hasSwaggerHooks } from '../openapi/swagger.js'

const PREFIX = 'fastify-error-catalog:'

/** Runs the checks for the instance the plugin is registered on: server and route checks now, Swagger at `onReady`. */
export function checkSetup (app: FastifyInstance, catalog: CompiledCatalog): void {
  const warnings: string[] = []
  const server = serverOptionsOf(app)
  if (server !== undefined) {
    const missing = [
      ...(server.frameworkErrors === undefined ? ['frameworkErrors (a malformed URL answers FST_ERR_BAD_URL)'] : []),
      ...(isFastifyDefault(server.clientErrorHandler) ? ['clientErrorHandler (an oversized header or a malformed request answers Fastify\'s own 431/400 body)'] : [])
    ]
    if (missing.length > 0) {
      warnings.push(`${PREFIX} Fastify was created without ${missing.join(' and ')}. ` +
        "Create it with `Fastify({ frameworkErrors, clientErrorHandler })`, both imported from 'fastify-error-catalog'.")
    }
    const ajv = server.ajv as { customOptions?: { allErrors?: unknown } } | undefined
    if (ajv?.customOptions?.allErrors === undefined && app.validatorCompiler === undefined) {
      warnings.push(`${PREFIX} Ajv stops at the first failing field, so a validation answer lists only one field. ` +
        "Create the server with `Fastify({ ajv: ajvOptions() })` (ajvOptions from 'fastify-error-catalog'), " +
        'or set `ajv.customOptions.allErrors` yourself (false keeps one field and silences this warning).')
    }
  }
  const routes = app.printRoutes({ commonPrefix: false })
  if (!routes.startsWith('(empty tree)')) {
    warnings.push(`${PREFIX} routes were registered before the plugin: they answer 404 instead of 405 to another method, ` +
      'and their schema.errors are not checked. Register the plugin (awaited) before your routes and before plugins ' +
      `that add routes (such as @fastify/cors). Routes registered before it:\n${routes.trimEnd()}`)
  }
  for (const warning of warnings) app.log.warn(warning)

  app.addHook('onReady', async () => {
    if (app.hasDecorator('swagger') && !hasSwaggerHooks(catalog)) {
      app.log.warn(`${PREFIX} @fastify/swagger is registered without app.errorCatalogSwagger(), so the document lists none ` +
        'of the catalog\'s errors. Register it with `await app.register(swagger, app.errorCatalogSwagger({ openapi: { info } }))`.')
    }
  })
}

/** Fastify keeps the server options under an internal symbol; absent (another Fastify), nothing is checked. */
function serverOptionsOf (app: FastifyInstance): Record<string, unknown> | undefined {
  for (let object: object | null = app; object !== null; object = Object.getPrototypeOf(object)) {
    const symbol = Object.getOwnPropertySymbols(object).find((candidate) => candidate.description === 'fastify.options')
    if (symbol !== undefined) return (object as Record<symbol, Record<string, unknown> | undefined>)[symbol]
  }
  return undefined
}

/** Fastify fills in its own `clientErrorHandler` when none is given. */
function isFastifyDefault (handler: unknown): boolean {
  return typeof handler === 'function' && handler.name === 'defaultClientErrorHandler'
}
