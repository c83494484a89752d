/**
 * What a status says about retrying (RFC 9110 §15). A retry of the same request cannot help when the request
 * itself is wrong or not allowed; it is expected to help on 429 and 503, where Retry-After is defined.
 */

/** Statuses where sending the same request again cannot succeed. */
export const NEVER_RETRYABLE: ReadonlySet<number> = new Set([400, 401, 402, 403, 404, 405, 406, 410, 411, 413, 414, 415, 416, 422, 426, 431, 451, 501, 505])

/** Statuses whose meaning is "try again later" (RFC 9110 §15.6.4, RFC 6585 §4). */
export const ALWAYS_RETRYABLE: ReadonlySet<number> = new Set([429, 503])
