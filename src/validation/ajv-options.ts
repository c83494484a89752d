/**
 * The Ajv settings the library offers Fastify: every error at once (`allErrors`), and the extra keywords it reads,
 * so that Ajv's strict mode accepts them in route schemas: `x-error-message`, and per locale `x-title-<locale>` and
 * `x-error-message-<locale>`. Ajv knows keywords by exact name only (no pattern), so those are declared for each
 * language the library ships wording for (languages.ts: ko, en) and for the `locales` an app adds.
 *
 *   const app = Fastify({ ajv: ajvOptions() })
 */
import { LIBRARY_LOCALES } from './languages.js'

/** The schema keyword that carries a property's own message: a template, or keyword → template. */
export const ERROR_MESSAGE_KEYWORD = 'x-error-message'

/** The keywords of a property's label and own message in a locale other than the catalog's default. */
export function localeKeywords (locale: string): { readonly title: string, readonly message: string } {
  return { title: `x-title-${locale}`, message: `${ERROR_MESSAGE_KEYWORD}-${locale}` }
}

/** Options of `ajvOptions`. */
export interface AjvOptionsInput {
  /** Report every failing field, not only the first (default true). The answer stays bounded by the `validation` limits (docs/validation.md). */
  allErrors?: boolean
  /** More locales whose `x-title-<locale>` and `x-error-message-<locale>` to declare, besides ko and en (e.g. a catalog's `locales`). */
  locales?: readonly string[]
  /** More Ajv options, merged in (their `keywords` are kept, ours added). */
  customOptions?: Record<string, unknown>
}

/**
 * Fastify's `ajv` server option: `{ customOptions: { allErrors: true, keywords: ['x-error-message', 'x-title-ko',
 * 'x-error-message-ko', 'x-title-en', 'x-error-message-en'] } }`.
 */
export function ajvOptions (input: AjvOptionsInput = {}): { customOptions: Record<string, unknown> } {
  const custom = input.customOptions ?? {}
  const keywords = Array.isArray(custom.keywords) ? [...custom.keywords as unknown[]] : []
  // A keyword given as a definition (`{ keyword: 'x-title-en', … }`) is declared already: Ajv refuses a second one.
  const declared = new Set(keywords.map((keyword) => typeof keyword === 'string' ? keyword : (keyword as { keyword?: unknown } | null)?.keyword))
  const locales = new Set([...LIBRARY_LOCALES, ...input.locales ?? []])
  for (const keyword of [ERROR_MESSAGE_KEYWORD, ...[...locales].flatMap((locale) => Object.values(localeKeywords(locale)))]) {
    if (!declared.has(keyword)) keywords.push(keyword)
  }
  return { customOptions: { ...custom, allErrors: input.allErrors ?? custom.allErrors ?? true, keywords } }
}
