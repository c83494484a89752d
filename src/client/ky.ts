/**
 * Retries for ky (https://github.com/sindresorhus/ky), by the same rules as `fetchWithRetry`: an `afterResponse`
 * hook decides from the parsed error and asks ky for a retry with the delay (`ky.retry({ delay })`, ky ≥ 1.11),
 * which ky then waits out under its own abort signal. ky's own status-based retries are turned off.
 * ky is not imported: pass it in.
 */
import { parseErrorResponse } from './parse.js'
import { mayRepeat, retryDelay } from './retry.js'
import type { RetryOptions } from './fetch-with-retry.js'

/** The part of ky this needs: `ky.retry`. */
export interface KyLike<Marker> {
  retry (options: { delay: number, code: string }): Marker
}

/** ky options (`ky.create(kyRetry(ky))`, or spread into a call's options) that retry by the catalog. */
export function kyRetry<Marker> (ky: KyLike<Marker>, options: Omit<RetryOptions, 'fetch' | 'sleep'> = {}) {
  const now = options.now ?? Date.now
  const started = new WeakMap<Request, number>()
  return {
    retry: { limit: (options.attempts ?? 3) - 1, shouldRetry: () => false },
    hooks: {
      afterResponse: [async (request: Request, _options: unknown, response: Response, state: { retryCount: number }): Promise<Marker | undefined> => {
        if (state.retryCount === 0 || !started.has(request)) started.set(request, now())
        if (response.ok || !mayRepeat(request, options)) return undefined
        const error = await parseErrorResponse(response, options)
        const delay = retryDelay(error, state.retryCount + 1, options)
        if (delay === undefined || now() - (started.get(request) ?? 0) + delay > (options.maxElapsedMs ?? 30_000)) return undefined
        options.onRetry?.(error, state.retryCount + 1, delay)
        return ky.retry({ delay, code: error.code })
      }]
    }
  }
}
