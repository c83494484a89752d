/**
 * A JSON Schema → the TypeScript type of the values it accepts, for the subset the wire formats produce
 * (src/envelope/declared.ts): objects with `properties`/`required` (closed), records (`patternProperties`),
 * strings, numbers, integers, booleans, `null`, `const`, `enum`, arrays (`items` as one schema or a tuple) and
 * `anyOf`. A member left out of `required` is optional; a constant is a literal type. Anything else is `unknown`,
 * never a guess.
 */
import { key, literal } from './literal.js'

/** A JSON Schema, read structurally. */
type Schema = Readonly<Record<string, unknown>>

const SCALARS: Readonly<Record<string, string>> = { string: 'string', integer: 'number', number: 'number', boolean: 'boolean', null: 'null' }

/** The TypeScript type of a schema; objects span lines, indented under `indent`. */
export function schemaType (schema: Schema, indent = ''): string {
  if ('const' in schema) return literal(schema.const)
  if (Array.isArray(schema.enum)) return union(schema.enum.map(literal))
  if (Array.isArray(schema.anyOf)) return union((schema.anyOf as Schema[]).map((member) => schemaType(member, indent)))
  const type = schema.type
  if (Array.isArray(type)) return union(type.map((one: unknown) => schemaType({ ...schema, type: one }, indent)))
  if (typeof type !== 'string') return 'unknown'
  if (type === 'array') return arrayType(schema, indent)
  if (type === 'object') return objectType(schema, indent)
  return SCALARS[type] ?? 'unknown'
}

function arrayType (schema: Schema, indent: string): string {
  const items = schema.items
  if (Array.isArray(items)) return `[${(items as Schema[]).map((item) => schemaType(item, indent)).join(', ')}]`
  if (typeof items !== 'object' || items === null) return 'unknown[]'
  const item = schemaType(items as Schema, indent)
  return /^[\w.']+$/.test(item) ? `${item}[]` : `Array<${item}>`
}

function objectType (schema: Schema, indent: string): string {
  const properties = (schema.properties ?? {}) as Readonly<Record<string, Schema>>
  const patterns = Object.values((schema.patternProperties ?? {}) as Readonly<Record<string, Schema>>)
  const names = Object.keys(properties)
  if (names.length === 0) {
    if (patterns.length > 0) return `Record<string, ${union(patterns.map((pattern) => schemaType(pattern, indent)))}>`
    return schema.additionalProperties === false ? 'Record<string, never>' : 'Record<string, unknown>'
  }
  const required = new Set((schema.required ?? []) as readonly string[])
  const inner = indent + '  '
  const members = names.map((name) => `${inner}${key(name)}${required.has(name) ? '' : '?'}: ${schemaType(properties[name], inner)}`)
  return `{\n${members.join('\n')}\n${indent}}`
}

function union (types: readonly string[]): string {
  const distinct = [...new Set(types)]
  return distinct.length === 0 ? 'never' : distinct.join(' | ')
}
