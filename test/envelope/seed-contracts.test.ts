/**
 * Issue 11, "done when": a team from each seed (000, 001, 002, 004) registers the plugin with its recipe (docs/wire-formats.md, read from
 * the page) and its own catalog (test/fixtures/seeds/), and its clients get, over a real `listen`, exactly the bytes
 * they parse today: a thrown catalog error, a validation failure, 404, 405, 413, 415 and a crash. Each expected body
 * quotes the seed's example (or, for seed 001, the description of it): the shape and member order are the
 * seed's; where the seed shows English or placeholder text, the team's Korean stands in.
 */
import t, { type Test } from 'tap'
import Fastify from 'fastify'
import { errorCatalog } from '../../src/index.js'
import { fixture } from '../helpers/app.js'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { recipe, recipeBlock, WIRE_FORMATS_PAGE } from '../helpers/recipes.js'

type Seed = 'seed-000' | 'seed-001' | 'seed-002' | 'seed-004'

/** Fastify's bodyLimit in these apps: the 413 case sends a little more. */
const BODY_LIMIT = 1024
/** What the crashing handler throws: it must reach neither a body nor a header. */
const SECRET = 'connect ECONNREFUSED postgres://admin:hunter2@10.0.0.5:5432/lectures'
const JSON_TYPE = 'application/json; charset=utf-8'

/** The route schema of a sign-up form: the validation case fails both fields. */
const SIGN_UP = {
  body: {
    type: 'object',
    required: ['email', 'password'],
    properties: {
      email: { type: 'string', format: 'email', title: '이메일' },
      password: { type: 'string', minLength: 8, title: '비밀번호' }
    }
  }
}
const EMAIL_MESSAGE = '이메일은 올바른 이메일 주소여야 합니다.'
const PASSWORD_MESSAGE = '비밀번호는 8자 이상이어야 합니다.'

const json = { 'content-type': 'application/json' }

/** The requests every seed's clients make, and the route each reaches (`/thrown` throws the seed's catalog error). */
const REQUESTS = {
  thrown: ['/thrown', {}],
  validation: ['/users', { method: 'POST', headers: json, body: JSON.stringify({ email: 'not-an-email', password: 'short' }) }],
  notFound: ['/nowhere', {}],
  methodNotAllowed: ['/thrown', { method: 'DELETE' }],
  tooLarge: ['/users', { method: 'POST', headers: json, body: JSON.stringify({ email: 'a'.repeat(BODY_LIMIT), password: 'long enough' }) }],
  unsupported: ['/users', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<user><email>a@b.co</email></user>' }],
  crash: ['/crash', {}]
} as const satisfies Record<string, readonly [string, RequestInit]>

type Case = keyof typeof REQUESTS

interface Answer { status: number, headers: Headers, body: string, bytes: number }

/**
 * The seed team's app: its catalog file, the plugin with its recipe, a route throwing its catalog error, the
 * sign-up route and a crashing route, listening on 127.0.0.1.
 */
async function serve (t: Test, seed: Seed, thrown: (app: ReturnType<typeof Fastify>) => Error): Promise<string> {
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT, ajv: { customOptions: { allErrors: true } } })
  t.teardown(() => app.close())
  await app.register(errorCatalog, { catalog: fixture(`seeds/${seed}.yaml`), envelope: recipe(seed) })
  app.get('/thrown', async () => { throw thrown(app) })
  app.post('/users', { schema: SIGN_UP }, async () => ({ ok: true }))
  app.get('/crash', async () => { throw new Error(SECRET) })
  return await app.listen({ host: '127.0.0.1', port: 0 })
}

/** One real HTTP request of a case; the body as the bytes sent, read as UTF-8. */
async function call (base: string, name: Case): Promise<Answer> {
  const [path, init] = REQUESTS[name]
  const response = await fetch(base + path, init)
  const bytes = Buffer.from(await response.arrayBuffer())
  return { status: response.status, headers: response.headers, body: bytes.toString('utf8'), bytes: bytes.length }
}

/** The status, the exact body, and the headers every error answer must have (plus `extra` ones). */
function expectAnswer (t: Test, answer: Answer, status: number, body: string, extra: Record<string, string> = {}): void {
  t.equal(answer.status, status, 'status')
  t.equal(answer.body, body, 'exact body')
  t.equal(answer.headers.get('content-type'), JSON_TYPE, 'Content-Type')
  t.equal(answer.headers.get('content-length'), String(answer.bytes), 'Content-Length is the byte length of the body')
  for (const [name, value] of Object.entries(extra)) t.equal(answer.headers.get(name), value, name)
  t.equal(answer.headers.get('x-powered-by'), null, 'no X-Powered-By')
  const sent = answer.body + JSON.stringify([...answer.headers])
  t.notOk(sent.includes('hunter2') || sent.includes('ECONNREFUSED') || sent.includes('    at '), 'nothing internal is sent')
}

/** Seed 004's `timestamp`: checked to be ISO 8601 UTC of the moment of the answer, then written as "T". */
function stamped (t: Test, answer: Answer, since: number): Answer {
  const match = /"timestamp":"([^"]*)"/.exec(answer.body)
  const value = match?.[1] ?? ''
  t.match(value, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/, 'timestamp is ISO 8601 UTC')
  const time = Date.parse(value)
  t.ok(time >= since - 1000 && time <= Date.now() + 1000, 'timestamp is the time of the answer')
  return { ...answer, body: answer.body.replace(/"timestamp":"[^"]*"/, '"timestamp":"T"') }
}

t.test('seed 000 (MobileGPT, Django REST + Android): { error: { code, message, details, field_errors }, status }', async (t) => {
  const base = await serve(t, 'seed-000', (app) => app.errors.SESSION_NOT_STARTED({ session_code: 'A1B2C3', session_status: 'WAITING' }))

  t.test('a thrown catalog error with details', async (t) => {
    // Seed: {"error":{"code":"ERROR_CODE","message":"한국어 에러 메시지","details":{ ... },"field_errors":{ ... }},"status":400}
    // (field_errors only "ValidationError 시", so a catalog error has none.)
    expectAnswer(t, await call(base, 'thrown'), 400, JSON.stringify({
      error: { code: 'SESSION_NOT_STARTED', message: '세션이 아직 시작되지 않았습니다. (세션 코드 A1B2C3)', details: { session_code: 'A1B2C3', session_status: 'WAITING' } },
      status: 400
    }))
  })

  t.test('a validation failure of two fields answers the seed\'s example shape (no details)', async (t) => {
    // Seed: {"error":{"code":"VALIDATION_ERROR","message":"입력 데이터가 유효하지 않습니다.",
    //        "field_errors":{"email":["이미 사용 중인 이메일입니다."],"password":["비밀번호는 8자 이상이어야 합니다."]}},"status":400}
    expectAnswer(t, await call(base, 'validation'), 400, JSON.stringify({
      error: { code: 'VALIDATION_ERROR', message: '입력한 값이 올바르지 않습니다.', field_errors: { email: [EMAIL_MESSAGE], password: [PASSWORD_MESSAGE] } },
      status: 400
    }))
  })

  t.test('an unknown route, a wrong method, a body over bodyLimit, an unsupported content type', async (t) => {
    // Seed's codes NOT_FOUND 404 and METHOD_NOT_ALLOWED 405 with the team's messages; 413 and 415 have no code of
    // the team's (the seed shows only "413 Request Entity Too Large"), so the builtin codes answer, in its shape:
    // {"error":{"code":"ERROR_CODE","message":"한국어 에러 메시지","details":{ ... }},"status":N}
    expectAnswer(t, await call(base, 'notFound'), 404, JSON.stringify({ error: { code: 'NOT_FOUND', message: '요청하신 주소를 찾을 수 없습니다.' }, status: 404 }))
    expectAnswer(t, await call(base, 'methodNotAllowed'), 405, JSON.stringify({
      error: { code: 'METHOD_NOT_ALLOWED', message: '이 주소에서는 DELETE 메서드를 지원하지 않습니다.', details: { method: 'DELETE' } },
      status: 405
    }), { allow: 'GET, HEAD' })
    expectAnswer(t, await call(base, 'tooLarge'), 413, JSON.stringify({ error: { code: 'PAYLOAD_TOO_LARGE', message: '요청 본문이 허용된 크기를 넘었습니다.' }, status: 413 }))
    expectAnswer(t, await call(base, 'unsupported'), 415, JSON.stringify({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '지원하지 않는 콘텐츠 형식입니다.' }, status: 415 }))
  })

  t.test('a crash answers the team\'s SERVER_ERROR (roles: { internal: SERVER_ERROR })', async (t) => {
    // Seed: `SERVER_ERROR` | 500 | 서버 내부 오류, in {"error":{"code":"ERROR_CODE","message":"한국어 에러 메시지"},"status":500}
    expectAnswer(t, await call(base, 'crash'), 500, JSON.stringify({ error: { code: 'SERVER_ERROR', message: '서버에서 일시적인 오류가 발생했습니다.' }, status: 500 }))
  })
})

t.test('seed 001 (SQL LLM agent): { status: "error", code, message, details, suggestions, retryable }', async (t) => {
  const base = await serve(t, 'seed-001', (app) => app.errors.QUERY_TIMEOUT({ timeout_seconds: 30, query_id: 'q-7f3a' }))
  // Issue 11's table: {"status":"error","code","message","details","suggestions","retryable"} (status is the string "error").

  t.test('a thrown catalog error with details', async (t) => {
    expectAnswer(t, await call(base, 'thrown'), 504, JSON.stringify({
      status: 'error',
      code: 'QUERY_TIMEOUT',
      message: '쿼리 실행 시간이 30초를 넘어 중단했습니다.',
      details: { timeout_seconds: 30, query_id: 'q-7f3a' },
      suggestions: ['조회 기간을 줄이거나 조건을 더 구체적으로 적어 다시 질문하세요.'],
      retryable: true
    }))
  })

  t.test('a validation failure of two fields: field errors under details', async (t) => {
    expectAnswer(t, await call(base, 'validation'), 400, JSON.stringify({
      status: 'error',
      code: 'VALIDATION_ERROR',
      message: '요청 형식이 올바르지 않습니다.',
      details: { location: 'body', field_errors: { email: [EMAIL_MESSAGE], password: [PASSWORD_MESSAGE] } },
      suggestions: ['details.field_errors에 적힌 항목을 고친 뒤 다시 요청하세요.'],
      retryable: false
    }))
  })

  t.test('an unknown route, a wrong method, a body over bodyLimit, an unsupported content type', async (t) => {
    const body = (code: string, message: string, suggestion: string, details: Record<string, unknown> = {}): string =>
      JSON.stringify({ status: 'error', code, message, details, suggestions: [suggestion], retryable: false })
    expectAnswer(t, await call(base, 'notFound'), 404, body('NOT_FOUND', '요청한 리소스를 찾을 수 없습니다.', '요청 주소를 확인하세요.'))
    expectAnswer(t, await call(base, 'methodNotAllowed'), 405,
      body('METHOD_NOT_ALLOWED', '이 경로에서는 DELETE 메서드를 사용할 수 없습니다.', '허용된 메서드(GET, HEAD) 중 하나로 다시 요청하세요.', { method: 'DELETE', allowed: ['GET', 'HEAD'] }),
      { allow: 'GET, HEAD' })
    expectAnswer(t, await call(base, 'tooLarge'), 413, body('PAYLOAD_TOO_LARGE', '요청 본문이 허용된 크기를 넘었습니다.', '본문 크기를 줄여 다시 요청하세요.'))
    expectAnswer(t, await call(base, 'unsupported'), 415, body('UNSUPPORTED_MEDIA_TYPE', '지원하지 않는 콘텐츠 형식입니다.', 'API 문서에 안내된 Content-Type으로 다시 요청하세요.'))
  })

  t.test('the recipe\'s example on docs/wire-formats.md is what the server sends', async (t) => {
    const app = Fastify({ logger: false })
    t.teardown(() => app.close())
    await app.register(errorCatalog, { catalog: fixture('seeds/seed-001.yaml'), envelope: recipe('seed-001') })
    app.get('/tables/:table', async (request) => { throw app.errors.TABLE_NOT_FOUND({ table: (request.params as { table: string }).table }) })
    const answer = await fetch(await app.listen({ host: '127.0.0.1', port: 0 }) + '/tables/orders')
    const sent = await answer.text()
    t.equal(answer.status, 404)
    t.ok(WIRE_FORMATS_PAGE.includes('\n' + sent + '\n'), `the page shows ${sent}`)
  })

  t.test('a crash answers the team\'s SYSTEM_ERROR (roles: { internal: SYSTEM_ERROR })', async (t) => {
    expectAnswer(t, await call(base, 'crash'), 500, JSON.stringify({
      status: 'error',
      code: 'SYSTEM_ERROR',
      message: '시스템 오류로 요청을 처리하지 못했습니다.',
      details: {},
      suggestions: ['잠시 후 다시 시도하세요.'],
      retryable: false
    }))
  })
})

t.test('seed 004 (FastAPI): { error_code, message, detail, timestamp }', async (t) => {
  const base = await serve(t, 'seed-004', (app) => app.errors.USER_NOT_FOUND({ user_id: 999 }))
  const since = Date.now()
  const answer = async (t: Test, name: Case): Promise<Answer> => stamped(t, await call(base, name), since)

  t.test('a thrown catalog error with details', async (t) => {
    // Seed: {"error_code": "USER_NOT_FOUND", "message": "사용자를 찾을 수 없습니다", "detail": {"user_id": 999}, "timestamp": "2024-01-15T10:30:00"}
    expectAnswer(t, await answer(t, 'thrown'), 404, JSON.stringify({
      error_code: 'USER_NOT_FOUND', message: '사용자를 찾을 수 없습니다. (사용자 번호 999)', detail: { user_id: 999 }, timestamp: 'T'
    }))
  })

  t.test('a validation failure of two fields: 422, detail is the list of { type, loc, msg }', async (t) => {
    // Seed: {"error_code": "VALIDATION_ERROR", "message": "요청 데이터가 유효하지 않습니다",
    //        "detail": [{"type": "missing", "loc": ["body", "name"], ...}], "timestamp": "2024-01-15T10:30:00"}
    // (`type` is the JSON Schema keyword, not Pydantic's name; no `input`: docs/wire-formats.md, seed-004.)
    expectAnswer(t, await answer(t, 'validation'), 422, JSON.stringify({
      error_code: 'VALIDATION_ERROR',
      message: '요청 데이터가 올바르지 않습니다.',
      detail: [
        { type: 'format', loc: ['body', 'email'], msg: EMAIL_MESSAGE },
        { type: 'minLength', loc: ['body', 'password'], msg: PASSWORD_MESSAGE }
      ],
      timestamp: 'T'
    }))
  })

  t.test('an unknown route, a wrong method, a body over bodyLimit, an unsupported content type', async (t) => {
    // Seed ("모든 에러가 같은 형식"): {"error_code": "…", "message": "…", "detail": …, "timestamp": "…"}; detail is
    // null when the code has none, as in the seed's catch-all.
    const body = (code: string, message: string, detail: unknown = null): string => JSON.stringify({ error_code: code, message, detail, timestamp: 'T' })
    expectAnswer(t, await answer(t, 'notFound'), 404, body('NOT_FOUND', '요청한 리소스를 찾을 수 없습니다.'))
    expectAnswer(t, await answer(t, 'methodNotAllowed'), 405, body('METHOD_NOT_ALLOWED', '이 경로에서는 DELETE 메서드를 사용할 수 없습니다.', { method: 'DELETE', allowed: ['GET', 'HEAD'] }), { allow: 'GET, HEAD' })
    expectAnswer(t, await answer(t, 'tooLarge'), 413, body('PAYLOAD_TOO_LARGE', '요청 본문이 허용된 크기를 넘었습니다.'))
    expectAnswer(t, await answer(t, 'unsupported'), 415, body('UNSUPPORTED_MEDIA_TYPE', '지원하지 않는 콘텐츠 형식입니다.'))
  })

  t.test('a crash answers INTERNAL_ERROR with detail: null', async (t) => {
    // Seed: {"error_code": "INTERNAL_ERROR", "message": "내부 서버 오류가 발생했습니다", "detail": null, "timestamp": "2024-01-15T10:30:00"}
    expectAnswer(t, await answer(t, 'crash'), 500, JSON.stringify({ error_code: 'INTERNAL_ERROR', message: '서버 내부에서 오류가 발생했습니다.', detail: null, timestamp: 'T' }))
  })
})

t.test('seed 002 (가져가구 marketplace): { code, message, details: { …, field, reason, value, timestamp } }, validation as its own codes', async (t) => {
  // The team's catalog carries the recipe's `validation:` section as the page prints it.
  t.same(parse(readFileSync(fixture('seeds/seed-002.yaml'), 'utf8')).validation, recipeBlock('seed-002').validation, 'the fixture\'s validation: is the page\'s')
  const base = await serve(t, 'seed-002', (app) => app.errors.PRODUCT_NOT_FOUND({ product_id: 'prod_456' }))
  const since = Date.now()
  const answer = async (t: Test, name: Case): Promise<Answer> => stamped(t, await call(base, name), since)

  t.test('a thrown catalog error with details', async (t) => {
    // Seed: {"code":"PRODUCT_NOT_FOUND","message":"상품을 찾을 수 없습니다.","details":{"product_id":"prod_456", …}}
    expectAnswer(t, await answer(t, 'thrown'), 404, JSON.stringify({
      code: 'PRODUCT_NOT_FOUND', message: '상품을 찾을 수 없습니다.', details: { product_id: 'prod_456', timestamp: 'T' }
    }))
  })

  t.test('a validation failure of two fields: 422 with the first rule\'s code, the field, its reason and the echoed value', async (t) => {
    // Seed: {"code":"INVALID_EMAIL","message":"올바른 이메일 형식이 아닙니다.","details":{"field":"email","value":"invalid-email", …}}
    expectAnswer(t, await answer(t, 'validation'), 422, JSON.stringify({
      code: 'INVALID_EMAIL', message: '올바른 이메일 형식이 아닙니다.', details: { field: 'email', reason: EMAIL_MESSAGE, value: 'not-an-email', timestamp: 'T' }
    }))
  })

  t.test('an unknown route, a wrong method, a body over bodyLimit, an unsupported content type', async (t) => {
    // Seed ("모든 API 에러는 일관된 형식"): {"code":"ERROR_CODE","message":"…","details":{"field","reason","timestamp"}}
    const body = (code: string, message: string, details: Record<string, unknown> = {}): string => JSON.stringify({ code, message, details: { ...details, timestamp: 'T' } })
    expectAnswer(t, await answer(t, 'notFound'), 404, body('NOT_FOUND', '요청한 리소스를 찾을 수 없습니다.'))
    expectAnswer(t, await answer(t, 'methodNotAllowed'), 405, body('METHOD_NOT_ALLOWED', '이 경로에서는 DELETE 메서드를 사용할 수 없습니다.', { method: 'DELETE', allowed: ['GET', 'HEAD'] }), { allow: 'GET, HEAD' })
    expectAnswer(t, await answer(t, 'tooLarge'), 413, body('PAYLOAD_TOO_LARGE', '요청 본문이 허용된 크기를 넘었습니다.'))
    expectAnswer(t, await answer(t, 'unsupported'), 415, body('UNSUPPORTED_MEDIA_TYPE', '지원하지 않는 콘텐츠 형식입니다.'))
  })

  t.test('a crash answers the team\'s INTERNAL_SERVER_ERROR (roles: { internal: INTERNAL_SERVER_ERROR })', async (t) => {
    // Seed: | 500 | INTERNAL_SERVER_ERROR | 서버 내부 오류 |
    expectAnswer(t, await answer(t, 'crash'), 500, JSON.stringify({ code: 'INTERNAL_SERVER_ERROR', message: '서버 내부 오류가 발생했습니다.', details: { timestamp: 'T' } }))
  })
})
