/**
 * The document's examples, all built by the one example builder (src/envelope/example.ts): one Example Object
 * per code under `components.examples`, named by the code, and for routes whose validation example comes from
 * their own schema, one more per distinct example (`VALIDATION_ERROR.body.email`). Responses reference them.
 * A catalog with several locales has each example once per locale: the default locale's under the name, another
 * locale's under the name and `.<locale>` (`SESSION_NOT_FOUND.en`, `SESSION_NOT_FOUND.problem.en`).
 */
import type { CompiledCatalog, CompiledEntry } from '../catalog/compile.js'
import { exampleBody, exampleParts, type ExampleParts } from '../envelope/example.js'
import type { FieldError, WireFormat } from '../envelope/format.js'

/** The operation extension that carries a route's own validation example from `transform` to `transformObject`. */
export const VALIDATION_EXAMPLE_EXTENSION = 'x-error-catalog-validation'

/** An OpenAPI Example Object. */
export interface ExampleObject {
  summary: string
  description?: string
  value: unknown
}

/** The reference to a component example. */
export function exampleRef (name: string): string {
  return `#/components/examples/${name}`
}

/** A locale of the document's examples and the suffix of its example names: '' for the default, else `.<locale>`. */
export interface ExampleLocale {
  readonly locale: string
  readonly suffix: string
}

/** The locales every example is written in, the catalog's default first. */
export function exampleLocales (catalog: CompiledCatalog): readonly ExampleLocale[] {
  return catalog.locales.map((locale, index) => ({ locale, suffix: index === 0 ? '' : `.${locale}` }))
}

/**
 * The component example of one code in `locale` (default: the catalog's): `CODE: message` as its summary (Swagger
 * UI's example picker; another locale's says its language, `CODE (English): message`), the body as value.
 */
export function componentExample (format: WireFormat, catalog: CompiledCatalog, entry: CompiledEntry, parts?: ExampleParts, locale: string = catalog.locale): ExampleObject {
  const example = exampleParts(catalog, entry, parts, locale)
  const fieldErrors = example.fieldErrors !== undefined && parts?.fieldErrors !== undefined ? ` (${fieldPaths(example.fieldErrors).join(', ')})` : ''
  const language = locale === catalog.locale ? '' : ` (${languageName(locale)})`
  const { description } = entry.textOf(locale)
  return {
    summary: `${entry.code}${language}: ${example.message}${fieldErrors}`,
    ...(description === undefined ? {} : { description }),
    value: exampleBody(format, example)
  }
}

/** A language's own name for itself (`English`, `日本語`), else its tag. */
function languageName (locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale
  } catch {
    return locale
  }
}

/** The distinct paths of field errors, in order. */
function fieldPaths (fieldErrors: readonly FieldError[]): string[] {
  return [...new Set(fieldErrors.map((error) => error.path))]
}

/**
 * Names the route-specific validation examples of one document: `VALIDATION_ERROR.<location>.<field>`
 * (characters outside OpenAPI's component-name set become `_`), numbered when two routes' examples differ
 * under one name. The same example always gets the same name, so routes share it. Other formats' and locales'
 * examples add their `suffixes` (`.problem`, `.en`, `.problem.en`) to the name; no name, with or without a
 * suffix, is given twice.
 */
export function variantNamer (code: string, suffixes: readonly string[] = []): (parts: ExampleParts) => { name: string, isNew: boolean } {
  const names = new Map<string, string>()
  const taken = new Set<string>()
  const withSuffixes = (name: string): string[] => [name, ...suffixes.map((suffix) => name + suffix)]
  return (parts) => {
    const key = JSON.stringify(parts)
    const known = names.get(key)
    if (known !== undefined) return { name: known, isNew: false }
    const location = String(parts.details?.location ?? 'request')
    const field = parts.fieldErrors?.[0]?.path ?? 'field'
    const base = `${code}.${location}.${field}`.replace(/[^A-Za-z0-9._-]/g, '_')
    let name = base
    for (let n = 2; withSuffixes(name).some((one) => taken.has(one)); n++) name = `${base}-${n}`
    for (const one of withSuffixes(name)) taken.add(one)
    names.set(key, name)
    return { name, isNew: true }
  }
}
