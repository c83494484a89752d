/**
 * The lint rules, one table: id, severity, what the rule wants. The loader's own rules (syntax, schema,
 * placeholders, categories, reserved codes) are listed too, so that `error-catalog lint` and docs/cli.md
 * describe one set. A catalog (`lint: { rules: { … } }`) or the `--rule` flag may change the severity of
 * lint's own rules or turn them off; the loader's rules stay errors, since the loader rejects such a catalog anyway.
 */
import { didYouMean } from '../catalog/did-you-mean.js'

/** One lint rule. */
export interface LintRule {
  readonly id: string
  readonly severity: 'error' | 'warning'
  /** What the rule checks, one line (docs/cli.md). */
  readonly summary: string
  /** True for rules that are always errors (the loader's, and `lint-config`): no setting changes them. */
  readonly fixed: boolean
}

/** What a catalog or a flag may set a rule to. */
export type RuleSetting = 'error' | 'warning' | 'off'

/** A rule that is always an error: the loader's, and lint's check of its own settings. */
const fixed = (id: string, summary: string): LintRule => ({ id, severity: 'error', summary, fixed: true })
const rule = (id: string, severity: LintRule['severity'], summary: string): LintRule => ({ id, severity, summary, fixed: false })

/** Every rule `lint` applies, loader rules first. */
export const LINT_RULES: readonly LintRule[] = Object.freeze([
  fixed('syntax', 'the file is not valid YAML or JSON'),
  fixed('duplicate-key', 'a key appears twice in one mapping (the first value would be lost)'),
  fixed('schema', 'a value does not match the catalog format'),
  fixed('unknown-key', 'a key the catalog format does not define (often a typo)'),
  fixed('required', 'a required key is missing'),
  fixed('code-name', 'an error code that is not UPPER_SNAKE_CASE'),
  fixed('detail-name', 'a detail name that is not an identifier'),
  fixed('category-name', 'a category id that is not lower-case'),
  fixed('detail-type', 'a detail without a known `type`'),
  fixed('unknown-category', 'an entry names a category that `categories` does not declare'),
  fixed('unknown-placeholder', 'a {placeholder} in a message or suggestion that names no detail'),
  fixed('reserved-code', 'a retired code (listed in `reserved`) is defined again'),
  fixed('status-range', 'a status outside 400–599: errors are 4xx or 5xx'),
  fixed('grpc-status', '`grpc` is not one of the canonical gRPC error statuses (docs/grpc.md)'),
  fixed('number-duplicate', 'two codes have the same `number`'),
  fixed('reserved-number', 'a retired `number` (listed in `reserved`) is used again'),
  fixed('number-detail', 'an entry with a `number` has a detail named `number` (they would clash in gRPC ErrorInfo metadata)'),
  fixed('locales', '`locale` is not the first of `locales`, or a locale is listed twice'),
  fixed('unknown-locale', 'a map of translations names a locale that `locales` does not declare'),
  fixed('missing-default-locale', 'a map of translations without the default locale\'s text'),
  fixed('translation-placeholders', 'a translation whose {placeholders} differ from the default locale\'s text'),
  fixed('lint-config', 'a rule in `lint.rules` that lint does not have, or a loader rule, which cannot be changed'),
  rule('mojibake', 'error', 'UTF-8 text that was decoded as Windows-1252 or Latin-1 and saved again (Korean shows as accented Latin letters)'),
  rule('retryable-status', 'error', '`retryable: true` on a status where the same request can never succeed (400, 401, 403, 404, 422, …)'),
  rule('retryable-missing', 'warning', 'a 429 or 503 error that does not say `retryable: true`'),
  rule('retry-after-not-retryable', 'warning', '`retryAfter` on an error that is not retryable'),
  rule('grpc-status-mismatch', 'warning', 'an HTTP status and `grpc` that contradict the canonical table (docs/grpc.md)'),
  rule('deprecated-replacement', 'warning', 'a deprecated code that does not name the code to use instead'),
  rule('no-hangul', 'warning', 'a Korean message (`ko` text, the default locale) without any Hangul'),
  rule('speech-level', 'warning', 'a Korean message in another speech level (합니다체 or 해요체) than most messages'),
  rule('final-punctuation', 'warning', 'a message or suggestion that does not end its sentence with . ? or !'),
  rule('suggestion-repeats-message', 'warning', 'a suggestion that only repeats the message'),
  rule('missing-translation', 'warning', 'a message, suggestion list, description or category title without a translation into a declared locale (the default locale\'s text is sent)'),
  rule('sentence-case', 'warning', 'a text in a language other than Korean that starts with a lower-case letter'),
  rule('hangul-in-translation', 'warning', 'a text in a language other than Korean that has Hangul'),
  rule('unused-detail', 'warning', 'a detail no message or suggestion uses and no description explains')
])

/** The rule of an id. */
export function lintRule (id: string): LintRule | undefined {
  return LINT_RULES.find((candidate) => candidate.id === id)
}

/** `error`, `warning` (or `warn`) or `off`; undefined for anything else. */
export function parseRuleSetting (value: unknown): RuleSetting | undefined {
  if (value === 'warn') return 'warning'
  return value === 'error' || value === 'warning' || value === 'off' ? value : undefined
}

/** Why a rule id cannot be configured (unknown, or a loader rule), with a "did you mean" when one is close; undefined when it can. */
export function ruleIdProblem (id: string): string | undefined {
  const found = lintRule(id)
  if (found?.fixed === true) return `${id} cannot be changed: it is always an error (the loader rejects such a catalog anyway)`
  if (found !== undefined) return undefined
  const suggestion = didYouMean(id, LINT_RULES.filter((candidate) => !candidate.fixed).map((candidate) => candidate.id))
  return `there is no rule ${id}${suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`}`
}
