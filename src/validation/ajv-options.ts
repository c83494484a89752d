/**
 * The Ajv settings the library offers Fastify: every error at once (`allErrors`), and the one extra
 * keyword it reads, so that Ajv's strict mode accepts it in route schemas.
 *
 *   const app = Fastify({ ajv: ajvOptions() })
 */

/** The schema keyword that carries a property's own message: a template, or keyword → template. */
export const ERROR_MESSAGE_KEYWORD = 'x-error-message'

/** Options of `ajvOptions`. */
export interface AjvOptionsInput {
  /** Report every failing field, not only the first (default true). The answer stays bounded by the `validation` limits (docs/validation.md). */
  allErrors?: boolean
  /** More Ajv options, merged in (their `keywords` are kept, ours added). */
  customOptions?: Record<string, unknown>
}

/** Fastify's `ajv` server option: `{ customOptions: { allErrors: true, keywords: ['x-error-message'] } }`. */
export function ajvOptions (input: AjvOptionsInput = {}): { customOptions: Record<string, unknown> } {
  const custom = input.customOptions ?? {}
  const keywords = Array.isArray(custom.keywords) ? [...custom.keywords as unknown[]] : []
  if (!keywords.includes(ERROR_MESSAGE_KEYWORD)) keywords.push(ERROR_MESSAGE_KEYWORD)
  return { customOptions: { ...custom, allErrors: input.allErrors ?? custom.allErrors ?? true, keywords } }
}
