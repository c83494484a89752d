/**
 * Completes an OpenAPI 3 document with the catalog errors: every code some operation answers with under
 * `components.schemas` and `components.examples`, once per wire format (examples also once per locale of the
 * catalog, and each route's own validation example);
 * on each operation marked with its codes, one response per status, a reference to a response under
 * `components.responses` (one per distinct set of codes of one status) with one content entry per media type
 * (src/openapi/formats.ts). Runs on the finished document (@fastify/swagger's `transformObject`), so it owns its
 * output whatever the document version.
 *
 * Routes repeat the same codes, so each response is built once per document and referenced from every
 * operation: an operation's error response is one `$ref`, not a copy. No object is placed twice in the
 * document: YAML output would turn it into anchors and aliases, which the `yaml` package refuses to read back
 * past 100 aliases.
 */
import type { CompiledCatalog } from '../catalog/compile.js'
import { FEC_ERR_OPENAPI } from '../errors.js'
import { componentSchema, type OpenapiVersion } from './components.js'
import type { ExampleParts } from '../envelope/example.js'
import type { WireFormat } from '../envelope/format.js'
import { componentExample, exampleLocales, VALIDATION_EXAMPLE_EXTENSION, variantNamer } from './examples.js'
import { documentedFormats, documentedMediaTypes, type DocumentedMediaType } from './formats.js'
import { errorResponse, groupByStatus, mergeResponse, responseName, responseRef, type ResponseObject } from './responses.js'

/** The operation extension that carries a route's codes from `transform` to `transformObject`. */
export const CODES_EXTENSION = 'x-error-catalog-codes'

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query']

type Operation = Record<string, unknown> & { responses?: Record<string, unknown> }

/** The OpenAPI version of a document: 3.1 and later speak JSON Schema 2020-12, 3.0 its own subset. */
export function versionOf (document: Record<string, unknown>): OpenapiVersion {
  const version = String(document.openapi ?? '')
  if (!version.startsWith('3.')) {
    throw new FEC_ERR_OPENAPI(`the document is not OpenAPI 3 (got ${JSON.stringify(document.swagger ?? document.openapi)}); give @fastify/swagger an \`openapi\` option`)
  }
  return version.startsWith('3.0') ? '3.0' : '3.1'
}

/**
 * Adds the components and the error responses; the document is changed in place and returned. Only the codes
 * some operation answers with are written under `components` (the whole catalog is the error guide's job).
 * `formats` is every format an answer can be written in, the primary first (or the one format).
 */
export function addCatalogErrors<D extends Record<string, unknown>> (document: D, catalog: CompiledCatalog, formats: WireFormat | readonly WireFormat[]): D {
  const version = versionOf(document)
  const documented = documentedFormats(formats)
  const root = document as Record<string, unknown>
  const components = (root.components ??= {}) as Record<string, unknown>
  const marked: Array<{ operation: Operation, codes: string[], validation: ExampleParts | undefined }> = []
  const used = new Set<string>()
  for (const operation of operationsOf(document)) {
    const codes = operation[CODES_EXTENSION]
    const validation = operation[VALIDATION_EXAMPLE_EXTENSION] as ExampleParts | undefined
    delete operation[VALIDATION_EXAMPLE_EXTENSION]
    if (!Array.isArray(codes)) continue
    delete operation[CODES_EXTENSION]
    marked.push({ operation, codes, validation })
    for (const code of codes) used.add(code)
  }

  const schemas = (components.schemas ??= {}) as Record<string, unknown>
  const examples = (components.examples ??= {}) as Record<string, unknown>
  const locales = exampleLocales(catalog)
  const addExample = (name: string, example: unknown): void => {
    if (name in examples) throw new FEC_ERR_OPENAPI(`components.examples already has an example named ${name}; the catalog code needs that name`)
    examples[name] = example
  }
  for (const code of catalog.codes) {
    if (!used.has(code)) continue
    const entry = catalog.entries[code]
    for (const { format, suffix } of documented) {
      const name = code + suffix
      if (name in schemas) throw new FEC_ERR_OPENAPI(`components.schemas already has a schema named ${name}; the catalog code needs that name`)
      schemas[name] = componentSchema(format, entry, catalog, version)
      for (const { locale, suffix: inLocale } of locales) addExample(name + inLocale, componentExample(format, catalog, entry, undefined, locale))
    }
  }

  const responsesOf = responseBuilder(documentedMediaTypes(documented), catalog, locales.map(({ suffix }) => suffix))
  // A route's own validation example belongs to the code of the catalog's validation role.
  const validationEntry = catalog.roles.validation
  const nameVariant = variantNamer(validationEntry.code, documented.flatMap(({ suffix }) => locales.map((locale) => suffix + locale.suffix)).filter((suffix) => suffix !== ''))
  const shared = new Set<string>()
  let sharedResponses: Record<string, unknown> | undefined
  for (const { operation, codes, validation } of marked) {
    let variant: string | undefined
    if (validation !== undefined && codes.includes(validationEntry.code)) {
      const named = nameVariant(validation)
      if (named.isNew) {
        for (const { format, suffix } of documented) {
          for (const { locale, suffix: inLocale } of locales) addExample(named.name + suffix + inLocale, componentExample(format, catalog, validationEntry, validation, locale))
        }
      }
      variant = named.name
    }
    const responses = (operation.responses ??= {})
    for (const { status, name, ref, response } of responsesOf(codes, variant)) {
      const existing = responses[status] as ResponseObject | undefined
      if (existing !== undefined) {
        // The route documents this status itself: its response and ours become one, written out here.
        responses[status] = mergeResponse(existing, copyJson(response))
        continue
      }
      if (!shared.has(name)) {
        sharedResponses ??= (components.responses ??= {}) as Record<string, unknown>
        if (name in sharedResponses) throw new FEC_ERR_OPENAPI(`components.responses already has a response named ${name}; the catalog codes need that name`)
        sharedResponses[name] = response
        shared.add(name)
      }
      responses[status] = { $ref: ref }
    }
  }
  return document
}

interface BuiltResponse { status: string, name: string, ref: string, response: ResponseObject }

/**
 * A route's error responses by status, built once per distinct code list and validation example (and per set
 * of codes of a status) in one document. A response holding the validation code with a route's own example
 * is named after the example too (`VALIDATION_ERROR-or-INVALID_JSON.body.email`).
 */
function responseBuilder (mediaTypes: readonly DocumentedMediaType[], catalog: CompiledCatalog, localeSuffixes: readonly string[]): (codes: readonly string[], variant: string | undefined) => readonly BuiltResponse[] {
  const byCodes = new Map<string, BuiltResponse[]>()
  const byName = new Map<string, BuiltResponse>()
  const validationEntry = catalog.roles.validation
  return (codes, variant) => {
    const key = `${codes.join(' ')} ${variant ?? ''}`
    let built = byCodes.get(key)
    if (built === undefined) {
      built = []
      for (const [status, entries] of groupByStatus(catalog, codes)) {
        const own = variant !== undefined && entries.includes(validationEntry)
        const name = responseName(entries) + (own ? (variant as string).slice(validationEntry.code.length) : '')
        let one = byName.get(name)
        if (one === undefined) {
          const examples: Record<string, string> = own ? { [validationEntry.code]: variant as string } : {}
          one = { status: String(status), name, ref: responseRef(name), response: errorResponse(mediaTypes, status, entries, examples, localeSuffixes) }
          byName.set(name, one)
        }
        built.push(one)
      }
      byCodes.set(key, built)
    }
    return built
  }
}

/** A deep copy of plain JSON data (objects, arrays, primitives). */
function copyJson<T> (value: T): T {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map((item: unknown) => copyJson(item)) as T
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) out[key] = copyJson((value as Record<string, unknown>)[key])
  return out as T
}

function * operationsOf (document: Record<string, unknown>): Generator<Operation> {
  const paths = (document.paths ?? {}) as Record<string, Record<string, unknown>>
  for (const item of Object.values(paths)) {
    for (const method of METHODS) {
      if (typeof item[method] === 'object' && item[method] !== null) yield item[method] as Operation
    }
    const more = item.additionalOperations as Record<string, Operation> | undefined
    if (more !== undefined) yield * Object.values(more)
  }
}
