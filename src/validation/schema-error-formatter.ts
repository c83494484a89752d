/**
 * Fastify's own schema error formatter, minus the stack trace.
 *
 * Fastify turns every failed request validation into `new Error('body/seat must be integer, …')` through its
 * `defaultSchemaErrorFormatter` (fastify/lib/context.js), then adds `statusCode`, `code`, `validation` and
 * `validationContext` (lib/validation.js `wrapValidationError`). Capturing that Error's stack, 20-odd frames deep
 * into Fastify's validation code, is the single most expensive step of a validation failure, and it says
 * nothing: the error is the client's, and its stack only ever points into Fastify. This formatter writes the same
 * message, character for character, into an Error without stack frames (`error.stack` is `Error: <message>`).
 */
import type { FastifyInstance, FastifySchemaValidationError } from 'fastify'

/** Fastify 5's default message for validation errors, in an Error that captures no stack frames. */
export function stacklessSchemaErrorFormatter (errors: FastifySchemaValidationError[], dataVar: string): Error {
  // The same loop as Fastify's defaultSchemaErrorFormatter, so that the message is byte-identical.
  let text = ''
  const separator = ', '
  for (let i = 0; i !== errors.length; ++i) {
    const error = errors[i]
    text += dataVar + (error.instancePath || '') + ' ' + String(error.message) + separator
  }
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  const error = new Error(text.slice(0, -separator.length))
  Error.stackTraceLimit = limit
  return error
}

const FORMATTER_SYMBOL = 'fastify.schemaErrorFormatter'

/**
 * Whether the instance already has a schema error formatter (the `schemaErrorFormatter` server option, or
 * `setSchemaErrorFormatter` called in this scope or a parent): `true`, `false`, or `undefined` when this Fastify
 * does not keep it where Fastify 5 does (then nobody can tell, and the caller must not replace it).
 */
export function hasSchemaErrorFormatter (app: FastifyInstance): boolean | undefined {
  // Fastify keeps it under a private `Symbol('fastify.schemaErrorFormatter')`, null until set; child scopes
  // inherit it through their prototype.
  for (let scope: object | null = app; scope !== null; scope = Object.getPrototypeOf(scope)) {
    for (const symbol of Object.getOwnPropertySymbols(scope)) {
      if (symbol.description === FORMATTER_SYMBOL) {
        const formatter = (app as unknown as Record<symbol, unknown>)[symbol]
        return formatter !== null && formatter !== undefined
      }
    }
  }
  return undefined
}
