/**
 * The rendered-message cache of the validation formatter: a cached answer is the answer, errors that share
 * a schema location but differ in path, name or params never share a message, and client-given names
 * beyond the cache's bounds are still answered right.
 */
import t from 'tap'
import { compileCatalog } from '../../src/catalog/compile.js'
import { createValidationFormatter } from '../../src/validation/field-errors.js'
import { grouped } from '../helpers/field-errors.js'
import { ajvOptions } from '../../src/index.js'
import { buildApp } from '../helpers/app.js'

const format = grouped(createValidationFormatter(compileCatalog({ version: 1, errors: {} })))

t.test('the same failure, asked again, answers the same', async (t) => {
  const body = {
    type: 'object',
    required: ['email'],
    properties: { email: { type: 'string', format: 'email', title: '이메일' }, age: { type: 'integer', minimum: 0, title: '나이' } }
  }
  const app = await buildApp({}, (app) => { app.post('/x', { schema: { body } }, async () => ({})) }, { ajv: ajvOptions() })
  t.teardown(() => app.close())
  const want = { email: ['이메일은 올바른 이메일 주소여야 합니다.'], age: ['나이는 0 이상이어야 합니다.'] }
  for (let i = 0; i < 3; i++) {
    const res = await app.inject({ method: 'POST', url: '/x', payload: { email: 'nope', age: -1 } })
    t.same(res.json().fieldErrors, want, `request ${i + 1}`)
  }
  const missing = await app.inject({ method: 'POST', url: '/x', payload: { age: 1.5 } })
  t.same(missing.json().fieldErrors, { email: ['이메일은 필수 항목입니다.'], age: ['나이는 정수여야 합니다.'] })
})

t.test('one schema location, many client-given names and indexes: each its own label and particle', async (t) => {
  const body = {
    type: 'object',
    properties: { scores: { type: 'object', additionalProperties: { type: 'integer' } }, tags: { type: 'array', items: { type: 'string', maxLength: 3 } } }
  }
  const app = await buildApp({}, (app) => { app.post('/x', { schema: { body } }, async () => ({})) })
  t.teardown(() => app.close())
  const cases: Array<[unknown, Record<string, string[]>]> = [
    [{ scores: { item: 'x' } }, { 'scores.item': ['item은 정수여야 합니다.'] }],
    [{ scores: { name: 'x' } }, { 'scores.name': ['name은 정수여야 합니다.'] }],
    [{ scores: { zip: 'x' } }, { 'scores.zip': ['zip은 정수여야 합니다.'] }],
    [{ scores: { user: 'x' } }, { 'scores.user': ['user는 정수여야 합니다.'] }],
    [{ scores: { item: 'x' } }, { 'scores.item': ['item은 정수여야 합니다.'] }],
    [{ tags: ['long tag'] }, { 'tags[0]': ['tags의 1번째 항목은 3자 이하여야 합니다.'] }],
    [{ tags: ['ok', 'long tag'] }, { 'tags[1]': ['tags의 2번째 항목은 3자 이하여야 합니다.'] }]
  ]
  for (const [payload, want] of cases) {
    const res = await app.inject({ method: 'POST', url: '/x', payload: payload as object })
    t.same(res.json().fieldErrors, want, JSON.stringify(payload))
  }
})

t.test('params decide too: the same path and keyword with another limit reads another message', async (t) => {
  const schema = { type: 'object', properties: { n: { type: 'integer' } } }
  const error = (limit: unknown): unknown => ({ keyword: 'minimum', instancePath: '/n', schemaPath: '#/properties/n/minimum', params: { comparison: '>=', limit } })
  const source = { schema }
  t.same(format([error(1)], 'body', source).fieldErrors, { n: ['n은 1 이상이어야 합니다.'] })
  t.same(format([error(10)], 'body', source).fieldErrors, { n: ['n은 10 이상이어야 합니다.'] })
  t.same(format([error('10')], 'body', source).fieldErrors, { n: ['n은 10 이상이어야 합니다.'] }, 'a string limit')
  t.same(format([error(1)], 'body', source).fieldErrors, { n: ['n은 1 이상이어야 합니다.'] })
  t.same(format([error(1)], 'querystring', source).fieldErrors, { n: ['n은 1 이상이어야 합니다.'] })
  const values = ['a', 'b']
  const other = ['c', 'd']
  const enumError = (allowedValues: unknown): unknown => ({ keyword: 'enum', instancePath: '/n', schemaPath: '#/properties/n/enum', params: { allowedValues } })
  t.same(format([enumError(values)], 'body', source).fieldErrors, { n: ['n은 다음 중 하나여야 합니다: a, b.'] })
  t.same(format([enumError(other)], 'body', source).fieldErrors, { n: ['n은 다음 중 하나여야 합니다: c, d.'] }, 'another list, by identity')
})

t.test('past the cache\'s bounds, and for long client-given names, answers stay right', async (t) => {
  const schema = { type: 'object', additionalProperties: { type: 'integer' } }
  const source = { schema }
  const error = (name: string): unknown => ({ keyword: 'type', instancePath: `/${name}`, schemaPath: '#/additionalProperties/type', params: { type: 'integer' } })
  for (let i = 0; i < 5000; i++) {
    const name = `field${i}`
    const got = format([error(name)], 'body', source).fieldErrors
    if (got[name]?.[0] !== `${name}${/[0136]$/.test(name) ? '은' : /[78]$/.test(name) ? '은' : '는'} 정수여야 합니다.`) {
      t.fail(`${name}: ${JSON.stringify(got)}`)
      return
    }
  }
  t.same(format([error('field0')], 'body', source).fieldErrors, { field0: ['field0은 정수여야 합니다.'] }, 'the first one again')
  const long = `${'a'.repeat(300)}_id`
  t.same(Object.values(format([error(long)], 'body', source).fieldErrors), [[`${'a'.repeat(60)}…${'a'.repeat(36)}_id는 정수여야 합니다.`]])
  t.same(Object.values(format([error(long)], 'body', source).fieldErrors), [[`${'a'.repeat(60)}…${'a'.repeat(36)}_id는 정수여야 합니다.`]], 'twice')
})
