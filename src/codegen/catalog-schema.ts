/**
 * `error-catalog schema`: the catalog format (TCatalogFile, the definition the loader validates with) as a
 * standalone JSON Schema (draft-07, what yaml-language-server and VS Code read best). The recursive detail
 * spec is moved to `definitions` and referenced by JSON pointer, so no editor has to resolve a bare `$id`.
 */
import { TCatalogFile, TDetailSpec } from '../catalog/format.js'

const DETAIL_REF = '#/definitions/DetailSpec'

/** The catalog file's JSON Schema, as formatted JSON text (deterministic). */
export function renderCatalogSchema (): string {
  const { $id, ...detailSpec } = plain(TDetailSpec) as Record<string, unknown>
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    ...(inline(plain(TCatalogFile), String($id)) as Record<string, unknown>),
    definitions: { DetailSpec: inline(detailSpec, String($id)) }
  }
  return JSON.stringify(schema, null, 2) + '\n'
}

/** A TypeBox schema without its symbol-keyed metadata. */
function plain (schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema))
}

/** Replaces every embedded copy of, and bare reference to, the schema `id` by a pointer into `definitions`. */
function inline (value: unknown, id: string): unknown {
  if (Array.isArray(value)) return value.map((item) => inline(item, id))
  if (value === null || typeof value !== 'object') return value
  const record = value as Record<string, unknown>
  if (record.$id === id || record.$ref === id) return { $ref: DETAIL_REF }
  return Object.fromEntries(Object.entries(record).map(([name, item]) => [name, inline(item, id)]))
}
