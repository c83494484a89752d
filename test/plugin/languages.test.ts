/**
 * The language of each answer (issue 12): Accept-Language over the catalog's locales, the `locale(request)` option,
 * Content-Language and Vary, thrown factory errors answered in the request's language, validation messages in
 * English for every keyword, and a Korean-only catalog answering exactly as before.
 */
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { ajvOptions } from '../../src/index.js'
import { VALIDATION_MESSAGES } from '../../src/validation/messages.js'
import { VALIDATION_MESSAGES_EN } from '../../src/validation/messages-en.js'
import { Ajv } from 'ajv'
import { bodySchemaOf } from '../../src/envelope/format.js'
import { problemFormat } from '../../src/envelope/problem.js'
import { buildApp } from '../helpers/app.js'

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/

const SESSION = {
  ko: { message: '세션을 찾을 수 없습니다. (세션 코드 A1)', suggestions: ['세션 코드를 확인한 뒤 다시 시도하세요.'] },
  en: { message: 'Session A1 was not found.', suggestions: ['Check the session code and try again.'] }
}
const NOT_FOUND = {
  ko: { message: '요청한 리소스를 찾을 수 없습니다.', suggestions: ['요청 주소를 확인하세요.'] },
  en: { message: 'The requested resource was not found.', suggestions: ['Check the request URL.'] }
}
const VALIDATION = {
  ko: { message: '입력값이 올바르지 않습니다.', suggestions: ['fieldErrors에 표시된 항목을 고친 뒤 다시 요청하세요.'], email: 'email은 올바른 이메일 주소여야 합니다.' },
  en: { message: 'The input is not valid.', suggestions: ['Fix the fields listed in fieldErrors and send the request again.'], email: 'email must be a valid email address.' }
}

// [Accept-Language, the language of the answer]
const HEADERS: Array<[string | undefined, 'ko' | 'en']> = [
  ['ko', 'ko'],
  ['en', 'en'],
  ['en-US;q=0.9,ko;q=0.8', 'en'],
  ['fr', 'ko'],
  ['*', 'ko'],
  [undefined, 'ko'],
  ['zz-ZZ;q=abc,,;;'.repeat(300).slice(0, 4096), 'ko']
]

async function sampleApp (options: Parameters<typeof buildApp>[0] = {}): Promise<FastifyInstance & { thrownMessages: string[] }> {
  const thrownMessages: string[] = []
  const app = await buildApp(options, (app) => {
    app.get('/sessions/:code', async (request) => {
      const error = app.errors.SESSION_NOT_FOUND({ sessionCode: (request.params as { code: string }).code })
      thrownMessages.push(error.message)
      throw error
    })
    app.post('/signup', { schema: { body: { type: 'object', properties: { email: { type: 'string', format: 'email' } } } } }, async () => ({ ok: true }))
  })
  return Object.assign(app, { thrownMessages })
}

t.test('sample catalog: each Accept-Language gets its language in message, suggestions and headers', async (t) => {
  const app = await sampleApp()
  t.teardown(() => app.close())
  t.equal(HEADERS[HEADERS.length - 1][0]?.length, 4096, 'the junk header is 4 KB')
  for (const [header, want] of HEADERS) {
    const headers = header === undefined ? {} : { 'accept-language': header }
    const name = String(header).slice(0, 30)
    const thrown = await app.inject({ url: '/sessions/A1', headers })
    const missing = await app.inject({ url: '/nope', headers })
    const invalid = await app.inject({ method: 'POST', url: '/signup', headers, payload: { email: 'x' } })
    for (const [response, expected, what] of [[thrown, SESSION[want], 'thrown factory error'], [missing, NOT_FOUND[want], 'not found'], [invalid, VALIDATION[want], 'validation']] as const) {
      const body = response.json()
      t.equal(body.message, expected.message, `${name}: ${what} message`)
      t.same(body.suggestions, expected.suggestions, `${name}: ${what} suggestions`)
      t.equal(response.headers['content-language'], want, `${name}: ${what} Content-Language`)
      t.match(response.headers.vary, /\bAccept-Language\b/, `${name}: ${what} Vary`)
    }
    t.same(invalid.json().fieldErrors, { email: [VALIDATION[want].email] }, `${name}: fieldErrors`)
  }
  t.ok(app.thrownMessages.every((message) => message === SESSION.ko.message), 'every factory error was rendered in Korean when made')
})

t.test('a real listen on 127.0.0.1 answers in English with the headers', async (t) => {
  const app = await sampleApp()
  t.teardown(() => app.close())
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  const response = await fetch(`${address}/sessions/A1`, { headers: { 'accept-language': 'en-US,en;q=0.9' } })
  t.equal(response.status, 404)
  t.equal(response.headers.get('content-language'), 'en')
  t.match(response.headers.get('vary'), /\bAccept-Language\b/)
  const body = await response.json() as { message: string, suggestions: string[] }
  t.same([body.message, body.suggestions], [SESSION.en.message, SESSION.en.suggestions])
})

t.test('the locale(request) option wins, and falls back to Accept-Language on an unknown locale or a throwing function', async (t) => {
  const app = await sampleApp({
    locale: (request) => {
      const chosen = request.headers['x-user-locale']
      if (chosen === 'throw') throw new Error('profile service down')
      return typeof chosen === 'string' ? chosen : undefined
    }
  })
  t.teardown(() => app.close())
  // [x-user-locale, Accept-Language, language of the answer]
  const cases: Array<[string | undefined, string, 'ko' | 'en']> = [
    ['en', 'ko', 'en'],
    ['ko', 'en', 'ko'],
    ['de', 'en', 'en'],
    ['de', 'ko', 'ko'],
    ['throw', 'en', 'en'],
    [undefined, 'en', 'en']
  ]
  for (const [option, header, want] of cases) {
    const headers: Record<string, string> = { 'accept-language': header }
    if (option !== undefined) headers['x-user-locale'] = option
    const response = await app.inject({ url: '/sessions/A1', headers })
    t.equal(response.json().message, SESSION[want].message, `option ${option}, header ${header}`)
    t.equal(response.headers['content-language'], want, `option ${option}, header ${header}: Content-Language`)
    const invalid = await app.inject({ method: 'POST', url: '/signup', headers, payload: { email: 'x' } })
    t.same(invalid.json().fieldErrors, { email: [VALIDATION[want].email] }, `option ${option}, header ${header}: fieldErrors`)
  }
})

t.test('a Korean-only catalog adds no Content-Language or Vary, and its bytes do not depend on Accept-Language', async (t) => {
  const catalog = { version: 1, errors: { SEAT_TAKEN: { status: 409, message: '이미 선택된 좌석입니다.', suggestions: ['다른 좌석을 고르세요.'] } } }
  const app = await buildApp({ catalog }, (app) => {
    app.get('/seat', async () => { throw app.errors.SEAT_TAKEN() })
    app.post('/signup', { schema: { body: { type: 'object', properties: { email: { type: 'string', format: 'email' } } } } }, async () => ({ ok: true }))
  }, { genReqId: () => 'req-fixed' })
  t.teardown(() => app.close())
  const want = {
    '/seat': '{"code":"SEAT_TAKEN","status":409,"message":"이미 선택된 좌석입니다.","retryable":false,"suggestions":["다른 좌석을 고르세요."],"requestId":"req-fixed"}',
    '/signup': '{"code":"VALIDATION_ERROR","status":400,"message":"입력값이 올바르지 않습니다.","retryable":false,"suggestions":["fieldErrors에 표시된 항목을 고친 뒤 다시 요청하세요."],"details":{"location":"body"},"fieldErrors":{"email":["email은 올바른 이메일 주소여야 합니다."]},"requestId":"req-fixed"}'
  }
  for (const [header] of HEADERS) {
    const headers = header === undefined ? {} : { 'accept-language': header }
    for (const [url, body] of Object.entries(want)) {
      const response = await app.inject(url === '/seat' ? { url, headers } : { method: 'POST', url, headers, payload: { email: 'x' } })
      const name = `${url}, ${String(header).slice(0, 20)}`
      t.equal(response.payload, body, `${name}: body`)
      t.notOk('content-language' in response.headers, `${name}: no Content-Language`)
      t.notOk('vary' in response.headers, `${name}: no Vary`)
    }
  }
})

/** One way to make a keyword fail: a body field's schema and value (real Ajv), or Ajv errors a route throws. */
type KeywordCase =
  | { name: string, schema: Record<string, unknown> | boolean, value?: unknown, required?: boolean }
  | { name: string, schema: Record<string, unknown>, thrown: Array<Record<string, unknown>> }
  | { deep: number }

const S = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ type: 'string', ...extra })

// Message id → a request that fails with it alone. Every id of the Korean table must be here (checked below).
const KEYWORDS: Record<string, KeywordCase> = {
  required: { name: 'email', schema: S({ title: '이메일', 'x-title-en': 'Email' }), required: true },
  type: { name: 'age', schema: { type: 'integer', title: '나이' }, value: 1.5 },
  minLength: { name: 'password', schema: S({ minLength: 8 }), value: 'abc' },
  maxLength: { name: 'nickname', schema: S({ maxLength: 3 }), value: 'abcd' },
  minimum: { name: 'age', schema: { type: 'integer', minimum: 0 }, value: -1 },
  maximum: { name: 'age', schema: { type: 'integer', maximum: 150 }, value: 151 },
  exclusiveMinimum: { name: 'price', schema: { type: 'number', exclusiveMinimum: 0 }, value: 0 },
  exclusiveMaximum: { name: 'ratio', schema: { type: 'number', exclusiveMaximum: 1 }, value: 1 },
  multipleOf: { name: 'qty', schema: { type: 'integer', multipleOf: 5 }, value: 7 },
  pattern: { name: 'zip', schema: S({ title: '우편번호', 'x-title-en': 'Zip code', pattern: '^\\d{5}$' }), value: 'abc' },
  format: { name: 'email', schema: S({ format: 'email' }), value: 'x' },
  enum: { name: 'grade', schema: S({ enum: ['GOLD', 'SILVER'] }), value: 'X' },
  const: { name: 'terms', schema: { type: 'boolean', const: true }, value: false },
  minItems: { name: 'tags', schema: { type: 'array', minItems: 1 }, value: [] },
  maxItems: { name: 'tags', schema: { type: 'array', maxItems: 2 }, value: [1, 2, 3] },
  uniqueItems: { name: 'tags', schema: { type: 'array', uniqueItems: true }, value: ['a', 'b', 'a'] },
  minProperties: { name: 'settings', schema: { type: 'object', minProperties: 1 }, value: {} },
  maxProperties: { name: 'meta', schema: { type: 'object', maxProperties: 1 }, value: { a: 1, b: 2 } },
  additionalProperties: { name: 'profile', schema: { type: 'object', properties: { bio: S() }, additionalProperties: false }, value: { nick: 'a' } },
  unevaluatedProperties: { name: 'profile', schema: { type: 'object' }, thrown: [{ keyword: 'unevaluatedProperties', instancePath: '/profile', schemaPath: '#/properties/profile/unevaluatedProperties', params: { unevaluatedProperty: 'nick' } }] },
  dependentRequired: {
    name: 'card',
    schema: { type: 'object', properties: { number: S({ 'x-title-en': 'card number' }), expiry: S({ title: '유효 기간', 'x-title-en': 'expiry date' }) } },
    thrown: [{ keyword: 'dependentRequired', instancePath: '/card', schemaPath: '#/properties/card/dependentRequired', params: { property: 'number', missingProperty: 'expiry', depsCount: 1, deps: 'expiry' } }]
  },
  dependencies: { name: 'card', schema: { type: 'object', properties: { number: S({ title: '카드 번호' }), expiry: S() }, dependencies: { number: ['expiry'] } }, value: { number: '1234' } },
  anyOf: { name: 'memo', schema: { anyOf: [{ type: 'string' }, { type: 'integer' }] }, value: {} },
  oneOf: { name: 'nickname', schema: { oneOf: [{ type: 'string' }, { type: 'string', minLength: 1 }] }, value: 'x' },
  not: { name: 'username', schema: S({ not: { const: 'admin' } }), value: 'admin' },
  if: { name: 'delivery', schema: { type: 'object' }, thrown: [{ keyword: 'if', instancePath: '/delivery', schemaPath: '#/properties/delivery/if', params: { failingKeyword: 'then' } }] },
  contains: { name: 'members', schema: { type: 'array', contains: { const: 'me' } }, value: ['you'] },
  propertyNames: { name: 'labels', schema: { type: 'object', propertyNames: { pattern: '^[a-z]+$' } }, value: { A1: 'x' } },
  additionalItems: { name: 'pair', schema: { type: 'array', items: [S()], minItems: 1, additionalItems: false }, value: ['a', 'b'] },
  items: { name: 'list', schema: { type: 'array' }, thrown: [{ keyword: 'items', instancePath: '/list', schemaPath: '#/properties/list/items', params: { limit: 2 } }] },
  unevaluatedItems: { name: 'list', schema: { type: 'array' }, thrown: [{ keyword: 'unevaluatedItems', instancePath: '/list', schemaPath: '#/properties/list/unevaluatedItems', params: { limit: 2 } }] },
  maxDepth: { deep: 200 },
  'false schema': { name: 'legacy', schema: false, value: 1 },
  fallback: { name: 'count', schema: { type: 'integer', even: true }, value: 3 }
}

// Message id → the exact English of a few.
const ENGLISH: Record<string, Record<string, string[]>> = {
  required: { email: ['Email is required.'] },
  type: { age: ['age must be an integer.'] },
  pattern: { zip: ['Zip code is not in the expected format.'] },
  format: { email: ['email must be a valid email address.'] },
  enum: { grade: ['grade must be one of: GOLD, SILVER.'] },
  anyOf: { memo: ['memo must be a string or an integer.'] },
  dependentRequired: { 'card.expiry': ['expiry date is required when card number is given.'] },
  dependencies: { 'card.expiry': ['expiry is required when number is given.'] },
  maxDepth: { $root: ['The request body cannot be nested deeper than 128 levels.'] }
}

async function keywordApp (): Promise<FastifyInstance> {
  return await buildApp({}, (app) => {
    for (const [id, failing] of Object.entries(KEYWORDS)) {
      if ('deep' in failing) {
        app.post(`/keywords/${id}`, { schema: { body: { type: 'object' } } }, async () => ({ ok: true }))
        continue
      }
      const body = { type: 'object', properties: { [failing.name]: failing.schema }, ...('required' in failing && failing.required === true ? { required: [failing.name] } : {}) }
      app.post(`/keywords/${id}`, { schema: { body } }, async () => {
        if ('thrown' in failing) throw Object.assign(new Error('validation'), { validation: failing.thrown, validationContext: 'body', statusCode: 400 })
        return { ok: true }
      })
    }
  }, {
    ajv: {
      ...ajvOptions({ customOptions: { removeAdditional: false, keywords: ['x-title-en'] } }),
      plugins: [(ajv: any) => ajv.addKeyword({ keyword: 'even', type: 'number', validate: (_: unknown, data: number) => data % 2 === 0 })]
    }
  })
}

function payloadOf (failing: KeywordCase): unknown {
  if ('deep' in failing) {
    let body: unknown = {}
    for (let i = 0; i < failing.deep; i++) body = { a: body }
    return body
  }
  return 'value' in failing && failing.value !== undefined ? { [failing.name]: failing.value } : {}
}

t.test('validation failures read in English for every keyword of the Korean table', async (t) => {
  t.same(Object.keys(KEYWORDS).sort(), Object.keys(VALIDATION_MESSAGES).sort(), 'one case per message id')
  const app = await keywordApp()
  t.teardown(() => app.close())
  for (const [id, failing] of Object.entries(KEYWORDS)) {
    const answers: Record<string, Record<string, string[]>> = {}
    for (const language of ['en', 'ko']) {
      const response = await app.inject({ method: 'POST', url: `/keywords/${id}`, headers: { 'accept-language': language }, payload: payloadOf(failing) as Record<string, unknown> })
      t.equal(response.statusCode, 400, `${id} (${language}): 400`)
      t.equal(response.headers['content-language'], language, `${id} (${language}): Content-Language`)
      answers[language] = response.json().fieldErrors
    }
    const english = Object.values(answers.en ?? {}).flat()
    const korean = Object.values(answers.ko ?? {}).flat()
    t.equal(english.length, 1, `${id}: one English message (${JSON.stringify(answers.en)})`)
    t.same(Object.keys(answers.en ?? {}), Object.keys(answers.ko ?? {}), `${id}: the same fields in both languages`)
    for (const message of english) {
      t.notMatch(message, HANGUL, `${id}: no Hangul in "${message}"`)
      t.notMatch(message, /\{[^}]*\}/, `${id}: no placeholder or marker left in "${message}"`)
      t.ok(message.endsWith('.'), `${id}: "${message}" ends with a period`)
    }
    t.ok(korean.every((message) => HANGUL.test(message)), `${id}: the Korean answer is still Korean`)
    if (Object.hasOwn(ENGLISH, id)) t.same(answers.en, ENGLISH[id], `${id}: exact English`)
    else {
      // The English template's fixed words are in the message (the label and values vary).
      const words = VALIDATION_MESSAGES_EN[id].template.replace(/\{[^}]+\}/g, '\u0000').split('\u0000').map((part) => part.trim()).filter((part) => part.length > 1)
      for (const word of words) t.ok(english[0].includes(word), `${id}: "${english[0]}" has "${word}"`)
    }
  }
})

t.test('English labels: x-title-en, else the property name; items and parts in English; catalog and own translations win', async (t) => {
  const catalog = {
    version: 1,
    locales: ['ko', 'en'],
    errors: {},
    validation: { messages: { minLength: { ko: '{label}{은/는} {limit}자 이상 입력해 주세요.', en: 'Enter at least {limit} characters for {label}.' } } }
  }
  const app = await buildApp({ catalog }, (app) => {
    app.post('/items', {
      schema: {
        body: {
          type: 'object',
          properties: {
            tags: { type: 'array', title: '태그', items: { type: 'string', maxLength: 2 } },
            nick: { type: 'string', title: '닉네임', 'x-title-en': 'Nickname', minLength: 3 },
            code: { type: 'string', pattern: '^A', 'x-error-message': '코드는 A로 시작해야 합니다.', 'x-error-message-en': 'The code must start with A.' },
            kind: { anyOf: [{ type: 'string' }, { type: 'null' }, { type: 'integer' }] },
            size: { enum: Array.from({ length: 25 }, (_, index) => `S${index}`) }
          }
        }
      }
    }, async () => ({ ok: true }))
    app.post('/root', { schema: { body: { type: 'array', items: { type: 'string' } } } }, async () => ({ ok: true }))
  }, { ajv: ajvOptions({ customOptions: { keywords: ['x-title-en', 'x-error-message-en'] } }) })
  t.teardown(() => app.close())
  const payload = { tags: ['ok', 'long'], nick: 'a', code: 'B', kind: {}, size: 'XL' }
  const english = await app.inject({ method: 'POST', url: '/items', headers: { 'accept-language': 'en' }, payload })
  t.same(english.json().fieldErrors, {
    'tags[1]': ['Item 2 of tags must be 2 or fewer characters long.'],
    nick: ['Enter at least 3 characters for Nickname.'],
    code: ['The code must start with A.'],
    kind: ['kind must be a string, null or an integer.'],
    size: [`size must be one of: ${Array.from({ length: 20 }, (_, index) => `S${index}`).join(', ')} and 5 more.`]
  })
  const korean = await app.inject({ method: 'POST', url: '/items', headers: { 'accept-language': 'ko' }, payload })
  t.same(korean.json().fieldErrors, {
    'tags[1]': ['태그의 2번째 항목은 2자 이하여야 합니다.'],
    nick: ['닉네임은 3자 이상 입력해 주세요.'],
    code: ['코드는 A로 시작해야 합니다.'],
    kind: ['kind는 문자열 또는 null 또는 정수여야 합니다.'],
    size: [`size는 다음 중 하나여야 합니다: ${Array.from({ length: 20 }, (_, index) => `S${index}`).join(', ')} 외 5개.`]
  })
  const root = await app.inject({ method: 'POST', url: '/root', headers: { 'accept-language': 'en' }, payload: ['a', {}] })
  t.same(root.json().fieldErrors, { '[1]': ['Item 2 of the request body must be a string.'] })
})

t.test('problem+json: the status title is in the language of the answer, and the published schema allows each', async (t) => {
  const app = await sampleApp({ envelope: 'problem' })
  t.teardown(() => app.close())
  const titles = { ko: '찾을 수 없음', en: 'Not Found' }
  const notFound = app.errorCatalog.get('NOT_FOUND')
  if (notFound === undefined) throw new Error('the sample catalog lacks NOT_FOUND')
  // The body schema the document publishes for the code: one title per language of the catalog.
  const schema = bodySchemaOf(problemFormat(undefined), notFound)
  const check = new Ajv({ strict: false }).compile(schema)
  for (const [header, want] of [['ko', 'ko'], ['en', 'en'], ['en-US;q=0.9,ko;q=0.8', 'en'], [undefined, 'ko']] as const) {
    const response = await app.inject({ url: '/nope', headers: header === undefined ? {} : { 'accept-language': header } })
    const body = response.json()
    t.equal(body.title, titles[want], `${String(header)}: title`)
    t.equal(response.headers['content-language'], want)
    t.ok(check(body), `${String(header)}: the body fits the published schema ${JSON.stringify(check.errors)}`)
  }
  t.same(schema.properties.title.anyOf?.map((title: { const: string }) => title.const), ['찾을 수 없음', 'Not Found'], 'the schema lists both titles')
})
