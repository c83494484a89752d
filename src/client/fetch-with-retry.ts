/**
 * `fetchWithRetry`: fetch, and send the request again while `retryDelay` allows it. The last response is
 * returned as it came (read it with `parseErrorResponse`); only an abort or a network failure rejects.
 */
import { parseErrorResponse, type ParsedError, type ParseOptions } from './parse.js'
import { mayRepeat, retryDelay, type RetryPolicy } from './retry.js'

/** Options of `fetchWithRetry` and the middlewares: the policy, plus seams for tests and logging. */
export interface RetryOptions extends RetryPolicy, ParseOptions {
  /** The fetch to call (default the global one). */
  readonly fetch?: ((request: Request) => Promise<Response>) | undefined
  /** Waits `ms` or rejects with the signal's reason when it aborts (default: a timer). */
  readonly sleep?: ((ms: number, signal: AbortSignal) => Promise<void>) | undefined
  /** The clock, in ms (default Date.now). */
  readonly now?: (() => number) | undefined
  /** Called before each wait, with the error, the attempts made so far and the wait. */
  readonly onRetry?: ((error: ParsedError, attempt: number, delayMs: number) => void) | undefined
}

/** Fetches `input` and retries as the policy allows; resolves to the last response. */
export function fetchWithRetry (input: string | URL | Request, init?: RequestInit, options: RetryOptions = {}): Promise<Response> {
  return retryRequest(new Request(input, init), undefined, options)
}

/**
 * The retry loop, shared with the middlewares: `first` is a response already received for `request` (whose
 * body must still be unread, so that each attempt sends a clone of it).
 */
export async function retryRequest (request: Request, first: Response | undefined, options: RetryOptions): Promise<Response> {
  const now = options.now ?? Date.now
  const started = now()
  const send = options.fetch ?? ((attempt: Request) => fetch(attempt))
  const sleep = options.sleep ?? wait
  let response = first
  for (let attempt = 1; ; attempt++) {
    if (response === undefined) {
      request.signal.throwIfAborted()
      response = await send(request.clone())
    }
    if (response.ok || !mayRepeat(request, options)) return response
    const error = await parseErrorResponse(response.clone(), options)
    const delay = retryDelay(error, attempt, options)
    if (delay === undefined || now() - started + delay > (options.maxElapsedMs ?? 30_000)) return response
    options.onRetry?.(error, attempt, delay)
    // The failed answer is dropped; cancel its body so the connection is released.
    response.body?.cancel().catch(() => {})
    response = undefined
    await sleep(delay, request.signal)
  }
}

function wait (ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      signal.removeEventListener('abort', abort)
      resolve()
    }
    const abort = (): void => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    const timer = setTimeout(done, ms)
    if (signal.aborted) abort()
    else signal.addEventListener('abort', abort, { once: true })
  })
}
