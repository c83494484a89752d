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

/**
 * Fastify 5's default message for validation errors, in an error that captures no stack frames. The message is
 * written on first read (a log line, an app's own hook): an answer that reads nothing of it does not build it.
 *
 * The error is made without running the Error constructor (an object on RequestValidationFailure's prototype):
 * even without stack frames, `new Error` cost more than the rest of a repeated failure's answer. It is an
 * `instanceof Error` (what Fastify's reply, pino and `util.inspect` look for), with `name`, `message` and a
 * `stack` of `Error: <message>`; only `util.types.isNativeError` tells it apart.
 */
export function stacklessSchemaErrorFormatter (errors: FastifySchemaValidationError[], dataVar: string): Error {
  const error = Object.create(RequestValidationFailure.prototype) as RequestValidationFailure
  // Not enumerable: logs and util.inspect show what Fastify adds (statusCode, code, validation), not this.
  Object.defineProperty(error, kState, { value: { errors, dataVar, message: undefined } })
  return error
}

const kState = Symbol('fastify-error-catalog.validation')

/** What a failure is made from, and its message once written. */
interface FailureState { readonly errors: readonly FastifySchemaValidationError[], readonly dataVar: string, message: string | undefined }

/** A failed request validation whose `message` is Fastify's text, made when first read (and settable, as any Error's). */
class RequestValidationFailure extends Error {
  declare readonly [kState]: FailureState

  override get message (): string {
    const state = this[kState]
    return (state.message ??= validationMessage(state.errors, state.dataVar))
  }

  override set message (value: string) {
    this[kState].message = value
  }

  // What a stackless Error's stack says; settable, as any Error's.
  override get stack (): string {
    return `${this.name}: ${this.message}`
  }

  override set stack (value: string) {
    Object.defineProperty(this, 'stack', { value, writable: true, configurable: true })
  }
}

/** The same text as Fastify's defaultSchemaErrorFormatter, byte for byte up to MAX_MESSAGE_LENGTH. */
function validationMessage (errors: readonly FastifySchemaValidationError[], dataVar: string): string {
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
  return text
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
