/**
 * Fastify's own schema error formatter, minus the stack trace.
 *
 * Fastify turns every failed request validation into `new Error('body/seat must be integer, …')` through its
 * `defaultSchemaErrorFormatter` (fastify/lib/context.js), then adds `statusCode`, `code`, `validation` and
 * `validationContext` (lib/validation.js `wrapValidationError`). Capturing that Error's stack, 20-odd frames deep
 * into Fastify's validation code, is the single most expensive step of a validation failure, and it says
 * nothing: the error is the client's, and its stack only ever points into Fastify. This formatter writes the same
 * message, character for character, into an Error without stack frames (`error.stack` is `Error: <message>`).
 * One difference: the message stops after MAX_MESSAGE_LENGTH characters. With `allErrors`, Fastify's message
 * repeats every instance path, and a 17 KB body against a recursive schema made a 1.1 MB message, built on
 * every such request and written to the 4xx log line.
 */
import type { FastifyInstance, FastifySchemaValidationError } from 'fastify'

/** Longest message the formatter writes; a longer one ends `…` and counts the errors left out. */
export const MAX_MESSAGE_LENGTH = 2048

/** Fastify 5's default message for validation errors, in an Error that captures no stack frames. */
export function stacklessSchemaErrorFormatter (errors: FastifySchemaValidationError[], dataVar: string): Error {
  // The same loop as Fastify's defaultSchemaErrorFormatter, so that the message is byte-identical up to the cap.
  let text = ''
  const separator = ', '
  let i = 0
  // The length of Ajv's concatenated paths is known without flattening them: only what is kept is copied.
  while (i !== errors.length && text.length <= MAX_MESSAGE_LENGTH) {
    const error = errors[i++]
    text += dataVar + (error.instancePath || '') + ' ' + String(error.message) + separator
  }
  text = text.slice(0, -separator.length)
  if (text.length > MAX_MESSAGE_LENGTH || i !== errors.length) {
    const rest = errors.length - i
    text = `${text.slice(0, MAX_MESSAGE_LENGTH)}…${rest > 0 ? ` (${rest} more)` : ''}`
  }
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  const error = new Error(text)
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
