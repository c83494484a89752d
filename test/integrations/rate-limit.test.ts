/** @fastify/rate-limit: its 429 answers RATE_LIMIT_EXCEEDED in the envelope, its own headers kept. */
import t from 'tap'
import Fastify from 'fastify'
import rateLimit from '@fastify/rate-limit'
import { errorCatalog, rateLimitErrorResponse } from '../../src/index.js'

async function appWith (builder: boolean) {
  const app = Fastify()
  await app.register(errorCatalog, { catalog: { version: 1, errors: {} } })
  await app.register(rateLimit, { max: 2, timeWindow: 60_000, ...(builder ? { errorResponseBuilder: rateLimitErrorResponse } : {}) })
  app.get('/lectures', async () => ({ ok: true }))
  await app.ready()
  return app
}

const SUGGESTION = '잠시 후 다시 시도하세요. Retry-After 헤더가 있으면 그 시간만큼 기다리세요.'

t.test('with rateLimitErrorResponse: RATE_LIMIT_EXCEEDED, typed details, Retry-After and x-ratelimit-* kept', async (t) => {
  const app = await appWith(true)
  t.teardown(() => app.close())
  t.equal((await app.inject('/lectures')).statusCode, 200)
  t.equal((await app.inject('/lectures')).statusCode, 200)
  const res = await app.inject('/lectures')
  t.equal(res.statusCode, 429)
  t.equal(res.headers['content-type'], 'application/json; charset=utf-8')
  t.equal(res.headers['retry-after'], '60')
  t.equal(res.headers['x-ratelimit-limit'], '2')
  t.equal(res.headers['x-ratelimit-remaining'], '0')
  t.equal(res.headers['x-ratelimit-reset'], '60')
  t.same(res.json(), {
    code: 'RATE_LIMIT_EXCEEDED',
    status: 429,
    message: '요청 한도를 초과했습니다.',
    retryable: true,
    suggestions: [SUGGESTION],
    details: { limit: 2, resetAfter: 60 },
    requestId: 'req-3'
  })
})

t.test('without the builder the 429 still answers RATE_LIMIT_EXCEEDED (by status), with the plugin headers', async (t) => {
  const app = await appWith(false)
  t.teardown(() => app.close())
  await app.inject('/lectures')
  await app.inject('/lectures')
  const res = await app.inject('/lectures')
  t.equal(res.statusCode, 429)
  t.equal(res.headers['retry-after'], '60')
  t.equal(res.headers['x-ratelimit-limit'], '2')
  t.same(res.json(), { code: 'RATE_LIMIT_EXCEEDED', status: 429, message: '요청 한도를 초과했습니다.', retryable: true, suggestions: [SUGGESTION], requestId: 'req-3' })
})

t.test('a ban (403) answers by its status: FORBIDDEN', async (t) => {
  const app = Fastify()
  await app.register(errorCatalog, { catalog: { version: 1, errors: {} } })
  await app.register(rateLimit, { max: 1, ban: 0, timeWindow: 60_000, errorResponseBuilder: rateLimitErrorResponse })
  app.get('/x', async () => ({ ok: true }))
  t.teardown(() => app.close())
  await app.inject('/x')
  const res = await app.inject('/x')
  t.equal(res.statusCode, 403)
  t.equal(res.json().code, 'FORBIDDEN')
})
