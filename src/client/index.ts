/**
 * `fastify-error-catalog/client`: typed parsing of error responses and retries that obey the catalog, for
 * browsers, React Native, Deno and Node ≥ 20. No Node-only API and no server code; every export is a pure
 * function, so bundlers keep only what is used. See docs/client.md.
 */
export {
  parseErrorResponse, UNPARSEABLE_RESPONSE,
  type CatalogErrorOf, type ErrorFields, type HeaderSource, type ParsedError, type ParseOptions, type RawResponse,
  type UnparseableReason, type UnparseableResponse
} from './parse.js'
export { retryAfterMs } from './retry-after.js'
export { mayRepeat, retryDelay, type RetryPolicy } from './retry.js'
export { fetchWithRetry, type RetryOptions } from './fetch-with-retry.js'
export { kyRetry, type KyLike } from './ky.js'
export { openapiFetchRetry, type RetryMiddleware } from './openapi-fetch.js'
