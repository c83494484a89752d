/** @fastify/under-pressure: its 503 answers SERVICE_UNAVAILABLE (retryable) with the plugin's Retry-After. */
import t from 'tap'
import Fastify from 'fastify'
import underPressure from '@fastify/under-pressure'
import { errorCatalog } from '../../src/index.js'

t.test('an unhealthy server answers SERVICE_UNAVAILABLE with Retry-After', async (t) => {
  const app = Fastify()
  await app.register(errorCatalog, { catalog: { version: 1, errors: {} } })
  // A failing health check puts every request under pressure, deterministically.
  await app.register(underPressure, { healthCheck: async () => false, healthCheckInterval: 60_000, retryAfter: 7 })
  app.get('/lectures', async () => ({ ok: true }))
  t.teardown(() => app.close())
  await app.ready()
  const res = await app.inject('/lectures')
  t.equal(res.statusCode, 503)
  t.equal(res.headers['retry-after'], '7')
  t.equal(res.headers['content-type'], 'application/json; charset=utf-8')
  t.same(res.json(), {
    code: 'SERVICE_UNAVAILABLE',
    status: 503,
    message: '일시적으로 서비스를 이용할 수 없습니다.',
    retryable: true,
    suggestions: ['잠시 후 다시 시도하세요.'],
    requestId: 'req-1'
  })
})

t.test('the mapping is by code: a catalog can send FST_UNDER_PRESSURE to its own code', async (t) => {
  const app = Fastify()
  await app.register(errorCatalog, {
    catalog: { version: 1, errors: { OVERLOADED: { status: 503, message: '지금은 요청이 많아 처리할 수 없습니다.', retryable: true, maps: ['FST_UNDER_PRESSURE'] } } }
  })
  await app.register(underPressure, { healthCheck: async () => false, healthCheckInterval: 60_000 })
  app.get('/lectures', async () => ({ ok: true }))
  t.teardown(() => app.close())
  const res = await app.inject('/lectures')
  t.equal(res.statusCode, 503)
  t.equal(res.json().code, 'OVERLOADED')
  t.equal(res.headers['retry-after'], '10')
})
