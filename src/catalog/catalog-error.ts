/**
 * The error a catalog factory returns. Modeled on @fastify/error's `createError`: usable with or without
 * `new`, takes `{ cause }`, and recognised across two copies of this package through `Symbol.for`.
 */

const kCatalogError = Symbol.for('fastify-error-catalog.CatalogError')

/** Per-call options of a factory. */
export interface CatalogErrorOptions {
  /** The error that led to this one (kept on `error.cause`, logged, never sent to the client). */
  cause?: unknown
  /** Seconds until a retry may succeed; overrides the entry's `retryAfter` (sent as Retry-After). */
  retryAfter?: number
  /** Capture a stack trace. Default: only for 5xx (see the `stackTraces` compile option). */
  captureStack?: boolean
}

/** What a CatalogError is made from: the rendered parts of one catalog entry. */
export interface CatalogErrorInit<Code extends string, Details> {
  code: Code
  statusCode: number
  message: string
  retryable: boolean
  suggestions: readonly string[]
  details: Details
  retryAfter: number | undefined
}

/** An error defined by the catalog. */
export class CatalogError<Code extends string = string, Details extends object = Record<string, unknown>> extends Error {
  /** The catalog code, e.g. `SESSION_NOT_FOUND`. */
  declare readonly code: Code
  /** The HTTP status the catalog gives this code. */
  declare readonly statusCode: number
  /** Whether the same request may succeed later. */
  declare readonly retryable: boolean
  /** The typed details given to the factory. */
  declare readonly details: Details
  /** The rendered suggestions (처리 방법). */
  declare readonly suggestions: readonly string[]
  /** Seconds for Retry-After, when the entry or the call sets it. */
  declare readonly retryAfter: number | undefined

  constructor (init: CatalogErrorInit<Code, Details>, options?: CatalogErrorOptions & { captureStack: boolean }) {
    // Capturing a stack trace is the expensive part of `new Error`; 4xx errors skip it by default.
    const limit = Error.stackTraceLimit
    if (options?.captureStack === false) Error.stackTraceLimit = 0
    super(init.message, options?.cause === undefined ? undefined : { cause: options.cause })
    Error.stackTraceLimit = limit
    this.code = init.code
    this.statusCode = init.statusCode
    this.retryable = init.retryable
    this.details = init.details
    this.suggestions = init.suggestions
    this.retryAfter = options?.retryAfter ?? init.retryAfter
  }

  /** `instanceof` also recognises errors made by another copy of this package. */
  static override [Symbol.hasInstance] (value: unknown): boolean {
    return isCatalogError(value)
  }

  /** The error as the client would see it, without request data. */
  toJSON (): { code: Code, status: number, message: string, retryable: boolean, suggestions: readonly string[], details: Details } {
    return { code: this.code, status: this.statusCode, message: this.message, retryable: this.retryable, suggestions: this.suggestions, details: this.details }
  }
}

Object.defineProperty(CatalogError.prototype, 'name', { value: 'CatalogError', writable: true, configurable: true })
Object.defineProperty(CatalogError.prototype, kCatalogError, { value: true })

/** True for an error made by a catalog factory, from this or any other copy of the package. */
export function isCatalogError (value: unknown): value is CatalogError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[kCatalogError] === true
}
