/**
 * Serialization stays exact: the bytes the client receives are the envelope the handler built, whatever
 * response schema the route declares for that status (Fastify does not re-serialize a string payload).
 */
import Fastify from 'fastify'
import t from 'tap'
import { errorCatalog } from '../../src/index.js'
import { catalogFile } from '../helpers/app.js'

const catalog = catalogFile('example.yaml')

/** The exact body, member order included, that SESSION_FULL must produce. */
function expected (requestId: string): string {
  return JSON.stringify({
    code: 'SESSION_FULL',
    status: 409,
    message: '세션 정원(30명)이 모두 찼습니다.',
    retryable: false,
    suggestions: ['빈자리가 생기면 다시 참여하세요.'],
    details: { sessionCode: 'AB12CD', capacity: 30 },
    requestId
  })
}

async function appWith (routeSchema: Record<string, unknown> | undefined) {
  const app = Fastify()
  await app.register(errorCatalog, { catalog })
  app.post('/sessions/:code/participants', {
    schema: { errors: ['SESSION_FULL'], ...(routeSchema === undefined ? {} : { response: routeSchema }) }
  }, async () => { throw app.errors.SESSION_FULL({ sessionCode: 'AB12CD', capacity: 30 }) })
  await app.ready()
  return app
}

const ROUTE_SCHEMAS: Array<[string, Record<string, unknown> | undefined]> = [
  ['no response schema', undefined],
  ['a 409 schema that knows only `code`', { 409: { type: 'object', properties: { code: { type: 'string' } } } }],
  ['a 409 schema that requires a member the envelope lacks', { 409: { type: 'object', required: ['reason'], properties: { reason: { type: 'string' } } } }],
  ['a 4xx schema that coerces `status` to a string', { '4xx': { type: 'object', properties: { status: { type: 'string' }, message: { type: 'integer' } } } }],
  ['a default schema with additionalProperties false', { default: { type: 'object', additionalProperties: false, properties: {} } }]
]

for (const [name, schema] of ROUTE_SCHEMAS) {
  t.test(`the body is byte-for-byte the envelope with ${name}`, async (t) => {
    const app = await appWith(schema)
    t.teardown(() => app.close())
    const response = await app.inject({ method: 'POST', url: '/sessions/AB12CD/participants' })
    t.equal(response.statusCode, 409)
    t.equal(response.headers['content-type'], 'application/json; charset=utf-8')
    t.equal(response.body, expected(response.json().requestId))
    t.equal(response.headers['content-length'], String(Buffer.byteLength(response.body)))
  })
}

t.test('the bytes are the same over a real listen on 127.0.0.1', async (t) => {
  const app = await appWith({ 409: { type: 'object', required: ['reason'], properties: { reason: { type: 'string' } } } })
  t.teardown(() => app.close())
  const address = await app.listen({ host: '127.0.0.1', port: 0 })
  const response = await fetch(`${address}/sessions/AB12CD/participants`, { method: 'POST' })
  const text = await response.text()
  t.equal(response.status, 409)
  t.equal(text, expected(JSON.parse(text).requestId))
})
