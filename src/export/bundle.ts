/**
 * The JSON bundle for clients that cannot import TypeScript: every code with its status, retryability and
 * messages per locale (templates with `{placeholder}`s, as the catalog writes them). One locale today, the
 * catalog's; the map leaves room for more.
 */
import type { CompiledCatalog } from '../catalog/compile.js'
import { EXPORT_HEADER, sourceLine } from './header.js'

/** Renders the bundle. */
export function renderBundle (catalog: CompiledCatalog, source: string): string {
  const codes: Record<string, unknown> = {}
  for (const code of catalog.codes) {
    const entry = catalog.entries[code]
    codes[code] = {
      status: entry.status,
      retryable: entry.retryable,
      ...(entry.retryAfter === undefined ? {} : { retryAfter: entry.retryAfter }),
      messages: { [catalog.locale]: entry.message },
      ...(entry.suggestions.length === 0 ? {} : { suggestions: { [catalog.locale]: entry.suggestions } }),
      ...(entry.deprecated === undefined ? {} : { deprecated: entry.deprecated })
    }
  }
  return JSON.stringify({ $comment: `${EXPORT_HEADER} ${sourceLine(source)}`, locales: [catalog.locale], codes }, null, 2) + '\n'
}
