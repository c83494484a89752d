/**
 * Catalog lookups the gRPC side needs: the generic entry of an HTTP status (the plugin's table), and entries by
 * `number` (indexed once per catalog).
 */
import type { CompiledCatalog, CompiledEntry } from '../catalog/compile.js'
import { ROLE_CODES } from '../catalog/roles.js'
import { STATUS_CODES } from '../plugin/classify.js'

/** The entry that answers an error known only by its HTTP status, as the HTTP handler chooses it. */
export function entryForStatus (catalog: CompiledCatalog, status: number): CompiledEntry | undefined {
  const code = STATUS_CODES[status] as string | undefined
  return (code === undefined ? undefined : catalog.get(code)) ?? catalog.get(status < 500 ? ROLE_CODES.badRequest : ROLE_CODES.internal)
}

const byNumber = new WeakMap<CompiledCatalog, ReadonlyMap<number, CompiledEntry>>()

/** The entry with a `number`, if the catalog has one. */
export function entryForNumber (catalog: CompiledCatalog, number: number): CompiledEntry | undefined {
  let index = byNumber.get(catalog)
  if (index === undefined) {
    const map = new Map<number, CompiledEntry>()
    for (const code of catalog.codes) {
      const entry = catalog.entries[code]
      if (entry.number !== undefined) map.set(entry.number, entry)
    }
    byNumber.set(catalog, map)
    index = map
  }
  return index.get(number)
}
