/**
 * Unknown routes → NOT_FOUND; a known path asked with a method it does not serve → METHOD_NOT_ALLOWED with an
 * `Allow` header (RFC 9110 §15.5.6). Fastify alone answers 404 there, so the plugin keeps a second router of
 * every route path, fed by an `onRoute` hook, and asks it only when Fastify found nothing.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify'
import FindMyWay from 'find-my-way'
import { logAnswer, type HandlerContext } from './error-handler.js'

/** The methods each route path serves. */
export interface RouteIndex {
  add (route: Pick<RouteOptions, 'method' | 'url'>): void
  /** The methods served at this URL, sorted; empty when no route matches the path. */
  allowed (url: string): readonly string[]
}

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
  const methodsByPath = new Map<string, Set<string>>()

  return {
    add (route) {
      const methods = Array.isArray(route.method) ? route.method : [route.method]
      let set = methodsByPath.get(route.url)
      if (set === undefined) {
        set = new Set()
        methodsByPath.set(route.url, set)
        try {
          router.on('GET', route.url, noop, set)
        } catch {
          // Same pattern under another parameter name (`/a/:id` and `/a/:key`): share the first one's set.
          const existing = router.findRoute('GET', route.url)?.store as Set<string> | undefined
          if (existing !== undefined) set = existing
          methodsByPath.set(route.url, set)
        }
      }
      for (const method of methods) {
        set.add(method.toUpperCase())
        if (method.toUpperCase() === 'GET') set.add('HEAD')
      }
    },
    allowed (url) {
      const queryAt = url.indexOf('?')
      const path = queryAt === -1 ? url : url.slice(0, queryAt)
      const found = router.find('GET', path)
      return found === null ? [] : [...(found.store as Set<string>)].sort()
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
      responder.send(reply, { entry, ...entry.render(details), details, headers: { allow: allowed.join(', ') } })
      return
    }
    const entry = classifier.notFound
    logAnswer(context, request, entry, `${request.method} ${request.url}`)
    responder.send(reply, { entry, ...entry.render(undefined) })
  }
}

function noop (): void {}
