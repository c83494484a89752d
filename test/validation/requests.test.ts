/**
 * Validation failures as clients see them: real requests with several invalid fields, in every request
 * part, with exact `fieldErrors`.
 */
import t from 'tap'
import createError from '@fastify/error'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { ajvOptions, ERROR_MESSAGE_KEYWORD } from '../../src/index.js'
import { buildApp } from '../helpers/app.js'
import { LEVEL, logCapture } from '../helpers/logs.js'

const VALIDATION = {
  code: 'VALIDATION_ERROR',
  status: 400,
  message: '입력값이 올바르지 않습니다.',
  retryable: false,
  suggestions: ['fieldErrors에 표시된 항목을 고친 뒤 다시 요청하세요.']
}

const signUp = {
  type: 'object',
  required: ['email', 'password', 'name', 'address'],
  properties: {
    email: { type: 'string', format: 'email', title: '이메일' },
    password: { type: 'string', minLength: 8, title: '비밀번호' },
    name: { type: 'string', minLength: 1 },
    age: { type: 'integer', minimum: 0, title: '나이' },
    address: {
      type: 'object',
      title: '주소',
      required: ['zip', 'city'],
      properties: { zip: { type: 'string', pattern: '^\\d{5}$', title: '우편번호' }, city: { type: 'string', title: '도시' } }
    },
    items: {
      type: 'array',
      title: '주문 항목',
      maxItems: 10,
      items: {
        type: 'object',
        required: ['sku'],
        properties: { sku: { type: 'string' }, qty: { type: 'integer', minimum: 1, title: '수량' } }
      }
    },
    tags: { type: 'array', items: { type: 'string', minLength: 2 } }
  }
}

async function signUpApp (options: Parameters<typeof buildApp>[0] = {}, ajv = ajvOptions()): Promise<FastifyInstance> {
  return await buildApp(options, (app) => {
    app.post('/members', { schema: { body: signUp } }, async () => ({ ok: true }))
  }, { ajv })
}

t.test('a body with several invalid fields, nested objects and arrays gets every field, keyed by its path', async (t) => {
  const app = await signUpApp()
  const res = await app.inject({
    method: 'POST',
    url: '/members',
    payload: {
      email: 'not-an-email',
      password: 'short',
      age: -3,
      address: { zip: 'ABC' },
      items: [{ sku: 'A', qty: 1 }, { sku: 'B', qty: 0 }, { qty: 2 }],
      tags: ['ok', 'x']
    }
  })
  t.equal(res.statusCode, 400)
  t.same(res.json(), {
    ...VALIDATION,
    details: { location: 'body' },
    fieldErrors: {
      name: ['name은 필수 항목입니다.'],
      email: ['이메일은 올바른 이메일 주소여야 합니다.'],
      password: ['비밀번호는 8자 이상이어야 합니다.'],
      age: ['나이는 0 이상이어야 합니다.'],
      'address.city': ['도시는 필수 항목입니다.'],
      'address.zip': ['우편번호의 형식이 올바르지 않습니다.'],
      'items[1].qty': ['수량은 1 이상이어야 합니다.'],
      'items[2].sku': ['sku는 필수 항목입니다.'],
      'tags[1]': ['tags의 2번째 항목은 2자 이상이어야 합니다.']
    },
    requestId: 'req-1'
  })
})

t.test('a missing nested object is keyed by its own path; a body that is not an object by $root', async (t) => {
  const app = await signUpApp()
  const missing = await app.inject({ method: 'POST', url: '/members', payload: { email: 'a@b.co', password: 'long enough', name: '김' } })
  t.same(missing.json().fieldErrors, { address: ['주소는 필수 항목입니다.'] })
  const notObject = await app.inject({ method: 'POST', url: '/members', payload: [1, 2] })
  t.same(notObject.json().fieldErrors, { $root: ['요청 본문은 객체여야 합니다.'] })
})

t.test('one field gets all its messages once each', async (t) => {
  const app = await buildApp({}, (app) => {
    app.post('/codes', {
      schema: { body: { type: 'object', properties: { code: { type: 'string', title: '코드', minLength: 4, pattern: '^[A-Z]+$', format: 'uuid' } } } }
    }, async () => ({ ok: true }))
  }, { ajv: ajvOptions() })
  const res = await app.inject({ method: 'POST', url: '/codes', payload: { code: 'ab' } })
  t.same(res.json().fieldErrors, {
    code: ['코드는 4자 이상이어야 합니다.', '코드의 형식이 올바르지 않습니다.', '코드는 올바른 UUID여야 합니다.']
  })
})

t.test('querystring, params and headers are reported like the body, with details.location', async (t) => {
  const app = await buildApp({}, (app) => {
    app.get('/courses/:courseId/lessons', {
      schema: {
        params: { type: 'object', properties: { courseId: { type: 'string', format: 'uuid', title: '강의 ID' } } },
        querystring: {
          type: 'object',
          properties: {
            page: { type: 'integer', minimum: 1, title: '페이지' },
            size: { type: 'integer', maximum: 100 },
            sort: { type: 'string', enum: ['latest', 'popular'], title: '정렬 기준' }
          }
        },
        headers: {
          type: 'object',
          required: ['X-Client-Version'],
          properties: {
            'X-Client-Version': { type: 'string', pattern: '^\\d+\\.\\d+$', title: '앱 버전' },
            'x-api-key': { type: 'string', minLength: 8 }
          }
        }
      }
    }, async () => ({ ok: true }))
  }, { ajv: ajvOptions() })

  const okHeaders = { 'x-client-version': '1.2' }
  const courseId = '0b7e7dee-87b1-4d33-9f3c-2b1c1d4c8a11'
  const query = await app.inject({ url: `/courses/${courseId}/lessons?page=0&size=500&sort=old`, headers: okHeaders })
  t.equal(query.statusCode, 400)
  t.same(query.json().details, { location: 'querystring' })
  t.same(query.json().fieldErrors, {
    page: ['페이지는 1 이상이어야 합니다.'],
    size: ['size는 100 이하여야 합니다.'],
    sort: ['정렬 기준은 다음 중 하나여야 합니다: latest, popular.']
  })

  const params = await app.inject({ url: '/courses/abc/lessons', headers: okHeaders })
  t.same(params.json().details, { location: 'params' })
  t.same(params.json().fieldErrors, { courseId: ['강의 ID는 올바른 UUID여야 합니다.'] })

  // Fastify lower-cases header names; labels are still found in the schema as written.
  const headers = await app.inject({ url: `/courses/${courseId}/lessons`, headers: { 'x-api-key': 'short' } })
  t.same(headers.json().details, { location: 'headers' })
  t.same(headers.json().fieldErrors, {
    'x-client-version': ['앱 버전은 필수 항목입니다.'],
    'x-api-key': ['x-api-key는 8자 이상이어야 합니다.']
  })
  const badVersion = await app.inject({ url: `/courses/${courseId}/lessons`, headers: { 'x-client-version': 'one' } })
  t.same(badVersion.json().fieldErrors, { 'x-client-version': ['앱 버전의 형식이 올바르지 않습니다.'] })
})

t.test('the status is that of the catalog\'s VALIDATION_ERROR entry', async (t) => {
  const app = await signUpApp({
    catalog: { version: 1, errors: { VALIDATION_ERROR: { status: 422, message: '입력한 내용을 확인해 주세요.' } } }
  })
  const res = await app.inject({ method: 'POST', url: '/members', payload: {} })
  t.equal(res.statusCode, 422)
  t.equal(res.json().status, 422)
  t.equal(res.json().message, '입력한 내용을 확인해 주세요.')
  t.same(Object.keys(res.json().fieldErrors), ['email', 'password', 'name', 'address'])
})

t.test('a TypeBox schema: titles label the fields and a Union of Literals reads once', async (t) => {
  const body = Type.Object({
    title: Type.String({ minLength: 2, title: '제목' }),
    status: Type.Union([Type.Literal('WAITING'), Type.Literal('IN_PROGRESS')], { title: '상태' }),
    memo: Type.Optional(Type.Union([Type.String(), Type.Null()], { title: '메모' })),
    assignee: Type.Optional(Type.Object({ id: Type.Integer({ minimum: 1 }) }, { title: '담당자' }))
  })
  const app = await buildApp({}, (app) => {
    app.post('/tasks', { schema: { body } }, async () => ({ ok: true }))
  }, { ajv: ajvOptions() })
  const res = await app.inject({ method: 'POST', url: '/tasks', payload: { title: 'x', status: 'DONE', memo: {}, assignee: { id: 0 } } })
  t.same(res.json().fieldErrors, {
    title: ['제목은 2자 이상이어야 합니다.'],
    status: ['상태는 다음 중 하나여야 합니다: WAITING, IN_PROGRESS.'],
    memo: ['메모는 문자열 또는 null이어야 합니다.'],
    'assignee.id': ['id는 1 이상이어야 합니다.']
  })
})

t.test('labels are found through $ref, to a shared schema by $id and to local $defs', async (t) => {
  const app = await buildApp({}, (app) => {
    app.addSchema({ $id: 'address', type: 'object', title: '주소', required: ['zip'], properties: { zip: { type: 'string', minLength: 5, title: '우편번호' } } })
    app.post('/shipments', {
      schema: {
        body: {
          type: 'object',
          required: ['to'],
          $defs: { item: { type: 'object', properties: { qty: { type: 'integer', minimum: 1, title: '수량' } } } },
          properties: { to: { $ref: 'address#' }, first: { $ref: '#/$defs/item' } }
        }
      }
    }, async () => ({ ok: true }))
  }, { ajv: ajvOptions() })
  const res = await app.inject({ method: 'POST', url: '/shipments', payload: { to: { zip: '1' }, first: { qty: 0 } } })
  t.same(res.json().fieldErrors, { 'to.zip': ['우편번호는 5자 이상이어야 합니다.'], 'first.qty': ['수량은 1 이상이어야 합니다.'] })
  const missing = await app.inject({ method: 'POST', url: '/shipments', payload: {} })
  t.same(missing.json().fieldErrors, { to: ['주소는 필수 항목입니다.'] }, 'a required $ref property is labelled by its target\'s title')
})

t.test('a property may carry its own message with x-error-message, once Ajv knows the keyword', async (t) => {
  const routes = (app: FastifyInstance): void => {
    app.post('/accounts', {
      schema: {
        body: {
          type: 'object',
          required: ['email', 'nickname'],
          properties: {
            email: { type: 'string', format: 'email', title: '이메일', [ERROR_MESSAGE_KEYWORD]: { required: '{label}{을/를} 입력해 주세요.' } },
            nickname: { type: 'string', pattern: '^[가-힣]+$', title: '닉네임', [ERROR_MESSAGE_KEYWORD]: '{label}{은/는} 한글로만 지을 수 있습니다.' }
          }
        }
      }
    }, async () => ({ ok: true }))
  }
  const app = await buildApp({}, routes, { ajv: ajvOptions() })
  const missing = await app.inject({ method: 'POST', url: '/accounts', payload: { nickname: 'abc' } })
  t.same(missing.json().fieldErrors, {
    email: ['이메일을 입력해 주세요.'],
    nickname: ['닉네임은 한글로만 지을 수 있습니다.']
  })
  const invalid = await app.inject({ method: 'POST', url: '/accounts', payload: { email: 'x', nickname: '별명' } })
  t.same(invalid.json().fieldErrors, { email: ['이메일은 올바른 이메일 주소여야 합니다.'] }, 'keywords the object form does not name keep their default')

  // Ajv's strict mode refuses a keyword it was not told about: the reason ajvOptions() declares it.
  await t.rejects(buildApp({}, routes), /unknown keyword: "x-error-message"/)
})

t.test('with Fastify\'s default Ajv (allErrors off) the first failure is still worded', async (t) => {
  const app = await buildApp({}, (app) => {
    app.post('/members', { schema: { body: signUp } }, async () => ({ ok: true }))
  })
  const res = await app.inject({ method: 'POST', url: '/members', payload: { email: 'a@b.co', password: 'x', name: 'n', address: { zip: '12345', city: '서울' } } })
  t.same(res.json().fieldErrors, { password: ['비밀번호는 8자 이상이어야 합니다.'] })
})

t.test('the number of fields and of messages per field is capped, and details.truncated says so', async (t) => {
  const app = await signUpApp({ validation: { maxFields: 2, maxMessagesPerField: 1 } })
  const res = await app.inject({ method: 'POST', url: '/members', payload: { email: 'x', password: 'y' } })
  t.same(res.json().details, { location: 'body', truncated: true })
  t.same(res.json().fieldErrors, { name: ['name은 필수 항목입니다.'], address: ['주소는 필수 항목입니다.'] })

  const app2 = await buildApp({ validation: { maxMessagesPerField: 1 } }, (app) => {
    app.post('/codes', { schema: { body: { type: 'object', properties: { code: { type: 'string', minLength: 4, pattern: '^[A-Z]+$' } } } } }, async () => ({ ok: true }))
  }, { ajv: ajvOptions() })
  const capped = await app2.inject({ method: 'POST', url: '/codes', payload: { code: 'ab' } })
  t.same(capped.json().details, { location: 'body', truncated: true })
  t.same(capped.json().fieldErrors, { code: ['code는 4자 이상이어야 합니다.'] })
})

t.test('a hostile body of 100,000 invalid items gets a bounded answer, and the server keeps answering', async (t) => {
  const app = await buildApp({}, (app) => {
    app.post('/bulk', { schema: { body: { type: 'object', properties: { ids: { type: 'array', items: { type: 'integer', minimum: 1 } } } } } }, async () => ({ ok: true }))
    app.post('/names', { schema: { body: { type: 'object', additionalProperties: false, properties: {} } } }, async () => ({ ok: true }))
  }, { ajv: ajvOptions({ customOptions: { removeAdditional: false } }), bodyLimit: 5 * 1024 * 1024 })

  const res = await app.inject({ method: 'POST', url: '/bulk', payload: { ids: Array.from({ length: 100_000 }, () => 'x') } })
  t.equal(res.statusCode, 400)
  const body = res.json()
  t.equal(Object.keys(body.fieldErrors).length, 50, 'no more fields than maxFields')
  t.same(body.details, { location: 'body', truncated: true })
  t.same(body.fieldErrors['ids[0]'], ['ids의 1번째 항목은 정수여야 합니다.'])
  t.ok(res.body.length < 10_000, `the answer stays small (${res.body.length} bytes)`)

  // Client-chosen names are clipped in keys and messages.
  const long = 'k'.repeat(10_000)
  const names = await app.inject({ method: 'POST', url: '/names', payload: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`${long}${i}`, 1])) })
  t.equal(Object.keys(names.json().fieldErrors).length, 50)
  t.ok(names.body.length < 30_000, `long property names do not grow the answer (${names.body.length} bytes)`)

  const next = await app.inject({ method: 'POST', url: '/bulk', payload: { ids: [1, 2] } })
  t.equal(next.statusCode, 200, 'the next request is served')
})

t.test('a response its own schema rejects is a server bug: INTERNAL_ERROR, details only in the log', async (t) => {
  const logs = logCapture()
  const ResponseInvalid = createError('FST_RESPONSE_VALIDATION_FAILED_VALIDATION', '%s', 500)
  const app = await buildApp({}, (app) => {
    // Fastify serializes with the response schema: a missing required member throws in fast-json-stringify.
    app.get('/me', { schema: { response: { 200: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } } } }, async () => ({}))
    // What @fastify/response-validation hands the error handler: Ajv errors on `validation`, no request part.
    app.get('/checked', {
      preSerialization: async () => {
        throw Object.assign(new ResponseInvalid("response must have required property 'name'"), {
          validation: [{ keyword: 'required', instancePath: '', schemaPath: '#/required', params: { missingProperty: 'name' } }]
        })
      }
    }, async () => ({}))
  }, { logger: { level: 'info', stream: logs.stream } })

  for (const url of ['/me', '/checked']) {
    const res = await app.inject(url)
    t.equal(res.statusCode, 500, url)
    const body = res.json()
    t.equal(body.code, 'INTERNAL_ERROR', url)
    t.notOk('fieldErrors' in body, `${url}: no fieldErrors`)
    t.notOk('details' in body, `${url}: no details`)
    t.notMatch(res.body, /name/, `${url}: nothing of the schema leaks`)
  }
  const logged = logs.errors().filter((line) => line.level === LEVEL.error)
  t.equal(logged.length, 2)
  t.match(logged[0].err?.message, /"name" is required/, 'the serializer\'s message is in the log')
  t.match(logged[1].err, { message: "response must have required property 'name'", validation: [{ keyword: 'required' }] }, 'the Ajv errors are in the log')
})

t.test('a body schema given per content type is found for labels', async (t) => {
  const app = await buildApp({}, (app) => {
    app.post('/notes', {
      schema: { body: { content: { 'application/json': { schema: { type: 'object', properties: { text: { type: 'string', maxLength: 3, title: '내용' } } } } } } }
    }, async () => ({ ok: true }))
  }, { ajv: ajvOptions() })
  const res = await app.inject({ method: 'POST', url: '/notes', headers: { 'content-type': 'application/json; charset=utf-8' }, payload: JSON.stringify({ text: 'long text' }) })
  t.same(res.json().fieldErrors, { text: ['내용은 3자 이하여야 합니다.'] })
})
