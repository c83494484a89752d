/**
 * The error a catalog factory returns. Modeled on @fastify/error's `createError`: usable with or without
 * `new`, takes `{ cause }`, and recognised across two copies of this package through `Symbol.for`.
 */

const kCatalogError = Symbol.for('fastify-error-catalog.CatalogError')
/** The parts an error was made from, kept apart from its public members, which user code may change. */
const kParts = Symbol.for('fastify-error-catalog.CatalogError.parts')

/** The largest Retry-After sent, in seconds (a year); larger values are clamped. */
const MAX_RETRY_AFTER = 31_536_000

/**
 * A `Retry-After` value in delta-seconds (RFC 9110 §10.2.3: a non-negative integer): a finite non-negative
 * number rounded up and capped at a year; anything else (NaN, negative, Infinity, a string) is no value.
 */
export function retryAfterSeconds (value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined
  return Math.min(Math.ceil(value), MAX_RETRY_AFTER)
}

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
    fill(this, init, options?.retryAfter)
  }

  /**
   * The message of an error made without the constructor (makeCatalogError), which has no own `message`: the
   * rendered one. An error made by the constructor has its own, which hides this. Settable, as any Error's.
   */
  override get message (): string {
    return (this as unknown as Record<symbol, CatalogErrorInit<Code, Details>>)[kParts].message
  }

  override set message (value: string) {
    Object.defineProperty(this, 'message', { value, writable: true, enumerable: false, configurable: true })
  }

  /** What a stackless Error's stack says (`CatalogError: <message>`), for an error made without the constructor. */
  override get stack (): string {
    return `${this.name}: ${this.message}`
  }

  override set stack (value: string) {
    Object.defineProperty(this, 'stack', { value, writable: true, enumerable: false, configurable: true })
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

/** The public members and the parts of an error, in one order (one hidden class for both ways of making it). */
function fill<Code extends string, Details> (target: object, init: CatalogErrorInit<Code, Details>, retryAfter: number | undefined): void {
  const error = target as Record<PropertyKey, unknown>
  error.code = init.code
  error.statusCode = init.statusCode
  error.retryable = init.retryable
  error.details = init.details
  error.suggestions = init.suggestions
  const seconds = retryAfterSeconds(retryAfter) ?? init.retryAfter
  error.retryAfter = seconds
  // A plain assignment (a symbol key: no JSON, no Object.keys, no for-in): defineProperty and a frozen copy
  // cost as much as the rest of the constructor. The factory passes a fresh init, so nothing else holds it.
  error[kParts] = seconds === init.retryAfter ? init : { ...init, retryAfter: seconds }
}

/**
 * A factory's error. Without a stack trace to capture and without a cause, it is made without the Error
 * constructor: an object on CatalogError's prototype, whose `message` and `stack` (`CatalogError: <message>`) the
 * prototype answers. Even with no stack frames, `new Error` is a call into the engine that cost ≈ 5% of a 404's
 * CPU time under load (bench/RESULTS.md). It is an `instanceof Error` and `instanceof CatalogError`, with the
 * members, printing (`util.inspect`), JSON and log line of one made by the constructor; `util.types.isNativeError`,
 * `Object.prototype.toString` and `structuredClone` tell it apart (`captureStack: true` makes a native one).
 */
export function makeCatalogError<Code extends string, Details extends object> (init: CatalogErrorInit<Code, Details>, options: CatalogErrorOptions & { captureStack: boolean }): CatalogError<Code, Details> {
  if (options.captureStack || options.cause !== undefined) return new CatalogError(init, options)
  const error = Object.create(CatalogError.prototype) as CatalogError<Code, Details>
  fill(error, init, options.retryAfter)
  return error
}

Object.defineProperty(CatalogError.prototype, 'name', { value: 'CatalogError', writable: true, configurable: true })
Object.defineProperty(CatalogError.prototype, kCatalogError, { value: true })

/**
 * The parts a catalog error was rendered from when it was made (code, message, details, …), or undefined for
 * anything a factory did not make (a forged brand included). The handler answers from these, never from the
 * error's current `message`, which code on the way may have changed.
 */
export function catalogPartsOf (value: unknown): CatalogErrorInit<string, unknown> | undefined {
  if (!isCatalogError(value)) return undefined
  const parts = (value as unknown as Record<symbol, CatalogErrorInit<string, unknown> | undefined>)[kParts]
  return typeof parts === 'object' && parts !== null && typeof parts.code === 'string' ? parts : undefined
}

/** True for an error made by a catalog factory, from this or any other copy of the package. */
export function isCatalogError (value: unknown): value is CatalogError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[kCatalogError] === true
}
