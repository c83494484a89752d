/** Example values, status titles and response merging: the small rules the document is built from. */
import t from 'tap'
import { exampleValue } from '../src/openapi/examples.js'
import { addCatalogErrors } from '../src/openapi/document.js'
import { mergeResponse, statusTitle } from '../src/openapi/responses.js'
import { compileCatalog } from '../src/index.js'
import type { DetailSpec } from '../src/index.js'

const VALUES: Array<[string, { given: DetailSpec, want: unknown }]> = [
  ['an example wins', { given: { type: 'string', format: 'email', example: 'a@b.kr' }, want: 'a@b.kr' }],
  ['an enum gives its first member', { given: { type: 'string', enum: ['body', 'params'] }, want: 'body' }],
  ['a format gives a value of it', { given: { type: 'string', format: 'uuid' }, want: '3f2b8c1e-7a4d-4e0b-9c61-2d5e8f9a0b1c' }],
  ['a plain string is Korean', { given: { type: 'string' }, want: '예시' }],
  ['minLength is honoured', { given: { type: 'string', minLength: 5 }, want: '예시000' }],
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
  for (const [name, { given, want }] of VALUES) t.same(exampleValue(given), want, name)
})

t.test('status titles are Korean, with a generic one for other statuses', async (t) => {
  t.equal(statusTitle(404), '404 찾을 수 없음')
  t.equal(statusTitle(418), '418 요청 오류')
  t.equal(statusTitle(599), '599 서버 오류')
})

t.test('a route response without a JSON schema keeps its description and gains the errors', async (t) => {
  const ours = { description: '404 찾을 수 없음.', content: { 'application/json': { schema: { $ref: '#/components/schemas/NOT_FOUND' } } } }
  t.same(mergeResponse({ description: '비어 있음' }, ours), { ...ours, description: '비어 있음\n\n404 찾을 수 없음.' })
  t.same(mergeResponse(undefined, ours), ours)
})

t.test('a document that is not OpenAPI 3 is refused', async (t) => {
  const catalog = compileCatalog({ version: 1, errors: {} })
  t.throws(() => addCatalogErrors({ swagger: '2.0' }, catalog), { code: 'FEC_ERR_OPENAPI', message: /not OpenAPI 3 \(got "2\.0"\)/ })
  const document = addCatalogErrors({ openapi: '3.1.0' }, catalog) as Record<string, any>
  t.ok(document.components.schemas.INTERNAL_ERROR, 'components are created when missing')
  t.equal(document.components.examples.INTERNAL_ERROR.value.code, 'INTERNAL_ERROR', 'component examples too')
  t.notOk(document.components.responses, 'no shared responses without an operation using them')
})
