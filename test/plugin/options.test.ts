import t from 'tap'
import Fastify from 'fastify'
import { compileCatalog, createErrorHandler, errorCatalog, loadCatalog, type ErrorCatalogOptions } from '../../src/index.js'
import { buildApp, catalogFile, fixture } from '../helpers/app.js'

t.test('the catalog may be a path, a catalog object or a compiled catalog', async (t) => {
  const object = { version: 1, errors: { SESSION_NOT_FOUND: { status: 404, message: '세션을 찾을 수 없습니다.' } } }
  for (const catalog of [catalogFile('example.yaml'), object, await loadCatalog(catalogFile('example.yaml'))]) {
    const app = await buildApp({ catalog }, (app) => { app.get('/s', async () => { throw app.errors.SESSION_NOT_FOUND({ sessionCode: 'A1' }) }) })
    t.equal((await app.inject('/s')).json().code, 'SESSION_NOT_FOUND', typeof catalog)
    t.equal(app.errorCatalog.get('SESSION_NOT_FOUND')?.status, 404)
  }
})

t.test('a broken catalog fails registration with every problem, and nothing serves', async (t) => {
  const app = Fastify()
  app.register(errorCatalog, { catalog: fixture('broken/many-problems.yaml') })
  await t.rejects(async () => { await app.ready() }, { code: 'FEC_ERR_CATALOG_INVALID', message: /has 6 problem\(s\)/ })
})

t.test('bad options are rejected with FEC_ERR_OPTIONS_INVALID naming the option', async (t) => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['unknown option', { catalog: catalogFile('example.yaml'), catalogue: 'x' }, /`catalogue`: unknown option/],
    ['catalog of the wrong type', { catalog: 42 }, /`catalog`: expected a file path/],
    ['boolean option', { catalog: catalogFile('example.yaml'), errorHandler: 'yes' }, /`errorHandler`: expected a boolean/],
    ['log level', { catalog: catalogFile('example.yaml'), logLevels: { client: 'loud' } }, /`logLevels.client`: expected one of/],
    ['fallback status', { catalog: catalogFile('example.yaml'), fallbacks: { 200: 'NOT_FOUND' } }, /`fallbacks`: expected status/],
    ['fallback code', { catalog: catalogFile('example.yaml'), fallbacks: { 401: 'NO_SUCH_CODE' } }, /`fallbacks`: status 401 names NO_SUCH_CODE/],
    ['validation limit', { catalog: catalogFile('example.yaml'), validation: { maxFields: 0 } }, /`validation.maxFields`: expected a positive integer/]
  ]
  for (const [name, options, message] of cases) {
    const app = Fastify()
    app.register(errorCatalog, options as ErrorCatalogOptions)
    await t.rejects(async () => { await app.ready() }, { code: 'FEC_ERR_OPTIONS_INVALID', message }, name)
  }
})

t.test('options are not written to', async (t) => {
  const options = Object.freeze({ catalog: catalogFile('example.yaml'), fallbacks: Object.freeze({ 401: 'AUTH_FAILED' }) })
  const app = Fastify()
  await app.register(errorCatalog, options)
  await app.ready()
  t.same(Object.keys(options), ['catalog', 'fallbacks'])
})

t.test('without the builtin catalog, the codes the handler needs must be defined', async (t) => {
  const app = Fastify()
  app.register(errorCatalog, { catalog: { version: 1, errors: { NOT_FOUND: { status: 404, message: '없습니다.' } } }, builtin: false })
  await t.rejects(async () => { await app.ready() }, { code: 'FEC_ERR_CODE_MISSING', message: /VALIDATION_ERROR, INVALID_JSON, METHOD_NOT_ALLOWED/ })
})

t.test('apps with their own error handler compose: errorHandler: false and createErrorHandler', async (t) => {
  const app = Fastify()
  await app.register(errorCatalog, { catalog: catalogFile('example.yaml'), errorHandler: false })
  const handle = createErrorHandler(app.errorCatalog)
  app.setErrorHandler((error, request, reply) => {
    if ((error as { code?: string }).code === 'LEGACY') return reply.code(418).send({ legacy: true })
    return handle(error, request, reply)
  })
  app.get('/legacy', async () => { throw Object.assign(new Error('old'), { code: 'LEGACY' }) })
  app.get('/s', async () => { throw app.errors.SESSION_NOT_FOUND({ sessionCode: 'Q' }) })
  t.same((await app.inject('/legacy')).json(), { legacy: true })
  const res = await app.inject('/s')
  t.equal(res.statusCode, 404)
  t.equal(res.json().message, '세션을 찾을 수 없습니다. (세션 코드 Q)')
})

t.test('the not-found handler can be left to the app', async (t) => {
  const app = Fastify()
  await app.register(errorCatalog, { catalog: catalogFile('example.yaml'), notFoundHandler: false })
  app.setNotFoundHandler((_request, reply) => { reply.code(404).send('mine') })
  t.equal((await app.inject('/none')).body, 'mine')
})

t.test('the handler works in an encapsulated child and from a plugin registered with a prefix', async (t) => {
  const app = await buildApp({}, async (app) => {
    await app.register(async (child) => {
      child.get('/s/:code', async (request) => { throw child.errors.SESSION_NOT_FOUND({ sessionCode: (request.params as { code: string }).code }) })
    }, { prefix: '/v1' })
  })
  const res = await app.inject('/v1/s/K')
  t.equal(res.statusCode, 404)
  t.equal(res.json().details.sessionCode, 'K')
  t.equal((await app.inject({ method: 'POST', url: '/v1/s/K' })).statusCode, 405, 'routes of children are indexed for 405')
})

t.test('over a real listen on 127.0.0.1, the envelope and headers arrive intact', async (t) => {
  const app = await buildApp({}, (app) => {
    app.get('/sessions/:code', async (request) => { throw app.errors.SESSION_NOT_FOUND({ sessionCode: (request.params as { code: string }).code }) })
    app.get('/boom', async () => { throw new Error('secret') })
  })
  const address = await app.listen({ host: '127.0.0.1', port: 0 })
  t.teardown(() => app.close())

  const notFound = await fetch(`${address}/sessions/%ED%95%9C%EA%B8%80`)
  t.equal(notFound.status, 404)
  t.equal(notFound.headers.get('content-type'), 'application/json; charset=utf-8')
  const body = await notFound.text()
  t.equal(body, JSON.stringify({
    code: 'SESSION_NOT_FOUND',
    status: 404,
    message: '세션을 찾을 수 없습니다. (세션 코드 한글)',
    retryable: false,
    suggestions: ['세션 코드를 확인한 뒤 다시 시도하세요.'],
    details: { sessionCode: '한글' },
    requestId: 'req-1'
  }))
  t.equal(notFound.headers.get('content-length'), String(Buffer.byteLength(body)))

  const boom = await fetch(`${address}/boom`)
  t.equal(boom.status, 500)
  t.notMatch(await boom.text(), 'secret')

  const wrongMethod = await fetch(`${address}/sessions/A`, { method: 'DELETE' })
  t.equal(wrongMethod.status, 405)
  t.equal(wrongMethod.headers.get('allow'), 'GET, HEAD')
  await wrongMethod.text()

  const compiled = compileCatalog({ version: 1, errors: {} })
  t.ok(compiled.get('INTERNAL_ERROR'), 'the server kept serving and the library still compiles')
})
