import t from 'tap'
import { compileCatalog } from '../src/catalog/compile.js'
import { DEFAULT_IMPLIED_ERRORS, impliedCodes } from '../src/openapi/implied.js'
import { isRequestPart, partSchemaOf, REQUEST_PARTS } from '../src/request-parts.js'
import { LOCATION_LABELS } from '../src/validation/messages.js'

t.test('the request parts are Fastify\'s validation contexts', async (t) => {
  t.same(REQUEST_PARTS, ['body', 'querystring', 'params', 'headers'])
  for (const part of REQUEST_PARTS) t.ok(isRequestPart(part), part)
  for (const value of ['query', 'response', 'toString', '', undefined, 1, {}]) t.notOk(isRequestPart(value), String(value))
  t.same(Object.keys(LOCATION_LABELS), REQUEST_PARTS, 'each part has a Korean label')
})

t.test('the builtin VALIDATION_ERROR declares the same parts as its `location`', async (t) => {
  const location = compileCatalog({ version: 1, errors: {} }).entries.VALIDATION_ERROR.detailsSchema.properties.location
  t.same(location.enum, REQUEST_PARTS)
})

t.test('a route schema may give the query string as `query` or `querystring`', async (t) => {
  const schema = { type: 'object' }
  t.equal(partSchemaOf({ query: schema }, 'querystring'), schema)
  t.equal(partSchemaOf({ querystring: schema }, 'querystring'), schema)
  t.equal(partSchemaOf({ query: schema }, 'body'), undefined)
  t.equal(partSchemaOf(undefined, 'body'), undefined)
  t.same(impliedCodes({ method: 'GET', schema: { query: schema } }, DEFAULT_IMPLIED_ERRORS), ['INTERNAL_ERROR', 'VALIDATION_ERROR'])
  t.same(impliedCodes({ method: 'GET', schema: { response: { 200: schema } } }, DEFAULT_IMPLIED_ERRORS), ['INTERNAL_ERROR'])
})
