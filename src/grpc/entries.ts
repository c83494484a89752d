/**
 * Catalog lookups the gRPC side needs: the generic entry of an HTTP status (the plugin's choice), and entries by
 * `number` (indexed once per catalog).
 */
import type { CompiledCatalog, CompiledEntry } from '../catalog/compile.js'

// The entry that answers an error known only by its HTTP status, as the HTTP handler chooses it (the catalog's roles).
export { entryForStatus } from '../plugin/classify.js'

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
