/** @fastify/sensible: `httpErrors.*` thrown and `reply.notFound()` & co. answer in the envelope, headers kept. */
import t from 'tap'
import Fastify from 'fastify'
import sensible from '@fastify/sensible'
import { errorCatalog } from '../../src/index.js'

t.test('httpErrors.* and reply.* helpers answer the catalog code of their status', async (t) => {
  const app = Fastify()
  await app.register(errorCatalog, { catalog: { version: 1, errors: {} } })
  await app.register(sensible)
  app.get('/thrown', async () => { throw app.httpErrors.conflict('row version 3 is stale') })
  app.get('/reply', async (_request, reply) => reply.notFound('no lecture 7'))
  app.get('/unauthorized', async () => { throw app.httpErrors.unauthorized() })
  app.get('/challenge', async () => { throw app.httpErrors.createError(401, 'nope', { headers: { 'www-authenticate': 'Basic realm="admin"' } }) })
  t.teardown(() => app.close())

  const thrown = await app.inject('/thrown')
  t.equal(thrown.statusCode, 409)
  t.same(thrown.json(), { code: 'CONFLICT', status: 409, message: '요청이 리소스의 현재 상태와 충돌합니다.', retryable: false, suggestions: ['최신 상태를 다시 불러온 뒤 시도하세요.'], requestId: 'req-1' })

  const replied = await app.inject('/reply')
  t.equal(replied.statusCode, 404)
  t.equal(replied.headers['content-type'], 'application/json; charset=utf-8')
  t.same(replied.json(), { code: 'NOT_FOUND', status: 404, message: '요청한 리소스를 찾을 수 없습니다.', retryable: false, suggestions: ['요청 주소를 확인하세요.'], requestId: 'req-2' })

  const unauthorized = await app.inject('/unauthorized')
  t.equal(unauthorized.json().code, 'UNAUTHORIZED')
  t.equal(unauthorized.headers['www-authenticate'], 'Bearer', 'a 401 always carries a challenge')
  t.equal((await app.inject('/challenge')).headers['www-authenticate'], 'Basic realm="admin"', 'the error\'s own challenge wins')
})
