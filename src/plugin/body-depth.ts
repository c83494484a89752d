/**
 * The nesting-depth check of request bodies: on each route with a body schema, a `preValidation` hook rejects
 * a body nested deeper than `validation.maxDepth` before the validator runs, so that a deep body is the
 * client's 400 (`VALIDATION_ERROR`, `fieldErrors.$root`), not a stack overflow inside Ajv answered as a
 * logged 500. Why and how: src/validation/depth.ts.
 */
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction, RouteOptions } from 'fastify'
import { bodyTooDeepError, nestsDeeperThan } from '../validation/depth.js'
import { DEFAULT_VALIDATION_LIMITS, type ValidationLimits } from '../validation/field-errors.js'

/** An `onRoute` hook that adds the check to each route that validates a body. */
export function bodyDepthCheck (limits: Partial<ValidationLimits> = {}): (route: RouteOptions) => void {
  const maxDepth = limits.maxDepth ?? DEFAULT_VALIDATION_LIMITS.maxDepth
  function checkBodyDepth (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
    if (nestsDeeperThan(request.body, maxDepth)) done(bodyTooDeepError(maxDepth))
    else done()
  }
  return function addBodyDepthCheck (route) {
    const schema = route.schema as { body?: unknown } | undefined
    if (schema?.body === undefined || schema.body === null) return
    // First among the route's own hooks: one of them might read the body recursively too.
    const own = route.preValidation
    route.preValidation = own === undefined ? [checkBodyDepth] : [checkBodyDepth, ...(Array.isArray(own) ? own : [own])]
  }
}
