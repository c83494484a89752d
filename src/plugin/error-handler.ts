/**
 * The error handler: whatever was thrown → one catalog entry → one envelope response, logged once.
 * Exported on its own (`createErrorHandler`) for apps that keep their own `setErrorHandler`.
 */
import type { FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify'
import { retryAfterSeconds, type CatalogErrorInit } from '../catalog/catalog-error.js'
import type { CompiledCatalog, CompiledEntry } from '../catalog/compile.js'
import { createValidationFormatter, DEFAULT_VALIDATION_LIMITS, type ValidationFormatter, type ValidationLimits } from '../validation/field-errors.js'
import { isRequestPart, type RequestPart } from '../request-parts.js'
import { matchValidationCode } from '../validation/codes.js'
import { echoedValue } from '../validation/echo.js'
import type { FieldError } from '../validation/field-errors.js'
import type { ValidationSchemaSource } from '../validation/schema-lookup.js'
import { routeSchemaSource } from './route-schema.js'
import { createClassifier, type Classifier } from './classify.js'
import { catalogPartsOfThrown, describeThrown, headersOf, isArray, loggableError, readProperty, readString, statusOf } from './thrown.js'
import { createResponder, type ErrorReply, type Responder } from './respond.js'
import { challengeOf, type WwwAuthenticate } from './www-authenticate.js'
import { observerOf, type CatalogErrorHook, type Observer } from './observe.js'
import { resolveFormats, type FormatOptions, type Formats } from './formats.js'
import { resolveLanguages, type LocaleOption } from './languages.js'

/** Pino level of a log line, or `silent` for none. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

/** Options of `createErrorHandler` (the plugin passes its own). */
export interface ErrorHandlerOptions extends FormatOptions {
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
  /** The language of a request's answer (one of the catalog's `locales`), else `Accept-Language` decides. */
  locale?: LocaleOption
}

/** A Fastify error handler. */
export type ErrorHandler = (error: unknown, request: FastifyRequest, reply: FastifyReply) => void

/** The parts shared by the error handler and the not-found handler. */
export interface HandlerContext {
  catalog: CompiledCatalog
  classifier: Classifier
  responder: Responder
  /** The wire formats, and which one each request gets. */
  formats: Formats
  /** The validation formatter of the default locale. */
  formatValidation: ValidationFormatter
  /** The validation formatter of each other locale of the catalog (empty for a single-language catalog). */
  formatValidationIn: ReadonlyMap<string, ValidationFormatter>
  logClient: LogLevel
  logServer: LogLevel
  /** Reports each answered error (onCatalogError, metrics, tracing); never throws. */
  observe: Observer | undefined
  /** The WWW-Authenticate scheme of 401 answers, or false. */
  wwwAuthenticate: WwwAuthenticate
  /** The locale of one request's answer (a constant for a single-language catalog). */
  localeOf: (request: FastifyRequest) => string
}

/** Builds what the handlers share, checking the catalog and options once. */
export function createHandlerContext (catalog: CompiledCatalog, options: ErrorHandlerOptions = {}): HandlerContext {
  const limits = { ...DEFAULT_VALIDATION_LIMITS, ...options.validation }
  const classifier = createClassifier(catalog, options.fallbacks)
  const formats = resolveFormats(catalog, options)
  const languages = resolveLanguages(catalog, options.locale)
  const vary = [formats.vary, languages.several ? 'Accept-Language' : undefined].filter((field) => field !== undefined).join(', ')
  return {
    catalog,
    classifier,
    responder: createResponder(classifier.internal, catalog.locale, vary === '' ? undefined : vary, languages.several),
    localeOf: languages.localeOf,
    formats,
    formatValidation: createValidationFormatter(catalog, limits),
    formatValidationIn: new Map(catalog.locales.slice(1).map((locale) => [locale, createValidationFormatter(catalog, limits, locale)])),
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
  const { catalog, classifier, responder, formatValidation, formatValidationIn } = context
  const severalLocales = formatValidationIn.size > 0
  // `validation.codes` or `validation.echo`: a validation failure takes the longer way (validationReply).
  const answersByCodes = catalog.validation.codes.length > 0 || catalog.validation.echo !== undefined

  function answer (request: FastifyRequest, reply: FastifyReply, error: ErrorReply, thrown: unknown): void {
    logAnswer(context, request, error.entry, thrown)
    if (reply.sent) return
    if (error.entry.status === 401 && context.wwwAuthenticate !== false) error.headers = challengeOf(error.entry, context.wwwAuthenticate, error.headers, reply)
    responder.send(reply, error, context.formats.formatOf(request))
  }

  function answerThrown (error: unknown, request: FastifyRequest, reply: FastifyReply): void {
    // The request's language, chosen once (a constant for a single-language catalog).
    const locale = context.localeOf(request)
    const parts = catalogPartsOfThrown(error)
    if (parts !== undefined) {
      answer(request, reply, catalogReply(catalog, classifier, parts, locale), error)
      return
    }

    const validation = readProperty(error, 'validation')
    const location = readProperty(error, 'validationContext')
    // Only a request part is the client's fault; anything else with `validation` (a response checked
    // against its schema) falls through to its status and answers as a server error.
    if (isArray(validation) && isRequestPart(location)) {
      const format = severalLocales ? formatValidationIn.get(locale) ?? formatValidation : formatValidation
      const source = routeSchemaSource(request, location)
      const { fieldErrors, truncated } = format(validation as FastifySchemaValidationError[], location, source)
      if (answersByCodes) {
        answer(request, reply, validationReply(catalog, classifier.validation, request, location, source, fieldErrors, truncated, locale), error)
        return
      }
      const entry = classifier.validation
      const details = validationDetails(entry, location, undefined, truncated)
      answer(request, reply, { entry, ...entry.render(details, locale), details, fieldErrors, locale }, error)
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
      answer(request, reply, { entry: mapped, ...mapped.render(undefined, locale), headers: mapped.status < 500 ? headersOf(error) : undefined, locale }, error)
      return
    }

    const status = statusOf(error)
    const entry = status === undefined ? classifier.internal : classifier.forStatus(status)
    const headers = status !== undefined && status < 500 ? headersOf(error) : undefined
    answer(request, reply, { entry, ...entry.render(undefined, locale), headers, locale }, error)
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
  // The default language: the request's could be what failed.
  context.responder.send(reply, { entry, ...entry.render(undefined), locale: context.catalog.locale }, context.formats.formatOf(request))
}

/**
 * The answer of a catalog error, from the parts it was made from. A 5xx body is rendered from the catalog
 * again, so nothing a caller appended to `message` (a connection string, say) reaches the client.
 */
function catalogReply (catalog: CompiledCatalog, classifier: Classifier, parts: CatalogErrorInit<string, unknown>, locale: string): ErrorReply {
  const own = catalog.get(parts.code)
  // A code this catalog does not define (made from another catalog): answered by its status.
  const entry = own ?? classifier.forStatus(parts.statusCode)
  const details = own === undefined ? undefined : parts.details as Readonly<Record<string, unknown>> | undefined
  // A factory's parts hold delta-seconds already; a forged object's may hold anything.
  const retryAfter = retryAfterSeconds(parts.retryAfter)
  // The factory rendered in the default language; another language is rendered now, from the same details.
  if (entry.status >= 500 || locale !== catalog.locale) {
    // A call's own Retry-After is what `{retryAfter}` says (rendering only: the details sent stay as given).
    const shown = retryAfter === undefined || details === undefined ? details : { ...details, retryAfter }
    return { entry, ...entry.render(shown ?? (retryAfter === undefined ? undefined : { retryAfter }), locale), details, retryAfter, locale }
  }
  return { entry, message: parts.message, suggestions: parts.suggestions, details, retryAfter, locale }
}

/**
 * The details of a validation answer: of `location` (the request part), `field` (the path of the field the answer
 * is about) and `truncated`, those the code declares. The builtin VALIDATION_ERROR declares `location` and
 * `truncated`; a team whose contract has no such members declares none (`details: {}`), and none are sent.
 * src/catalog/check.ts lets a code of `validation.codes` require no other details.
 */
function validationDetails (entry: CompiledEntry, location: RequestPart, field: string | undefined, truncated: boolean): Record<string, unknown> | undefined {
  const declared = entry.details
  let details: Record<string, unknown> | undefined
  if (Object.hasOwn(declared, 'location')) (details ??= {}).location = location
  if (field !== undefined && Object.hasOwn(declared, 'field')) (details ??= {}).field = field
  if (truncated && Object.hasOwn(declared, 'truncated')) (details ??= {}).truncated = true
  return details
}

/**
 * A validation failure under the catalog's `validation.codes` and `validation.echo` (docs/validation.md): the first
 * rule that matches a field error picks the code (else the validation code answers); that field error moves to the
 * front of the list, so `$field` and `$fieldMessage` are its, and carries the rejected value when echo is on. A
 * code gets the details it declares (validationDetails).
 */
function validationReply (
  catalog: CompiledCatalog,
  fallback: CompiledEntry,
  request: FastifyRequest,
  location: RequestPart,
  source: ValidationSchemaSource | undefined,
  fieldErrors: readonly FieldError[],
  truncated: boolean,
  locale: string
): ErrorReply {
  const { codes, echo } = catalog.validation
  const match = matchValidationCode(codes, fieldErrors)
  const entry = match === undefined ? fallback : catalog.get(match.rule.code) ?? fallback
  const index = match?.index ?? 0
  let subject = fieldErrors[index]
  let list = fieldErrors
  if (subject !== undefined) {
    const value = echo === undefined ? undefined : echoedValue(requestPartData(request, location), location, subject.pointer, source, echo.maxLength)
    if (value !== undefined) subject = { ...subject, value }
    if (index !== 0 || subject !== fieldErrors[0]) list = [subject, ...fieldErrors.slice(0, index), ...fieldErrors.slice(index + 1)]
  }
  const details = validationDetails(entry, location, subject?.path, truncated)
  return { entry, ...entry.render(details, locale), details, fieldErrors: list, locale }
}

/** The validated data of a request part (headers are never echoed, so never read). */
function requestPartData (request: FastifyRequest, location: RequestPart): unknown {
  switch (location) {
    case 'body': return request.body
    case 'querystring': return request.query
    case 'params': return request.params
    default: return undefined
  }
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
