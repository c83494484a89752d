/**
 * The lint rules, one table: id, severity, what the rule wants. The loader's own rules (syntax, schema,
 * placeholders, categories, reserved codes) are listed too, so that `error-catalog lint` and docs/cli.md
 * describe one set.
 */

/** One lint rule. */
export interface LintRule {
  readonly id: string
  readonly severity: 'error' | 'warning'
  /** What the rule checks, one line (docs/cli.md). */
  readonly summary: string
}

const rule = (id: string, severity: LintRule['severity'], summary: string): LintRule => ({ id, severity, summary })

/** Every rule `lint` applies, loader rules first. */
export const LINT_RULES: readonly LintRule[] = Object.freeze([
  rule('syntax', 'error', 'the file is not valid YAML or JSON'),
  rule('duplicate-key', 'error', 'a key appears twice in one mapping (the first value would be lost)'),
  rule('schema', 'error', 'a value does not match the catalog format'),
  rule('unknown-key', 'error', 'a key the catalog format does not define (often a typo)'),
  rule('required', 'error', 'a required key is missing'),
  rule('code-name', 'error', 'an error code that is not UPPER_SNAKE_CASE'),
  rule('detail-name', 'error', 'a detail name that is not an identifier'),
  rule('category-name', 'error', 'a category id that is not lower-case'),
  rule('detail-type', 'error', 'a detail without a known `type`'),
  rule('unknown-category', 'error', 'an entry names a category that `categories` does not declare'),
  rule('unknown-placeholder', 'error', 'a {placeholder} in a message or suggestion that names no detail'),
  rule('reserved-code', 'error', 'a retired code (listed in `reserved`) is defined again'),
  rule('status-range', 'error', 'a status outside 400–599: errors are 4xx or 5xx'),
  rule('mojibake', 'error', 'UTF-8 text that was decoded as Windows-1252 or Latin-1 and saved again (Korean shows as accented Latin letters)'),
  rule('retryable-status', 'error', '`retryable: true` on a status where the same request can never succeed (400, 401, 403, 404, 422, …)'),
  rule('retryable-missing', 'warning', 'a 429 or 503 error that does not say `retryable: true`'),
  rule('retry-after-not-retryable', 'warning', '`retryAfter` on an error that is not retryable'),
  rule('deprecated-replacement', 'warning', 'a deprecated code that does not name the code to use instead'),
  rule('no-hangul', 'warning', 'a message without any Hangul in a Korean catalog'),
  rule('speech-level', 'warning', 'a message in another speech level (합니다체 or 해요체) than most messages'),
  rule('final-punctuation', 'warning', 'a message or suggestion that does not end its sentence with . ? or !'),
  rule('suggestion-repeats-message', 'warning', 'a suggestion that only repeats the message'),
  rule('unused-detail', 'warning', 'a detail no message or suggestion uses and no description explains')
])

/** The rule of an id. */
export function lintRule (id: string): LintRule | undefined {
  return LINT_RULES.find((candidate) => candidate.id === id)
}
