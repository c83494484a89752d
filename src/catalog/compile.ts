/**
 * Checked catalog → compiled catalog: per code, the entry, the TypeBox schemas of its details and of its
 * response body, and a factory. Pure: no Fastify, no file system (the builtin catalog is read once, on demand).
 */
import type { TObject } from '@sinclair/typebox'
import { FEC_ERR_CATALOG_INVALID, FEC_ERR_OPTIONS_INVALID } from '../errors.js'
import { envelopeSchema } from '../envelope/default.js'
import { builtinDocument, VALIDATION_CODE } from './builtin.js'
import { CatalogError, type CatalogErrorOptions } from './catalog-error.js'
import { checkCatalogDocument } from './check.js'
import { detailsSchema } from './details.js'
import type { CatalogEntrySource, CatalogFile, DetailSpec } from './format.js'
import { formatProblem, type CatalogProblem } from './problems.js'
import { objectDocument, type CatalogDocument, type SourcePosition } from './source.js'
import { compileTemplate } from './template.js'

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
  /** True for a code that comes from the builtin catalog (and was not overridden). */
  readonly builtin: boolean
  /** Where the entry was defined, when it came from a file. */
  readonly source: { file: string } & SourcePosition | undefined
  /** The schema of `details`. */
  readonly detailsSchema: TObject
  /** The schema of this code's response body (the default envelope). */
  readonly schema: TObject
  /** The factory. */
  readonly create: ErrorFactory
  /** Renders message and suggestions with the given details. */
  render (details: Readonly<Record<string, unknown>> | undefined): { message: string, suggestions: readonly string[] }
}

/** A reserved (retired) code. */
export interface ReservedCode { readonly code: string, readonly reason?: string | undefined, readonly since?: string | undefined }

const kCompiledCatalog = Symbol.for('fastify-error-catalog.CompiledCatalog')

/** A compiled catalog: what `compileCatalog` and `loadCatalog` return and the plugin serves. */
export interface CompiledCatalog<Factories = ErrorFactories> {
  readonly [kCompiledCatalog]: true
  readonly version: 1
  readonly locale: string
  /** Category id → title, in document order (user categories first, then builtin ones). */
  readonly categories: Readonly<Record<string, string>>
  /** Every code, in document order (user codes first, then builtin codes not overridden). */
  readonly codes: readonly string[]
  readonly entries: Readonly<Record<string, CompiledEntry>>
  /** The factories, by code. */
  readonly errors: Factories
  readonly reserved: readonly ReservedCode[]
  /** Catalog-wide validation message templates, by Ajv keyword. */
  readonly validation: { readonly messages: Readonly<Record<string, string>> }
  /** The files the catalog was read from. */
  readonly files: readonly string[]
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
  if (options.builtin !== false) documents.push(builtinDocument())

  const checked: Array<{ document: CatalogDocument, catalog: CatalogFile }> = []
  const problems: CatalogProblem[] = []
  for (const document of documents) {
    const result = checkCatalogDocument(document)
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
  const categories: Record<string, string> = {}
  const codes: string[] = []
  const validationMessages: Record<string, string> = {}

  // Builtin first so that user categories and settings win; user codes come first in `codes`.
  for (const { catalog } of [...layers].reverse()) Object.assign(validationMessages, catalog.validation?.messages)
  for (const { catalog } of layers) {
    for (const [id, title] of Object.entries(catalog.categories ?? {})) if (!(id in categories)) categories[id] = title
  }

  for (const { document, catalog } of layers) {
    const isBuiltin = document === builtin?.document
    for (const [code, raw] of Object.entries(catalog.errors)) {
      if (code in entries) continue
      const overridden = isBuiltin ? undefined : builtin?.catalog.errors[code]
      const merged: CatalogEntrySource = overridden === undefined ? raw : { ...overridden, ...raw }
      const { line, col } = document.locate(['errors', code], true)
      const entry = compileEntry(code, merged, isBuiltin, line > 0 ? { file: document.file, line, col } : undefined, stackTraces)
      entries[code] = entry
      factories[code] = entry.create
      codes.push(code)
    }
  }

  const reserved: ReservedCode[] = (user.catalog.reserved ?? []).map((item) => typeof item === 'string' ? { code: item } : item)
  return Object.freeze({
    [kCompiledCatalog]: true as const,
    version: 1 as const,
    locale: user.catalog.locale ?? 'ko',
    categories: Object.freeze(categories),
    codes: Object.freeze(codes),
    entries: Object.freeze(entries),
    errors: Object.freeze(factories),
    reserved: Object.freeze(reserved),
    validation: Object.freeze({ messages: Object.freeze(validationMessages) }),
    files: Object.freeze(sources.map(({ document }) => document.file)),
    get: (code: string) => entries[code]
  })
}

function compileEntry (
  code: string,
  source: CatalogEntrySource,
  builtin: boolean,
  position: CompiledEntry['source'],
  stackTraces: StackTracePolicy
): CompiledEntry {
  const status = source.status
  const retryable = source.retryable ?? false
  const retryAfter = source.retryAfter
  const message = compileTemplate(source.message)
  const suggestionTemplates = (source.suggestions ?? []).map(compileTemplate)
  const constantSuggestions = suggestionTemplates.every((template) => template.names.length === 0)
    ? Object.freeze(suggestionTemplates.map((template) => template.source))
    : undefined
  const renderSuggestions = (details: Readonly<Record<string, unknown>>): readonly string[] =>
    constantSuggestions ?? suggestionTemplates.map((template) => template.render(details))

  const captureStack = stackTraces === 'always' || (stackTraces === 'server' && status >= 500)
  const defaults = { captureStack }

  const create = function (details?: Record<string, unknown>, options?: CatalogErrorOptions): CatalogError {
    const values = details ?? EMPTY
    return new CatalogError({
      code,
      statusCode: status,
      message: message.render(values),
      retryable,
      suggestions: renderSuggestions(values),
      details: values,
      retryAfter
    }, options === undefined ? defaults : { ...options, captureStack: options.captureStack ?? captureStack })
  } as unknown as ErrorFactory
  Object.defineProperty(create, 'name', { value: code })
  Object.defineProperty(create, 'code', { value: code, enumerable: true })
  Object.defineProperty(create, 'statusCode', { value: status, enumerable: true })

  const details = Object.freeze({ ...source.details })
  const schemaOfDetails = detailsSchema(details)
  return Object.freeze({
    code,
    status,
    message: source.message,
    description: source.description,
    category: source.category,
    retryable,
    retryAfter,
    suggestions: Object.freeze([...(source.suggestions ?? [])]),
    details,
    deprecated: source.deprecated === false ? undefined : source.deprecated,
    docsUrl: source.docsUrl,
    builtin,
    source: position,
    detailsSchema: schemaOfDetails,
    schema: envelopeSchema({ code, status, docsUrl: source.docsUrl, detailsSchema: schemaOfDetails, fieldErrors: code === VALIDATION_CODE }),
    create,
    render: (values: Readonly<Record<string, unknown>> | undefined) => {
      const given = values ?? EMPTY
      return { message: message.render(given), suggestions: renderSuggestions(given) }
    }
  })
}
