/** @fastify/helmet: its security headers are on every error answer, the catalog's and the not-found handler's. */
import t from 'tap'
import Fastify from 'fastify'
import helmet from '@fastify/helmet'
import { errorCatalog } from '../../src/index.js'

t.test('helmet headers on thrown, unknown-route and 500 answers', async (t) => {
  const app = Fastify()
  await app.register(errorCatalog, { catalog: { version: 1, errors: { LECTURE_NOT_FOUND: { status: 404, message: '강의를 찾을 수 없습니다.' } } }, logLevels: { server: 'silent' } })
  await app.register(helmet)
  app.get('/lectures/:id', async () => { throw app.errors.LECTURE_NOT_FOUND() })
  app.get('/boom', async () => { throw new Error('db password in here') })
  t.teardown(() => app.close())
  for (const [url, code] of [['/lectures/1', 'LECTURE_NOT_FOUND'], ['/nowhere', 'NOT_FOUND'], ['/boom', 'INTERNAL_ERROR']]) {
    const res = await app.inject(url)
    t.equal(res.json().code, code)
    t.equal(res.headers['x-content-type-options'], 'nosniff', url)
    t.equal(res.headers['x-frame-options'], 'SAMEORIGIN', url)
    t.equal(res.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains', url)
    t.match(res.headers['content-security-policy'], /default-src 'self'/, url)
    t.equal(res.headers['content-type'], 'application/json; charset=utf-8', url)
  }
})
