/** `onCatalogError`: once per answered error, with code, status, serverError, request and the thrown value itself. */
import t from 'tap'
import Fastify from 'fastify'
import { errorCatalog, type CatalogErrorEvent } from '../../src/index.js'

const CATALOG = { version: 1 as const, errors: { SESSION_NOT_FOUND: { status: 404, message: '세션을 찾을 수 없습니다.' } } }

t.test('called once per error, 5xx told apart, the original thrown value passed', async (t) => {
  const events: CatalogErrorEvent[] = []
  const app = Fastify()
  await app.register(errorCatalog, { catalog: CATALOG, onCatalogError: (event) => { events.push(event) }, logLevels: { server: 'silent' } })
  const failure = new Error('db down')
  app.get('/sessions/:code', async () => { throw app.errors.SESSION_NOT_FOUND() })
  app.get('/boom', async () => { throw failure })
  app.get('/ok', async () => ({ ok: true }))
  t.teardown(() => app.close())

  await app.inject('/sessions/A1')
  await app.inject('/boom')
  await app.inject('/ok')
  await app.inject('/nowhere')
  t.same(events.map(({ code, status, serverError, request }) => [code, status, serverError, request.url]), [
    ['SESSION_NOT_FOUND', 404, false, '/sessions/A1'],
    ['INTERNAL_ERROR', 500, true, '/boom'],
    ['NOT_FOUND', 404, false, '/nowhere']
  ])
  t.equal(events[1].error, failure, 'the thrown value itself, for a reporter')
  t.equal((events[0].error as { code: string }).code, 'SESSION_NOT_FOUND')
})

t.test('a hook that throws or rejects does not break the answer, and is logged', async (t) => {
  for (const hook of [
    () => { throw new Error('reporter down') },
    async () => { throw new Error('reporter down') }
  ]) {
    const lines: Array<{ msg: string, level: number }> = []
    const stream = { write: (line: string) => { lines.push(JSON.parse(line)) } }
    const app = Fastify({ logger: { level: 'warn', stream } })
    await app.register(errorCatalog, { catalog: CATALOG, onCatalogError: hook, logLevels: { server: 'silent' } })
    app.get('/boom', async () => { throw new Error('db down') })
    const res = await app.inject('/boom')
    t.equal(res.statusCode, 500)
    t.equal(res.json().code, 'INTERNAL_ERROR')
    await new Promise((resolve) => setImmediate(resolve))
    t.ok(lines.some((line) => line.level === 40 && line.msg.includes('onCatalogError') && line.msg.includes('reporter down')), 'logged at warn')
    await app.close()
  }
})

t.test('createErrorHandler takes the hook too', async (t) => {
  const { compileCatalog, createErrorHandler } = await import('../../src/index.js')
  const seen: string[] = []
  const app = Fastify()
  app.setErrorHandler(createErrorHandler(compileCatalog(CATALOG), { onCatalogError: ({ code }) => { seen.push(code) } }))
  app.get('/boom', async () => { throw new Error('db down') })
  t.teardown(() => app.close())
  await app.inject('/boom')
  t.same(seen, ['INTERNAL_ERROR'])
})

t.test('a non-function is refused', async (t) => {
  const app = Fastify()
  t.teardown(() => app.close())
  await t.rejects(async () => { await app.register(errorCatalog, { catalog: CATALOG, onCatalogError: 'nope' as never }) }, { code: 'FEC_ERR_OPTIONS_INVALID' })
})
