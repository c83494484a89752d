/** Route declarations: checked at startup, implied codes, the drift warning, and registration order. */
import swagger from '@fastify/swagger'
import Fastify, { type FastifyInstance } from 'fastify'
import t from 'tap'
import { errorCatalog, errorCatalogSwagger, loadCatalog, type ErrorCatalogOptions } from '../../src/index.js'
import { catalogFile } from '../helpers/app.js'
import { LEVEL, logCapture } from '../helpers/logs.js'
import { openapiProblems, resolveRef, type Document } from '../helpers/openapi.js'

const catalog = catalogFile('example.yaml')

async function documentOf (app: FastifyInstance): Promise<Document> {
  await app.ready()
  return (app as unknown as { swagger: () => Document }).swagger()
}

async function readyWith (options: Partial<ErrorCatalogOptions>): Promise<void> {
  const app = Fastify()
  app.register(errorCatalog, { catalog, ...options })
  await app.ready()
}

function codesOf (document: Document, path: string, method = 'get'): string[] {
  return Object.values<Document>(document.paths[path][method].responses).flatMap((response) => resolveRef(document, response)['x-error-codes'] ?? [])
}

t.test('an unknown code in schema.errors fails at startup, naming the route and the code', async (t) => {
  const app = Fastify()
  await app.register(errorCatalog, { catalog })
  t.throws(() => app.get('/sessions/:code', { schema: { errors: ['SESSION_NOT_FOUND', 'SESION_GONE'] } }, async () => 'ok'), {
    code: 'FEC_ERR_ROUTE_ERRORS',
    message: 'Route GET /sessions/:code: schema.errors names SESION_GONE, which the error catalog does not define'
  })
  t.throws(() => app.get('/bad', { schema: { errors: 'SESSION_NOT_FOUND' as never } }, async () => 'ok'), {
    code: 'FEC_ERR_ROUTE_ERRORS',
    message: /Route GET \/bad: schema.errors must be an array of catalog codes/
  })

  const inPlugin = Fastify()
  await inPlugin.register(errorCatalog, { catalog })
  inPlugin.register(async (child) => { child.post('/x', { schema: { errors: ['NOPE'] } }, async () => 'ok') })
  await t.rejects(async () => { await inPlugin.ready() }, { code: 'FEC_ERR_ROUTE_ERRORS', message: /Route POST \/x: .*NOPE/ })
})

t.test('implied codes follow the route: request schema, body, always; configurable or off', async (t) => {
  const build = async (options: object) => {
    const app = Fastify()
    await app.register(errorCatalog, { catalog, ...options })
    await app.register(swagger, app.errorCatalogSwagger())
    app.get('/plain', async () => 'ok')
    app.get('/query', { schema: { querystring: { type: 'object', properties: { q: { type: 'string' } } } } }, async () => 'ok')
    app.put('/put', async () => 'ok')
    app.get('/declared', { schema: { errors: ['SESSION_NOT_FOUND'] } }, async () => 'ok')
    t.teardown(() => app.close())
    return await documentOf(app)
  }
  const defaults = await build({})
  t.same(codesOf(defaults, '/plain'), ['INTERNAL_ERROR'])
  t.same(codesOf(defaults, '/query'), ['VALIDATION_ERROR', 'INTERNAL_ERROR'])
  t.same(codesOf(defaults, '/put', 'put'), ['INVALID_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'INTERNAL_ERROR'])
  t.equal(await openapiProblems(defaults), '')

  const off = await build({ openapi: { implied: false } })
  t.same(codesOf(off, '/query'), [])
  t.same(codesOf(off, '/declared'), ['SESSION_NOT_FOUND'])
  t.same(off.paths['/plain'].get.responses, { 200: { description: 'Default Response' } })

  const custom = await build({ openapi: { implied: { always: ['INTERNAL_ERROR', 'SERVICE_UNAVAILABLE'], body: [] } } })
  t.same(codesOf(custom, '/put', 'put'), ['INTERNAL_ERROR', 'SERVICE_UNAVAILABLE'])
  t.same(codesOf(custom, '/query'), ['VALIDATION_ERROR', 'INTERNAL_ERROR', 'SERVICE_UNAVAILABLE'])

  for (const [implied, message] of [
    [{ always: ['NOPE'] }, /openapi.implied.always.*"NOPE" is not a code of the catalog/],
    [{ sometimes: [] }, /openapi.implied.sometimes.*unknown group/],
    [{ body: 'INVALID_JSON' }, /openapi.implied.body.*expected an array/],
    ['all', /openapi.implied.*expected false or an object/]
  ] as const) {
    await t.rejects(readyWith({ openapi: { implied: implied as never } }), { code: 'FEC_ERR_OPTIONS_INVALID', message }, JSON.stringify(implied))
  }
  await t.rejects(readyWith({ openapi: { links: true } as never }), { code: 'FEC_ERR_OPTIONS_INVALID', message: /`openapi`/ })
  await t.rejects(readyWith({ warnUndeclared: 'yes' as never }), { code: 'FEC_ERR_OPTIONS_INVALID', message: /warnUndeclared/ })
})

t.test('in development, a route that throws a code it does not declare logs a warning naming both, once', async (t) => {
  const logs = logCapture()
  const app = Fastify({ logger: { level: 'info', stream: logs.stream } })
  await app.register(errorCatalog, { catalog, warnUndeclared: true })
  app.get('/sessions/:code', { schema: { errors: ['SESSION_NOT_FOUND'] } }, async (request) => {
    const { code } = request.params as { code: string }
    if (code === 'FULL') throw app.errors.SESSION_FULL({ sessionCode: code, capacity: 3 })
    throw app.errors.SESSION_NOT_FOUND({ sessionCode: code })
  })
  app.get('/internal', async () => { throw app.errors.INTERNAL_ERROR() })
  await app.ready()
  t.teardown(() => app.close())

  await app.inject('/sessions/A1')
  await app.inject('/internal')
  t.same(logs.lines.filter((line) => line.level === LEVEL.warn && line.reqId !== undefined), [], 'declared and implied codes: no warning')

  const full = await app.inject('/sessions/FULL')
  t.equal(full.json().code, 'SESSION_FULL', 'the answer itself is unchanged')
  await app.inject('/sessions/FULL')
  const warnings = logs.lines.filter((line) => line.level === LEVEL.warn && line.reqId !== undefined)
  t.equal(warnings.length, 1, 'warned once per route and code')
  t.match(warnings[0], {
    undeclaredCode: 'SESSION_FULL',
    route: 'GET /sessions/:code',
    msg: 'Route GET /sessions/:code answered SESSION_FULL, which its schema.errors does not declare: the OpenAPI document does not list it'
  })
  t.equal(logs.errors().filter((line) => line.code === 'SESSION_FULL').length, 2, 'each answer is still logged once with its code')
})

t.test('the drift warning is off in production by default, and can be turned off', async (t) => {
  const previous = process.env.NODE_ENV
  t.teardown(() => { process.env.NODE_ENV = previous })
  for (const [env, option] of [['production', undefined], ['development', false]] as const) {
    process.env.NODE_ENV = env
    const logs = logCapture()
    const app = Fastify({ logger: { level: 'info', stream: logs.stream } })
    await app.register(errorCatalog, { catalog, ...(option === undefined ? {} : { warnUndeclared: option }) })
    app.get('/x', async () => { throw app.errors.SESSION_FULL({ sessionCode: 'A', capacity: 1 }) })
    await app.ready()
    await app.inject('/x')
    t.same(logs.lines.filter((line) => line.level === LEVEL.warn && line.reqId !== undefined), [], `${env}, warnUndeclared ${String(option)}`)
    await app.close()
  }
})

t.test('order: plugin, then @fastify/swagger, then routes documents every route', async (t) => {
  const app = Fastify()
  await app.register(errorCatalog, { catalog })
  await app.register(swagger, app.errorCatalogSwagger({ openapi: { openapi: '3.1.0', info: { title: 't', version: '1' } } }))
  app.register(async (child) => {
    child.get('/sessions/:code', { schema: { errors: ['SESSION_NOT_FOUND'] } }, async () => 'ok')
  }, { prefix: '/v1' })
  t.teardown(() => app.close())
  const document = await documentOf(app)
  t.same(codesOf(document, '/v1/sessions/{code}'), ['SESSION_NOT_FOUND', 'INTERNAL_ERROR'], 'routes in encapsulated plugins too')
})

t.test('order: @fastify/swagger first works with errorCatalogSwagger(catalog, options)', async (t) => {
  const compiled = await loadCatalog(catalog)
  const app = Fastify()
  await app.register(swagger, errorCatalogSwagger(compiled, { openapi: { info: { title: 't', version: '1' } } }, { implied: { always: [] } }))
  await app.register(errorCatalog, { catalog: compiled })
  app.get('/lectures/:id', { schema: { errors: ['LECTURE_NOT_FOUND'] } }, async () => 'ok')
  t.teardown(() => app.close())
  const document = await documentOf(app)
  t.same(codesOf(document, '/lectures/{id}'), ['LECTURE_NOT_FOUND'])
  t.equal(await openapiProblems(document), '')
})

t.test('order: what cannot be documented fails loudly instead of documenting half the routes', async (t) => {
  const beforeSwagger = Fastify()
  await beforeSwagger.register(errorCatalog, { catalog })
  beforeSwagger.get('/early', async () => 'ok')
  await beforeSwagger.register(swagger, beforeSwagger.errorCatalogSwagger())
  beforeSwagger.get('/late', async () => 'ok')
  await beforeSwagger.ready()
  t.throws(() => (beforeSwagger as unknown as { swagger: () => unknown }).swagger(), {
    code: 'FEC_ERR_OPENAPI',
    message: /route GET \/early is missing from the document: it was registered before @fastify\/swagger/
  })

  const beforePlugin = Fastify()
  await beforePlugin.register(swagger, { openapi: {} })
  beforePlugin.get('/early', async () => 'ok')
  await beforePlugin.register(errorCatalog, { catalog })
  await beforePlugin.ready()
  // The plugin's own options bound after the route: the document build names the route it never saw.
  const options = beforePlugin.errorCatalogSwagger()
  t.throws(() => options.transform({ url: '/early', route: { method: 'GET', url: '/early' } }), {
    code: 'FEC_ERR_OPENAPI',
    message: /route GET \/early was registered before fastify-error-catalog/
  })

  const swagger2 = Fastify()
  await swagger2.register(errorCatalog, { catalog })
  await swagger2.register(swagger, swagger2.errorCatalogSwagger({ swagger: { info: { title: 't', version: '1' } } }))
  await swagger2.ready()
  t.throws(() => (swagger2 as unknown as { swagger: () => unknown }).swagger(), { code: 'FEC_ERR_OPENAPI', message: /Swagger 2\.0/ })
  await Promise.all([beforeSwagger.close(), beforePlugin.close(), swagger2.close()])
})

t.test("the user's own transform, transformObject and response schemas are kept", async (t) => {
  const app = Fastify()
  await app.register(errorCatalog, { catalog })
  await app.register(swagger, app.errorCatalogSwagger({
    openapi: { openapi: '3.1.0', info: { title: 't', version: '1' }, components: { schemas: { Mine: { type: 'object' as const } } } },
    transform: ({ schema, url }: { schema: object, url: string }) => ({ schema: { ...schema, summary: '바꾼 요약' }, url: url.replace('/internal', '') }),
    transformObject: ({ openapiObject }: { openapiObject: Document }) => ({ ...openapiObject, 'x-seen': Object.keys(openapiObject.components.schemas).length })
  }))
  app.get('/internal/sessions/:code', {
    schema: {
      errors: ['SESSION_NOT_FOUND'],
      response: { 404: { description: '라우트가 직접 보내는 404', type: 'object', properties: { reason: { type: 'string' } }, examples: [{ reason: '없음' }] } }
    }
  }, async () => 'ok')
  t.teardown(() => app.close())
  const document = await documentOf(app)
  const operation = document.paths['/sessions/{code}'].get
  t.equal(operation.summary, '바꾼 요약')
  t.equal(document['x-seen'], 3, 'transformObject saw the finished components: Mine and the two codes the route answers with')
  t.ok(document.components.schemas.Mine)
  const notFound = operation.responses['404']
  t.match(notFound.description, /^라우트가 직접 보내는 404\n\n404 찾을 수 없음\./)
  t.match(notFound.content['application/json'].schema.oneOf, [{ properties: { reason: { type: 'string' } } }, { $ref: '#/components/schemas/SESSION_NOT_FOUND' }])
  t.same(notFound.content['application/json'].examples, {
    route: { value: { reason: '없음' } },
    SESSION_NOT_FOUND: { $ref: '#/components/examples/SESSION_NOT_FOUND' },
    'SESSION_NOT_FOUND.en': { $ref: '#/components/examples/SESSION_NOT_FOUND.en' }
  }, "the route's example stays inline beside the references to the code's examples (the sample catalog's ko and en)")
  t.notOk(document.components.responses?.SESSION_NOT_FOUND, 'a merged response is written on the route, not shared')
  t.equal(await openapiProblems(document), '')

  const clash = Fastify()
  await clash.register(errorCatalog, { catalog })
  await clash.register(swagger, clash.errorCatalogSwagger({ openapi: { components: { schemas: { NOT_FOUND: { type: 'object' as const }, INTERNAL_ERROR: { type: 'object' as const } } } } }))
  clash.get('/x', async () => 'ok')
  await clash.ready()
  t.throws(() => (clash as unknown as { swagger: () => unknown }).swagger(), { code: 'FEC_ERR_OPENAPI', message: /already has a schema named INTERNAL_ERROR;/ },
    'a used code needs its name; NOT_FOUND, which no route answers with, does not')
  await clash.close()

  for (const [components, message] of [
    [{ examples: { INTERNAL_ERROR: { value: {} } } }, /components\.examples already has an example named INTERNAL_ERROR/],
    [{ responses: { INTERNAL_ERROR: { description: '내 응답' } } }, /components\.responses already has a response named INTERNAL_ERROR/]
  ] as const) {
    const taken = Fastify()
    await taken.register(errorCatalog, { catalog })
    await taken.register(swagger, taken.errorCatalogSwagger({ openapi: { components } }))
    taken.get('/x', async () => 'ok')
    await taken.ready()
    t.throws(() => (taken as unknown as { swagger: () => unknown }).swagger(), { code: 'FEC_ERR_OPENAPI', message }, Object.keys(components)[0])
    await taken.close()
  }
})
