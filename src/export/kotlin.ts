/**
 * A Kotlin `enum class ErrorCode(status, retryable)` of every code, so that an Android app branches on a
 * generated type instead of string literals. Written for Kotlin 1.3 and later (`values()`, not `entries`).
 */
import type { CompiledCatalog } from '../catalog/compile.js'
import { commentText } from '../codegen/literal.js'
import { EXPORT_HEADER, sourceLine } from './header.js'

/** A Kotlin package name: dot-separated identifiers. */
export const KOTLIN_PACKAGE = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/

/** Renders ErrorCode.kt in `packageName`. */
export function renderKotlin (catalog: CompiledCatalog, source: string, packageName: string): string {
  const lines = [`// ${EXPORT_HEADER}`, `// ${sourceLine(source)}`, `package ${packageName}`, '']
  lines.push('/** Every error code of the catalog, with its HTTP status and whether the same request may succeed later. */')
  lines.push('enum class ErrorCode(val status: Int, val retryable: Boolean) {')
  catalog.codes.forEach((code, index) => {
    const entry = catalog.entries[code]
    // Kotlin block comments nest: an opening `/*` inside one must be broken too.
    lines.push(`    /** ${entry.status} · ${commentText(entry.message).replace(/\/\*/g, '/ *')} */`)
    if (entry.deprecated !== undefined) lines.push(`    @Deprecated(${kotlinString(entry.deprecated === true ? 'Deprecated' : entry.deprecated)})`)
    lines.push(`    ${code}(${entry.status}, ${entry.retryable})${index === catalog.codes.length - 1 ? ';' : ','}`)
  })
  lines.push('')
  lines.push('    companion object {')
  lines.push('        /** The code of an error body\'s `code` member; null for a code this app does not know (export again). */')
  lines.push('        fun of(code: String?): ErrorCode? = values().firstOrNull { it.name == code }')
  lines.push('    }')
  lines.push('}')
  return lines.join('\n') + '\n'
}

function kotlinString (text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$').replace(/\n/g, '\\n')}"`
}
