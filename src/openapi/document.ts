/**
 * Completes an OpenAPI 3 document with the catalog errors: every code under `components.schemas`, and on
 * each operation marked with its codes, one response per status. Runs on the finished document
 * (@fastify/swagger's `transformObject`), so it owns its output whatever the document version.
 */
import type { CompiledCatalog } from '../catalog/compile.js'
import { FEC_ERR_OPENAPI } from '../errors.js'
import { componentSchema, type OpenapiVersion } from './components.js'
import { errorResponse, groupByStatus, mergeResponse, type ResponseObject } from './responses.js'

/** The operation extension that carries a route's codes from `transform` to `transformObject`. */
export const CODES_EXTENSION = 'x-error-catalog-codes'

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query']

type Operation = Record<string, unknown> & { responses?: Record<string, ResponseObject> }

/** The OpenAPI version of a document: 3.1 and later speak JSON Schema 2020-12, 3.0 its own subset. */
export function versionOf (document: Record<string, unknown>): OpenapiVersion {
  const version = String(document.openapi ?? '')
  if (!version.startsWith('3.')) {
    throw new FEC_ERR_OPENAPI(`the document is not OpenAPI 3 (got ${JSON.stringify(document.swagger ?? document.openapi)}); give @fastify/swagger an \`openapi\` option`)
  }
  return version.startsWith('3.0') ? '3.0' : '3.1'
}

/** Adds the components and the error responses; the document is changed in place and returned. */
export function addCatalogErrors<D extends Record<string, unknown>> (document: D, catalog: CompiledCatalog): D {
  const version = versionOf(document)
  const root = document as Record<string, unknown>
  const components = (root.components ??= {}) as Record<string, unknown>
  const schemas = (components.schemas ??= {}) as Record<string, unknown>
  for (const code of catalog.codes) {
    if (code in schemas) throw new FEC_ERR_OPENAPI(`components.schemas already has a schema named ${code}; the catalog code needs that name`)
    schemas[code] = componentSchema(catalog.entries[code], catalog, version)
  }
  for (const operation of operationsOf(document)) {
    const codes = operation[CODES_EXTENSION]
    if (!Array.isArray(codes)) continue
    delete operation[CODES_EXTENSION]
    const responses = (operation.responses ??= {})
    for (const [status, entries] of groupByStatus(catalog, codes as string[])) {
      responses[status] = mergeResponse(responses[status], errorResponse(status, entries))
    }
  }
  return document
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
