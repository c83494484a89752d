/** The recipes of docs/wire-formats.md, read from the page itself, answer the seeds' shapes byte for byte. */
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../helpers/app.js'
import { recipe, WIRE_FORMATS_PAGE as page } from '../helpers/recipes.js'

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
