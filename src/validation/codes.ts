/**
 * `validation.codes`: which code of the catalog answers a validation failure. A rule names the failed keyword,
 * optionally a field (`password`, `address.zip`, `items[].email`) and, for `format`, the format name; the first
 * rule, in the catalog's order, that matches a field error, taken in Ajv's order, decides. Pure: the checker
 * (src/catalog/check.ts) and the error handler read the same definitions.
 */
import type { FieldError } from './field-errors.js'

/** A rule as the matcher reads it (the catalog's `TValidationCode`). */
export interface ValidationCodeRuleLike {
  readonly keyword: string
  readonly field?: string | undefined
  readonly format?: string | undefined
  readonly code: string
}

/** A field path of a rule: names joined by `.`, each optionally followed by `[]` (any array index). */
const FIELD_PATTERN = /^(?:[^.[\]]+|\[\])(?:\[\])*(?:\.[^.[\]]+(?:\[\])*)*$/

/** True for a well-formed `field` of a rule. */
export function isFieldPattern (text: string): boolean {
  return FIELD_PATTERN.test(text)
}

/** The pattern a pointer matches: `/items/0/email` → `items[].email` (array indexes as `[]`). */
export function fieldPatternOf (pointer: string): string {
  if (pointer === '') return ''
  let pattern = ''
  for (const raw of pointer.slice(1).split('/')) {
    if (/^(?:0|[1-9]\d*)$/.test(raw)) pattern += '[]'
    else pattern += (pattern === '' ? '' : '.') + (raw.includes('~') ? raw.replaceAll('~1', '/').replaceAll('~0', '~') : raw)
  }
  return pattern
}

/** True when a rule matches one field error. */
export function ruleMatches (rule: ValidationCodeRuleLike, error: FieldError): boolean {
  if (rule.keyword !== error.keyword) return false
  if (rule.format !== undefined && rule.format !== error.format) return false
  return rule.field === undefined || rule.field === fieldPatternOf(error.pointer)
}

/**
 * The first rule that matches a field error, and that field error's index: rules in the catalog's order, and for
 * each the field errors in Ajv's order. Undefined when none matches (the validation code answers).
 */
export function matchValidationCode<R extends ValidationCodeRuleLike> (rules: readonly R[], errors: readonly FieldError[]): { rule: R, index: number } | undefined {
  for (const rule of rules) {
    for (let index = 0; index < errors.length; index++) {
      if (ruleMatches(rule, errors[index])) return { rule, index }
    }
  }
  return undefined
}

/** True when every failure `later` matches is matched by `earlier` too (so `later` can never decide). */
export function ruleCovers (earlier: ValidationCodeRuleLike, later: ValidationCodeRuleLike): boolean {
  return earlier.keyword === later.keyword &&
    (earlier.field === undefined || earlier.field === later.field) &&
    (earlier.format === undefined || earlier.format === later.format)
}
