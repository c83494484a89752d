/**
 * A catalog template with its `{placeholder}`s numbered for printf-style platforms (Android `%1$s`, iOS `%1$@`):
 * literal text and 1-based argument positions, numbered in order of first appearance (the template's `names`).
 */
import { compileTemplate } from '../text/template.js'

/** Literal text (string) and argument positions (number), in order. */
export type PositionalParts = Array<string | number>

// The one template parser renders each slot as a marker that catalog text cannot hold (the loader reads text
// files, and NUL is not text), so literals and slots are told apart without a second parser.
const MARK = '\u0000'

/** The parts of a template: `세션 정원({capacity}명)` → `['세션 정원(', 1, '명)']`. */
export function positionalParts (source: string): PositionalParts {
  const template = compileTemplate(source)
  const values = Object.fromEntries(template.names.map((name, index) => [name, `${MARK}${index + 1}${MARK}`]))
  return template.render(values).split(new RegExp(`${MARK}(\\d+)${MARK}`)).map((part, index) => index % 2 === 1 ? Number(part) : part)
}

/** The message of a template with numbered arguments: each literal escaped by `escape`, each slot by `slot`. */
export function formatString (parts: PositionalParts, escape: (literal: string, first: boolean, last: boolean) => string, slot: (position: number) => string): string {
  return parts.map((part, index) => typeof part === 'number' ? slot(part) : escape(part, index === 0, index === parts.length - 1)).join('')
}

/** True when the template has placeholders (its text is a format string). */
export function isFormatted (parts: PositionalParts): boolean {
  return parts.length > 1
}
