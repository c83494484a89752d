/**
 * The one example builder: the body the server sends for a code, made the way the server makes it. Example
 * details (the catalog's `example`s, else a value of the detail's type), the entry renders message and
 * suggestions into neutral parts, the wire format builds the body and the format's schema of the code
 * serializes it (as src/plugin/respond.ts does). OpenAPI examples (src/openapi/examples.ts) and the error guide
 * (src/docs/) both read it, so the two cannot disagree.
 *
 * A validation example carries `fieldErrors` rendered by the validation module from a schema: the route's own
 * (`validationExample`), or a generic one-field schema for the shared example.
 */
import { partSchemaOf, type RequestPart } from '../request-parts.js'
import type { CompiledCatalog, CompiledEntry } from '../catalog/compile.js'
import type { DetailSpec } from '../catalog/format.js'
import { createValidationFormatter, type FieldError, type ValidationFormatter } from '../validation/field-errors.js'
import { serializeBody, type ErrorParts, type WireFormat } from './format.js'

/** The request id shown in examples (Fastify's first generated id). */
export const EXAMPLE_REQUEST_ID = 'req-1'

const FORMAT_EXAMPLES: Readonly<Record<string, string>> = {
  'date-time': '2026-03-02T09:00:00+09:00',
  date: '2026-03-02',
  time: '09:00:00+09:00',
  email: 'user@example.com',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  uuid: '3f2b8c1e-7a4d-4e0b-9c61-2d5e8f9a0b1c',
  ipv4: '192.0.2.1'
}

/** An example value of one detail: its `example`, else a value of its type (`<name>` for a plain string). */
export function exampleValue (name: string, spec: DetailSpec): unknown {
  if (spec.example !== undefined) return spec.example
  switch (spec.type) {
    case 'string': {
      if (spec.enum !== undefined) return spec.enum[0]
      const text = FORMAT_EXAMPLES[spec.format ?? ''] ?? `<${name}>`
      return spec.minLength !== undefined && text.length < spec.minLength ? text.padEnd(spec.minLength, '0') : text
    }
    case 'integer': return spec.minimum ?? 1
    case 'number': return spec.minimum ?? 1.5
    case 'boolean': return false
    case 'array': return [exampleValue(name, spec.items)]
    case 'object': return exampleDetails(spec.properties)
  }
}

/** Example details: every required detail, and optional ones that carry an `example`. */
export function exampleDetails (details: Readonly<Record<string, DetailSpec>>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, spec] of Object.entries(details)) {
    if (spec.optional === true && spec.example === undefined) continue
    out[name] = exampleValue(name, spec)
  }
  return out
}

/** What an example may replace: a validation example's details and field errors. */
export interface ExampleParts {
  details?: Readonly<Record<string, unknown>>
  /** The field errors in the catalog's default locale. */
  fieldErrors?: readonly FieldError[]
  /** The same field errors in the catalog's other locales (a route's own validation example has them). */
  fieldErrorsIn?: Readonly<Record<string, readonly FieldError[]>>
}

/**
 * The neutral parts of a code's example answer in `locale` (default: the catalog's default locale): example
 * details (or `parts.details`), and for a code with field errors the generic ones (or `parts.fieldErrors`, in
 * `locale` when `parts.fieldErrorsIn` has it).
 */
export function exampleParts (catalog: CompiledCatalog, entry: CompiledEntry, parts: ExampleParts = {}, locale: string = catalog.locale): ErrorParts {
  const details = parts.details ?? exampleDetails(entry.details)
  const { message, suggestions } = entry.render(details, locale)
  return {
    entry,
    message,
    suggestions,
    details: Object.keys(details).length > 0 ? details : undefined,
    fieldErrors: entry.fieldErrors ? parts.fieldErrorsIn?.[locale] ?? parts.fieldErrors ?? genericFieldErrors(catalog, locale) : undefined,
    requestId: EXAMPLE_REQUEST_ID,
    locale
  }
}

/** The body the server sends for these parts in a format, as plain JSON (serialized as the server does, then parsed). */
export function exampleBody (format: WireFormat, parts: ErrorParts): unknown {
  return JSON.parse(serializeBody(format, parts))
}

const formatters = new WeakMap<CompiledCatalog, Map<string, ValidationFormatter>>()

/** The catalog's validation formatter of one locale, made once. */
function formatterOf (catalog: CompiledCatalog, locale: string = catalog.locale): ValidationFormatter {
  let byLocale = formatters.get(catalog)
  if (byLocale === undefined) formatters.set(catalog, byLocale = new Map())
  let formatter = byLocale.get(locale)
  if (formatter === undefined) {
    formatter = createValidationFormatter(catalog, undefined, locale)
    byLocale.set(locale, formatter)
  }
  return formatter
}

/** The field of the shared validation example: a body with a malformed email address. */
const GENERIC_BODY = { type: 'object', properties: { email: { type: 'string', format: 'email', title: '이메일' } } }

function genericFieldErrors (catalog: CompiledCatalog, locale: string): FieldError[] {
  const error = { keyword: 'format', instancePath: '/email', schemaPath: '#/properties/email/format', params: { format: 'email' } }
  return formatterOf(catalog, locale)([error], 'body', { schema: GENERIC_BODY }).fieldErrors
}

/** The order an example prefers the request parts in: what a client most often gets wrong first. */
const EXAMPLE_ORDER: readonly RequestPart[] = ['body', 'querystring', 'headers', 'params']

/**
 * A validation example of one route, from its own schema: the first part with named properties; a missing
 * required property (a path parameter cannot be missing: a value of the wrong type there), with the message
 * the validation module renders for it in each of the catalog's locales (`fieldErrorsIn` only with several).
 * Undefined when no part has named properties.
 */
export function validationExample (catalog: CompiledCatalog, routeSchema: unknown): ExampleParts & Required<Pick<ExampleParts, 'details' | 'fieldErrors'>> | undefined {
  if (typeof routeSchema !== 'object' || routeSchema === null) return undefined
  for (const location of EXAMPLE_ORDER) {
    const schema = partSchemaOf(routeSchema, location)
    const properties = (schema as { properties?: unknown } | undefined)?.properties
    if (typeof properties !== 'object' || properties === null) continue
    const names = Object.keys(properties)
    if (names.length === 0) continue
    const required = ((schema as { required?: unknown }).required ?? []) as unknown[]
    const missing = location === 'params' ? undefined : names.find((name) => required.includes(name))
    const name = missing ?? names[0]
    const error = missing !== undefined
      ? { keyword: 'required', instancePath: '', schemaPath: '#/required', params: { missingProperty: name } }
      : keywordError(name, (properties as Record<string, Record<string, unknown>>)[name] ?? {})
    const source = { schema, caseInsensitive: location === 'headers' }
    const fieldErrors = formatterOf(catalog)([error], location, source).fieldErrors
    const others = catalog.locales.slice(1)
    if (others.length === 0) return { details: { location }, fieldErrors }
    const fieldErrorsIn = Object.fromEntries(others.map((locale) => [locale, formatterOf(catalog, locale)([error], location, source).fieldErrors]))
    return { details: { location }, fieldErrors, fieldErrorsIn }
  }
  return undefined
}

/** A failure of a property's own rule: a value outside its enum, a number of the wrong type, else its pattern, format or minimum length. */
function keywordError (name: string, property: Record<string, unknown>): { keyword: string, instancePath: string, schemaPath: string, params: Record<string, unknown> } {
  const at = `/${escapePointer(name)}`
  const rule = (keyword: string, params: Record<string, unknown>) => ({ keyword, instancePath: at, schemaPath: `#/properties${at}/${keyword}`, params })
  const type = typeof property.type === 'string' ? property.type : 'string'
  if (Array.isArray(property.enum)) return rule('enum', { allowedValues: property.enum })
  if (type === 'string' && typeof property.pattern === 'string') return rule('pattern', { pattern: property.pattern })
  if (type === 'string' && typeof property.format === 'string') return rule('format', { format: property.format })
  if (type === 'string' && typeof property.minLength === 'number') return rule('minLength', { limit: property.minLength })
  return rule('type', { type })
}

function escapePointer (name: string): string {
  return name.replaceAll('~', '~0').replaceAll('/', '~1')
}
