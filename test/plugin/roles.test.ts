// A catalog that names its own codes for the plugin's roles (seed 000's SERVER_ERROR as the catch-all, …): every
// answer the plugin makes by itself uses them, over a real `listen` on 127.0.0.1, and the OpenAPI document says so.
import t, { type Test } from 'tap'
import Fastify, { type FastifyInstance } from 'fastify'
import swagger from '@fastify/swagger'
import rateLimit from '@fastify/rate-limit'
import { errorCatalog, loadCatalogSync, rateLimitErrorResponse } from '../../src/index.js'
import { fixture } from '../helpers/app.js'
import { resolveRef, openapiProblems, type Document } from '../helpers/openapi.js'

const catalog = loadCatalogSync(fixture('roles/seed-000.yaml'))
const SECRET = 'postgres://admin:s3cret@db.internal:5432'

async function listening (t: Test, routes: (app: FastifyInstance) => void): Promise<string> {
  const app = Fastify({ logger: false })
  await app.register(errorCatalog, { catalog })
  routes(app)
  const address = await app.listen({ host: '127.0.0.1', port: 0 })
  t.teardown(() => app.close())
  return address
}

t.test('a crash answers the catalog\'s internal role, SERVER_ERROR with its own message, never INTERNAL_ERROR', async (t) => {
  const base = await listening(t, (app) => {
    app.get('/crash', async () => { throw new Error(`connect ECONNREFUSED ${SECRET}`) })
    app.get('/bare-500', async () => { throw Object.assign(new Error(SECRET), { statusCode: 500 }) })
    // A thrown string is one of the crashes the catch-all answers.
    app.get('/string', async () => { throw SECRET })
  })
  for (const path of ['/crash', '/bare-500', '/string']) {
    const response = await fetch(`${base}${path}`)
    const text = await response.text()
    t.equal(response.status, 500, path)
    const { requestId, ...body } = JSON.parse(text)
    t.match(requestId, /^req-\d+$/)
    t.same(body, {
      code: 'SERVER_ERROR',
      status: 500,
      message: '서버 내부 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.',
      retryable: false,
      suggestions: []
    }, `${path}: the catalog's catch-all`)
    t.notMatch(text, /INTERNAL_ERROR|s3cret/, `${path}: nothing of the builtin code or the thrown value`)
  }
})

t.test('unknown routes, wrong methods and schema failures answer the codes the catalog names for them', async (t) => {
  const base = await listening(t, (app) => {
    app.post('/users', { schema: { body: { type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' } } } } }, async () => ({ ok: true }))
    app.get('/bare-404', async () => { throw Object.assign(new Error('gone'), { statusCode: 404 }) })
  })
  const missing = await fetch(`${base}/nowhere`)
  t.equal(missing.status, 404)
  t.equal((await missing.json() as { code: string }).code, 'ROUTE_NOT_FOUND')
  const bare = await fetch(`${base}/bare-404`)
  t.equal(bare.status, 404)
  t.equal((await bare.json() as { code: string }).code, 'ROUTE_NOT_FOUND', 'an error carrying only 404 takes the notFound role too')
  const wrong = await fetch(`${base}/users`, { method: 'DELETE' })
  t.equal(wrong.status, 405)
  t.equal(wrong.headers.get('allow'), 'POST')
  t.equal((await wrong.json() as { code: string }).code, 'WRONG_METHOD')
  const invalid = await fetch(`${base}/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'not-an-email' }) })
  t.equal(invalid.status, 422, 'the validation role\'s own status')
  const body = await invalid.json() as { code: string, message: string, fieldErrors?: Record<string, string[]> }
  t.equal(body.code, 'INPUT_INVALID')
  t.equal(body.message, '입력 데이터가 유효하지 않습니다.')
  t.same(Object.keys(body.fieldErrors ?? {}), ['email'], 'the validation role\'s code carries the field errors')
})

t.test('@fastify/rate-limit\'s 429 answers the rateLimited role', async (t) => {
  const app = Fastify()
  await app.register(errorCatalog, { catalog })
  await app.register(rateLimit, { max: 1, timeWindow: 60_000, errorResponseBuilder: rateLimitErrorResponse })
  app.get('/x', async () => ({ ok: true }))
  t.teardown(() => app.close())
  await app.inject('/x')
  const response = await app.inject('/x')
  t.equal(response.statusCode, 429)
  t.equal(response.json().code, 'TOO_MANY_REQUESTS')
  t.equal(response.json().message, '요청이 너무 많습니다. 60초 후에 다시 시도하세요.')
})

t.test('OpenAPI documents the role codes on routes, not the builtin ones', async (t) => {
  const app = Fastify()
  await app.register(errorCatalog, { catalog })
  await app.register(swagger, app.errorCatalogSwagger({ openapi: { info: { title: 'roles', version: '1' } } }))
  app.get('/plain', async () => 'ok')
  app.post('/users', { schema: { body: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 2 } } } } }, async () => 'ok')
  t.teardown(() => app.close())
  await app.ready()
  const document = (app as unknown as { swagger: () => Document }).swagger()
  const codesOf = (path: string, method: string): Record<string, string[]> => Object.fromEntries(Object.entries<Document>(document.paths[path][method].responses)
    .filter(([status]) => status !== '200').map(([status, response]) => [status, resolveRef(document, response)['x-error-codes'] ?? []]))
  t.same(codesOf('/plain', 'get'), { 500: ['SERVER_ERROR'] })
  t.same(codesOf('/users', 'post'), { 400: ['INVALID_JSON'], 413: ['PAYLOAD_TOO_LARGE'], 415: ['UNSUPPORTED_MEDIA_TYPE'], 422: ['INPUT_INVALID'], 500: ['SERVER_ERROR'] })
  const text = JSON.stringify(document.paths)
  t.notMatch(text, /INTERNAL_ERROR|VALIDATION_ERROR/, 'the builtin codes of renamed roles are not on any route')
  t.same(document.paths['/users'].post.responses[422], { $ref: '#/components/responses/INPUT_INVALID.body.name' }, 'the route\'s own validation example is named after the role\'s code')
  t.match(document.components.examples['INPUT_INVALID.body.name'].value, { code: 'INPUT_INVALID', fieldErrors: { name: [String] } }, 'with the route\'s own field')
  t.equal(await openapiProblems(document), '')
})
