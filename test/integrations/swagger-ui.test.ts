/** @fastify/swagger-ui served by the same app: its pages and assets answer as usual, its missing assets in the envelope. */
import t from 'tap'
import Fastify from 'fastify'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { errorCatalog } from '../../src/index.js'

t.test('the UI, its document and its assets are served; an unknown asset is NOT_FOUND', async (t) => {
  const app = Fastify()
  await app.register(errorCatalog, { catalog: { version: 1, errors: { LECTURE_NOT_FOUND: { status: 404, message: '강의를 찾을 수 없습니다.' } } } })
  await app.register(swagger, app.errorCatalogSwagger({ openapi: { info: { title: 'lectures', version: '1.0.0' } } }))
  await app.register(swaggerUi, { routePrefix: '/docs' })
  app.get('/lectures/:id', { schema: { errors: ['LECTURE_NOT_FOUND'] } as never }, async () => { throw app.errors.LECTURE_NOT_FOUND() })
  t.teardown(() => app.close())
  await app.ready()

  const page = await app.inject('/docs')
  t.equal(page.statusCode, 200)
  t.match(page.headers['content-type'], /^text\/html/)
  const document = await app.inject('/docs/json')
  t.equal(document.statusCode, 200)
  t.ok(document.json().paths['/lectures/{id}'].get.responses['404'], 'the route\'s error is documented')
  const asset = await app.inject('/docs/static/swagger-ui.css')
  t.equal(asset.statusCode, 200)

  const missing = await app.inject('/docs/static/nothing-here.js')
  t.equal(missing.statusCode, 404)
  t.equal(missing.headers['content-type'], 'application/json; charset=utf-8')
  t.equal(missing.json().code, 'NOT_FOUND')
  t.equal((await app.inject('/lectures/1')).json().code, 'LECTURE_NOT_FOUND')
})
