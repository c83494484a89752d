import t from 'tap'
import { defaultFormat } from '../../src/envelope/default.js'
import { bodySchemaOf } from '../../src/envelope/format.js'
import { readFileSync } from 'node:fs'
import { FormatRegistry } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { compileCatalog, isCompiledCatalog, loadCatalog, loadCatalogSync, REQUIRED_CODES } from '../../src/index.js'
import { parseCatalogText } from '../../src/tooling.js'
import { catalogFile } from '../helpers/app.js'

t.test('the builtin catalog is merged under the user catalog, user codes first', async (t) => {
  const catalog = compileCatalog({ version: 1, errors: { LECTURE_NOT_FOUND: { status: 404, message: '강의를 찾을 수 없습니다.' } } })
  t.ok(isCompiledCatalog(catalog))
  t.equal(catalog.codes[0], 'LECTURE_NOT_FOUND')
  for (const code of REQUIRED_CODES) t.ok(catalog.get(code)?.builtin, `${code} comes from the builtin catalog`)
  t.notOk(catalog.get('LECTURE_NOT_FOUND')?.builtin)
  t.equal(catalog.locale, 'ko')
  t.same(Object.keys(catalog.categories), ['common-request', 'common-server'])
})

t.test('a user entry with a builtin code overrides the fields it sets and keeps the rest', async (t) => {
  const catalog = compileCatalog({
    version: 1,
    categories: { input: '입력 오류' },
    errors: { VALIDATION_ERROR: { status: 422, message: '입력한 내용을 다시 확인해 주십시오.', category: 'input' } }
  })
  const entry = catalog.get('VALIDATION_ERROR')
  t.equal(entry?.status, 422)
  t.equal(entry?.message, '입력한 내용을 다시 확인해 주십시오.')
  t.equal(entry?.category, 'input')
  t.same(entry?.suggestions, ['fieldErrors에 표시된 항목을 고친 뒤 다시 요청하세요.'], 'suggestions kept from builtin')
  t.same(Object.keys(entry?.details ?? {}), ['location', 'truncated'], 'details kept from builtin')
  t.equal(entry?.builtin, false)
  t.equal(catalog.codes.filter((code) => code === 'VALIDATION_ERROR').length, 1)
})

t.test('builtin: false compiles the user catalog alone', async (t) => {
  const catalog = compileCatalog({ version: 1, errors: { ONLY_ONE: { status: 400, message: '하나뿐입니다.' } } }, { builtin: false })
  t.same(catalog.codes, ['ONLY_ONE'])
})

// TypeBox checks only the formats registered with it.
FormatRegistry.Set('date-time', (value) => !Number.isNaN(Date.parse(value)))

t.test("each entry has a TypeBox schema of its body in the default format that the factory's output satisfies", async (t) => {
  const catalog = await loadCatalog(catalogFile('example.yaml'))
  for (const code of catalog.codes) {
    const entry = catalog.entries[code]
    const details = Object.fromEntries(Object.entries(entry.details).map(([name, spec]) => [name, sample(spec)]))
    const error = entry.create(details)
    const body = { code, status: entry.status, message: error.message, retryable: error.retryable, suggestions: error.suggestions, ...(Object.keys(details).length > 0 ? { details } : {}), requestId: 'req-1' }
    const schema = bodySchemaOf(defaultFormat, entry)
    t.ok(Value.Check(schema, body), `${code}: body matches its schema`)
    t.notOk(Value.Check(schema, { ...body, code: 'OTHER' }), `${code}: another code does not`)
  }
})

t.test('the details schema is closed, typed, and optional details are optional', async (t) => {
  const catalog = await loadCatalog(catalogFile('example.yaml'))
  const schema = catalog.entries.SESSION_ENDED.detailsSchema
  t.same(schema.required, ['sessionCode'])
  t.equal(schema.additionalProperties, false)
  t.same(JSON.parse(JSON.stringify(schema.properties.endedAt)), { type: 'string', format: 'date-time', description: '세션이 종료된 시각' })
  const methods = catalog.entries.METHOD_NOT_ALLOWED.detailsSchema.properties.allowed
  t.same(JSON.parse(JSON.stringify(methods)), { type: 'array', items: { type: 'string' }, description: '이 경로에서 허용되는 메서드' })
  const validation = catalog.entries.VALIDATION_ERROR.detailsSchema.properties.location
  t.same(validation.enum, ['body', 'querystring', 'params', 'headers'])
})

t.test('catalogs load from YAML and JSON alike, synchronously too', async (t) => {
  const yaml = loadCatalogSync(catalogFile('example.yaml'))
  t.ok(yaml.get('SESSION_NOT_FOUND'))
  const json = compileCatalog(parseCatalogText(JSON.stringify({ version: 1, errors: { A_B: { status: 409, message: '충돌했습니다.' } } }), 'inline.json'))
  t.equal(json.get('A_B')?.status, 409)
  t.same(json.get('A_B')?.source, { file: 'inline.json', line: 1, col: 24 })
  const line = readFileSync(catalogFile('example.yaml'), 'utf8').split('\n').findIndex((text) => text.startsWith('  SESSION_NOT_FOUND:')) + 1
  t.same(yaml.get('SESSION_NOT_FOUND')?.source, { file: catalogFile('example.yaml'), line, col: 3 }, 'the position of its key in the file')
})

t.test('a compiled catalog is frozen', async (t) => {
  const catalog = compileCatalog({ version: 1, errors: {} })
  t.ok(Object.isFrozen(catalog))
  t.ok(Object.isFrozen(catalog.entries))
  t.ok(Object.isFrozen(catalog.errors))
  t.ok(Object.isFrozen(catalog.get('NOT_FOUND')))
})

function sample (spec: { type: string, enum?: string[], items?: unknown, properties?: Record<string, unknown> }): unknown {
  switch (spec.type) {
    case 'string': return spec.enum?.[0] ?? '2026-11-22T10:00:00+09:00'
    case 'integer': case 'number': return 3
    case 'boolean': return true
    case 'array': return [sample(spec.items as typeof spec)]
    default: return Object.fromEntries(Object.entries(spec.properties ?? {}).map(([k, v]) => [k, sample(v as typeof spec)]))
  }
}
