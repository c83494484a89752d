/**
 * Retries for openapi-fetch (https://openapi-ts.dev/openapi-fetch/middleware-auth), by the same rules as
 * `fetchWithRetry`: `onRequest` keeps an unread copy of each request, `onResponse` runs the retry loop from the
 * response received and hands openapi-fetch the last one. openapi-fetch is not imported.
 */
import { retryRequest, type RetryOptions } from './fetch-with-retry.js'

/** The middleware's shape, as openapi-fetch's `client.use()` takes it. */
export interface RetryMiddleware {
  onRequest (params: { request: Request, id: string }): undefined
  onResponse (params: { response: Response, id: string, options: { fetch: (input: Request) => Promise<Response> } }): Promise<Response | undefined>
  onError (params: { id: string }): undefined
}

/** `client.use(openapiFetchRetry())`: retry failed requests by the catalog's rules. */
export function openapiFetchRetry (options: Omit<RetryOptions, 'fetch'> = {}): RetryMiddleware {
  const copies = new Map<string, Request>()
  return {
    onRequest ({ request, id }) {
      copies.set(id, request.clone())
      return undefined
    },
    async onResponse ({ response, id, options: client }) {
      const copy = copies.get(id)
      copies.delete(id)
      if (copy === undefined || response.ok) return undefined
      return retryRequest(copy, response, { ...options, fetch: (request) => client.fetch(request) })
    },
    onError ({ id }) {
      copies.delete(id)
      return undefined
    }
  }
}
