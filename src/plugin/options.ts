/** The plugin's options: validated once, defaults spelled out here, the caller's object never written to. */
import { compileCatalog, isCompiledCatalog, type CatalogSource, type CompiledCatalog, type StackTracePolicy } from '../catalog/compile.js'
import { loadCatalog } from '../catalog/load.js'
import { FEC_ERR_OPTIONS_INVALID } from '../errors.js'
import { DEFAULT_VALIDATION_LIMITS, type ValidationLimits } from '../validation/field-errors.js'
import type { ErrorHandlerOptions, LogLevel } from './error-handler.js'
import { resolveImpliedErrors, type ResolvedImpliedErrors } from '../openapi/implied.js'
import type { ErrorCatalogOpenapiOptions } from '../openapi/swagger.js'
import type { CatalogErrorHook } from './observe.js'
import type { MetricsOption } from './metrics.js'
import type { WwwAuthenticate } from './www-authenticate.js'
import type { EnvelopeOption } from './formats.js'
import type { LocaleOption } from './languages.js'

/** Options of `app.register(errorCatalog, options)`. */
export interface ErrorCatalogOptions {
  /** A catalog file path (.yaml, .yml, .json), a catalog object, or a compiled catalog. */
  catalog: string | CatalogSource | CompiledCatalog
  /** Merge the builtin catalog under yours (default true). Ignored for a compiled catalog. */
  builtin?: boolean
  /** When factories capture a stack trace (default `server`: 5xx only). Ignored for a compiled catalog. */
  stackTraces?: StackTracePolicy
  /** Install the root error handler (default true). Turn off to compose with your own via `createErrorHandler`. */
  errorHandler?: boolean
  /** Install the root not-found handler (default true). */
  notFoundHandler?: boolean
  /** Answer 405 with `Allow` for a known path asked with another method (default true). */
  methodNotAllowed?: boolean
  /** Status → code for errors of other libraries that carry only a status (e.g. `{ 401: 'AUTH_REQUIRED' }`). */
  fallbacks?: Readonly<Record<number, string>>
  /** Log level of 4xx answers (default `info`) and of 5xx answers (default `error`). */
  logLevels?: { client?: LogLevel, server?: LogLevel }
  /** Limits of `fieldErrors` in validation answers. */
  validation?: Partial<ValidationLimits>
  /**
   * Install a schema error formatter that gives Fastify's own message without capturing a stack trace
   * (default true). Never replaces a formatter the app already has (the `schemaErrorFormatter` server option).
   */
  stacklessValidationErrors?: boolean
  /** How `app.errorCatalogSwagger()` documents the errors (implied codes). */
  openapi?: ErrorCatalogOpenapiOptions
  /** Warn when a route throws a code its `schema.errors` does not declare (default: `NODE_ENV !== 'production'`). */
  warnUndeclared?: boolean
  /** The scheme of the `WWW-Authenticate` challenge every 401 carries (default `Bearer`), or false for none. */
  wwwAuthenticate?: WwwAuthenticate
  /** Called once per answered error: `{ code, status, serverError, request, error }` (docs/integrations.md). */
  onCatalogError?: CatalogErrorHook
  /** Count errors in `http_errors_total{code,status,method,route}` with prom-client (optional peer): true, or `{ registry }`. */
  metrics?: MetricsOption
  /** Set `error.type` and `http.response.status_code` on the active OpenTelemetry span (optional peer @opentelemetry/api). */
  tracing?: boolean
  /** The wire format: `default`, `problem` (RFC 9457) or a declaration `{ contentType?, body, fieldError? }`; wins over the catalog's `envelope:` (docs/wire-formats.md). */
  envelope?: EnvelopeOption
  /** Media type → format name, chosen by the request's `Accept`, e.g. `{ 'application/problem+json': 'problem' }`. */
  negotiate?: Readonly<Record<string, string>>
  /** The base URI of `problem`'s `type` members (the hosted `error-catalog docs --html` guide): `<typeBase>#<anchor>`. */
  typeBase?: string
  /** The language of a request's answer, e.g. from the user's profile; undefined (or a locale the catalog lacks) lets `Accept-Language` decide. */
  locale?: LocaleOption
}

/** Options after validation, with defaults. */
export interface ResolvedOptions extends ErrorHandlerOptions {
  readonly catalog: CompiledCatalog
  readonly errorHandler: boolean
  readonly notFoundHandler: boolean
  readonly methodNotAllowed: boolean
  readonly openapi: { readonly implied: ResolvedImpliedErrors }
  readonly warnUndeclared: boolean
  readonly stacklessValidationErrors: boolean
  readonly metrics: MetricsOption
  readonly tracing: boolean
}

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
const KNOWN = new Set(['catalog', 'builtin', 'stackTraces', 'errorHandler', 'notFoundHandler', 'methodNotAllowed', 'fallbacks', 'logLevels', 'validation', 'stacklessValidationErrors', 'openapi', 'warnUndeclared', 'wwwAuthenticate', 'onCatalogError', 'metrics', 'tracing', 'envelope', 'negotiate', 'typeBase', 'locale'])

/** Validates the options and loads or compiles the catalog. */
export async function resolveOptions (options: ErrorCatalogOptions): Promise<ResolvedOptions> {
  if (typeof options !== 'object' || options === null) throw new FEC_ERR_OPTIONS_INVALID('options', 'expected an object with a `catalog`')
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) throw new FEC_ERR_OPTIONS_INVALID(key, `unknown option; known options: ${[...KNOWN].join(', ')}`)
  }
  for (const key of ['builtin', 'errorHandler', 'notFoundHandler', 'methodNotAllowed', 'warnUndeclared', 'stacklessValidationErrors', 'tracing'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'boolean') throw new FEC_ERR_OPTIONS_INVALID(key, `expected a boolean, got ${JSON.stringify(options[key])}`)
  }
  if (options.wwwAuthenticate !== undefined && options.wwwAuthenticate !== false && (typeof options.wwwAuthenticate !== 'string' || !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+(?: [\x20-\x7e]*)?$/.test(options.wwwAuthenticate))) {
    throw new FEC_ERR_OPTIONS_INVALID('wwwAuthenticate', `expected an auth scheme such as "Bearer" or "Basic realm=\\"api\\"", or false, got ${JSON.stringify(options.wwwAuthenticate)}`)
  }
  if (options.onCatalogError !== undefined && typeof options.onCatalogError !== 'function') throw new FEC_ERR_OPTIONS_INVALID('onCatalogError', `expected a function, got ${JSON.stringify(options.onCatalogError)}`)
  const metrics = options.metrics
  if (metrics !== undefined && typeof metrics !== 'boolean' && (typeof metrics !== 'object' || metrics === null || Object.keys(metrics).some((key) => key !== 'registry') ||
    (metrics.registry !== undefined && typeof (metrics.registry as { getSingleMetric?: unknown } | null)?.getSingleMetric !== 'function'))) {
    throw new FEC_ERR_OPTIONS_INVALID('metrics', 'expected true, false or { registry } with a prom-client Registry')
  }
  for (const [kind, level] of Object.entries(options.logLevels ?? {})) {
    if (!LEVELS.has(level as string)) throw new FEC_ERR_OPTIONS_INVALID(`logLevels.${kind}`, `expected one of ${[...LEVELS].join(', ')}, got ${JSON.stringify(level)}`)
  }
  for (const [status, code] of Object.entries(options.fallbacks ?? {})) {
    if (!/^[45]\d\d$/.test(status) || typeof code !== 'string') throw new FEC_ERR_OPTIONS_INVALID('fallbacks', `expected status (400–599) → code, got ${status} → ${JSON.stringify(code)}`)
  }
  for (const [name, value] of Object.entries(options.validation ?? {})) {
    if (!Object.hasOwn(DEFAULT_VALIDATION_LIMITS, name)) throw new FEC_ERR_OPTIONS_INVALID(`validation.${name}`, `unknown option; known: ${Object.keys(DEFAULT_VALIDATION_LIMITS).join(', ')}`)
    if (!Number.isInteger(value) || (value as number) < 1) throw new FEC_ERR_OPTIONS_INVALID(`validation.${name}`, `expected a positive integer, got ${JSON.stringify(value)}`)
  }

  const compileOptions = { ...defined({ builtin: options.builtin, stackTraces: options.stackTraces }) }
  const source = options.catalog
  let catalog: CompiledCatalog
  if (typeof source === 'string') catalog = await loadCatalog(source, compileOptions)
  else if (isCompiledCatalog(source)) catalog = source
  else if (typeof source === 'object' && source !== null) catalog = compileCatalog(source, compileOptions)
  else throw new FEC_ERR_OPTIONS_INVALID('catalog', 'expected a file path, a catalog object or a compiled catalog')

  if (options.openapi !== undefined && (typeof options.openapi !== 'object' || options.openapi === null || Object.keys(options.openapi).some((key) => key !== 'implied'))) {
    throw new FEC_ERR_OPTIONS_INVALID('openapi', 'expected an object with only `implied`')
  }
  const openapi = Object.freeze({ implied: resolveImpliedErrors(options.openapi?.implied, catalog) })

  return Object.freeze({
    catalog,
    openapi,
    warnUndeclared: options.warnUndeclared ?? process.env.NODE_ENV !== 'production',
    errorHandler: options.errorHandler ?? true,
    notFoundHandler: options.notFoundHandler ?? true,
    methodNotAllowed: options.methodNotAllowed ?? true,
    stacklessValidationErrors: options.stacklessValidationErrors ?? true,
    metrics: options.metrics ?? false,
    tracing: options.tracing ?? false,
    ...defined({ fallbacks: options.fallbacks, logLevels: options.logLevels, validation: options.validation, wwwAuthenticate: options.wwwAuthenticate, onCatalogError: options.onCatalogError, envelope: options.envelope, negotiate: options.negotiate, typeBase: options.typeBase, locale: options.locale })
  })
}

function defined<T extends Record<string, unknown>> (values: T): Partial<T> {
  const out: Partial<T> = {}
  for (const key of Object.keys(values) as Array<keyof T>) if (values[key] !== undefined) out[key] = values[key]
  return out
}
