/**
 * iOS `Localizable.strings`: `"<CODE>" = "<message>";` per code, the key being the code the server sends.
 * Escapes per the strings-file syntax (backslash, quote, newline, tab); placeholders become positional `%1$@`
 * arguments, and `%` is doubled in messages that have them (`String(format:)` reads those).
 */
import type { CompiledCatalog } from '../catalog/compile.js'
import { EXPORT_HEADER, sourceLine } from './header.js'
import { formatString, isFormatted, positionalParts } from './positional.js'

/** Renders Localizable.strings. */
export function renderIosStrings (catalog: CompiledCatalog, source: string): string {
  const lines = [`/* ${comment(EXPORT_HEADER)} */`, `/* ${comment(sourceLine(source))} */`]
  for (const code of catalog.codes) {
    const entry = catalog.entries[code]
    const parts = positionalParts(entry.message)
    const formatted = isFormatted(parts)
    const text = formatString(parts, (literal) => escapeStrings(literal, formatted), (position) => `%${position}$@`)
    lines.push('', `/* ${entry.status}${entry.retryable ? ', retryable' : ''} */`, `"${code}" = "${text}";`)
  }
  return lines.join('\n') + '\n'
}

function escapeStrings (text: string, formatted: boolean): string {
  const out = text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')
  return formatted ? out.replace(/%/g, '%%') : out
}

function comment (text: string): string {
  return text.replace(/\*\//g, '* /')
}
