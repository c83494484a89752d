/**
 * Content negotiation of error answers, by the `negotiator` package: which of the catalog's locales a request
 * reads, from `Accept-Language` (RFC 9110 §12.5.4: q-values, `en-US` matching `en`, `*`), and which wire format
 * it gets, from `Accept` (§12.5.1). Anything else gets the first choice, the default. Runs on every error
 * answer, so results are cached, within bounds (see below).
 */
import Negotiator from 'negotiator'
import { FEC_ERR_OPTIONS_INVALID } from '../errors.js'

/** Picks one of the choices from a header's value (`undefined` when the header is absent). */
export type HeaderNegotiator = (header: string | undefined) => string

/** Picks the locale of a request from its `Accept-Language` value. */
export type LocaleNegotiator = HeaderNegotiator

/**
 * At most this many characters of a header are negotiated, cut at the last `,` before it: browsers send a
 * few ranges in well under 100 characters, and RFC 5646 §4.4.1 counts 35 characters as a long language tag.
 * Without a cut a 4 KB header of `a,a,…` costs negotiator about 0.8 ms; cut, at most a few tens of µs.
 */
export const MAX_NEGOTIATED_LENGTH = 200

/**
 * The cache holds at most this many distinct header values, each at most MAX_NEGOTIATED_LENGTH characters
 * long (about 200 KB at worst). Once full it takes no more: a client inventing a new header per request
 * then costs one negotiation of a bounded header per request, the price without a cache, and neither
 * memory nor the entries real clients filled it with first move. (Evicting instead would let that client
 * churn the cache on every request and push out the common values.)
 */
export const MAX_CACHED_HEADERS = 500

/**
 * A negotiator over `locales` (the first is the default). With one locale it is a constant function: a
 * single-language catalog never parses the header. `cache` is where results are kept (tests pass their own).
 */
export function createLocaleNegotiator (locales: readonly string[], cache: Map<string, string> = new Map()): LocaleNegotiator {
  if (locales.length === 0) throw new FEC_ERR_OPTIONS_INVALID('locales', 'expected at least one locale (the first is the default)')
  return boundedNegotiator(locales, (header, available) => new Negotiator({ headers: { 'accept-language': header } }).language(available), cache)
}

/**
 * A negotiator over media types (the first is the default, also for `*\/*` and no header), by `Accept`: the
 * media type of the wire format a request gets.
 */
export function createMediaTypeNegotiator (mediaTypes: readonly string[], cache: Map<string, string> = new Map()): HeaderNegotiator {
  return boundedNegotiator(mediaTypes, (header, available) => new Negotiator({ headers: { accept: header } }).mediaType(available), cache)
}

/** One choice from a header, the first choice as the default, with the bounds above. */
function boundedNegotiator (choices: readonly string[], pick: (header: string, available: string[]) => string | undefined, cache: Map<string, string>): HeaderNegotiator {
  const fallback = choices[0]
  if (choices.length === 1) return () => fallback

  const available = [...choices]
  const negotiate = (header: string): string => pick(header, available) ?? fallback

  return (value) => {
    // No header means "anything" (RFC 9110 §12.5.1, §12.5.4), so the default; an empty one matches nothing.
    if (value === undefined || value === '') return fallback
    const cached = cache.get(value)
    if (cached !== undefined) return cached
    if (value.length > MAX_NEGOTIATED_LENGTH) {
      // Not cached: the key would be the client's unbounded string. A first range longer than the cut names nothing we have.
      const cut = value.lastIndexOf(',', MAX_NEGOTIATED_LENGTH)
      return cut <= 0 ? fallback : negotiate(value.slice(0, cut))
    }
    const choice = negotiate(value)
    if (cache.size < MAX_CACHED_HEADERS) cache.set(value, choice)
    return choice
  }
}
