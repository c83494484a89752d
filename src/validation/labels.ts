/**
 * The label a message names a field by: the schema's `title` (a standard annotation, accepted by Ajv's
 * strict mode), else the property name, else, for an array item, `<array>의 N번째 항목`, and for the whole
 * part, its Korean name (`요청 본문`).
 */
import { LOCATION_LABELS, type ValidationLocation } from './messages.js'
import { clip, isIndex, namedProperty, type PathSource } from './paths.js'
import { dereference, member, type KeywordSite, type SchemaObject, type ValidationSchemaSource } from './schema-lookup.js'

/** The `title` of a schema, if it has a non-empty one. */
export function titleOf (schema: SchemaObject | undefined): string | undefined {
  const title = schema?.title
  return typeof title === 'string' && title !== '' ? title : undefined
}

/** The schema of a named property of an object schema (following one `$ref`), and the schema as written. */
export function propertySchema (
  site: KeywordSite,
  name: string,
  source: ValidationSchemaSource | undefined
): { written: SchemaObject | undefined, target: SchemaObject | undefined } {
  let written: unknown
  for (const schema of [site.schema, ...site.enclosing]) {
    const properties = schema?.properties
    written = typeof properties === 'object' && properties !== null ? member(properties, name, source?.caseInsensitive === true) : undefined
    if (written !== undefined) break
  }
  const target = dereference(written, site.root, source)
  return { written: typeof written === 'object' && written !== null ? written as SchemaObject : undefined, target }
}

/** The label of a property named in an object schema: its title (on the `$ref` or its target), else its name. */
export function propertyLabel (site: KeywordSite, name: string, source: ValidationSchemaSource | undefined): string {
  const { written, target } = propertySchema(site, name, source)
  return titleOf(written) ?? titleOf(target) ?? clip(name)
}

/** The label of the field an error is about. `segments` is the instance path, without a named property. */
export function fieldLabel (
  error: PathSource,
  site: KeywordSite,
  segments: readonly string[],
  location: ValidationLocation,
  source: ValidationSchemaSource | undefined
): string {
  const named = namedProperty(error)
  if (named !== undefined) {
    // An unexpected property has no schema: its name is all there is.
    return error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties' ? clip(named) : propertyLabel(site, named, source)
  }
  const title = titleOf(site.schema) ?? site.enclosing.map(titleOf).find((found) => found !== undefined)
  if (title !== undefined) return title
  if (segments.length === 0) return LOCATION_LABELS[location]
  const last = segments[segments.length - 1]
  if (!isIndex(last)) return clip(last)
  let owner: string | undefined = titleOf(site.array)
  for (let i = segments.length - 2; owner === undefined && i >= 0; i--) if (!isIndex(segments[i])) owner = clip(segments[i])
  return `${owner ?? LOCATION_LABELS[location]}의 ${Number(last) + 1}번째 항목`
}
