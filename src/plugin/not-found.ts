/**
 * Unknown routes → NOT_FOUND; a known path asked with a method it does not serve → METHOD_NOT_ALLOWED with an
 * `Allow` header (RFC 9110 §15.5.6). Fastify alone answers 404 there, so the plugin keeps a second router of
 * every route path, fed by an `onRoute` hook, and asks it only when Fastify found nothing.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify'
import FindMyWay, { type HTTPMethod } from 'find-my-way'
import { logAnswer, type HandlerContext } from './error-handler.js'

/** The methods each route path serves. */
export interface RouteIndex {
  add (route: Pick<RouteOptions, 'method' | 'url'>): void
  /**
   * The methods served at this URL, sorted; empty when no route proves the path exists. A wildcard route
   * (`OPTIONS *` of @fastify/cors, `GET /files/*` of a static server) adds its methods where it matches but
   * does not make a path known by itself: it answers for paths that need not exist.
   */
  allowed (url: string): readonly string[]
}

/** What the router keeps per route path and method. */
interface Indexed { wildcard: boolean }

/** Creates an index with the router settings of the Fastify instance. */
export function createRouteIndex (app: FastifyInstance): RouteIndex {
  const config = app.initialConfig as Record<string, unknown>
  const routerOptions = (config.routerOptions ?? {}) as Record<string, unknown>
  const setting = (name: string): unknown => routerOptions[name] ?? config[name]
  const router = FindMyWay({
    ignoreTrailingSlash: setting('ignoreTrailingSlash') === true,
    ignoreDuplicateSlashes: setting('ignoreDuplicateSlashes') === true,
    caseSensitive: setting('caseSensitive') !== false,
    maxParamLength: typeof setting('maxParamLength') === 'number' ? setting('maxParamLength') as number : 100
  })
  // Methods with at least one route, so that a lookup asks only those.
  const methods = new Set<string>()

  function index (method: string, url: string, store: Indexed): void {
    try {
      router.on(method as HTTPMethod, url, noop, store)
      methods.add(method)
    } catch {
      // Already indexed for this method (another parameter name, a constraint, an explicit HEAD), or a method
      // find-my-way does not know: the route adds nothing a lookup needs.
    }
  }

  return {
    add (route) {
      const store: Indexed = { wildcard: route.url.includes('*') }
      for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
        const name = method.toUpperCase()
        index(name, route.url, store)
        if (name === 'GET') index('HEAD', route.url, store)
      }
    },
    allowed (url) {
      const queryAt = url.indexOf('?')
      const path = queryAt === -1 ? url : url.slice(0, queryAt)
      const allowed: string[] = []
      let known = false
      for (const method of methods) {
        const found = router.find(method as HTTPMethod, path)
        if (found === null) continue
        allowed.push(method)
        if (!(found.store as Indexed).wildcard) known = true
      }
      return known ? allowed.sort() : []
    }
  }
}

/** The not-found handler: NOT_FOUND, or METHOD_NOT_ALLOWED when the path exists under other methods. */
export function notFoundHandlerOf (context: HandlerContext, routes: RouteIndex | undefined) {
  const { classifier, responder } = context
  return function errorCatalogNotFound (request: FastifyRequest, reply: FastifyReply): void {
    const allowed = routes?.allowed(request.url) ?? []
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      const entry = classifier.methodNotAllowed
      const details = { method: request.method, allowed }
      logAnswer(context, request, entry, `${request.method} ${request.url}`)
      const locale = context.localeOf(request)
      responder.send(reply, { entry, ...entry.render(details, locale), details, headers: { allow: allowed.join(', ') }, locale }, context.formats.formatOf(request))
      return
    }
    const entry = classifier.notFound
    logAnswer(context, request, entry, `${request.method} ${request.url}`)
    const locale = context.localeOf(request)
    responder.send(reply, { entry, ...entry.render(undefined, locale), locale }, context.formats.formatOf(request))
  }
}

function noop (): void {}
