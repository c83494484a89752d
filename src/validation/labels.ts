/**
 * The label a message names a field by: the schema's `title` (a standard annotation, accepted by Ajv's
 * strict mode), else the property name, else, for an array item, `<array>의 N번째 항목`, and for the whole
 * part, its Korean name (`요청 본문`). `title` is in the catalog's default locale; another locale reads
 * `x-title-<locale>` (`x-title-en`), else the property name, and its own words for items and parts.
 */
import type { ValidationLocation, ValidationWords } from './messages.js'
import { clip, isIndex, namedProperty, type PathSource } from './paths.js'
import { dereference, member, type KeywordSite, type SchemaObject, type ValidationSchemaSource } from './schema-lookup.js'

/** One formatter's language: its words, and the schema annotations its labels and own messages are read from. */
export interface ValidationLanguage {
  readonly words: ValidationWords
  /** `title` in the catalog's default locale, `x-title-<locale>` in another. */
  readonly titleKey: string
  /** `x-error-message` in the catalog's default locale, `x-error-message-<locale>` in another. */
  readonly messageKey: string
}

/** The `title` of a schema (or the language's title annotation), if it has a non-empty one. */
export function titleOf (schema: SchemaObject | undefined, key = 'title'): string | undefined {
  const title = schema?.[key]
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
export function propertyLabel (site: KeywordSite, name: string, source: ValidationSchemaSource | undefined, titleKey = 'title'): string {
  const { written, target } = propertySchema(site, name, source)
  return titleOf(written, titleKey) ?? titleOf(target, titleKey) ?? clip(name)
}

/** The label of the field an error is about. `segments` is the instance path, without a named property. */
export function fieldLabel (
  error: PathSource,
  site: KeywordSite,
  segments: readonly string[],
  location: ValidationLocation,
  source: ValidationSchemaSource | undefined,
  language: ValidationLanguage
): string {
  const { words, titleKey } = language
  const named = namedProperty(error)
  if (named !== undefined) {
    // An unexpected property has no schema: its name is all there is.
    return error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties' ? clip(named) : propertyLabel(site, named, source, titleKey)
  }
  const title = titleOf(site.schema, titleKey) ?? site.enclosing.map((schema) => titleOf(schema, titleKey)).find((found) => found !== undefined)
  if (title !== undefined) return title
  if (segments.length === 0) return words.locationLabels[location]
  const last = segments[segments.length - 1]
  if (!isIndex(last)) return clip(last)
  let owner: string | undefined = titleOf(site.array, titleKey)
  for (let i = segments.length - 2; owner === undefined && i >= 0; i--) if (!isIndex(segments[i])) owner = clip(segments[i])
  return owner === undefined ? words.partItem(location, Number(last) + 1) : words.arrayItem(owner, Number(last) + 1)
}
