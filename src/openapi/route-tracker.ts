/**
 * The routes the plugin saw through its `onRoute` hook, so that the document build can tell a route
 * registered before the plugin, or before @fastify/swagger, and fail instead of documenting half the API.
 */
import type { RouteLike } from './route.js'

/** Routes seen by the plugin. */
export interface RouteTracker {
  /** Records a route (from `onRoute`). */
  add (route: object): void
  /** Whether the plugin saw this route's options object. */
  has (route: object): boolean
  /** Every route the plugin saw that @fastify/swagger documents through `transform` (not HEAD, no own `swaggerTransform`). */
  documentable (): Iterable<RouteLike & object>
}

/** A new, empty tracker. */
export function createRouteTracker (): RouteTracker {
  const seen = new WeakSet<object>()
  const documentable: Array<RouteLike & object> = []
  return {
    add (route) {
      seen.add(route)
      const { method, config } = route as RouteLike & { config?: { swaggerTransform?: unknown } }
      if (method === 'HEAD' || config?.swaggerTransform !== undefined) return
      documentable.push(route)
    },
    has: (route) => seen.has(route),
    documentable: () => documentable
  }
}
