/**
 * Errors of Node's HTTP parser (a header block over `maxHeaderSize`, a malformed request line, a bad chunked
 * body, a request timeout) happen before Fastify has a request: only the `clientErrorHandler` server option
 * sees them, with the raw socket. `clientErrorHandler` writes a complete HTTP/1.1 response there whose body is
 * the catalog's envelope, built by the plugin (found on the root instance) and cached per status.
 */
import { STATUS_CODES as HTTP_REASONS } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { bareBody, defaultFormat } from '../envelope/default.js'
import { STATUS_CODES } from './classify.js'
import type { HandlerContext } from './error-handler.js'

/** Where the plugin leaves its raw answerer on the instance it is registered on (shared by every copy of the package). */
export const kClientErrorAnswer = Symbol.for('fastify-error-catalog.clientErrorAnswer')

/** Answers one parser error: the raw HTTP response to write, logged once. */
export type ClientErrorAnswer = (error: ParserError) => string

/** What Node passes to `clientError`: an Error with Node's or llhttp's code (`HPE_HEADER_OVERFLOW`, …). */
export interface ParserError extends Error { code?: string }

/** The status Node itself would answer (lib/_http_server.js): 431 for an oversized header block, 408 for a timeout, else 400. */
function statusOfParserError (error: ParserError | null | undefined): number {
  const code = error?.code
  if (code === 'HPE_HEADER_OVERFLOW') return 431
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408
  return 400
}

/** A whole response that closes the connection: the parser's state is lost, so the socket cannot be reused. */
function rawResponse (status: number, contentType: string, body: string, headers: Readonly<Record<string, string | number>> = {}): string {
  let head = `HTTP/1.1 ${status} ${HTTP_REASONS[status] ?? ''}\r\ncontent-type: ${contentType}\r\n` +
    `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n`
  for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`
  return `${head}\r\n${body}`
}

/** The plugin's answerer: the catalog entry for the status, its envelope (no request id: there is no request). */
export function clientErrorAnswerOf (context: HandlerContext, log: FastifyInstance['log']): ClientErrorAnswer {
  const { classifier, responder, logClient } = context
  const responses = new Map<number, string>()
  return function answer (error) {
    const status = statusOfParserError(error)
    const entry = classifier.forStatus(status)
    if (logClient !== 'silent') log[logClient]({ code: entry.code, statusCode: entry.status, parserCode: error?.code }, `${entry.code}: ${error?.message ?? 'client error'}`)
    let response = responses.get(status)
    if (response === undefined) {
      const { message, suggestions } = entry.render(undefined)
      const body = responder.serialize(context.formats.primary, { entry, message, suggestions, details: undefined, fieldErrors: undefined, requestId: undefined, locale: context.catalog.locale })
      response = rawResponse(entry.status, context.formats.primary.contentType, body, entry.retryAfter === undefined ? {} : { 'retry-after': entry.retryAfter })
      responses.set(status, response)
    }
    return response
  }
}

/**
 * Pass as Fastify's `clientErrorHandler` option: `Fastify({ frameworkErrors, clientErrorHandler })`. Fastify
 * calls it with the root instance as `this`. Until the plugin is registered (or if it never is) the body is a
 * bare `{ code, status }`.
 */
export function clientErrorHandler (this: FastifyInstance | undefined, error: ParserError, socket: Socket): void {
  // A reset connection is gone; a socket that cannot be written to, or whose response has begun, gets no
  // second response (it would corrupt the first).
  const inFlight = (socket as { _httpMessage?: { headersSent?: boolean } | null })._httpMessage
  if (error?.code === 'ECONNRESET' || socket.destroyed || !socket.writable || inFlight?.headersSent === true) {
    socket.destroy()
    return
  }
  const answer = (this as unknown as Record<symbol, ClientErrorAnswer | undefined> | undefined)?.[kClientErrorAnswer]
  let response: string
  if (answer !== undefined) {
    response = answer(error)
  } else {
    const status = statusOfParserError(error)
    response = rawResponse(status, defaultFormat.contentType, JSON.stringify(bareBody(STATUS_CODES[status], status)))
  }
  socket.end(response, () => socket.destroy())
}
