import t from 'tap'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Fastify from 'fastify'
import { loadCatalogSync } from '../../src/catalog/load.js'
import { compileCatalog } from '../../src/catalog/compile.js'
import { anchorOf } from '../../src/text/anchors.js'
import { renderErrorGuide } from '../../src/docs/error-guide.js'
import { exampleBody, exampleParts, exampleDetails } from '../../src/envelope/example.js'
import { defaultFormat } from '../../src/envelope/default.js'
import { errorCatalog } from '../../src/index.js'

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url))
const catalog = loadCatalogSync(here('../../catalog/example.yaml'))
const guide = readFileSync(here('../../docs/errors.md'), 'utf8')

t.test('docs/errors.md is the guide of the sample catalog', async (t) => {
  t.equal(renderErrorGuide(catalog, { source: 'catalog/example.yaml' }), guide)
})

t.test('sections follow the categories in catalog order, each with the table of its codes', async (t) => {
  const headings = [...guide.matchAll(/^## (.+)$/gm)].map((match) => match[1])
  t.same(headings, ['오류 응답 형식', '목차', ...Object.values(catalog.categories)])
  t.match(guide, '| 코드 | HTTP 상태 | 메시지 | 설명 | 재시도 | 처리 방법 |')
  t.match(guide, '| [`QUIZ_SUBMIT_TOO_FAST`](#quiz-submit-too-fast) | 429 | 답안을 너무 자주 제출했습니다. {waitSeconds}초 뒤에 다시 제출할 수 있습니다. | 같은 퀴즈에 짧은 간격으로 답안을 여러 번 제출한 경우 | 예 (10초 뒤) | 제출 버튼을 한 번만 누르고 응답을 기다리세요. |')
})

t.test('every code has one stable anchor, usable as docsUrl', async (t) => {
  for (const code of catalog.codes) {
    const anchor = `<a id="${anchorOf(code)}"></a>`
    t.equal(guide.split(anchor).length, 2, `${code} has exactly one anchor`)
  }
  t.equal(anchorOf('SESSION_NOT_FOUND'), 'session-not-found')
})

t.test('deprecated codes are marked in the table and in their section', async (t) => {
  t.match(guide, '| [~~`LECTURE_CLOSED`~~](#lecture-closed) (사용 중단) |')
  t.match(guide, '### LECTURE_CLOSED (사용 중단)\n\n> **사용 중단**: 대신 ENROLLMENT_CLOSED를 사용하세요.')
  const plain = compileCatalog({ version: 1, errors: { OLD_ONE: { status: 400, message: '낡았습니다.', deprecated: true } } }, { builtin: false })
  t.match(renderErrorGuide(plain, { source: 'x.yaml', title: '제목' }), '> **사용 중단**: 이 코드는 더 이상 쓰지 않습니다.')
})

t.test('the example response is byte for byte what the server sends', async (t) => {
  const app = Fastify()
  await app.register(errorCatalog, { catalog: here('../../catalog/example.yaml') })
  for (const code of ['SESSION_NOT_FOUND', 'QUIZ_SUBMIT_TOO_FAST', 'INSTRUCTOR_ONLY', 'SESSION_ENDED']) {
    const entry = catalog.entries[code]
    app.get(`/${code}`, async () => { throw app.errors[code](exampleDetails(entry.details)) })
  }
  await app.ready()
  t.teardown(() => app.close())
  for (const code of ['SESSION_NOT_FOUND', 'QUIZ_SUBMIT_TOO_FAST', 'INSTRUCTOR_ONLY', 'SESSION_ENDED']) {
    const response = await app.inject(`/${code}`)
    const example = JSON.stringify(exampleBody(defaultFormat, exampleParts(catalog, catalog.entries[code])), null, 2)
    // Fastify numbers requests req-1, req-2, …; the guide shows the first.
    t.equal(JSON.stringify(JSON.parse(example)), response.body.replace(/"requestId":"req-\d+"/, '"requestId":"req-1"'), code)
    t.match(guide, example, `${code}: the guide shows it`)
    if (response.headers['retry-after'] !== undefined) t.match(guide, `Retry-After: ${response.headers['retry-after']}`)
  }
})

t.test('codes without a category go last, under 기타; catalog text cannot inject HTML or break tables', async (t) => {
  const odd = compileCatalog({
    version: 1,
    categories: { a: '첫째' },
    errors: {
      LOOSE: { status: 400, message: '<b>굵게</b> | 표를 깨는 글자입니다.', details: { k: { type: 'string', enum: ['x', 'y'] }, l: { type: 'array', items: { type: 'number' }, optional: true }, m: { type: 'object', properties: {} }, f: { type: 'string', format: 'uuid' }, b: { type: 'boolean' }, i: { type: 'integer' } } },
      FIRST: { status: 503, message: '첫째입니다.', category: 'a', retryable: true }
    }
  }, { builtin: false })
  const text = renderErrorGuide(odd, { source: 'odd.yaml' })
  t.ok(text.indexOf('## 첫째') < text.indexOf('## 기타'))
  t.match(text, '&lt;b>굵게&lt;/b> \\| 표를 깨는 글자입니다.')
  t.match(text, '| `k` | `x` \\| `y` | 예 |  |')
  t.match(text, '| `l` | 숫자 목록 | 아니요 |  |')
  t.match(text, '| [`FIRST`](#first) | 503 | 첫째입니다. |  | 예 |  |')
})

t.test("the team's own codes come before the builtin ones, uncategorized ones (기타) included", async (t) => {
  const mine = compileCatalog({
    version: 1,
    categories: { billing: '결제' },
    errors: {
      LOOSE_ONE: { status: 400, message: '분류 없는 팀 코드입니다.' },
      CARD_DECLINED: { status: 402, message: '카드 결제가 거절되었습니다.', category: 'billing' }
    }
  })
  const text = renderErrorGuide(mine, { source: 'mine.yaml' })
  const headings = [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1]).slice(2)
  t.same(headings, ['결제', '기타', '공통 요청 오류', '공통 서버 오류'])
  t.match(text, /- \[결제\]\(#category-billing\) \(1개\)\n- \[기타\]\(#category-other\) \(1개\)\n- \[공통 요청 오류\]/, 'the table of contents in the same order')
})
