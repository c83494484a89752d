/**
 * The error handler: whatever was thrown → one catalog entry → one envelope response, logged once.
 * Exported on its own (`createErrorHandler`) for apps that keep their own `setErrorHandler`.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { isCatalogError, type CatalogError } from '../catalog/catalog-error.js'
import type { CompiledCatalog, CompiledEntry } from '../catalog/compile.js'
import { createValidationFormatter, DEFAULT_VALIDATION_LIMITS, type ValidationFormatter, type ValidationLimits, type ValidationLocation } from '../validation/field-errors.js'
import { routeSchemaSource } from '../validation/route-schema.js'
import { createClassifier, statusOf, type Classifier } from './classify.js'
import { createResponder, type ErrorReply, type Responder } from './respond.js'
import type { DriftCheck } from '../openapi/drift.js'

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
    logServer: options.logLevels?.server ?? 'error'
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
    responder.send(reply, error)
  }

  return function errorCatalogHandler (error, request, reply) {
    if (isCatalogError(error)) {
      context.drift?.(request, error.code)
      answer(request, reply, catalogReply(catalog, classifier, error), error)
      return
    }

    const fastifyError = error as Partial<FastifyError> | null | undefined
    const validation = fastifyError?.validation
    const location = fastifyError?.validationContext
    // Only a request part is the client's fault; anything else with `validation` (a response checked
    // against its schema) falls through to its status and answers as a server error.
    if (Array.isArray(validation) && isRequestPart(location)) {
      const { fieldErrors, truncated } = formatValidation(validation, location, routeSchemaSource(request, location))
      const entry = classifier.validation
      const details = truncated ? { location, truncated } : { location }
      answer(request, reply, { entry, ...entry.render(details), details, fieldErrors }, error)
      return
    }

    const code = fastifyError?.code
    const framework = typeof code === 'string' ? classifier.forFrameworkCode(code) : undefined
    if (framework !== undefined) {
      answer(request, reply, { entry: framework, ...framework.render(undefined) }, error)
      return
    }

    const status = statusOf(error)
    const entry = status === undefined ? classifier.internal : classifier.forStatus(status)
    const headers = status !== undefined && status < 500 ? headersOf(error) : undefined
    answer(request, reply, { entry, ...entry.render(undefined), headers }, error)
  }
}

const REQUEST_PARTS = new Set(['body', 'querystring', 'params', 'headers'])

function isRequestPart (location: unknown): location is ValidationLocation {
  return typeof location === 'string' && REQUEST_PARTS.has(location)
}

function catalogReply (catalog: CompiledCatalog, classifier: Classifier, error: CatalogError): ErrorReply {
  const entry = catalog.get(error.code) ?? foreignEntry(classifier, error)
  return { entry, message: error.message, suggestions: error.suggestions, details: error.details, retryAfter: error.retryAfter }
}

/** A CatalogError of a code this catalog does not define (made from another catalog): answered by its status. */
function foreignEntry (classifier: Classifier, error: CatalogError): CompiledEntry {
  return classifier.forStatus(error.statusCode)
}

// RFC 9110 §5.1 token, and a field value without control characters other than tab (what Node accepts).
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/

/**
 * Headers an http-errors or @fastify/sensible error asks for (e.g. WWW-Authenticate), as Fastify's default
 * handler applies them; any that Node would refuse mid-answer are skipped.
 */
function headersOf (error: unknown): Record<string, string> | undefined {
  const headers = (error as { headers?: unknown }).headers
  if (typeof headers !== 'object' || headers === null) return undefined
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== 'string' && typeof value !== 'number') continue
    const text = String(value)
    if (HEADER_NAME.test(name) && HEADER_VALUE.test(text)) out[name] = text
  }
  return out
}

/** Logs one answered error: 4xx at the client level, 5xx at the server level with the thrown value. */
export function logAnswer (context: HandlerContext, request: FastifyRequest, entry: CompiledEntry, thrown: unknown): void {
  if (entry.status >= 500) {
    if (context.logServer === 'silent') return
    request.log[context.logServer]({ err: asError(thrown), code: entry.code, statusCode: entry.status }, `${entry.code}: ${describe(thrown)}`)
  } else if (context.logClient !== 'silent') {
    request.log[context.logClient]({ code: entry.code, statusCode: entry.status }, `${entry.code}: ${describe(thrown)}`)
  }
}

function asError (thrown: unknown): unknown {
  if (thrown instanceof Error) return thrown
  // A thrown non-Error has no stack: capture the handler's, and keep the value for the log.
  return Object.assign(new Error(`non-error value thrown: ${describe(thrown)}`), { thrown })
}

function describe (thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message
  if (typeof thrown === 'string') return thrown
  try {
    return String(JSON.stringify(thrown))
  } catch {
    return Object.prototype.toString.call(thrown)
  }
}
