/**
 * The language of each answer: the app's `locale(request)` option when it names one of the catalog's locales
 * (a user's profile setting, say), else the request's `Accept-Language`, negotiated over the catalog's locales
 * (the first is the default). A single-language catalog answers every request in its language without reading
 * a header and without adding any (docs/catalog-format.md, "Languages").
 */
import type { FastifyRequest } from 'fastify'
import type { CompiledCatalog } from '../catalog/compile.js'
import { FEC_ERR_OPTIONS_INVALID } from '../errors.js'
import { createLocaleNegotiator } from './negotiate.js'

/** The `locale` option: the language of a request's answer, or undefined to negotiate `Accept-Language`. */
export type LocaleOption = (request: FastifyRequest) => string | undefined

/** How the answers of one registration choose their language. */
export interface Languages {
  /** The locale of one request's answer. */
  readonly localeOf: (request: FastifyRequest) => string
  /** True when the catalog has more than one locale: answers carry `Content-Language` and `Vary: Accept-Language`. */
  readonly several: boolean
}

/** Resolves the language choice of a catalog; a bad option fails registration with FEC_ERR_OPTIONS_INVALID. */
export function resolveLanguages (catalog: CompiledCatalog, option?: LocaleOption): Languages {
  if (option !== undefined && typeof option !== 'function') throw new FEC_ERR_OPTIONS_INVALID('locale', `expected a function (request) => locale, got ${JSON.stringify(option)}`)
  const { locales } = catalog
  const fallback = catalog.locale
  if (locales.length <= 1) return Object.freeze({ localeOf: () => fallback, several: false })
  const negotiate = createLocaleNegotiator(locales)
  const known = new Set(locales)
  const fromHeader = (request: FastifyRequest): string => {
    const header = request.headers['accept-language']
    return negotiate(typeof header === 'string' ? header : undefined)
  }
  if (option === undefined) return Object.freeze({ localeOf: fromHeader, several: true })
  return Object.freeze({
    localeOf (request: FastifyRequest): string {
      let chosen: unknown
      try {
        chosen = option(request)
      } catch {
        // The app's function failed: the header still decides, and the error is still answered.
      }
      return typeof chosen === 'string' && known.has(chosen) ? chosen : fromHeader(request)
    },
    several: true
  })
}
