/**
 * The one example builder (src/envelope/example.ts): example values, and the examples OpenAPI and the error
 * guide show, which must be the same body for every code.
 */
import t from 'tap'
import { Type } from '@sinclair/typebox'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { loadCatalogSync } from '../../src/catalog/load.js'
import { exampleBody, exampleParts, exampleValue, validationExample } from '../../src/envelope/example.js'
import { defaultFormat } from '../../src/envelope/default.js'
import { fieldErrorsByPath } from '../../src/envelope/format.js'
import { addCatalogErrors, CODES_EXTENSION } from '../../src/openapi/document.js'
import type { DetailSpec } from '../../src/index.js'

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url))
const catalog = loadCatalogSync(here('../../catalog/example.yaml'))

const VALUES: Array<[string, { given: DetailSpec, want: unknown }]> = [
  ['an example wins', { given: { type: 'string', format: 'email', example: 'a@b.kr' }, want: 'a@b.kr' }],
  ['an enum gives its first member', { given: { type: 'string', enum: ['body', 'params'] }, want: 'body' }],
  ['a format gives a value of it', { given: { type: 'string', format: 'uuid' }, want: '3f2b8c1e-7a4d-4e0b-9c61-2d5e8f9a0b1c' }],
  ['a plain string names the detail', { given: { type: 'string' }, want: '<name>' }],
  ['minLength is honoured', { given: { type: 'string', minLength: 9 }, want: '<name>000' }],
  ['an integer gives its minimum', { given: { type: 'integer', minimum: 3 }, want: 3 }],
  ['an integer without minimum gives 1', { given: { type: 'integer' }, want: 1 }],
  ['a number', { given: { type: 'number' }, want: 1.5 }],
  ['a boolean', { given: { type: 'boolean' }, want: false }],
  ['an array holds one item', { given: { type: 'array', items: { type: 'integer', example: 7 } }, want: [7] }],
  ['an object skips optional members without example', {
    given: { type: 'object', properties: { a: { type: 'boolean' }, b: { type: 'string', optional: true }, c: { type: 'string', optional: true, example: 'x' } } },
    want: { a: false, c: 'x' }
  }]
]

t.test('example values follow the detail spec', async (t) => {
  for (const [name, { given, want }] of VALUES) t.same(exampleValue('name', given), want, name)
})

/** The guide's example body of each code, read back from the committed docs/errors.md. */
function guideExamples (): Map<string, unknown> {
  const guide = readFileSync(here('../../docs/errors.md'), 'utf8')
  const found = new Map<string, unknown>()
  for (const match of guide.matchAll(/^### (\w+)[^\n]*\n[\s\S]*?```http\n[^\n]*\n(?:[^\n]+\n)*\n(\{[\s\S]*?\n\})\n```/gm)) found.set(match[1], JSON.parse(match[2]))
  return found
}

t.test('for every code of the sample catalog, the OpenAPI example and the guide example are the same body', async (t) => {
  const document = addCatalogErrors({ openapi: '3.1.0', paths: { '/all': { get: { [CODES_EXTENSION]: [...catalog.codes] } } } }, catalog, defaultFormat) as Record<string, any>
  const guide = guideExamples()
  t.equal(guide.size, catalog.codes.length, 'the guide has one example per code')
  for (const code of catalog.codes) {
    t.same(document.components.examples[code].value, guide.get(code), code)
  }
  t.same(guide.get('VALIDATION_ERROR'), exampleBody(defaultFormat, exampleParts(catalog, catalog.entries.VALIDATION_ERROR)))
})

t.test("a route's validation example names one of its own fields, with the message the server renders", async (t) => {
  const cases: Array<[string, { schema: unknown, want: unknown }]> = [
    ['a required body field', {
      schema: { body: Type.Object({ title: Type.String({ title: '세션 이름' }), capacity: Type.Integer({ title: '정원' }) }) },
      want: { details: { location: 'body' }, fieldErrors: { title: ['세션 이름은 필수 항목입니다.'] } }
    }],
    ['the body before the querystring', {
      schema: { querystring: Type.Object({ page: Type.Integer() }), body: Type.Object({ memo: Type.Optional(Type.String({ title: '메모' })) }) },
      want: { details: { location: 'body' }, fieldErrors: { memo: ['메모는 문자열이어야 합니다.'] } }
    }],
    ['a querystring number (query is an alias)', {
      schema: { query: Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, title: '페이지' })) }) },
      want: { details: { location: 'querystring' }, fieldErrors: { page: ['페이지는 정수여야 합니다.'] } }
    }],
    ['a required header', {
      schema: { headers: Type.Object({ 'x-device-id': Type.String({ title: '기기 ID' }) }), params: Type.Object({ code: Type.String() }) },
      want: { details: { location: 'headers' }, fieldErrors: { 'x-device-id': ['기기 ID는 필수 항목입니다.'] } }
    }],
    ['a path parameter is never missing: its pattern fails', {
      schema: { params: Type.Object({ sessionCode: Type.String({ pattern: '^[A-Z0-9]{6}$', title: '세션 코드' }) }) },
      want: { details: { location: 'params' }, fieldErrors: { sessionCode: ['세션 코드의 형식이 올바르지 않습니다.'] } }
    }],
    ['a schema by reference has no fields to name', { schema: { body: { $ref: 'Session#' } }, want: undefined }],
    ['no request schema', { schema: { response: {} }, want: undefined }]
  ]
  for (const [name, { schema, want }] of cases) {
    const example = validationExample(catalog, schema)
    t.same(example === undefined ? undefined : { details: example.details, fieldErrors: fieldErrorsByPath(example.fieldErrors) }, want, name)
  }
})
