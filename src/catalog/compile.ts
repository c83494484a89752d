/**
 * Checked catalog → compiled catalog: per code, the entry, the TypeBox schema of its details and a factory.
 * Format-neutral: the body a code is answered with is the wire format's business (src/envelope/). Pure: no
 * Fastify, no file system (the builtin catalog is read once, on demand).
 */
import type { TObject } from '@sinclair/typebox'
import { FEC_ERR_CATALOG_INVALID, FEC_ERR_DETAILS_INVALID, FEC_ERR_OPTIONS_INVALID } from '../errors.js'
import { builtinDocument } from './builtin.js'
import { parseEnvelopeDeclaration, type EnvelopeDeclaration } from './envelope-syntax.js'
import { CatalogError, makeCatalogError, retryAfterSeconds, type CatalogErrorOptions } from './catalog-error.js'
import { checkCatalogDocument } from './check.js'
import { detailsSchema } from './details.js'
import type { CatalogEntrySource, CatalogFile, DetailSpec, Localized, ValidationCodeRule } from './format.js'
import { formatProblem, type CatalogProblem } from './problems.js'
import { objectDocument, type CatalogDocument, type SourcePosition } from './source.js'
import { compileTemplate, type Template } from '../text/template.js'
import { declaredLocales, isTranslationMap, textIn } from './locales.js'
import { grpcStatusOfHttp, isGrpcStatusName, type GrpcStatusName } from './grpc-status.js'
import { roleCodesOf, roleEntries, type RoleEntries } from './roles.js'

/** A factory of one code: `errors.SESSION_NOT_FOUND({ sessionCode: 'A1' }, { cause })`, with or without `new`. */
export interface ErrorFactory<Code extends string = string, Details extends object = Record<string, unknown>> {
  (details?: Details, options?: CatalogErrorOptions): CatalogError<Code, Details>
  new (details?: Details, options?: CatalogErrorOptions): CatalogError<Code, Details>
  /** The code this factory makes. */
  readonly code: Code
  /** The HTTP status of the code. */
  readonly statusCode: number
}

/** Factories of a catalog, by code. */
export type ErrorFactories = Readonly<Record<string, ErrorFactory>>

/** One compiled catalog entry. */
export interface CompiledEntry {
  readonly code: string
  readonly status: number
  /** The message template as written (`{name}` placeholders). */
  readonly message: string
  readonly description: string | undefined
  readonly category: string | undefined
  readonly retryable: boolean
  readonly retryAfter: number | undefined
  /** Suggestion templates as written. */
  readonly suggestions: readonly string[]
  /** The `details` section as written. */
  readonly details: Readonly<Record<string, DetailSpec>>
  readonly deprecated: true | string | undefined
  readonly docsUrl: string | undefined
  /** The gRPC status: the entry's `grpc`, else derived from `status` (docs/grpc.md). */
  readonly grpc: GrpcStatusName
  /** True when the catalog wrote `grpc` (false: derived from `status`). */
  readonly grpcDeclared: boolean
  /** The numeric code (`number`), if the entry has one. */
  readonly number: number | undefined
  /** Errors of other libraries (by `code` or class `name`) this code answers. */
  readonly maps: readonly string[]
  /** True for a code that comes from the builtin catalog (and was not overridden). */
  readonly builtin: boolean
  /** True when answers of this code carry field errors: the validation role's code (`catalog.roles.validation`). */
  readonly fieldErrors: boolean
  /** The catalog's locales, the default first: the languages this code may be answered in. */
  readonly locales: readonly string[]
  /** Where the entry was defined, when it came from a file. */
  readonly source: { file: string } & SourcePosition | undefined
  /** The schema of `details`. */
  readonly detailsSchema: TObject
  /** The factory. */
  readonly create: ErrorFactory
  /**
   * Renders message and suggestions with the given details, in `locale` (one of the catalog's `locales`; the default
   * locale for undefined or any other; a missing translation falls back to the default locale's text).
   */
  render (details: Readonly<Record<string, unknown>> | undefined, locale?: string): { message: string, suggestions: readonly string[] }
  /** The message, suggestion and description templates in `locale`, as written (same fallbacks as `render`). */
  textOf (locale?: string): EntryTextIn
}

/** An entry's texts in one locale, as written (`{placeholders}` not rendered). */
export interface EntryTextIn {
  readonly message: string
  readonly suggestions: readonly string[]
  readonly description: string | undefined
  /** `true`, or the reason the code is deprecated; undefined when it is not. */
  readonly deprecated: true | string | undefined
  /** The description of each top-level detail that has one, by name. */
  readonly details: Readonly<Record<string, string>>
}

/** A reserved (retired) code. */
export interface ReservedCode { readonly code: string, readonly reason?: string | undefined, readonly since?: string | undefined }

/** A reserved (retired) `number`. */
export interface ReservedNumber { readonly number: number, readonly reason?: string | undefined, readonly since?: string | undefined }

const kCompiledCatalog = Symbol.for('fastify-error-catalog.CompiledCatalog')

/** A compiled catalog: what `compileCatalog` and `loadCatalog` return and the plugin serves. */
export interface CompiledCatalog<Factories = ErrorFactories> {
  readonly [kCompiledCatalog]: true
  readonly version: 1
  /** The default locale: the first of `locales`. */
  readonly locale: string
  /** The catalog's locales, the default first (`locales`, else `[locale]`, else `['ko']`). */
  readonly locales: readonly string[]
  /** Category id → title in the default locale, in document order (user categories first, then builtin ones). */
  readonly categories: Readonly<Record<string, string>>
  /** Category id → title in `locale` (a missing translation, or a locale the catalog lacks, gives the default's). */
  categoriesIn (locale?: string): Readonly<Record<string, string>>
  /** Every code, in document order (user codes first, then builtin codes not overridden). */
  readonly codes: readonly string[]
  readonly entries: Readonly<Record<string, CompiledEntry>>
  /** The factories, by code. */
  readonly errors: Factories
  readonly reserved: readonly ReservedCode[]
  readonly reservedNumbers: readonly ReservedNumber[]
  /**
   * Catalog-wide validation message templates, by Ajv keyword: `messages` in the default locale; `translations`, per
   * locale of the catalog, only the templates written in that locale (no fallback: a keyword the catalog does not
   * translate is left to the library's own table of that locale).
   */
  readonly validation: {
    readonly messages: Readonly<Record<string, string>>
    readonly translations: Readonly<Record<string, Readonly<Record<string, string>>>>
    /** `validation.codes`: failed keyword (and field, format) → code, first match first (src/validation/codes.ts). */
    readonly codes: readonly ValidationCodeRule[]
    /** `validation.echo`: the rejected value may be sent (`$fieldValue`), strings cut to `maxLength` code points. */
    readonly echo: { readonly maxLength: number } | undefined
  }
  /** The files the catalog was read from. */
  readonly files: readonly string[]
  /** The catalog's `envelope:` declaration (the wire format), if it has one. */
  readonly envelope: EnvelopeDeclaration | undefined
  /**
   * The entry playing each role the plugin answers by itself (`roles:` over the builtin codes; roles.ts). Reading a
   * required role whose code the catalog lacks (only possible with `builtin: false`) throws FEC_ERR_CODE_MISSING.
   */
  readonly roles: RoleEntries<CompiledEntry>
  /** The entry of a code, if the catalog has it. */
  get (code: string): CompiledEntry | undefined
}

/** When factories capture a stack trace: `server` (5xx only, the default), `always` or `never`. */
export type StackTracePolicy = 'server' | 'always' | 'never'

/** Options of `compileCatalog`. */
export interface CompileOptions {
  /** Merge the builtin catalog under this one (default true). */
  builtin?: boolean
  /** When factories capture a stack trace (default `server`: 5xx only; 4xx errors are cheap). */
  stackTraces?: StackTracePolicy
}

/** What `compileCatalog` accepts: a parsed document with source positions, or a plain catalog object. */
export type CatalogSource = CatalogDocument | CatalogFile | Record<string, unknown>

const EMPTY: Readonly<Record<string, never>> = Object.freeze({})

/** True for a compiled catalog (from this or another copy of the package). */
export function isCompiledCatalog (value: unknown): value is CompiledCatalog {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[kCompiledCatalog] === true
}

/** True for a parsed catalog document. */
export function isCatalogDocument (value: unknown): value is CatalogDocument {
  return typeof value === 'object' && value !== null && typeof (value as CatalogDocument).locate === 'function' &&
    typeof (value as CatalogDocument).file === 'string' && 'data' in value
}

/**
 * Compiles a catalog. Every problem is collected first; if there is any, one FEC_ERR_CATALOG_INVALID is
 * thrown whose `problems` lists them all. Nothing half-compiled is ever returned.
 */
export function compileCatalog (source: CatalogSource, options: CompileOptions = {}): CompiledCatalog {
  const stackTraces = options.stackTraces ?? 'server'
  if (!['server', 'always', 'never'].includes(stackTraces)) {
    throw new FEC_ERR_OPTIONS_INVALID('stackTraces', `expected "server", "always" or "never", got ${JSON.stringify(stackTraces)}`)
  }
  const documents = [isCatalogDocument(source) ? source : objectDocument(source)]
  // The builtin with its translations into this catalog's locales only: a Korean-only catalog reads no English.
  if (options.builtin !== false) documents.push(builtinDocument(documents[0].data))

  const checked: Array<{ document: CatalogDocument, catalog: CatalogFile }> = []
  const problems: CatalogProblem[] = []
  for (const document of documents) {
    const result = checkCatalogDocument(document, { builtin: options.builtin !== false })
    problems.push(...result.problems)
    if (result.catalog !== undefined) checked.push({ document, catalog: result.catalog })
  }
  const errors = problems.filter((problem) => problem.severity === 'error')
  if (errors.length > 0) throw catalogInvalid(documents[0].file, errors)

  return build(checked, stackTraces)
}

/** The one error thrown for a catalog with problems; `error.problems` carries them. */
export function catalogInvalid (file: string, problems: CatalogProblem[]): Error & { problems: CatalogProblem[] } {
  const error = new FEC_ERR_CATALOG_INVALID(file, problems.length, problems.map((problem) => '  ' + formatProblem(problem)).join('\n'))
  return Object.assign(error, { problems })
}

function build (sources: Array<{ document: CatalogDocument, catalog: CatalogFile }>, stackTraces: StackTracePolicy): CompiledCatalog {
  const [user, builtin] = sources
  const layers = builtin === undefined ? [user] : [user, builtin]
  const entries: Record<string, CompiledEntry> = Object.create(null)
  const factories: Record<string, ErrorFactory> = Object.create(null)
  // Null prototypes: a category id or keyword such as `constructor` must not find Object.prototype's members.
  const categories: Record<string, string> = Object.create(null)
  const codes: string[] = []
  const validationMessages: Record<string, string> = Object.create(null)

  // The user's locales decide which exist; builtin translations into other locales are simply unused.
  const locales = Object.freeze([...declaredLocales(user.catalog)])
  const context: CatalogLocales = {
    locales,
    fallbacks: builtin === undefined ? [locales[0]] : [...new Set([locales[0], declaredLocales(builtin.catalog)[0]])]
  }
  const ownLocale = (layer: { catalog: CatalogFile }): string => declaredLocales(layer.catalog)[0]
  const categorySources: Record<string, Localized<string>> = Object.create(null)
  const validationTranslations: Record<string, Record<string, string>> = Object.create(null)
  for (const locale of locales) validationTranslations[locale] = Object.create(null)

  // A member set by the user replaces the builtin's whole (all its translations); user codes come first in `codes`.
  for (const layer of layers) {
    for (const [id, given] of Object.entries(layer.catalog.validation?.messages ?? {})) {
      if (Object.hasOwn(validationMessages, id)) continue
      validationMessages[id] = textIn(given, locales[0], context.fallbacks)
      for (const locale of locales) {
        const written = isTranslationMap(given) ? given[locale] : locale === ownLocale(layer) ? given : undefined
        if (written !== undefined) validationTranslations[locale][id] = written
      }
    }
    for (const [id, title] of Object.entries(layer.catalog.categories ?? {})) {
      if (Object.hasOwn(categories, id)) continue
      categories[id] = textIn(title, locales[0], context.fallbacks)
      categorySources[id] = title
    }
  }
  Object.freeze(categories)
  const categoriesByLocale = new Map<string, Readonly<Record<string, string>>>()
  const categoriesIn = (locale?: string): Readonly<Record<string, string>> => {
    if (locale === undefined || locale === locales[0] || !locales.includes(locale)) return categories
    let titles = categoriesByLocale.get(locale)
    if (titles === undefined) {
      const made: Record<string, string> = Object.create(null)
      for (const id of Object.keys(categorySources)) made[id] = textIn(categorySources[id], locale, context.fallbacks)
      categoriesByLocale.set(locale, (titles = Object.freeze(made)))
    }
    return titles
  }

  // The code of each role, and the codes whose answers carry field errors (the one place `fieldErrors` is decided).
  const roleCodes = roleCodesOf(user.catalog.roles)
  const fieldErrorCodes = new Set<string>([roleCodes.validation])
  // Codes that `validation.codes` answers validation failures with carry them too.
  for (const rule of user.catalog.validation?.codes ?? []) fieldErrorCodes.add(rule.code)

  for (const { document, catalog } of layers) {
    const isBuiltin = document === builtin?.document
    for (const [code, raw] of Object.entries(catalog.errors)) {
      if (code in entries) continue
      const overridden = isBuiltin ? undefined : builtin?.catalog.errors[code]
      const merged: CatalogEntrySource = overridden === undefined ? raw : { ...overridden, ...raw }
      // Located on first use: finding positions needs the full YAML tree, which a catalog without problems never builds.
      const locateEntry = (): CompiledEntry['source'] => {
        const { line, col } = document.locate(['errors', code], true)
        return line > 0 ? { file: document.file, line, col } : undefined
      }
      const entry = compileEntry(code, merged, { builtin: isBuiltin, fieldErrors: fieldErrorCodes.has(code) }, locateEntry, stackTraces, context)
      entries[code] = entry
      factories[code] = entry.create
      codes.push(code)
    }
  }

  const reserved: ReservedCode[] = []
  const reservedNumbers: ReservedNumber[] = []
  for (const item of user.catalog.reserved ?? []) {
    if (typeof item === 'string') reserved.push({ code: item })
    else if (typeof item === 'number') reservedNumbers.push({ number: item })
    else if ('number' in item) reservedNumbers.push(item)
    else reserved.push(item)
  }
  return Object.freeze({
    [kCompiledCatalog]: true as const,
    version: 1 as const,
    locale: locales[0],
    locales,
    categories,
    categoriesIn,
    codes: Object.freeze(codes),
    entries: Object.freeze(entries),
    errors: Object.freeze(factories),
    reserved: Object.freeze(reserved),
    reservedNumbers: Object.freeze(reservedNumbers),
    validation: Object.freeze({
      messages: Object.freeze(validationMessages),
      translations: Object.freeze(Object.fromEntries(Object.entries(validationTranslations).map(([locale, messages]) => [locale, Object.freeze(messages)]))),
      // The user's alone: the builtin catalog maps no keyword to a code.
      codes: Object.freeze((user.catalog.validation?.codes ?? []).map((rule) => Object.freeze({ ...rule }))),
      echo: user.catalog.validation?.echo === undefined ? undefined : Object.freeze({ ...user.catalog.validation.echo })
    }),
    files: Object.freeze(sources.map(({ document }) => document.file)),
    // Checked already: reading it again cannot fail.
    envelope: user.catalog.envelope === undefined ? undefined : parseEnvelopeDeclaration(user.catalog.envelope, () => {}),
    roles: roleEntries(roleCodes, (code) => entries[code]),
    get: (code: string) => entries[code]
  })
}

function compileEntry (
  code: string,
  source: CatalogEntrySource,
  { builtin, fieldErrors }: { builtin: boolean, fieldErrors: boolean },
  locate: () => CompiledEntry['source'],
  stackTraces: StackTracePolicy,
  context: CatalogLocales
): CompiledEntry {
  const status = source.status
  const retryable = source.retryable ?? false
  // Delta-seconds capped at a year, as a per-call value is: `retryAfter: 1e300` is an integer to the format, not to Retry-After.
  const retryAfter = retryAfterSeconds(source.retryAfter)
  // Templates are parsed on first render: a big catalog starts without parsing messages it may never send.
  // Plain texts (a single-locale catalog) are used as they are; translations are kept only with several locales.
  const defaultLocale = context.locales[0]
  const message = textIn(source.message, defaultLocale, context.fallbacks)
  const suggestions = textIn(source.suggestions, defaultLocale, context.fallbacks)
  const text = context.locales.length > 1
    ? new LocalizedEntryText(message, suggestions, source, context)
    : new EntryText(message, suggestions)

  const captureStack = stackTraces === 'always' || (stackTraces === 'server' && status >= 500)
  const defaults = captureStack ? CAPTURE : NO_CAPTURE
  // `{retryAfter}` in a message or suggestion ("60초 후에 다시 시도하세요"): the seconds the answer's Retry-After says.
  const waits = retryAfter !== undefined && mentionsRetryAfter(source)

  // Detail descriptions in the default locale: the details schema, codegen and OpenAPI read plain texts.
  const details = Object.freeze(detailsIn(source.details ?? {}, defaultLocale, context.fallbacks))
  // Details named like Object.prototype members (`constructor`, `toString`, …) are copied onto null-prototype
  // objects, so that an omitted one is absent for the serializer too, not Object.prototype's function.
  const ownCopy = ownCopyOf(details)
  const checkNumbers = integerCheckOf(code, details)

  // Named after its code (stack traces, debuggers) through a computed key, without redefining the function's `name`.
  const create = {
    [code]: function (given?: Record<string, unknown>, options?: CatalogErrorOptions): CatalogError {
      checkNumbers?.(given)
      const values = given === undefined ? EMPTY : ownCopy === undefined ? given : ownCopy(given) as Record<string, unknown>
      const shown = waits ? withRetryAfter(values, retryAfterSeconds(options?.retryAfter) ?? retryAfter) : values
      return makeCatalogError({
        code,
        statusCode: status,
        message: text.message(shown),
        retryable,
        suggestions: text.suggestions(shown),
        details: values,
        retryAfter
      }, options === undefined ? defaults : { ...options, captureStack: options.captureStack ?? captureStack })
    }
  }[code] as unknown as ErrorFactory & { code: string, statusCode: number }
  create.code = code
  create.statusCode = status

  const lazy: LazySchemas = { details, detailsSchema: undefined, locate, source: undefined, text, waits: waits ? retryAfter : undefined }
  // `__proto__` in the literal: the entry is born with its prototype (no later prototype change, no copy).
  return Object.freeze({
    __proto__: LAZY_ENTRY,
    [kLazySchemas]: lazy,
    code,
    status,
    message,
    description: textIn(source.description, defaultLocale, context.fallbacks),
    category: source.category,
    retryable,
    retryAfter,
    suggestions: listOf(suggestions),
    details,
    deprecated: deprecationIn(source.deprecated, defaultLocale, context.fallbacks),
    docsUrl: source.docsUrl,
    grpc: isGrpcStatusName(source.grpc) ? source.grpc : grpcStatusOfHttp(status),
    grpcDeclared: source.grpc !== undefined,
    number: source.number,
    maps: source.maps === undefined || source.maps.length === 0 ? NONE : Object.freeze([...source.maps]),
    builtin,
    fieldErrors,
    locales: context.locales,
    create
  }) as unknown as CompiledEntry
}

/** An entry's message and suggestions, parsed into templates on first render. */
class EntryText {
  private parsed: { message: Template, suggestions: Template[], constant: readonly string[] | undefined } | undefined

  constructor (private readonly messageSource: string, private readonly suggestionSources: readonly string[] | undefined) {}

  private templates (): NonNullable<EntryText['parsed']> {
    if (this.parsed !== undefined) return this.parsed
    const suggestions = (this.suggestionSources ?? []).map(compileTemplate)
    const constant = suggestions.every((template) => template.names.length === 0)
      ? Object.freeze(suggestions.map((template) => template.source))
      : undefined
    return (this.parsed = { message: compileTemplate(this.messageSource), suggestions, constant })
  }

  message (details: Readonly<Record<string, unknown>>): string {
    return this.templates().message.render(details)
  }

  suggestions (details: Readonly<Record<string, unknown>>): readonly string[] {
    const { suggestions, constant } = this.templates()
    return constant ?? suggestions.map((template) => template.render(details))
  }

  /** The texts of `locale`; this one for a single-locale catalog. */
  in (_locale: string | undefined): EntryText {
    return this
  }

  /** The texts of `locale` as written, when they are not the entry's own (the default locale's). */
  writtenIn (_locale: string | undefined): EntryTextIn | undefined {
    return undefined
  }
}

/** The languages of a compiled catalog, shared by its entries. */
interface CatalogLocales {
  /** The catalog's locales, the default first. */
  readonly locales: readonly string[]
  /** Where a missing translation is taken from: the default locale, then the builtin catalog's own default. */
  readonly fallbacks: readonly string[]
}

/** The texts of an entry of a catalog with several locales: each other locale's made on first use and kept. */
class LocalizedEntryText extends EntryText {
  private byLocale: Map<string, { text: EntryText, written: EntryTextIn }> | undefined

  constructor (message: string, suggestions: readonly string[] | undefined, private readonly source: CatalogEntrySource, private readonly context: CatalogLocales) {
    super(message, suggestions)
  }

  private translated (locale: string | undefined): { text: EntryText, written: EntryTextIn } | undefined {
    const { locales, fallbacks } = this.context
    if (locale === undefined || locale === locales[0] || !locales.includes(locale)) return undefined
    this.byLocale ??= new Map()
    let found = this.byLocale.get(locale)
    if (found === undefined) {
      const message = textIn(this.source.message, locale, fallbacks)
      const suggestions = textIn(this.source.suggestions, locale, fallbacks)
      const written = Object.freeze({
        message,
        suggestions: listOf(suggestions),
        description: textIn(this.source.description, locale, fallbacks),
        deprecated: deprecationIn(this.source.deprecated, locale, fallbacks),
        details: descriptionsOf(detailsIn(this.source.details ?? {}, locale, fallbacks))
      })
      this.byLocale.set(locale, (found = { text: new EntryText(message, suggestions), written }))
    }
    return found
  }

  override in (locale: string | undefined): EntryText {
    return this.translated(locale)?.text ?? this
  }

  override writtenIn (locale: string | undefined): EntryTextIn | undefined {
    return this.translated(locale)?.written
  }
}

/** Detail specs with their descriptions (at any depth) in one locale: a map by locale becomes that locale's text. */
function detailsIn (details: Readonly<Record<string, DetailSpec>>, locale: string, fallbacks: readonly string[]): Record<string, DetailSpec> {
  const out: Record<string, DetailSpec> = {}
  for (const [name, spec] of Object.entries(details)) out[name] = detailIn(spec, locale, fallbacks)
  return out
}

function detailIn (spec: DetailSpec, locale: string, fallbacks: readonly string[]): DetailSpec {
  const description = spec.description === undefined || typeof spec.description === 'string' ? spec.description : textIn(spec.description, locale, fallbacks)
  const own = description === spec.description ? spec : { ...spec, description }
  if (own.type === 'array') return { ...own, items: detailIn(own.items, locale, fallbacks) }
  if (own.type === 'object') return { ...own, properties: detailsIn(own.properties, locale, fallbacks) }
  return own
}

/** The description of each top-level detail that has one (the guide's details table). */
function descriptionsOf (details: Readonly<Record<string, DetailSpec>>): Readonly<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const [name, spec] of Object.entries(details)) if (typeof spec.description === 'string') out[name] = spec.description
  return Object.freeze(out)
}

/** `deprecated` in one locale: `true`, the reason (a map by locale gives that locale's), or undefined. */
function deprecationIn (deprecated: CatalogEntrySource['deprecated'], locale: string, fallbacks: readonly string[]): true | string | undefined {
  if (deprecated === undefined || deprecated === false) return undefined
  if (deprecated === true || typeof deprecated === 'string') return deprecated
  return textIn(deprecated, locale, fallbacks)
}

/** A list as the entry keeps it: frozen, the shared empty one when there is none. */
function listOf (items: readonly string[] | undefined): readonly string[] {
  return items === undefined || items.length === 0 ? NONE : Object.freeze([...items])
}

/** The constructor options of a factory call without options, shared by every entry. */
const CAPTURE = Object.freeze({ captureStack: true })
const NO_CAPTURE = Object.freeze({ captureStack: false })

/** The empty list most entries have (no suggestions, no maps), shared. */
const NONE: readonly string[] = Object.freeze([])

const kLazySchemas = Symbol('schemas')

/** What an entry's schemas are built from, and the schemas once built. */
interface LazySchemas {
  details: Readonly<Record<string, DetailSpec>>
  detailsSchema: TObject | undefined
  /** Where the entry stands in its file, found on first use. */
  locate: (() => CompiledEntry['source']) | undefined
  source: CompiledEntry['source']
  /** The message and suggestions, rendered by `render` (on the prototype, like the schemas). */
  text: EntryText
  /** The entry's Retry-After seconds when its texts say `{retryAfter}`. */
  waits: number | undefined
}

/** True when a message or suggestion (in any locale) says `{retryAfter}`. */
function mentionsRetryAfter (source: CatalogEntrySource): boolean {
  return JSON.stringify([source.message, source.suggestions]).includes('{retryAfter}')
}

/** The values to render with: `retryAfter` added unless the details give their own. */
function withRetryAfter (values: Readonly<Record<string, unknown>>, seconds: number): Readonly<Record<string, unknown>> {
  return Object.hasOwn(values, 'retryAfter') ? values : { ...values, retryAfter: seconds }
}

/**
 * The prototype of every entry: its details schema is built on first use (formats, OpenAPI, codegen) and kept, so that
 * startup stays small for big catalogs. Getters here, not on each entry: an accessor pair per entry costs memory.
 */
const LAZY_ENTRY = Object.freeze(Object.create(Object.prototype, {
  render: {
    value (this: { [kLazySchemas]: LazySchemas }, values: Readonly<Record<string, unknown>> | undefined, locale?: string): { message: string, suggestions: readonly string[] } {
      const { text: texts, waits } = this[kLazySchemas]
      const text = texts.in(locale)
      const given = waits === undefined ? values ?? EMPTY : withRetryAfter(values ?? EMPTY, waits)
      return { message: text.message(given), suggestions: text.suggestions(given) }
    }
  },
  textOf: {
    value (this: CompiledEntry & { [kLazySchemas]: LazySchemas }, locale?: string): EntryTextIn {
      return this[kLazySchemas].text.writtenIn(locale) ?? { message: this.message, suggestions: this.suggestions, description: this.description, deprecated: this.deprecated, details: descriptionsOf(this.details) }
    }
  },
  source: {
    enumerable: true,
    get (this: { [kLazySchemas]: LazySchemas }): CompiledEntry['source'] {
      const lazy = this[kLazySchemas]
      if (lazy.locate !== undefined) {
        lazy.source = lazy.locate()
        lazy.locate = undefined
      }
      return lazy.source
    }
  },
  detailsSchema: {
    get (this: { [kLazySchemas]: LazySchemas }): TObject {
      const lazy = this[kLazySchemas]
      return (lazy.detailsSchema ??= detailsSchema(lazy.details))
    }
  }
}))

/** True for a name that plain objects inherit (`constructor`, `toString`, `__proto__`, …). */
function isInheritedName (name: string): boolean {
  return name in Object.prototype
}

type Copier = (value: unknown) => unknown

/**
 * A copier of given details onto null-prototype objects, following the specs, when a detail at any depth has an
 * inherited name; undefined otherwise (nothing to copy, no cost per call).
 */
function ownCopyOf (details: Readonly<Record<string, DetailSpec>>): Copier | undefined {
  const copiers = new Map<string, Copier | undefined>()
  let needed = false
  for (const [name, spec] of Object.entries(details)) {
    const inner = specCopier(spec)
    copiers.set(name, inner)
    needed ||= inner !== undefined || isInheritedName(name)
  }
  if (!needed) return undefined
  return (value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
    const copy: Record<string, unknown> = Object.create(null)
    for (const [name, given] of Object.entries(value)) {
      if (!copiers.has(name)) {
        copy[name] = given
        continue
      }
      const inner = copiers.get(name)
      copy[name] = inner === undefined ? given : inner(given)
    }
    return copy
  }
}

function specCopier (spec: DetailSpec): Copier | undefined {
  if (spec.type === 'object') return ownCopyOf(spec.properties)
  if (spec.type === 'array') {
    const item = specCopier(spec.items)
    return item === undefined ? undefined : (value) => Array.isArray(value) ? value.map(item) : value
  }
  return undefined
}

type NumberCheck = (value: unknown, path: string) => void

/**
 * A check of the numbers given for `integer` and `number` details, at any depth; undefined when the entry has
 * none. The serializer would write 1 for 1.5 and null for Infinity while the message said otherwise, so such a
 * number is refused where the error is made (FEC_ERR_DETAILS_INVALID). Values that are not numbers are left to
 * the serializer, which answers INTERNAL_ERROR for what it cannot write.
 */
function integerCheckOf (code: string, details: Readonly<Record<string, DetailSpec>>): ((given: unknown) => void) | undefined {
  const check = objectCheck(code, details)
  return check === undefined ? undefined : (given) => check(given, '')
}

function objectCheck (code: string, properties: Readonly<Record<string, DetailSpec>>): NumberCheck | undefined {
  const checks: Array<[string, NumberCheck]> = []
  for (const [name, spec] of Object.entries(properties)) {
    const check = specCheck(code, spec)
    if (check !== undefined) checks.push([name, check])
  }
  if (checks.length === 0) return undefined
  return (value, path) => {
    if (value === null || typeof value !== 'object') return
    for (const [name, check] of checks) {
      if (Object.hasOwn(value, name)) check((value as Record<string, unknown>)[name], path === '' ? name : `${path}.${name}`)
    }
  }
}

function specCheck (code: string, spec: DetailSpec): NumberCheck | undefined {
  switch (spec.type) {
    case 'integer':
      return (value, path) => {
        if (typeof value === 'number' && !Number.isInteger(value)) throw new FEC_ERR_DETAILS_INVALID(code, path, 'an integer', String(value))
      }
    case 'number':
      return (value, path) => {
        if (typeof value === 'number' && !Number.isFinite(value)) throw new FEC_ERR_DETAILS_INVALID(code, path, 'a finite number', String(value))
      }
    case 'object':
      return objectCheck(code, spec.properties)
    case 'array': {
      const item = specCheck(code, spec.items)
      return item === undefined ? undefined : (value, path) => { if (Array.isArray(value)) value.forEach((entry, index) => item(entry, `${path}[${index}]`)) }
    }
    default:
      return undefined
  }
}
