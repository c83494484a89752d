/**
 * Finds, for an Ajv error, the schema that holds the failing keyword, by following the error's `schemaPath`
 * (`#/properties/address/properties/zip/minLength`) through the route's schema of that part.
 *
 * Why the schemaPath: Fastify runs Ajv without `verbose`, so errors carry no `parentSchema`; the route's
 * schema is at hand in the error handler (`request.routeOptions.schema`) and the schemaPath says exactly
 * where to look, `$ref` targets included (Ajv reports the target's path: `#/$defs/item/…`, `addr#/…`).
 * The walk also tells whether the error lies inside a branch of a keyword whose own error sums it up
 * (anyOf, oneOf, not, contains, propertyNames), so that a union reads as one message.
 *
 * Results are cached per schema object and schemaPath: a route's schema and its paths are fixed, so each
 * distinct path is walked once, however many requests fail on it.
 */

/** The route's schema of the validated part, and how to find a schema that is `$ref`'d by id. */
export interface ValidationSchemaSource {
  /** The schema Fastify validated this part with (`routeOptions.schema.body`, …). */
  readonly schema: unknown
  /** Looks up a shared schema by `$id` (Fastify's `getSchema`). */
  readonly resolve?: ((id: string) => unknown) | undefined
  /** Match `properties` names case-insensitively: Fastify lower-cases header schemas before compiling. */
  readonly caseInsensitive?: boolean | undefined
}

/** What the walk found about one schemaPath. */
export interface KeywordSite {
  /** The schema object holding the failing keyword, when it could be found. */
  readonly schema: SchemaObject | undefined
  /** The error sits inside a branch of anyOf / oneOf / not / contains / propertyNames: its summary error speaks for it. */
  readonly summarized: boolean
  /** When the schema describes array items: the array's schema. */
  readonly array: SchemaObject | undefined
  /** The root the schema was found in (for local `$ref`s of properties). */
  readonly root: SchemaObject | undefined
  /**
   * Schemas around `schema` that describe the same value, nearest first: the holder of an allOf or a
   * then / else, whose `title` and `properties` a subschema such as `then: { required: ['address'] }` lacks.
   */
  readonly enclosing: readonly SchemaObject[]
}

/** A JSON Schema object, as read here. */
export type SchemaObject = Record<string, unknown>

/** Keywords whose value maps names to subschemas. */
const NAMED = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependencies'])
/** Keywords whose value is a list of subschemas. */
const LISTED = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems'])
/** Keywords whose subschema describes array items. */
const ITEMS = new Set(['items', 'prefixItems', 'additionalItems', 'contains', 'unevaluatedItems'])
/** Keywords whose subschemas describe the same value as their holder. */
const SAME_VALUE = new Set(['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'dependentSchemas', 'dependencies'])
/** Keywords that report one error of their own for whatever failed inside them. */
const SUMMARIZING = new Set(['anyOf', 'oneOf', 'not', 'contains', 'propertyNames', 'if'])

const bySchema = new WeakMap<object, Map<string, KeywordSite>>()
/** Paths seen without a schema (a custom validator compiler): bounded, since nothing ties it to a route. */
const withoutSchema = new Map<string, KeywordSite>()
const MAX_UNTIED = 1000

/** The site of an error's keyword; never throws, whatever the schema or path. */
export function keywordSite (source: ValidationSchemaSource | undefined, schemaPath: string | undefined): KeywordSite {
  const path = typeof schemaPath === 'string' ? schemaPath : ''
  const schema = source?.schema
  let cache: Map<string, KeywordSite> | undefined
  if (isObject(schema)) {
    cache = bySchema.get(schema)
    if (cache === undefined) bySchema.set(schema, cache = new Map())
  } else {
    cache = withoutSchema
    if (cache.size >= MAX_UNTIED) cache.clear()
  }
  let site = cache.get(path)
  if (site === undefined) {
    site = walk(source, path)
    cache.set(path, site)
  }
  return site
}

function walk (source: ValidationSchemaSource | undefined, schemaPath: string): KeywordSite {
  const hash = schemaPath.indexOf('#')
  const base = hash > 0 ? schemaPath.slice(0, hash) : ''
  const pointer = hash >= 0 ? schemaPath.slice(hash + 1) : schemaPath
  const segments = pointer === '' ? [] : pointer.replace(/^\//, '').split('/').map(decodeSegment)

  let root = isObject(source?.schema) ? source.schema : undefined
  if (base !== '') root = lookup(source, base)
  let node: unknown = root
  let array: SchemaObject | undefined
  let summarized = false
  let enclosing: SchemaObject[] = []
  // The last segment is the failing keyword itself; the walk stops at the schema that holds it.
  let i = 0
  while (i < segments.length - 1) {
    const keyword = segments[i]
    if (SUMMARIZING.has(keyword)) summarized = true
    const parent = isObject(node) ? node : undefined
    let next: unknown = parent?.[keyword]
    i++
    if (NAMED.has(keyword) || LISTED.has(keyword) || (keyword === 'items' && Array.isArray(next))) {
      if (i >= segments.length - 1) break
      const name = segments[i++]
      next = isObject(next) || Array.isArray(next) ? member(next, name, source?.caseInsensitive === true) : undefined
    }
    array = ITEMS.has(keyword) ? parent : undefined
    enclosing = SAME_VALUE.has(keyword) && parent !== undefined ? [parent, ...enclosing] : []
    node = next
  }
  return { schema: isObject(node) ? node : undefined, summarized, array, root, enclosing }
}

/** A member of `properties` (or of a list), by name; header names match whatever their case. */
export function member (container: object, name: string, caseInsensitive: boolean): unknown {
  const record = container as Record<string, unknown>
  if (Object.hasOwn(record, name)) return record[name]
  if (!caseInsensitive) return undefined
  const lower = name.toLowerCase()
  for (const key of Object.keys(record)) if (key.toLowerCase() === lower) return record[key]
  return undefined
}

/** A schema by `$id` (for `addr#/…` paths and `$ref: 'addr#'`), or undefined. */
function lookup (source: ValidationSchemaSource | undefined, id: string): SchemaObject | undefined {
  try {
    const found = source?.resolve?.(id)
    return isObject(found) ? found : undefined
  } catch {
    return undefined
  }
}

/** Follows one `$ref` of a property schema (the title of a referenced schema lives in the target). */
export function dereference (schema: unknown, root: SchemaObject | undefined, source: ValidationSchemaSource | undefined): SchemaObject | undefined {
  if (!isObject(schema)) return undefined
  const ref = schema.$ref
  if (typeof ref !== 'string') return schema
  const hash = ref.indexOf('#')
  const base = hash >= 0 ? ref.slice(0, hash) : ref
  const pointer = hash >= 0 ? ref.slice(hash + 1) : ''
  let node: unknown = base === '' ? root : lookup(source, base)
  for (const segment of pointer.split('/').slice(1).map(decodeSegment)) {
    node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[segment] : undefined
  }
  return isObject(node) ? node : schema
}

function decodeSegment (segment: string): string {
  let text = segment.includes('~') ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment
  if (text.includes('%')) {
    try { text = decodeURIComponent(text) } catch { /* not URI-encoded after all */ }
  }
  return text
}

function isObject (value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
