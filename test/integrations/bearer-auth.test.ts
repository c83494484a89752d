/**
 * @fastify/bearer-auth answers on its own (`{"error":"missing authorization header"}`) unless its
 * `errorResponse` returns the error itself: then `reply.send(error)` reaches the catalog's handler.
 */
import t from 'tap'
import Fastify from 'fastify'
import bearerAuth from '@fastify/bearer-auth'
import { errorCatalog } from '../../src/index.js'
import { authRequiredBody } from '../helpers/bodies.js'

async function appWith (routed: boolean) {
  const app = Fastify()
  await app.register(errorCatalog, { catalog: { version: 1, errors: {} } })
  // The one-line setting (docs/integrations.md): errorResponse: (error) => error
  await app.register(bearerAuth, { keys: new Set(['key-1']), verifyErrorLogLevel: '', ...(routed ? { errorResponse: (error: Error) => error } : {}) } as never)
  app.get('/me', async () => ({ ok: true }))
  await app.ready()
  return app
}

t.test('without the setting the plugin leaks its own body (what the setting is for)', async (t) => {
  const app = await appWith(false)
  t.teardown(() => app.close())
  const res = await app.inject('/me')
  t.equal(res.statusCode, 401)
  t.same(res.json(), { error: 'missing authorization header' })
})

t.test('with errorResponse: (error) => error, missing and wrong keys answer in the envelope', async (t) => {
  const app = await appWith(true)
  t.teardown(() => app.close())
  t.equal((await app.inject({ url: '/me', headers: { authorization: 'Bearer key-1' } })).statusCode, 200)

  const missing = await app.inject('/me')
  t.equal(missing.statusCode, 401)
  t.equal(missing.headers['www-authenticate'], 'Bearer')
  t.equal(missing.headers['content-type'], 'application/json; charset=utf-8')
  t.same(missing.json(), authRequiredBody('req-2'))

  const wrong = await app.inject({ url: '/me', headers: { authorization: 'Bearer nope' } })
  t.equal(wrong.statusCode, 401)
  t.equal(wrong.headers['www-authenticate'], 'Bearer error="invalid_token"')
  t.equal(wrong.json().code, 'TOKEN_INVALID')
})
