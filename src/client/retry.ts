/**
 * When to retry a failed request and how long to wait: only what the server says may succeed later
 * (`retryable`, or 429/503 with Retry-After), after the server's Retry-After, else exponential backoff with
 * full jitter under a cap; never a non-idempotent request unless the caller opts in or sends an Idempotency-Key.
 */
import type { ErrorFields } from './parse.js'

/** How retries are made. Every member has a default. */
export interface RetryPolicy {
  /** Attempts in all, the first one included (default 3). */
  readonly attempts?: number | undefined
  /** No retry is started when its wait would end more than this many ms after the first attempt began (default 30 000). */
  readonly maxElapsedMs?: number | undefined
  /** The backoff of the first retry before jitter, doubling after each (default 300 ms). */
  readonly baseDelayMs?: number | undefined
  /** The longest single wait (default 10 000 ms); a Retry-After longer than this ends the retries instead. */
  readonly maxDelayMs?: number | undefined
  /** Retry POST, PATCH and other non-idempotent methods without an Idempotency-Key (default false). */
  readonly retryNonIdempotent?: boolean | undefined
  /** Random numbers in [0, 1) for the jitter (default Math.random). */
  readonly random?: (() => number) | undefined
}

/** Methods whose repetition has the effect of one request (RFC 9110 §9.2.2). */
const IDEMPOTENT = ['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']

/**
 * The wait in ms before the next attempt, after `attempt` attempts (1 after the first) ended in `error`;
 * undefined when it must not be retried.
 */
export function retryDelay (error: Pick<ErrorFields, 'status' | 'retryable' | 'retryAfterMs'>, attempt: number, policy: RetryPolicy = {}): number | undefined {
  const max = policy.maxDelayMs ?? 10_000
  const after = error.retryAfterMs
  if (attempt >= (policy.attempts ?? 3)) return undefined
  if (!error.retryable && !(after !== undefined && (error.status === 429 || error.status === 503))) return undefined
  if (after !== undefined) return after <= max ? after : undefined
  // Full jitter (anywhere between 0 and the exponential step) spreads clients that failed together.
  return Math.floor((policy.random ?? Math.random)() * Math.min(max, (policy.baseDelayMs ?? 300) * 2 ** (attempt - 1)))
}

/** True when a request may be sent again: an idempotent method, an Idempotency-Key header, or the caller's opt-in. */
export function mayRepeat (request: Request, policy: RetryPolicy = {}): boolean {
  return IDEMPOTENT.includes(request.method.toUpperCase()) || request.headers.has('idempotency-key') || policy.retryNonIdempotent === true
}
