/** The recipes of docs/wire-formats.md, read from the page itself, answer the seeds' shapes byte for byte. */
import t, { type Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import { readFileSync } from 'node:fs'
import swagger from '@fastify/swagger'
import { parse } from 'yaml'
import { buildApp, fixture } from '../helpers/app.js'
import { checkerOf, dereferenced, type Document } from '../helpers/openapi.js'
import { recipe, recipeBlock, WIRE_FORMATS_PAGE as page } from '../helpers/recipes.js'

function routes (app: FastifyInstance): void {
  app.get('/sessions/:code', async (request) => { throw app.errors.SESSION_NOT_FOUND({ sessionCode: (request.params as { code: string }).code }) })
  app.post('/users', { schema: { body: { type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' } } } } }, async () => 'ok')
  app.get('/crash', async () => { throw new Error('secret') })
}

const SESSION_MESSAGE = '세션을 찾을 수 없습니다. (세션 코드 A1)'
const INVALID = '입력값이 올바르지 않습니다.'

t.test('seed 000 (MobileGPT): { error: { code, message, details, field_errors }, status }', async (t) => {
  const app = await buildApp({ envelope: recipe('seed-000') }, routes)
  const res = await app.inject('/sessions/A1')
  t.equal(res.headers['content-type'], 'application/json; charset=utf-8')
  t.equal(res.body, '{"error":{"code":"SESSION_NOT_FOUND","message":"' + SESSION_MESSAGE + '","details":{"sessionCode":"A1"}},"status":404}')
  t.ok(page.includes(res.body), 'the page shows these bytes')
  const invalid = await app.inject({ method: 'POST', url: '/users', payload: { email: 'bad' } })
  t.equal(invalid.statusCode, 400)
  const message = invalid.json().error.field_errors.email[0]
  t.match(message, /이메일/)
  t.equal(invalid.body, JSON.stringify({
    error: { code: 'VALIDATION_ERROR', message: INVALID, details: { location: 'body' }, field_errors: { email: [message] } },
    status: 400
  }))
})

t.test('seed 004 (FastAPI): { error_code, message, detail, timestamp }', async (t) => {
  const app = await buildApp({ envelope: recipe('seed-004') }, routes)
  const stamp = (body: string): string => body.replace(/"timestamp":"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)"/, '"timestamp":"T"')
  const res = await app.inject('/sessions/A1')
  t.equal(stamp(res.body), '{"error_code":"SESSION_NOT_FOUND","message":"' + SESSION_MESSAGE + '","detail":{"sessionCode":"A1"},"timestamp":"T"}')
  const invalid = await app.inject({ method: 'POST', url: '/users', payload: {} })
  const message = invalid.json().detail[0].msg
  t.match(message, /email/)
  t.equal(stamp(invalid.body), JSON.stringify({
    error_code: 'VALIDATION_ERROR',
    message: INVALID,
    detail: [{ type: 'required', loc: ['body', 'email'], msg: message }],
    timestamp: 'T'
  }), 'the field error list wins over the details')
  const crash = await app.inject('/crash')
  t.equal(crash.statusCode, 500)
  t.equal(stamp(crash.body), '{"error_code":"INTERNAL_ERROR","message":"요청을 처리하는 중 서버에서 오류가 발생했습니다.","detail":null,"timestamp":"T"}')
})

/** Seed 002's catalog (test/fixtures/validation-codes.yaml) with the recipe's `validation:`; `echo: false` leaves the opt-in out. */
function seed002Catalog (echo = true): Record<string, unknown> {
  const { validation } = recipeBlock('seed-002')
  const catalog = parse(readFileSync(fixture('validation-codes.yaml'), 'utf8')) as Record<string, unknown>
  const { echo: _, ...codes } = validation ?? {}
  return { ...catalog, validation: echo ? validation : codes }
}

const SEED_002_BODY = {
  type: 'object',
  required: ['email', 'password'],
  properties: {
    email: { type: 'string', format: 'email', title: '이메일' },
    password: { type: 'string', minLength: 8, writeOnly: true, title: '비밀번호' },
    title: { type: 'string', maxLength: 5, title: '상품 제목' },
    price: { type: 'integer', maximum: 100 },
    nickname: { type: 'string', minLength: 2, title: '닉네임' },
    website: { type: 'string', format: 'uri', title: '웹사이트' }
  }
}

async function seed002App (t: Test, echo = true): Promise<FastifyInstance> {
  const app = await buildApp({ catalog: seed002Catalog(echo), envelope: recipe('seed-002') }, async (app) => {
    await app.register(swagger, app.errorCatalogSwagger({ openapi: { openapi: '3.1.0', info: { title: 'seed 002', version: '1.0.0' } } }))
    // The codes of `validation.codes` are implied by the body schema: the route does not list them.
    app.post('/products', { schema: { body: SEED_002_BODY } }, async () => 'ok')
    app.get('/products/:id', { schema: { errors: ['PRODUCT_NOT_FOUND'] } }, async (request) => { throw app.errors.PRODUCT_NOT_FOUND({ product_id: (request.params as { id: string }).id }) })
  }, { ajv: { customOptions: { allErrors: true } } })
  t.teardown(() => app.close())
  return app
}

/** The body with its `timestamp` (an ISO 8601 UTC time) replaced by the page's example time. */
function stamped (body: string): string {
  return body.replace(/"timestamp":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"/, '"timestamp":"2026-03-02T00:00:00.000Z"')
}

/** Checks each body against the OpenAPI component schema of its code in the app's document. */
async function schemaCheck (app: FastifyInstance): Promise<(body: string) => string> {
  const document = await dereferenced(await app.swagger() as Document)
  return (body) => {
    const value = JSON.parse(body) as { code: string }
    return checkerOf(document.components.schemas[value.code])(value)
  }
}

t.test('seed 002 (marketplace): validation answered with the catalog\'s own codes, 422, details { field, reason, value, timestamp }', async (t) => {
  const app = await seed002App(t)
  const valid = await schemaCheck(app)
  const documented = JSON.stringify((await dereferenced(await app.swagger() as Document)).paths['/products'].post.responses['422'])
  for (const code of ['VALIDATION_ERROR', 'INVALID_EMAIL', 'PASSWORD_TOO_WEAK', 'REQUIRED_FIELD_MISSING']) {
    t.ok(documented.includes(`"${code}"`), `${code} is documented on the route with a body schema, which does not list it`)
  }
  const post = async (payload: object, headers: Record<string, string> = {}): Promise<{ status: number, body: string }> => {
    const res = await app.inject({ method: 'POST', url: '/products', payload, headers })
    return { status: res.statusCode, body: stamped(res.body) }
  }

  const email = await post({ email: 'invalid-email', password: 'long-enough' })
  t.equal(email.status, 422)
  t.equal(email.body, '{"code":"INVALID_EMAIL","message":"올바른 이메일 형식이 아닙니다.","details":{"field":"email","reason":"이메일은 올바른 이메일 주소여야 합니다.","value":"invalid-email","timestamp":"2026-03-02T00:00:00.000Z"}}')
  t.ok(page.includes(email.body), 'the page shows these bytes')
  t.equal(valid(email.body), '', 'INVALID_EMAIL validates against its OpenAPI schema')

  const weak = await post({ email: 'buyer@example.com', password: 'short' })
  t.equal(weak.status, 422)
  t.equal(weak.body, '{"code":"PASSWORD_TOO_WEAK","message":"비밀번호는 최소 8자 이상이어야 합니다.","details":{"field":"password","reason":"비밀번호는 8자 이상이어야 합니다.","timestamp":"2026-03-02T00:00:00.000Z"}}',
    'a writeOnly (password) field is never echoed, even with echo on')
  t.ok(page.includes(weak.body.replace('2026-03-02T00:00:00.000Z', '…')), 'the page shows these bytes')
  t.equal(valid(weak.body), '')

  const missing = await post({ password: 'long-enough' })
  t.equal(missing.body, '{"code":"REQUIRED_FIELD_MISSING","message":"필수 필드가 누락되었습니다.","details":{"field":"email","reason":"이메일은 필수 항목입니다.","timestamp":"2026-03-02T00:00:00.000Z"}}',
    'the code\'s declared `field` detail and the field error name the same field once')
  t.equal(valid(missing.body), '')

  // Ajv reports `required` (title's absence is fine; password's is not) before the email's format: the rules decide, in their order.
  const both = await post({ email: 'nope' })
  t.match(JSON.parse(both.body), { code: 'INVALID_EMAIL', details: { field: 'email', value: 'nope' } }, 'the first rule that matches wins, whatever Ajv reported first')

  const unmapped = await post({ email: 'buyer@example.com', password: 'long-enough', title: '너무 긴 상품 제목', price: 1 })
  t.equal(unmapped.status, 422, 'the catalog\'s VALIDATION_ERROR status')
  t.equal(unmapped.body, '{"code":"VALIDATION_ERROR","message":"입력값이 올바르지 않습니다.","details":{"location":"body","field":"title","reason":"상품 제목은 5자 이하여야 합니다.","value":"너무 긴 상품 제목","timestamp":"2026-03-02T00:00:00.000Z"}}',
    'no rule matches: the validation code, with its own details first')
  t.equal(valid(unmapped.body), '')

  const narrowed = [
    [{ nickname: 'a' }, 'nickname', 'minLength at another field than the rule\'s'],
    [{ website: 'not a uri' }, 'website', 'another format than the rule\'s']
  ] as const
  for (const [extra, field, why] of narrowed) {
    const other = JSON.parse((await post({ email: 'buyer@example.com', password: 'long-enough', ...extra })).body)
    t.match(other, { code: 'VALIDATION_ERROR', details: { field } }, `${why}: no rule matches`)
  }

  const number = await post({ email: 'buyer@example.com', password: 'long-enough', price: 1000 })
  t.match(JSON.parse(number.body), { code: 'VALIDATION_ERROR', details: { field: 'price', value: 1000 } }, 'a number is echoed as a number')
  t.equal(valid(number.body), '')

  const long = await post({ email: '😀'.repeat(60), password: 'long-enough' })
  const value = (JSON.parse(long.body) as { details: { value: string } }).details.value
  t.equal(value, '😀'.repeat(39) + '…', 'a long string: 40 code points in all, the last an ellipsis (no emoji cut in half)')
  t.equal(valid(long.body), '')

  const english = await post({ email: 'invalid-email', password: 'long-enough' }, { 'accept-language': 'en' })
  t.match(JSON.parse(english.body), { code: 'INVALID_EMAIL', message: 'The email address is not valid.', details: { field: 'email', value: 'invalid-email' } }, 'the mapped code speaks the request\'s language')
  t.notMatch(JSON.parse(english.body).details.reason, /[가-힣]/, 'and so does the field message')

  const product = await app.inject('/products/prod_456')
  t.equal(product.statusCode, 404)
  t.equal(stamped(product.body), '{"code":"PRODUCT_NOT_FOUND","message":"상품을 찾을 수 없습니다.","details":{"product_id":"prod_456","timestamp":"2026-03-02T00:00:00.000Z"}}', 'other codes: their details, then the time')
  t.equal(valid(product.body), '')
})

t.test('seed 002 without `validation.echo`: the rejected value is never sent', async (t) => {
  const app = await seed002App(t, false)
  const valid = await schemaCheck(app)
  const res = await app.inject({ method: 'POST', url: '/products', payload: { email: 'invalid-email', password: 'long-enough' } })
  t.equal(stamped(res.body), '{"code":"INVALID_EMAIL","message":"올바른 이메일 형식이 아닙니다.","details":{"field":"email","reason":"이메일은 올바른 이메일 주소여야 합니다.","timestamp":"2026-03-02T00:00:00.000Z"}}')
  t.equal(valid(res.body), '')
  const unmapped = await app.inject({ method: 'POST', url: '/products', payload: { email: 'buyer@example.com', password: 'long-enough', title: '너무 긴 상품 제목' } })
  t.notOk('value' in unmapped.json().details, 'nor on the validation code')
  // Ajv reports the missing password before the email's format; the email rule comes first, so the answer is about the email.
  const both = await app.inject({ method: 'POST', url: '/products', payload: { email: 'nope' } })
  const body = both.json()
  t.match(body, { code: 'INVALID_EMAIL', details: { field: 'email', reason: '이메일은 올바른 이메일 주소여야 합니다.' } }, '$field and $fieldMessage are the matched field\'s')
  t.equal(valid(both.body), '')
})
