/**
 * Android `strings.xml` (in `res/values/` or `res/values-ko/`): one `<string name="error_<code>">` per code
 * holding its message, escaped by Android's rules (https://developer.android.com/guide/topics/resources/string-resource#escaping_quotes):
 * backslash, quotes, newlines and tabs with a backslash, `@` and `?` at the start, runs of spaces kept, `%` doubled
 * in format strings, XML's own `&` and `<`. Placeholders become positional `%1$s` arguments; a message without
 * placeholders is marked `formatted="false"` so that a literal `%` stays one.
 */
import type { CompiledCatalog } from '../catalog/compile.js'
import { EXPORT_HEADER, sourceLine } from './header.js'
import { formatString, isFormatted, positionalParts } from './positional.js'

/** The resource name of a code: `SESSION_FULL` → `error_session_full`. */
export function androidName (code: string): string {
  return `error_${code.toLowerCase()}`
}

/** Renders strings.xml. */
export function renderAndroidStrings (catalog: CompiledCatalog, source: string): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<!-- ${xmlComment(EXPORT_HEADER)} -->`,
    `<!-- ${xmlComment(sourceLine(source))} -->`,
    '<resources>'
  ]
  for (const code of catalog.codes) {
    const parts = positionalParts(catalog.entries[code].message)
    const formatted = isFormatted(parts)
    const text = formatString(parts, (literal, first, last) => escapeAndroid(literal, first, last, formatted), (position) => `%${position}$s`)
    lines.push(`    <string name="${androidName(code)}"${formatted ? '' : ' formatted="false"'}>${text}</string>`)
  }
  lines.push('</resources>')
  return lines.join('\n') + '\n'
}

/** One literal piece of a message, escaped for a strings.xml value. */
function escapeAndroid (text: string, first: boolean, last: boolean, formatted: boolean): string {
  let out = text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // aapt collapses runs of spaces and trims the value's ends: keep such spaces as escapes.
    .replace(/ (?= )/g, '\\u0020')
  if (first) out = out.replace(/^ /, '\\u0020')
  if (last) out = out.replace(/ $/, '\\u0020')
  if (formatted) out = out.replace(/%/g, '%%')
  // At the very start, @ and ? would make the value a resource or attribute reference.
  if (first) out = out.replace(/^[@?]/, '\\$&')
  return out
}

/** Text safe inside an XML comment (no `--`). */
function xmlComment (text: string): string {
  return text.replace(/-(?=-)/g, '- ')
}
