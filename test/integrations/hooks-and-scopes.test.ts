/**
 * What wins for errors thrown in hooks and in encapsulated plugins (docs/integrations.md "Hooks and scopes"):
 * onRequest, preHandler, preSerialization and a one-time onSend error reach the catalog's handler; an onSend hook
 * that throws again on the error answer ends in Fastify's own fallback; a child scope's setErrorHandler wins
 * for its routes, and rethrowing from it hands the error to the catalog.
 */
import t from 'tap'
import Fastify from 'fastify'
import { errorCatalog, type CatalogErrorEvent } from '../../src/index.js'

const SESSION = { status: 404, message: '세션을 찾을 수 없습니다.' }
const body = (requestId: string) => ({ code: 'SESSION_NOT_FOUND', status: 404, message: '세션을 찾을 수 없습니다.', retryable: false, suggestions: [], requestId })

t.test('hooks and scopes', async (t) => {
  const app = Fastify()
  const seen: string[] = []
  await app.register(errorCatalog, { catalog: { version: 1, errors: { SESSION_NOT_FOUND: SESSION } }, onCatalogError: (event: CatalogErrorEvent) => { seen.push(`${event.request.url} ${event.code}`) } })
  for (const hook of ['onRequest', 'preHandler', 'preSerialization'] as const) {
    await app.register(async (child) => {
      child.addHook(hook, async () => { throw app.errors.SESSION_NOT_FOUND() })
      child.get(`/${hook}`, async () => ({ ok: true }))
    })
  }
  await app.register(async (child) => {
    // Throws for the route's own payload only: the error answer passes.
    child.addHook('onSend', async (_request, reply, payload) => {
      if (reply.statusCode < 400) throw app.errors.SESSION_NOT_FOUND()
      return payload
    })
    child.get('/onSend-once', async () => ({ ok: true }))
  })
  await app.register(async (child) => {
    child.addHook('onSend', async () => { throw new Error('onSend always fails') })
    child.get('/onSend-always', async () => ({ ok: true }))
  })
  await app.register(async (child) => {
    child.setErrorHandler((_error, _request, reply) => { reply.code(418).send({ own: true }) })
    child.get('/own-handler', async () => { throw app.errors.SESSION_NOT_FOUND() })
  })
  await app.register(async (child) => {
    child.setErrorHandler((error) => { throw error })
    child.get('/rethrown', async () => { throw app.errors.SESSION_NOT_FOUND() })
  })
  t.teardown(() => app.close())

  let id = 0
  for (const hook of ['onRequest', 'preHandler', 'preSerialization', 'onSend-once']) {
    const res = await app.inject(`/${hook}`)
    t.equal(res.statusCode, 404, hook)
    t.equal(res.headers['content-type'], 'application/json; charset=utf-8', hook)
    t.same(res.json(), body(`req-${++id}`), hook)
  }

  const always = await app.inject('/onSend-always')
  id++
  t.equal(always.statusCode, 500)
  t.same(always.json(), { statusCode: 500, error: 'Internal Server Error', message: 'onSend always fails' }, 'Fastify\'s fallback: the hook fails on the error answer too')

  const own = await app.inject('/own-handler')
  id++
  t.equal(own.statusCode, 418)
  t.same(own.json(), { own: true }, 'the child scope\'s handler wins for its routes')

  const rethrown = await app.inject('/rethrown')
  t.same(rethrown.json(), body(`req-${++id}`), 'rethrown from the child handler: the catalog answers')

  t.same(seen, [
    '/onRequest SESSION_NOT_FOUND',
    '/preHandler SESSION_NOT_FOUND',
    '/preSerialization SESSION_NOT_FOUND',
    '/onSend-once SESSION_NOT_FOUND',
    '/onSend-always INTERNAL_ERROR',
    '/rethrown SESSION_NOT_FOUND'
  ], 'the catalog saw each error it answered once, and none that the child handler answered')
})
