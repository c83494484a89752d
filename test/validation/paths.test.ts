/** fieldErrors keys, and what the formatter does with lists that are not what Ajv usually gives. */
import t from 'tap'
import * as ajvI18nKo from 'ajv-i18n/localize/ko/index.js'
import { compileCatalog } from '../../src/catalog/compile.js'
import { createValidationFormatter, ROOT_FIELD } from '../../src/validation/field-errors.js'
import { grouped } from '../helpers/field-errors.js'
import { clip, joinPath, MAX_SEGMENT_LENGTH } from '../../src/validation/paths.js'
import { buildApp } from '../helpers/app.js'
import { ajvOptions } from '../../src/index.js'

// ajv-i18n is CommonJS (`module.exports = localize`) while its types declare a default export.
const localizeKo = ajvI18nKo.default as unknown as (errors: unknown[]) => void

const format = grouped(createValidationFormatter(compileCatalog({ version: 1, errors: {} })))

t.test('paths read like code: dots for properties, brackets for indexes and for names that need quoting', async (t) => {
  const cases: Array<[string[], string]> = [
    [[], ROOT_FIELD],
    [['email'], 'email'],
    [['address', 'zip'], 'address.zip'],
    [['items', '1', 'qty'], 'items[1].qty'],
    [['matrix', '0', '2'], 'matrix[0][2]'],
    [['이메일'], '이메일'],
    [['x-api-key'], 'x-api-key'],
    [['a.b'], '["a.b"]'],
    [['meta', '$root'], 'meta["$root"]'],
    [['with space'], '["with space"]'],
    [['01'], '01'],
    [[''], '[""]']
  ]
  for (const [segments, want] of cases) t.equal(joinPath(segments), want, JSON.stringify(segments))
})

t.test('a long client-given name is clipped, keeping both ends', async (t) => {
  const name = `${'a'.repeat(500)}_tail_7`
  const clipped = clip(name)
  t.equal(clipped.length, MAX_SEGMENT_LENGTH)
  t.ok(clipped.endsWith('_tail_7'))
  t.ok(clipped.includes('…'))
})

t.test('JSON-pointer escapes in instancePath are undone', async (t) => {
  const { fieldErrors } = format([{ keyword: 'type', instancePath: '/a~1b/c~0d', schemaPath: '#/type', params: { type: 'string' } }], 'body')
  t.same(fieldErrors, { 'a/b.c~d': ['c~d는 문자열이어야 합니다.'] }, '/ and ~ are not path syntax here, so they stay as they are')
})

t.test('without a schema (a custom validator compiler) messages use property names; junk in the list is skipped', async (t) => {
  const { fieldErrors, truncated } = format([
    null,
    'not an error',
    { message: 'no keyword' },
    { keyword: 'required', params: { missingProperty: 'email' } },
    { keyword: 'minimum', instancePath: '/age', params: { limit: 0 } },
    { keyword: 'anyOf', instancePath: '/status', schemaPath: '#/properties/status/anyOf/0/const', params: { allowedValue: 'A' } },
    { keyword: 'anyOf', instancePath: '/status', schemaPath: '#/properties/status/anyOf', params: {} },
    { keyword: 'type', instancePath: '', schemaPath: '#/type', params: { type: 'object' } }
  ], 'querystring')
  t.same(fieldErrors, {
    email: ['email은 필수 항목입니다.'],
    age: ['age는 0 이상이어야 합니다.'],
    status: ['status는 허용된 형식 중 하나 이상에 맞아야 합니다.'],
    [ROOT_FIELD]: ['쿼리 문자열은 객체여야 합니다.']
  })
  t.equal(truncated, false)
})

t.test('a schema that cannot be walked (odd shapes, a failing resolver) never throws', async (t) => {
  const schema = { type: 'object', properties: { a: { $ref: 'missing#/x' }, list: { items: [true] } }, required: ['a'] }
  const { fieldErrors } = format([
    { keyword: 'required', instancePath: '', schemaPath: '#/required', params: { missingProperty: 'a' } },
    { keyword: 'type', instancePath: '/list/0', schemaPath: '#/properties/list/items/0/type', params: { type: 'string' } },
    { keyword: 'type', instancePath: '/b', schemaPath: 'other#/properties/b/type', params: { type: 'string' } },
    { keyword: 'type', instancePath: '/c', schemaPath: '#/properties/%ZZ/type', params: { type: 'string' } }
  ], 'body', { schema, resolve: () => { throw new Error('no such schema') } })
  t.same(fieldErrors, {
    a: ['a는 필수 항목입니다.'],
    'list[0]': ['list의 1번째 항목은 문자열이어야 합니다.'],
    b: ['b는 문자열이어야 합니다.'],
    c: ['c는 문자열이어야 합니다.']
  })
})

t.test('clearly better than ajv-i18n ko: every message names its field, and no 이여야 after a Latin word', async (t) => {
  let captured: unknown[] = []
  const app = await buildApp({}, (app) => {
    app.addHook('onError', async (_request, _reply, error) => { captured = (error as { validation?: unknown[] }).validation ?? [] })
    app.post('/items', {
      schema: {
        body: {
          type: 'object',
          required: ['name'],
          properties: { qty: { type: 'integer', title: '수량' }, code: { type: 'string', minLength: 4, title: '코드' }, memo: { type: 'string', maxLength: 2 } }
        }
      }
    }, async () => ({ ok: true }))
  }, { ajv: ajvOptions() })
  const res = await app.inject({ method: 'POST', url: '/items', payload: { qty: 1.5, code: 'ab', memo: 'long' } })
  const ours = Object.values(res.json().fieldErrors as Record<string, string[]>).flat()
  t.same(ours, ['name은 필수 항목입니다.', '수량은 정수여야 합니다.', '코드는 4자 이상이어야 합니다.', 'memo는 2자 이하여야 합니다.'])

  const theirs = structuredClone(captured) as Array<{ message?: string }>
  localizeKo(theirs)
  const messages = theirs.map((error) => error.message ?? '')
  t.ok(messages.some((message) => message.includes('integer이여야')), `ajv-i18n writes ${JSON.stringify(messages)}`)
  t.ok(messages.filter((message) => /수량|코드|memo/.test(message)).length === 0, 'and names no field but the required one')
})
