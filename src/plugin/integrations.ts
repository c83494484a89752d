/**
 * Helpers for plugins that let the app build their error: @fastify/rate-limit's `errorResponseBuilder`.
 * (Plugins that throw @fastify/error codes are mapped in catalog/builtin.yaml with `maps`; docs/integrations.md.)
 */
import type { FastifyRequest } from 'fastify'
import type { CompiledCatalog } from '../catalog/compile.js'

/** What @fastify/rate-limit passes to `errorResponseBuilder`. */
export interface RateLimitContext {
  statusCode: number
  max: number
  /** Milliseconds until the window resets. */
  ttl: number
  ban?: boolean
}

/**
 * `errorResponseBuilder` for @fastify/rate-limit: its 429 becomes the code of the catalog's rateLimited role
 * (`RATE_LIMIT_EXCEEDED` unless `roles:` names another) with `limit` and `resetAfter` details and a Retry-After
 * header; a ban (403) answers by its status. The plugin's own
 * `x-ratelimit-*` headers are left as it set them.
 */
export function rateLimitErrorResponse (request: FastifyRequest, context: RateLimitContext): Error {
  const catalog = (request.server as { errorCatalog?: CompiledCatalog }).errorCatalog
  const entry = context.statusCode === 429 ? catalog?.roles.rateLimited : undefined
  const resetAfter = Math.max(0, Math.ceil(context.ttl / 1000))
  if (entry === undefined) return Object.assign(new Error(`rate limit: ${context.statusCode}`), { statusCode: context.statusCode })
  return entry.create({ limit: context.max, resetAfter }, { retryAfter: resetAfter })
}
