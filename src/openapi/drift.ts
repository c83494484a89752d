/**
 * The drift warning: in development, a route that throws a catalog code it does not declare (nor implies)
 * logs a warning naming both, once per route and code, so the OpenAPI document cannot silently lie.
 */
import type { FastifyRequest } from 'fastify'
import type { ResolvedImpliedErrors } from './implied.js'
import { impliedCodes } from './implied.js'
import { declaredCodes, routeLabel, type RouteLike } from './route.js'

/** Checks one thrown code against the route that threw it. */
export type DriftCheck = (request: FastifyRequest, code: string) => void

interface RouteState { codes: ReadonlySet<string>, warned: Set<string>, label: string }

/** A drift check; its per-route sets are built on a route's first error and kept with the route. */
export function createDriftCheck (implied: ResolvedImpliedErrors): DriftCheck {
  const states = new WeakMap<object, RouteState>()
  return function checkDrift (request, code) {
    const route = request.routeOptions
    const key = route.config as object | undefined
    if (key === undefined || route.url === undefined) return
    let state = states.get(key)
    if (state === undefined) {
      state = stateOf(route, implied)
      states.set(key, state)
    }
    if (state.codes.has(code) || state.warned.has(code)) return
    state.warned.add(code)
    request.log.warn({ undeclaredCode: code, route: state.label },
      `Route ${state.label} answered ${code}, which its schema.errors does not declare: the OpenAPI document does not list it`)
  }
}

function stateOf (route: RouteLike, implied: ResolvedImpliedErrors): RouteState {
  let declared: readonly string[]
  try {
    declared = declaredCodes(route)
  } catch {
    declared = []
  }
  return { codes: new Set([...declared, ...impliedCodes(route, implied)]), warned: new Set(), label: routeLabel(route) }
}
