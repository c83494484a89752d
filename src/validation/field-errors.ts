/**
 * Ajv errors (as Fastify reports them) → `fieldErrors`: readable path → Korean messages, bounded.
 *
 * Per error: find the schema that holds the keyword (cached per route schema and schemaPath), skip it when
 * a union's or similar summary error speaks for it, key it by its path, pick the template (the property's
 * own `x-error-message`, else the catalog's, else the built-in one) and render it with the field's label.
 * Limits are checked before any rendering, so a body with 100,000 failing items costs one cheap pass. The
 * limits together bound the answer: at most `maxFields` keys of at most `maxPathLength` characters, at most
 * `maxMessagesPerField` messages each, and never more than `maxFieldErrorsBytes` of JSON in all.
 */
import { ERROR_MESSAGE_KEYWORD, localeKeywords } from './ajv-options.js'
import { libraryWords } from './languages.js'
import { fieldLabel, propertySchema, type ValidationLanguage } from './labels.js'
import { compileTemplate as compileMessageTemplate, type Template as MessageTemplate } from '../text/template.js'
import { VALIDATION_WORDS, type ValidationCatalog, type ValidationLocation } from './messages.js'
import { jsonStringBytes } from './json-size.js'
import { instanceSegments, joinClippedPath, namedProperty } from './paths.js'
import { keywordSite, type KeywordSite, type SchemaObject, type ValidationSchemaSource } from './schema-lookup.js'
import { wordingOf, type AjvErrorLike, type Wording } from './wording.js'

export type { AjvErrorLike } from './wording.js'
export type { ValidationLocation } from './messages.js'
export type { ValidationSchemaSource } from './schema-lookup.js'
export { ROOT_FIELD } from './paths.js'

/** Limits that keep a validation response small, and validation itself safe, whatever the input. */
export interface ValidationLimits {
  /** At most this many fields in `fieldErrors` (default 50). */
  maxFields: number
  /** At most this many messages per field (default 5). */
  maxMessagesPerField: number
  /** At most this many characters in a `fieldErrors` key (default 200); a longer path is cut in the middle. */
  maxPathLength: number
  /** At most this many bytes (UTF-8) of JSON for the whole `fieldErrors` member (default 16384). */
  maxFieldErrorsBytes: number
  /** A body nested deeper than this (objects and arrays) fails before Ajv runs, which would recurse once per level (default 128). */
  maxDepth: number
}

/** The default limits. */
export const DEFAULT_VALIDATION_LIMITS: Readonly<ValidationLimits> = Object.freeze({
  maxFields: 50,
  maxMessagesPerField: 5,
  maxPathLength: 200,
  maxFieldErrorsBytes: 16384,
  maxDepth: 128
})

/** One message about one field of a failed validation, before any wire format shapes it. */
export interface FieldError {
  /** JSON Pointer into the request part (`/items/0/email`); an ancestor's when the whole pointer is longer than `maxPathLength`. */
  readonly pointer: string
  /** The readable path (`items[0].email`), clipped to `maxPathLength`. */
  readonly path: string
  /** The request part that failed. */
  readonly location: ValidationLocation
  /** The JSON Schema keyword that failed (`format`, `required`, …). */
  readonly keyword: string
  /** The rendered message. */
  readonly message: string
  /** For keyword `format`: the format that failed (`email`), which `validation.codes` rules may name. */
  readonly format?: string | undefined
  /** The rejected value, set only on the field an answer is about when the catalog opts in (`validation.echo`, src/validation/echo.ts). */
  readonly value?: string | number | boolean | undefined
}

/** The field errors of one validation failure (one item per message, fields in first-seen order), and whether some were left out. */
export interface FormattedValidation {
  fieldErrors: FieldError[]
  truncated: boolean
}

/** Turns Ajv errors into field errors; `source` (the route's schema of the part) gives labels and per-property messages. */
export type ValidationFormatter = (
  errors: readonly unknown[],
  location: ValidationLocation,
  source?: ValidationSchemaSource
) => FormattedValidation

/**
 * Creates the formatter of a catalog in `locale` (default: the catalog's default locale). Templates: the library's
 * table of that locale, overridden by keyword by the catalog's `validation.messages` (default locale) or
 * `validation.translations[locale]` (another). Labels: `title` and `x-error-message` in the default locale,
 * `x-title-<locale>` and `x-error-message-<locale>` in another (docs/validation.md, "Labels").
 */
export function createValidationFormatter (catalog: ValidationCatalog, limits: ValidationLimits = DEFAULT_VALIDATION_LIMITS, locale?: string): ValidationFormatter {
  const defaultLocale = catalog.locale ?? 'ko'
  const chosen = locale ?? defaultLocale
  const isDefault = chosen === defaultLocale
  const words = libraryWords(chosen) ?? libraryWords(defaultLocale) ?? VALIDATION_WORDS
  const language: ValidationLanguage = Object.freeze({
    words,
    titleKey: isDefault ? 'title' : localeKeywords(chosen).title,
    messageKey: isDefault ? ERROR_MESSAGE_KEYWORD : localeKeywords(chosen).message
  })
  const templates = new Map<string, MessageTemplate>()
  for (const [id, spec] of Object.entries(words.messages)) templates.set(id, compileMessageTemplate(spec.template))
  const overrides = isDefault ? catalog.validation.messages : catalog.validation.translations?.[chosen] ?? {}
  for (const [id, source] of Object.entries(overrides)) templates.set(id, compileMessageTemplate(source))
  const fallback = templates.get('fallback') as MessageTemplate
  const { maxFields, maxMessagesPerField, maxPathLength, maxFieldErrorsBytes } = limits

  function render (error: AjvErrorLike, site: KeywordSite, segments: string[], location: ValidationLocation, source: ValidationSchemaSource | undefined): string {
    const wording = wordingOf(error, site, source, language)
    const template = ownTemplate(error, site, wording, source, language.messageKey) ?? templates.get(wording.id) ?? fallback
    const label = fieldLabel(error, site, segments, location, source, language)
    return template.render({ ...wording.values, label })
  }

  // Rendered path and message per keyword site (per route schema and schemaPath), then per instance path, then
  // per (request part, named property, params): a request that fails like an earlier one reuses its text, with no
  // label lookup, template rendering or particle choice, and without building a key string (a fresh string must be
  // flattened and hashed for every lookup, which cost more than the rest of a cached error). Bounded per site and in
  // all (instance paths and names are client-given), and weak on the site.
  let rendered = new WeakMap<KeywordSite, Map<string, Slot[]>>()
  let cachedCount = 0
  function remember (site: KeywordSite, instancePath: string, slot: Slot): void {
    if (cachedCount >= MAX_CACHED_RENDERS) {
      rendered = new WeakMap()
      cachedCount = 0
    }
    let siteCache = rendered.get(site)
    if (siteCache === undefined) rendered.set(site, siteCache = new Map())
    else if (siteCache.size >= MAX_RENDERS_PER_SITE) {
      for (const slots of siteCache.values()) cachedCount -= slots.length
      siteCache.clear()
    }
    const slots = siteCache.get(instancePath)
    if (slots === undefined) siteCache.set(instancePath, [slot])
    else if (slots.length < MAX_SLOTS_PER_PATH) slots.push(slot)
    else return
    cachedCount++
  }

  return function formatValidation (errors, location, source) {
    const fieldErrors: FieldError[] = []
    // Messages taken per path, for the per-field limit and to drop repeats (paths are the cache's strings: hashed once).
    const byPath = new Map<string, string[]>()
    // The raw (instancePath, named property) of each field taken: once no field can be added, an error is
    // matched against them without building its readable path, which keeps a huge error list cheap. Collected
    // as a list and made a set only when the answer is full (most answers never are).
    const takenList: string[] = []
    let taken: Set<string> | undefined
    let fields = 0
    // No new field fits: maxFields reached, or a field did not fit in the byte budget.
    let full = false
    // Bytes of `fieldErrors` as serialized so far: `{}`, then `"key":["message"]` and `,"message"` parts.
    let bytes = 2
    let truncated = false
    for (let i = 0; i < errors.length; i++) {
      const error = asAjvError(errors[i])
      if (error === undefined) continue
      const site = keywordSite(source, error.schemaPath)
      if (site.summarized || (error.keyword === 'if' && branchReported(error, errors[i - 1]))) continue

      const named = namedProperty(error)
      const instancePath = error.instancePath
      if (full) {
        const raw = named === undefined ? instancePath : `${instancePath}\u0000${named}`
        // A long raw path is left out unhashed once full: hashing flattens Ajv's concatenated path string.
        taken ??= new Set(takenList)
        if (raw.length > MAX_TAKEN_RAW || !taken.has(raw)) { truncated = true; continue }
      }
      // Long client-given paths and names are neither hashed nor kept. Params are compared on a hit; whether they
      // can be kept is asked only on a miss.
      const short = instancePath.length <= MAX_KEY_PART && (named === undefined || named.length <= MAX_KEY_PART)
      let entry = short ? cachedRender(rendered.get(site)?.get(instancePath), location, named, error) : undefined
      let messages: string[] | undefined
      if (entry !== undefined) {
        messages = byPath.get(entry.path)
        if (messages === undefined && full) { truncated = true; continue }
      } else {
        const segments = instanceSegments(instancePath)
        const path = joinClippedPath(named === undefined ? segments : [...segments, named], maxPathLength)
        messages = byPath.get(path)
        if (messages === undefined && full) { truncated = true; continue }
        const message = render(error, site, segments, location, source)
        const pointer = boundedPointer(instancePath, named, maxPathLength)
        // One frozen field error per render, shared by every answer that reuses it: formats cache its JSON by identity.
        const fieldError: FieldError = Object.freeze({ pointer, path, location, keyword: error.keyword, message, format: formatOf(error) })
        entry = { path, message, fieldError, pathBytes: jsonStringBytes(path), messageBytes: jsonStringBytes(message) }
        if (short && keepableParams(error.params)) {
          const params = { ...error.params }
          remember(site, instancePath, { location, named, keyword: error.keyword, params, paramCount: Object.keys(params).length, rendered: entry })
        }
      }
      if (messages === undefined) {
        // `,"key":["message"]`
        const cost = (fields === 0 ? 0 : 1) + entry.pathBytes + 3 + entry.messageBytes
        if (bytes + cost > maxFieldErrorsBytes) { truncated = full = true; continue }
        bytes += cost
        byPath.set(entry.path, [entry.message])
        fieldErrors.push(entry.fieldError)
        const raw = named === undefined ? instancePath : `${instancePath}\u0000${named}`
        if (taken === undefined) takenList.push(raw)
        else taken.add(raw)
        if (++fields >= maxFields) full = true
        continue
      }
      if (!full) {
        const raw = named === undefined ? instancePath : `${instancePath}\u0000${named}`
        if (taken === undefined) takenList.push(raw)
        else taken.add(raw)
      }
      if (messages.includes(entry.message)) continue
      if (messages.length >= maxMessagesPerField || bytes + 1 + entry.messageBytes > maxFieldErrorsBytes) {
        truncated = true
        continue
      }
      bytes += 1 + entry.messageBytes
      messages.push(entry.message)
      fieldErrors.push(entry.fieldError)
    }
    return { fieldErrors, truncated }
  }
}

/** A field error as rendered once for a keyword site (in one request part), and the sizes of its path and message in the JSON body. */
interface Rendered { readonly path: string, readonly message: string, readonly fieldError: FieldError, readonly pathBytes: number, readonly messageBytes: number }

/** The format name of a failed `format` keyword (Ajv's `params.format`). */
function formatOf (error: AjvErrorLike): string | undefined {
  const format = error.keyword === 'format' ? error.params.format : undefined
  return typeof format === 'string' ? format : undefined
}

/**
 * The JSON Pointer of a field (Ajv's instancePath, plus the missing property of a `required` error), at most
 * `limit` characters: a longer one points at the nearest ancestor that fits (still a valid pointer).
 */
function boundedPointer (instancePath: string, named: string | undefined, limit: number): string {
  const pointer = named === undefined ? instancePath : `${instancePath}/${named.replaceAll('~', '~0').replaceAll('/', '~1')}`
  if (pointer.length <= limit) return pointer
  const cut = pointer.lastIndexOf('/', limit)
  return cut <= 0 ? '' : pointer.slice(0, cut)
}

/** At most this many instance paths are kept per keyword site, and rendered messages in all per formatter. */
const MAX_RENDERS_PER_SITE = 64
const MAX_CACHED_RENDERS = 2048
/** At most this many renders are kept per (keyword site, instance path): parts, named properties, params. */
const MAX_SLOTS_PER_PATH = 8
/** Longer instance paths and string params are rendered every time rather than cached. */
const MAX_KEY_PART = 128
/** Once no field can be added, errors at longer raw paths are dropped without a lookup. */
const MAX_TAKEN_RAW = 1024

/**
 * One cached render under a (keyword site, instance path): everything else a message depends on besides the
 * formatter's catalog. Params are compared member by member, objects by identity (an enum's `allowedValues` is
 * the schema's own array: schemas are not changed once compiled).
 */
interface Slot {
  readonly location: ValidationLocation
  readonly named: string | undefined
  readonly keyword: string
  readonly params: Readonly<Record<string, unknown>>
  readonly paramCount: number
  readonly rendered: Rendered
}

/** Whether an error's params may be kept with its render: plain types, strings no longer than MAX_KEY_PART. */
function keepableParams (params: Readonly<Record<string, unknown>>): boolean {
  for (const name in params) {
    const value = params[name]
    switch (typeof value) {
      case 'string': if (value.length > MAX_KEY_PART) return false; break
      case 'number': case 'boolean': case 'undefined': case 'object': break
      default: return false
    }
  }
  return true
}

/** The cached render of an error among the slots of its (keyword site, instance path), if any. */
function cachedRender (slots: readonly Slot[] | undefined, location: ValidationLocation, named: string | undefined, error: AjvErrorLike): Rendered | undefined {
  if (slots === undefined) return undefined
  for (const slot of slots) {
    if (slot.location === location && slot.named === named && slot.keyword === error.keyword && sameParams(slot, error.params)) return slot.rendered
  }
  return undefined
}

/** The same param names with the same values (objects by identity; NaN never equals, so it is never reused). */
function sameParams (slot: Slot, params: Readonly<Record<string, unknown>>): boolean {
  const cached = slot.params
  let count = 0
  for (const name in params) {
    if (cached[name] !== params[name] || !Object.hasOwn(cached, name)) return false
    count++
  }
  return count === slot.paramCount
}

/**
 * Ajv reports a failed `then` / `else` twice: the errors inside it, then an `if` error. The inner errors say
 * what to fix; the `if` one is kept only when nothing inside came through (a `then: false`, say).
 */
function branchReported (error: AjvErrorLike, previous: unknown): boolean {
  const path = error.schemaPath
  const branch = error.params.failingKeyword
  const before = asAjvError(previous)?.schemaPath
  if (typeof path !== 'string' || typeof branch !== 'string' || typeof before !== 'string') return false
  return before.startsWith(`${path.slice(0, -'if'.length)}${branch}`)
}

const ownTemplates = new Map<string, MessageTemplate>()
const MAX_OWN_TEMPLATES = 1000

/** The property's own message (`x-error-message`, or `x-error-message-<locale>`): a template for any keyword, or keyword → template. */
function ownTemplate (error: AjvErrorLike, site: KeywordSite, wording: Wording, source: ValidationSchemaSource | undefined, messageKey: string): MessageTemplate | undefined {
  const missing = error.keyword === 'required' || error.keyword === 'dependentRequired' || error.keyword === 'dependencies'
    ? namedProperty(error)
    : undefined
  let holders: Array<SchemaObject | undefined> = [site.schema]
  if (missing !== undefined) {
    // A missing property's message lives on that property's schema, not on the object that requires it.
    const { written, target } = propertySchema(site, missing, source)
    holders = [written, target]
  }
  for (const holder of holders) {
    const own = holder?.[messageKey]
    let text: unknown = own
    if (typeof own === 'object' && own !== null) {
      const byKeyword = own as Record<string, unknown>
      text = Object.hasOwn(byKeyword, error.keyword) ? byKeyword[error.keyword] : Object.hasOwn(byKeyword, wording.id) ? byKeyword[wording.id] : undefined
    }
    if (typeof text === 'string' && text !== '') return compiledOwn(text)
  }
  return undefined
}

/** Own templates are few (they are written in schemas) and compiled once; the cache is bounded all the same. */
function compiledOwn (text: string): MessageTemplate {
  let template = ownTemplates.get(text)
  if (template === undefined) {
    if (ownTemplates.size >= MAX_OWN_TEMPLATES) ownTemplates.clear()
    template = compileMessageTemplate(text)
    ownTemplates.set(text, template)
  }
  return template
}

/** An Ajv error, or undefined for anything else in the list (a custom validator may put anything there). */
function asAjvError (value: unknown): AjvErrorLike | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const error = value as Partial<AjvErrorLike>
  if (typeof error.keyword !== 'string') return undefined
  const params = typeof error.params === 'object' && error.params !== null ? error.params : {}
  const instancePath = typeof error.instancePath === 'string' ? error.instancePath : ''
  if (params === error.params && instancePath === error.instancePath) return error as AjvErrorLike
  return { ...error, keyword: error.keyword, instancePath, params }
}
