/**
 * One component schema per catalog code, named by the code (`#/components/schemas/SESSION_NOT_FOUND`):
 * the format's body schema the server serializes with, converted for the OpenAPI version, plus `x-` extensions for
 * what OpenAPI has no keyword for.
 */
import type { CompiledCatalog, CompiledEntry } from '../catalog/compile.js'
import { MEMBER_ROWS } from '../catalog/members.js'
import { bodySchemaOf, type WireFormat } from '../envelope/format.js'

/** OpenAPI 3.0 (Schema Object is a JSON Schema subset) or 3.1 (JSON Schema 2020-12). */
export type OpenapiVersion = '3.0' | '3.1'

/** The reference to a code's component schema. */
export function componentRef (code: string): string {
  return `#/components/schemas/${code}`
}

/** The component schema of one code in a format. */
export function componentSchema (format: WireFormat, entry: CompiledEntry, catalog: CompiledCatalog, version: OpenapiVersion): Record<string, unknown> {
  // toOpenapi copies every object and array and reads string keys only (TypeBox's symbol keys stay behind):
  // plain data the document owns, without a JSON round trip first.
  const schema = toOpenapi(bodySchemaOf(format, entry), version) as Record<string, unknown>
  schema.description = entry.description ?? entry.message
  // What each entry member shows (src/catalog/members.ts): keywords first, then `x-` extensions, in row order.
  for (const part of ['keywords', 'extensions'] as const) {
    for (const [, { openapi }] of MEMBER_ROWS) {
      for (const [name, show] of Object.entries(openapi[part] ?? {})) {
        const value = show(entry, catalog)
        if (value !== undefined) schema[name] = value
      }
    }
  }
  return schema
}

/**
 * JSON Schema → the version's Schema Object. 3.0 lacks `const`, `examples`, `patternProperties` and the `null`
 * type; 3.1 has them, but Swagger UI renders `additionalProperties` for maps, so both get that.
 */
export function toOpenapi (schema: unknown, version: OpenapiVersion): unknown {
  if (Array.isArray(schema)) return schema.map((item) => toOpenapi(item, version))
  if (typeof schema !== 'object' || schema === null) return schema
  if (version === '3.0') {
    const nullable = nullableIn30(schema as Record<string, unknown>)
    if (nullable !== undefined) return toOpenapi(nullable, version)
  }
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

/**
 * OpenAPI 3.0 has no `null` type, only `nullable: true` beside a `type` (3.0.3 §4.7.24.1; a value that is always
 * null is a nullable type whose `enum` is `[null]`). A schema that says null in 3.1's terms, rewritten, or
 * undefined when it says nothing of null: `{ type: 'null' }` → `{ type: 'string', nullable: true, enum: [null] }`;
 * `anyOf: [X, { type: 'null' }]` with a typed X → X with `nullable: true` (with more alternatives, the null one
 * is rewritten as above).
 */
function nullableIn30 (schema: Record<string, unknown>): Record<string, unknown> | undefined {
  if (schema.type === 'null') {
    const { type: _, ...rest } = schema
    return { ...rest, type: 'string', nullable: true, enum: [null] }
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const alternatives = schema[key]
    if (!Array.isArray(alternatives) || !alternatives.some(isNullType)) continue
    const others = alternatives.filter((alternative) => !isNullType(alternative)) as Array<Record<string, unknown>>
    if (others.length !== 1 || typeof others[0].type !== 'string') continue
    const { [key]: _, ...rest } = schema
    return { ...others[0], ...rest, nullable: true }
  }
  return undefined
}

function isNullType (schema: unknown): boolean {
  return typeof schema === 'object' && schema !== null && (schema as { type?: unknown }).type === 'null'
}
