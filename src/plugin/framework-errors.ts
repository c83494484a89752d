/**
 * Errors Fastify raises before routing (a malformed URL, an over-long path parameter, a failed async
 * constraint) reach neither error handlers nor hooks: only the `frameworkErrors` server option sees them.
 * `frameworkErrors` hands them to the plugin's handler, found on the root instance, so they get the same
 * catalog answer as everything else.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ErrorHandler } from './error-handler.js'
import { bareBody } from '../envelope/default.js'
import { ROLE_CODES } from '../catalog/roles.js'

/** Where the plugin leaves its handler on the instance it is registered on (shared by every copy of the package). */
export const kFrameworkErrorHandler = Symbol.for('fastify-error-catalog.frameworkErrorHandler')

/**
 * Pass as Fastify's `frameworkErrors` option: `Fastify({ frameworkErrors })`. Until the plugin is registered
 * (or if it never is) the answer is a plain 400/500 JSON without internals.
 */
export function frameworkErrors (error: Error & { statusCode?: number }, request: FastifyRequest, reply: FastifyReply): void {
  const handler = (request.server as unknown as Record<symbol, ErrorHandler | undefined>)[kFrameworkErrorHandler]
  if (handler !== undefined) {
    handler(error, request, reply)
    return
  }
  const status = error.statusCode !== undefined && error.statusCode < 500 ? 400 : 500
  // No plugin, so no catalog to ask for its roles: the builtin codes.
  reply.code(status).send(bareBody(status === 400 ? ROLE_CODES.badRequest : ROLE_CODES.internal, status))
}
