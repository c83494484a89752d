/**
 * The error handler: whatever was thrown → one catalog entry → one envelope response, logged once.
 * Exported on its own (`createErrorHandler`) for apps that keep their own `setErrorHandler`.
 */
import type { FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify'
import { retryAfterSeconds, type CatalogErrorInit } from '../catalog/catalog-error.js'
import type { CompiledCatalog, CompiledEntry } from '../catalog/compile.js'
import { createValidationFormatter, DEFAULT_VALIDATION_LIMITS, type ValidationFormatter, type ValidationLimits, type ValidationLocation } from '../validation/field-errors.js'
import { routeSchemaSource } from '../validation/route-schema.js'
import { createClassifier, type Classifier } from './classify.js'
import { catalogPartsOfThrown, describeThrown, headersOf, isArray, loggableError, readProperty, readString, statusOf } from './thrown.js'
import { createResponder, type ErrorReply, type Responder } from './respond.js'
import type { DriftCheck } from '../openapi/drift.js'
import { challengeOf, type WwwAuthenticate } from './www-authenticate.js'
import { observerOf, type CatalogErrorHook, type Observer } from './observe.js'

/** Pino level of a log line, or `silent` for none. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

/** Options of `createErrorHandler` (the plugin passes its own). */
export interface ErrorHandlerOptions {
  /** Status → code for errors of other libraries that carry only a status (e.g. `{ 401: 'AUTH_REQUIRED' }`). */
  fallbacks?: Readonly<Record<number, string>>
  /** Log level of 4xx answers (default `info`) and 5xx answers (default `error`). */
  logLevels?: { client?: LogLevel, server?: LogLevel }
  /** Limits of `fieldErrors`. */
  validation?: Partial<ValidationLimits>
  /** Called once per answered error with its code, status, request and what was thrown (docs/integrations.md). */
  onCatalogError?: CatalogErrorHook
  /** The scheme of the `WWW-Authenticate` challenge sent with every 401 (default `Bearer`), or false for none. */
  wwwAuthenticate?: WwwAuthenticate
}

/** A Fastify error handler. */
export type ErrorHandler = (error: unknown, request: FastifyRequest, reply: FastifyReply) => void

/** The parts shared by the error handler and the not-found handler. */
export interface HandlerContext {
  catalog: CompiledCatalog
  classifier: Classifier
  responder: Responder
  formatValidation: ValidationFormatter
  logClient: LogLevel
  logServer: LogLevel
  /** The drift warning (development): a thrown code the route does not declare. */
  drift?: DriftCheck | undefined
  /** Reports each answered error (onCatalogError, metrics, tracing); never throws. */
  observe: Observer | undefined
  /** The WWW-Authenticate scheme of 401 answers, or false. */
  wwwAuthenticate: WwwAuthenticate
}

/** Builds what the handlers share, checking the catalog and options once. */
export function createHandlerContext (catalog: CompiledCatalog, options: ErrorHandlerOptions = {}): HandlerContext {
  const limits = { ...DEFAULT_VALIDATION_LIMITS, ...options.validation }
  return {
    catalog,
    classifier: createClassifier(catalog, options.fallbacks),
    responder: createResponder(catalog),
    formatValidation: createValidationFormatter(catalog, limits),
    logClient: options.logLevels?.client ?? 'info',
    logServer: options.logLevels?.server ?? 'error',
    observe: observerOf({ onCatalogError: options.onCatalogError }),
    wwwAuthenticate: options.wwwAuthenticate ?? 'Bearer'
  }
}

/** Creates the handler for a compiled catalog. */
export function createErrorHandler (catalog: CompiledCatalog, options?: ErrorHandlerOptions): ErrorHandler {
  return errorHandlerOf(createHandlerContext(catalog, options))
}

/** The handler of a prepared context. */
export function errorHandlerOf (context: HandlerContext): ErrorHandler {
  const { catalog, classifier, responder, formatValidation } = context

  function answer (request: FastifyRequest, reply: FastifyReply, error: ErrorReply, thrown: unknown): void {
    logAnswer(context, request, error.entry, thrown)
    if (reply.sent) return
    if (error.entry.status === 401 && context.wwwAuthenticate !== false) error.headers = challengeOf(error.entry, context.wwwAuthenticate, error.headers, reply)
    responder.send(reply, error)
  }

  function answerThrown (error: unknown, request: FastifyRequest, reply: FastifyReply): void {
    const parts = catalogPartsOfThrown(error)
    if (parts !== undefined) {
      context.drift?.(request, parts.code)
      answer(request, reply, catalogReply(catalog, classifier, parts), error)
      return
    }

    const validation = readProperty(error, 'validation')
    const location = readProperty(error, 'validationContext')
    // Only a request part is the client's fault; anything else with `validation` (a response checked
    // against its schema) falls through to its status and answers as a server error.
    if (isArray(validation) && isRequestPart(location)) {
      const { fieldErrors, truncated } = formatValidation(validation as FastifySchemaValidationError[], location, routeSchemaSource(request, location))
      const entry = classifier.validation
      const details = truncated ? { location, truncated } : { location }
      answer(request, reply, { entry, ...entry.render(details), details, fieldErrors }, error)
      return
    }

    // Fastify's codes and the catalog's `maps`: by the error's `code`, else by its class `name`.
    const code = readProperty(error, 'code')
    let mapped = typeof code === 'string' ? classifier.forForeign(code) : undefined
    if (mapped === undefined) {
      const name = readString(error, 'name')
      if (name !== undefined) mapped = classifier.forForeign(name)
    }
    if (mapped !== undefined) {
      answer(request, reply, { entry: mapped, ...mapped.render(undefined), headers: mapped.status < 500 ? headersOf(error) : undefined }, error)
      return
    }

    const status = statusOf(error)
    const entry = status === undefined ? classifier.internal : classifier.forStatus(status)
    const headers = status !== undefined && status < 500 ? headersOf(error) : undefined
    answer(request, reply, { entry, ...entry.render(undefined), headers }, error)
  }

  return function errorCatalogHandler (error, request, reply) {
    try {
      answerThrown(error, request, reply)
    } catch (failure) {
      // The last line of defence: whatever went wrong above, the client still gets the catalog's generic
      // answer, never Fastify's fallback body with the failure's message in it.
      answerInternal(context, request, reply, failure)
    }
  }
}

/** Answers INTERNAL_ERROR from the catalog alone, after the handler itself failed. */
function answerInternal (context: HandlerContext, request: FastifyRequest, reply: FastifyReply, failure: unknown): void {
  const entry = context.classifier.internal
  try {
    request.log.error({ err: loggableError(failure), code: entry.code, statusCode: entry.status }, `${entry.code}: the error handler failed: ${describeThrown(failure)}`)
  } catch {}
  if (reply.sent) return
  context.observe?.(request, entry, failure)
  context.responder.send(reply, { entry, ...entry.render(undefined) })
}

function isRequestPart (location: unknown): location is ValidationLocation {
  return typeof location === 'string' && REQUEST_PARTS.has(location)
}

const REQUEST_PARTS = new Set(['body', 'querystring', 'params', 'headers'])

/**
 * The answer of a catalog error, from the parts it was made from. A 5xx body is rendered from the catalog
 * again, so nothing a caller appended to `message` (a connection string, say) reaches the client.
 */
function catalogReply (catalog: CompiledCatalog, classifier: Classifier, parts: CatalogErrorInit<string, unknown>): ErrorReply {
  const own = catalog.get(parts.code)
  // A code this catalog does not define (made from another catalog): answered by its status.
  const entry = own ?? classifier.forStatus(parts.statusCode)
  const details = own === undefined ? undefined : parts.details as Readonly<Record<string, unknown>> | undefined
  // A factory's parts hold delta-seconds already; a forged object's may hold anything.
  const retryAfter = retryAfterSeconds(parts.retryAfter)
  if (entry.status >= 500) return { entry, ...entry.render(details), details, retryAfter }
  return { entry, message: parts.message, suggestions: parts.suggestions, details, retryAfter }
}

/**
 * Logs one answered error (4xx at the client level, 5xx at the server level with the thrown value) and reports
 * it to the observers (onCatalogError, metrics, tracing). Every answer of the handlers passes here once.
 */
export function logAnswer (context: HandlerContext, request: FastifyRequest, entry: CompiledEntry, thrown: unknown): void {
  context.observe?.(request, entry, thrown)
  if (entry.status >= 500) {
    if (context.logServer === 'silent' || !levelEnabled(request, context.logServer)) return
    request.log[context.logServer]({ err: loggableError(thrown), code: entry.code, statusCode: entry.status }, `${entry.code}: ${describeThrown(thrown)}`)
  } else if (context.logClient !== 'silent' && levelEnabled(request, context.logClient)) {
    request.log[context.logClient]({ code: entry.code, statusCode: entry.status }, `${entry.code}: ${describeThrown(thrown)}`)
  }
}

/** Whether the request's logger writes this level (pino's check); loggers without one are asked anyway. */
function levelEnabled (request: FastifyRequest, level: Exclude<LogLevel, 'silent'>): boolean {
  const log = request.log as { isLevelEnabled?: (level: string) => boolean }
  return typeof log.isLevelEnabled !== 'function' || log.isLevelEnabled(level)
}
