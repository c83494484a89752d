/**
 * One component schema per catalog code, named by the code (`#/components/schemas/SESSION_NOT_FOUND`):
 * the body schema the server serializes with, converted for the OpenAPI version, plus `x-` extensions for
 * what OpenAPI has no keyword for.
 */
import type { CompiledCatalog, CompiledEntry } from '../catalog/compile.js'

/** OpenAPI 3.0 (Schema Object is a JSON Schema subset) or 3.1 (JSON Schema 2020-12). */
export type OpenapiVersion = '3.0' | '3.1'

/** The reference to a code's component schema. */
export function componentRef (code: string): string {
  return `#/components/schemas/${code}`
}

/** The component schema of one code. */
export function componentSchema (entry: CompiledEntry, catalog: CompiledCatalog, version: OpenapiVersion): Record<string, unknown> {
  // toOpenapi copies every object and array and reads string keys only (TypeBox's symbol keys stay behind):
  // plain data the document owns, without a JSON round trip first.
  const schema = toOpenapi(entry.schema, version) as Record<string, unknown>
  schema.description = entry.description ?? entry.message
  if (entry.deprecated !== undefined) schema.deprecated = true
  if (entry.docsUrl !== undefined) schema.externalDocs = { url: entry.docsUrl }
  schema['x-status'] = entry.status
  schema['x-message'] = entry.message
  schema['x-retryable'] = entry.retryable
  if (entry.retryAfter !== undefined) schema['x-retry-after'] = entry.retryAfter
  schema['x-suggestions'] = [...entry.suggestions]
  if (entry.category !== undefined) {
    schema['x-category'] = entry.category
    const title = catalog.categories[entry.category]
    if (title !== undefined) schema['x-category-title'] = title
  }
  if (entry.deprecated !== undefined) schema['x-deprecated'] = entry.deprecated
  return schema
}

/**
 * JSON Schema → the version's Schema Object. 3.0 lacks `const`, `examples` and `patternProperties`;
 * 3.1 has them, but Swagger UI renders `additionalProperties` for maps, so both get that.
 */
export function toOpenapi (schema: unknown, version: OpenapiVersion): unknown {
  if (Array.isArray(schema)) return schema.map((item) => toOpenapi(item, version))
  if (typeof schema !== 'object' || schema === null) return schema
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$id' || key === '$schema' || value === undefined) continue
    if (key === 'const' && version === '3.0') {
      out.enum = [value]
    } else if (key === 'examples' && version === '3.0') {
      if (Array.isArray(value) && value.length > 0) out.example = value[0]
    } else if (key === 'patternProperties') {
      const [member] = Object.values(value as Record<string, unknown>)
      out.additionalProperties = toOpenapi(member, version)
    } else if (key === 'properties') {
      const properties: Record<string, unknown> = {}
      for (const [name, member] of Object.entries(value as Record<string, unknown>)) properties[name] = toOpenapi(member, version)
      out.properties = properties
    } else {
      out[key] = toOpenapi(value, version)
    }
  }
  return out
}
