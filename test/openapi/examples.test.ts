/** Status titles, response merging and the document's components: the small rules the document is built from. */
import t from 'tap'
import { addCatalogErrors, CODES_EXTENSION } from '../../src/openapi/document.js'
import { mergeResponse } from '../../src/openapi/responses.js'
import { statusTitle } from '../../src/envelope/status-titles.js'
import { compileCatalog } from '../../src/index.js'
import { defaultFormat } from '../../src/envelope/default.js'

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
  t.throws(() => addCatalogErrors({ swagger: '2.0' }, catalog, defaultFormat), { code: 'FEC_ERR_OPENAPI', message: /not OpenAPI 3 \(got "2\.0"\)/ })
  const empty = addCatalogErrors({ openapi: '3.1.0' }, catalog, defaultFormat) as Record<string, any>
  t.same(empty.components, { schemas: {}, examples: {} }, 'no operation answers with a code: no code is listed')
  const document = addCatalogErrors({ openapi: '3.1.0', paths: { '/a': { get: { [CODES_EXTENSION]: ['INTERNAL_ERROR'] } } } }, catalog, defaultFormat) as Record<string, any>
  t.same(Object.keys(document.components.schemas), ['INTERNAL_ERROR'], 'components are created when missing, with the used codes only')
  t.equal(document.components.examples.INTERNAL_ERROR.value.code, 'INTERNAL_ERROR', 'component examples too')
  t.same(Object.keys(document.components.responses), ['INTERNAL_ERROR'])
})
