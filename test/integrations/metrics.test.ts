/** prom-client: `http_errors_total{code,status,method,route}` counts each answered error once, by route pattern. */
import t from 'tap'
import Fastify, { type InjectOptions } from 'fastify'
import { Counter, Registry, register } from 'prom-client'
import { errorCatalog } from '../../src/index.js'

async function appWith (registry: Registry) {
  const app = Fastify()
  await app.register(errorCatalog, {
    catalog: { version: 1, errors: { SESSION_NOT_FOUND: { status: 404, message: '세션을 찾을 수 없습니다.' } } },
    metrics: { registry },
    logLevels: { server: 'silent', client: 'silent' }
  })
  app.get('/sessions/:code', async () => { throw app.errors.SESSION_NOT_FOUND() })
  app.post('/sessions', { schema: { body: { type: 'object', required: ['title'], properties: { title: { type: 'string' } } } } }, async () => ({ ok: true }))
  app.get('/boom', async () => { throw new Error('db down') })
  app.get('/ok', async () => ({ ok: true }))
  await app.ready()
  return app
}

t.test('a burst of mixed errors: exact counts per code, route patterns, one label for unknown routes', async (t) => {
  const registry = new Registry()
  const app = await appWith(registry)
  t.teardown(() => app.close())
  const requests: Array<string | InjectOptions> = []
  for (let i = 0; i < 7; i++) requests.push(`/sessions/S${i}`)
  for (let i = 0; i < 3; i++) requests.push('/boom')
  for (let i = 0; i < 4; i++) requests.push({ method: 'POST', url: '/sessions', payload: {} })
  for (let i = 0; i < 5; i++) requests.push(`/nowhere/${i}?q=${i}`)
  for (let i = 0; i < 2; i++) requests.push({ method: 'DELETE', url: '/ok' })
  for (let i = 0; i < 6; i++) requests.push('/ok')
  await Promise.all(requests.map((request) => app.inject(request)))

  const text = await registry.metrics()
  const lines = text.split('\n').filter((line) => line.startsWith('http_errors_total{')).sort()
  t.same(lines, [
    'http_errors_total{code="INTERNAL_ERROR",status="500",method="GET",route="/boom"} 3',
    'http_errors_total{code="METHOD_NOT_ALLOWED",status="405",method="DELETE",route="(unmatched)"} 2',
    'http_errors_total{code="NOT_FOUND",status="404",method="GET",route="(unmatched)"} 5',
    'http_errors_total{code="SESSION_NOT_FOUND",status="404",method="GET",route="/sessions/:code"} 7',
    'http_errors_total{code="VALIDATION_ERROR",status="400",method="POST",route="/sessions"} 4'
  ])
  t.match(text, '# TYPE http_errors_total counter')
  t.notMatch(text, '/nowhere', 'never the raw URL')
})

t.test('a second app on the same registry counts in the same counter', async (t) => {
  const registry = new Registry()
  const one = await appWith(registry)
  const two = await appWith(registry)
  t.teardown(async () => { await one.close(); await two.close() })
  await one.inject('/boom')
  await two.inject('/boom')
  t.match(await registry.metrics(), 'http_errors_total{code="INTERNAL_ERROR",status="500",method="GET",route="/boom"} 2')
})

t.test('a counter of that name the app registered itself is counted through its own inc', async (t) => {
  const registry = new Registry()
  const own = new Counter({ name: 'http_errors_total', help: 'mine', labelNames: ['code', 'status', 'method', 'route'], registers: [registry] })
  const app = await appWith(registry)
  t.teardown(() => app.close())
  await app.inject('/sessions/A1')
  t.equal(registry.getSingleMetric('http_errors_total'), own)
  t.match(await registry.metrics(), 'http_errors_total{code="SESSION_NOT_FOUND",status="404",method="GET",route="/sessions/:code"} 1')
})

t.test('metrics off: nothing is registered in the default registry', async (t) => {
  const app = Fastify()
  await app.register(errorCatalog, { catalog: { version: 1, errors: {} } })
  t.teardown(() => app.close())
  await app.inject('/nowhere')
  t.equal(register.getSingleMetric('http_errors_total'), undefined)
  const on = Fastify()
  await on.register(errorCatalog, { catalog: { version: 1, errors: {} }, metrics: true })
  t.teardown(() => on.close())
  await on.inject('/nowhere')
  t.match(await register.metrics(), 'http_errors_total{code="NOT_FOUND",status="404",method="GET",route="(unmatched)"} 1', 'metrics: true counts in the default registry')
})

t.test('a bad metrics option is refused', async (t) => {
  const app = Fastify()
  t.teardown(() => app.close())
  await t.rejects(async () => { await app.register(errorCatalog, { catalog: { version: 1, errors: {} }, metrics: { registry: {} } as never }) }, { code: 'FEC_ERR_OPTIONS_INVALID' })
})
