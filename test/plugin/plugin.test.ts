import t from 'tap'
import type { InjectOptions } from 'fastify'
import createError from '@fastify/error'
import sensible from '@fastify/sensible'
import httpErrors from 'http-errors'
import { buildApp } from '../helpers/app.js'
import { LEVEL, logCapture } from '../helpers/logs.js'

const INTERNAL = {
  code: 'INTERNAL_ERROR',
  status: 500,
  message: '요청을 처리하는 중 서버에서 오류가 발생했습니다.',
  retryable: false,
  suggestions: ['잠시 후 다시 시도하세요. 문제가 계속되면 요청 ID와 함께 문의하세요.']
}

t.test('a thrown CatalogError answers its code, status, Korean message and details in the envelope', async (t) => {
  const app = await buildApp({}, (app) => {
    app.get('/sessions/:sessionCode', async (request) => {
      throw app.errors.SESSION_NOT_FOUND({ sessionCode: (request.params as { sessionCode: string }).sessionCode })
    })
  })
  const res = await app.inject('/sessions/A1')
  t.equal(res.statusCode, 404)
  t.equal(res.headers['content-type'], 'application/json; charset=utf-8')
  t.equal(res.body, JSON.stringify({
    code: 'SESSION_NOT_FOUND',
    status: 404,
    message: '세션을 찾을 수 없습니다. (세션 코드 A1)',
    retryable: false,
    suggestions: ['세션 코드를 확인한 뒤 다시 시도하세요.'],
    details: { sessionCode: 'A1' },
    requestId: 'req-1'
  }), 'the exact bytes of the envelope')
})

t.test('Retry-After is sent when the entry sets retryAfter, and a call can override it', async (t) => {
  const app = await buildApp({}, (app) => {
    app.post('/quizzes/:id/answers', async () => { throw app.errors.QUIZ_SUBMIT_TOO_FAST({ quizId: 7, waitSeconds: 10 }) })
    app.post('/later', async () => { throw app.errors.QUIZ_SUBMIT_TOO_FAST({ quizId: 7, waitSeconds: 3 }, { retryAfter: 3 }) })
    app.get('/none', async () => { throw app.errors.LECTURE_NOT_FOUND({ lectureId: 1 }) })
  })
  const fromEntry = await app.inject({ method: 'POST', url: '/quizzes/7/answers' })
  t.equal(fromEntry.statusCode, 429)
  t.equal(fromEntry.headers['retry-after'], '10')
  t.same(fromEntry.json(), {
    code: 'QUIZ_SUBMIT_TOO_FAST',
    status: 429,
    message: '답안을 너무 자주 제출했습니다. 10초 뒤에 다시 제출할 수 있습니다.',
    retryable: true,
    suggestions: ['제출 버튼을 한 번만 누르고 응답을 기다리세요.'],
    details: { quizId: 7, waitSeconds: 10 },
    requestId: 'req-1'
  })
  const fromCall = await app.inject({ method: 'POST', url: '/later' })
  t.equal(fromCall.headers['retry-after'], '3')
  const without = await app.inject('/none')
  t.equal(without.headers['retry-after'], undefined, 'no Retry-After when neither sets it')
})

t.test('details are left out when they have no members', async (t) => {
  const app = await buildApp({}, (app) => {
    app.get('/x', async () => { throw app.errors.INSTRUCTOR_ONLY() })
  })
  const res = await app.inject('/x')
  t.equal(res.statusCode, 403)
  t.equal(res.body, JSON.stringify({
    code: 'INSTRUCTOR_ONLY', status: 403, message: '강사만 사용할 수 있는 기능입니다.', retryable: false, suggestions: [], requestId: 'req-1'
  }))
})

t.test('a validation failure answers VALIDATION_ERROR with fieldErrors and the location', async (t) => {
  const app = await buildApp({}, (app) => {
    const schema = {
      body: { type: 'object', required: ['email'], properties: { email: { type: 'string' } } },
      querystring: { type: 'object', properties: { page: { type: 'integer' } } },
      params: { type: 'object', properties: { id: { type: 'integer' } } },
      headers: { type: 'object', required: ['x-device-id'], properties: { 'x-device-id': { type: 'string' } } }
    }
    app.post('/items/:id', { schema }, async () => ({ ok: true }))
  })
  const headers = { 'x-device-id': 'd1' }
  const cases: Array<[string, InjectOptions, string, string]> = [
    ['body', { method: 'POST', url: '/items/1', headers, payload: {} }, 'body', 'email'],
    ['querystring', { method: 'POST', url: '/items/1?page=x', headers, payload: { email: 'a@b.c' } }, 'querystring', 'page'],
    ['params', { method: 'POST', url: '/items/x', headers, payload: { email: 'a@b.c' } }, 'params', 'id'],
    ['headers', { method: 'POST', url: '/items/1', payload: { email: 'a@b.c' } }, 'headers', 'x-device-id']
  ]
  for (const [name, request, location, field] of cases) {
    const res = await app.inject(request)
    const body = res.json()
    t.equal(res.statusCode, 400, name)
    t.equal(body.code, 'VALIDATION_ERROR', name)
    t.equal(body.status, 400, name)
    t.same(body.details, { location }, `${name}: details.location`)
    t.same(Object.keys(body.fieldErrors), [field], `${name}: the failing field is keyed`)
    t.ok(body.fieldErrors[field].every((message: unknown) => typeof message === 'string' && /[가-힣]/.test(message)), `${name}: Korean messages`)
  }
})

t.test("Fastify's own errors answer the matching builtin code", async (t) => {
  const app = await buildApp({}, (app) => {
    app.post('/echo', { bodyLimit: 32 }, async (request) => request.body)
    app.get('/slow', { handlerTimeout: 20 }, async () => { await new Promise((resolve) => setTimeout(resolve, 200)); return 'late' })
  })
  const json = { 'content-type': 'application/json' }
  const cases: Array<[string, InjectOptions, number, string]> = [
    ['invalid JSON', { method: 'POST', url: '/echo', headers: json, payload: '{"a":' }, 400, 'INVALID_JSON'],
    ['__proto__ in JSON', { method: 'POST', url: '/echo', headers: json, payload: '{"__proto__":{"x":1}}' }, 400, 'INVALID_JSON'],
    ['empty JSON body', { method: 'POST', url: '/echo', headers: json, payload: '' }, 400, 'INVALID_JSON'],
    ['body too large', { method: 'POST', url: '/echo', headers: json, payload: JSON.stringify({ text: 'x'.repeat(100) }) }, 413, 'PAYLOAD_TOO_LARGE'],
    ['unsupported media type', { method: 'POST', url: '/echo', headers: { 'content-type': 'application/xml' }, payload: '<a/>' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['invalid content length', { method: 'POST', url: '/echo', headers: { ...json, 'content-length': '2' }, payload: '{"a":1}' }, 400, 'INVALID_CONTENT_LENGTH'],
    ['handler timeout', { method: 'GET', url: '/slow' }, 503, 'SERVICE_UNAVAILABLE']
  ]
  for (const [name, request, status, code] of cases) {
    const res = await app.inject(request)
    t.equal(res.statusCode, status, `${name}: status`)
    t.equal(res.json().code, code, `${name}: code`)
    t.equal(res.json().message, app.errorCatalog.entries[code].message, `${name}: the catalog's Korean message`)
  }
})

t.test('an unknown route answers NOT_FOUND', async (t) => {
  const app = await buildApp()
  const res = await app.inject('/no/such/route')
  t.equal(res.statusCode, 404)
  t.same(res.json(), {
    code: 'NOT_FOUND', status: 404, message: '요청한 리소스를 찾을 수 없습니다.', retryable: false, suggestions: ['요청 주소를 확인하세요.'], requestId: 'req-1'
  })
})

t.test('a known path asked with another method answers 405 METHOD_NOT_ALLOWED with Allow', async (t) => {
  const app = await buildApp({}, (app) => {
    app.get('/sessions/:code', async () => ({}))
    app.put('/sessions/:code', async () => ({}))
    app.route({ method: ['POST', 'PATCH'], url: '/lectures', handler: async () => ({}) })
  })
  const res = await app.inject({ method: 'DELETE', url: '/sessions/AB12?x=1' })
  t.equal(res.statusCode, 405)
  t.equal(res.headers.allow, 'GET, HEAD, PUT')
  t.same(res.json(), {
    code: 'METHOD_NOT_ALLOWED',
    status: 405,
    message: '이 경로에서는 DELETE 메서드를 사용할 수 없습니다.',
    retryable: false,
    suggestions: ['허용된 메서드(GET, HEAD, PUT) 중 하나로 다시 요청하세요.'],
    details: { method: 'DELETE', allowed: ['GET', 'HEAD', 'PUT'] },
    requestId: 'req-1'
  })
  const other = await app.inject({ method: 'GET', url: '/lectures' })
  t.equal(other.statusCode, 405)
  t.equal(other.headers.allow, 'PATCH, POST')
  t.equal((await app.inject('/sessions/AB12/extra')).statusCode, 404, 'a longer path is not the same path')
})

t.test('405 can be turned off: Fastify then answers such requests with NOT_FOUND', async (t) => {
  const app = await buildApp({ methodNotAllowed: false }, (app) => { app.get('/a', async () => ({})) })
  const res = await app.inject({ method: 'POST', url: '/a' })
  t.equal(res.statusCode, 404)
  t.equal(res.json().code, 'NOT_FOUND')
})

t.test("another library's error with a status answers the catalog entry for that status", async (t) => {
  const FST_CONFLICT = createError('APP_CONFLICT', 'conflict %s', 409)
  const app = await buildApp({}, async (app) => {
    await app.register(sensible)
    app.get('/http-errors', async () => { throw httpErrors(401, 'token missing', { headers: { 'WWW-Authenticate': 'Bearer' } }) })
    app.get('/sensible', async (_request, reply) => reply.forbidden('nope'))
    app.get('/fastify-error', async () => { throw new FST_CONFLICT('row 1') })
    app.get('/status-only', async () => { throw Object.assign(new Error('teapot'), { status: 418 }) })
    app.get('/gateway', async () => { throw Object.assign(new Error('upstream said no'), { statusCode: 502 }) })
  })
  const cases: Array<[string, number, string]> = [
    ['/http-errors', 401, 'UNAUTHORIZED'],
    ['/sensible', 403, 'FORBIDDEN'],
    ['/fastify-error', 409, 'CONFLICT'],
    ['/status-only', 400, 'BAD_REQUEST'],
    ['/gateway', 502, 'BAD_GATEWAY']
  ]
  for (const [url, status, code] of cases) {
    const res = await app.inject(url)
    t.equal(res.statusCode, status, url)
    t.equal(res.json().code, code, url)
    t.equal(res.json().message, app.errorCatalog.entries[code].message, `${url}: the catalog's message, not the library's`)
  }
  t.equal((await app.inject('/http-errors')).headers['www-authenticate'], 'Bearer', 'headers a 4xx error asks for are kept')
  t.notMatch((await app.inject('/gateway')).body, 'upstream', 'a 5xx from another library leaks nothing')
})

t.test('fallbacks map a status to a code of the catalog', async (t) => {
  const app = await buildApp({ fallbacks: { 401: 'AUTH_FAILED' } }, (app) => {
    app.get('/a', async () => { throw httpErrors(401) })
  })
  t.equal((await app.inject('/a')).json().code, 'AUTH_FAILED')
})

t.test('anything else answers INTERNAL_ERROR 500, logs the thrown value with a stack, and leaks nothing', async (t) => {
  const previous = process.env.NODE_ENV
  process.env.NODE_ENV = 'development'
  t.teardown(() => { process.env.NODE_ENV = previous })
  const logs = logCapture()
  const thrown: Record<string, unknown> = {
    error: Object.assign(new Error('connect ECONNREFUSED db.internal:5432 password=hunter2'), { cause: new Error('secret cause') }),
    string: 'secret string',
    null: null,
    undefined,
    object: { secret: 'plain object' },
    number: 42
  }
  const app = await buildApp({}, (app) => {
    for (const [name, value] of Object.entries(thrown)) app.get(`/${name}`, async () => { throw value })
    app.get('/sync', () => { throw new Error('secret sync') })
  }, { logger: { level: 'info', stream: logs.stream } })

  for (const name of [...Object.keys(thrown), 'sync']) {
    const before = logs.errors().length
    const res = await app.inject(`/${name}`)
    t.equal(res.statusCode, 500, name)
    t.same({ ...res.json(), requestId: undefined }, { ...INTERNAL, requestId: undefined }, `${name}: the generic envelope`)
    t.notMatch(res.body, /secret|hunter2|ECONNREFUSED|stack|at /, `${name}: nothing of the thrown value in the body`)
    const logged = logs.errors().slice(before)
    t.equal(logged.length, 1, `${name}: logged once`)
    t.equal(logged[0].level, LEVEL.error, `${name}: at error`)
    t.equal(logged[0].code, 'INTERNAL_ERROR', `${name}: the log line carries the code`)
    t.match(logged[0].err?.stack, /\n\s+at /, `${name}: with a stack`)
  }
  const errorLine = logs.errors().find((line) => line.err?.message?.includes('hunter2'))
  t.ok(errorLine, 'the real error is in the log')
})

t.test('4xx answers are logged once at info with the code', async (t) => {
  const logs = logCapture()
  const app = await buildApp({}, (app) => {
    app.get('/s', async () => { throw app.errors.SESSION_NOT_FOUND({ sessionCode: 'Z9' }) })
  }, { logger: { level: 'info', stream: logs.stream } })
  await app.inject('/s')
  await app.inject('/missing')
  const logged = logs.errors()
  t.equal(logged.length, 2)
  t.same(logged.map((line) => [line.level, line.code, line.statusCode]), [[LEVEL.info, 'SESSION_NOT_FOUND', 404], [LEVEL.info, 'NOT_FOUND', 404]])
  t.equal(logs.lines.filter((line) => line.level >= LEVEL.error).length, 0, 'nothing at error level')
})

t.test('log levels are configurable, down to silent', async (t) => {
  const logs = logCapture()
  const app = await buildApp({ logLevels: { client: 'silent', server: 'warn' } }, (app) => {
    app.get('/s', async () => { throw app.errors.SESSION_NOT_FOUND({ sessionCode: 'Z9' }) })
    app.get('/boom', async () => { throw new Error('boom') })
  }, { logger: { level: 'info', stream: logs.stream } })
  await app.inject('/s')
  await app.inject('/boom')
  t.same(logs.errors().map((line) => [line.level, line.code]), [[LEVEL.warn, 'INTERNAL_ERROR']])
})

t.test('errors Fastify raises before routing get the catalog answer through frameworkErrors', async (t) => {
  const { frameworkErrors } = await import('../../src/index.js')
  const app = await buildApp({}, (app) => {
    app.get('/sessions/:code', async () => ({}))
  }, { frameworkErrors, routerOptions: { maxParamLength: 10 } })
  const badUrl = await app.inject('/sessions/%E0%A4%A')
  t.equal(badUrl.statusCode, 400)
  t.same({ ...badUrl.json(), requestId: undefined }, {
    code: 'INVALID_URL',
    status: 400,
    message: '요청 주소에 올바르지 않은 문자가 있습니다.',
    retryable: false,
    suggestions: ['경로의 특수 문자를 올바르게 퍼센트 인코딩했는지 확인하세요.'],
    requestId: undefined
  })
  const longParam = await app.inject(`/sessions/${'x'.repeat(20)}`)
  t.equal(longParam.statusCode, 414)
  t.equal(longParam.json().code, 'URI_TOO_LONG')
  t.equal((await app.inject('/sessions/ok')).statusCode, 200, 'the server keeps serving')
})

t.test('frameworkErrors without the plugin answers a bare code and nothing internal', async (t) => {
  const { frameworkErrors } = await import('../../src/index.js')
  const { default: Fastify } = await import('fastify')
  const app = Fastify({ frameworkErrors })
  app.get('/a/:b', async () => ({}))
  const res = await app.inject('/a/%E0%A4%A')
  t.equal(res.statusCode, 400)
  t.same(res.json(), { code: 'BAD_REQUEST', status: 400 })
})

t.test('details that do not fit the catalog schema are a server bug: INTERNAL_ERROR, logged, nothing leaked', async (t) => {
  const logs = logCapture()
  const app = await buildApp({}, (app) => {
    app.get('/bad', async () => { throw app.errors.LECTURE_NOT_FOUND({ lectureId: 'not a number' as unknown as number }) })
  }, { logger: { level: 'info', stream: logs.stream } })
  const res = await app.inject('/bad')
  t.equal(res.statusCode, 500)
  t.same({ ...res.json(), requestId: undefined }, { ...INTERNAL, requestId: undefined })
  t.notMatch(res.body, 'converted')
  const line = logs.lines.find((entry) => entry.failedCode === 'LECTURE_NOT_FOUND')
  t.equal(line?.level, LEVEL.error)
  t.match(line?.err?.message, 'cannot be converted to an integer')
  t.equal((await app.inject('/bad')).statusCode, 500, 'the server keeps serving')
})

t.test('headers of another library that Node would refuse are dropped, the answer still goes out', async (t) => {
  const app = await buildApp({}, (app) => {
    app.get('/h', async () => { throw Object.assign(new Error('x'), { statusCode: 401, headers: { 'x-bad': 'a\r\nb', 'bad name': 'v', 'www-authenticate': 'Bearer' } }) })
  })
  const res = await app.inject('/h')
  t.equal(res.statusCode, 401)
  t.equal(res.json().code, 'UNAUTHORIZED')
  t.equal(res.headers['www-authenticate'], 'Bearer')
  t.equal(res.headers['x-bad'], undefined)
})
