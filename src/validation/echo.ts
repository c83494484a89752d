/**
 * The rejected value of a field, for `$fieldValue`, only when a catalog opts in (`validation.echo`). Read from the
 * request part by the field's JSON Pointer (Fastify runs Ajv without `verbose`, so errors carry no data), and sent
 * only when it is safe to: a string, a finite number or a boolean (never an object or array); never from headers
 * (credentials live there); never for a field whose schema says `writeOnly: true` or `format: password`, nor for a
 * field whose schema cannot be found by plain `properties` / `items` steps (a value we cannot judge stays home).
 * A string is cut to `maxLength` code points, the last one `…` (U+2026) when it was longer.
 */
import type { RequestPart } from '../request-parts.js'
import { dereference, member, type SchemaObject, type ValidationSchemaSource } from './schema-lookup.js'

/** A value `$fieldValue` may send. */
export type EchoedValue = string | number | boolean

/** The value a catalog's `validation.echo` lets a field error echo, or undefined. */
export function echoedValue (data: unknown, location: RequestPart, pointer: string, source: ValidationSchemaSource | undefined, maxLength: number): EchoedValue | undefined {
  if (location === 'headers' || pointer === '' || source === undefined) return undefined
  const segments = pointer.slice(1).split('/').map((segment) => segment.includes('~') ? segment.replaceAll('~1', '/').replaceAll('~0', '~') : segment)
  const schema = fieldSchema(source, segments)
  if (schema === undefined || schema.writeOnly === true || schema.format === 'password') return undefined
  let value = data
  for (const segment of segments) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return undefined
    value = (value as Record<string, unknown>)[segment]
  }
  if (typeof value === 'string') return boundedText(value, maxLength)
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value
  return undefined
}

/** At most `maxLength` code points: a longer text keeps `maxLength - 1` of them and ends with `…`. */
export function boundedText (text: string, maxLength: number): string {
  // UTF-16 length bounds the code points: most texts are short enough to skip counting.
  if (text.length <= maxLength) return text
  let kept = 0
  let end = 0
  for (const point of text) {
    if (kept === maxLength) return text.slice(0, end - lastLength(text, end)) + '…'
    kept++
    end += point.length
  }
  return text
}

/** The UTF-16 length of the code point that ends at `end`. */
function lastLength (text: string, end: number): number {
  const low = text.charCodeAt(end - 1)
  return low >= 0xdc00 && low <= 0xdfff && end >= 2 && text.charCodeAt(end - 2) >= 0xd800 && text.charCodeAt(end - 2) <= 0xdbff ? 2 : 1
}

/** The schema of a field, by plain `properties` and `items` steps (with `$ref`s followed), or undefined. */
function fieldSchema (source: ValidationSchemaSource, segments: readonly string[]): SchemaObject | undefined {
  const root = dereference(source.schema, undefined, source)
  let node: SchemaObject | undefined = root
  for (const segment of segments) {
    if (node === undefined) return undefined
    const properties = node.properties
    const items = node.items
    let next: unknown
    if (typeof properties === 'object' && properties !== null) next = member(properties, segment, source.caseInsensitive === true)
    if (next === undefined && /^(?:0|[1-9]\d*)$/.test(segment) && typeof items === 'object' && items !== null && !Array.isArray(items)) next = items
    node = dereference(next, root, source)
  }
  return node
}
