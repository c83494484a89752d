/**
 * @fastify/cors: its headers reach error answers unchanged and its preflight is its own. Its `strictPreflight`
 * rejection is written by the plugin itself (text/plain, no hook or option to change it): the one-line setting
 * `strictPreflight: false` removes that leak.
 */
import t from 'tap'
import Fastify from 'fastify'
import cors from '@fastify/cors'
import { errorCatalog } from '../../src/index.js'

async function appWith (strictPreflight: boolean) {
  const app = Fastify()
  await app.register(errorCatalog, { catalog: { version: 1, errors: { LECTURE_NOT_FOUND: { status: 404, message: '강의를 찾을 수 없습니다.' } } } })
  await app.register(cors, { origin: 'https://app.example', methods: ['GET', 'POST'], strictPreflight })
  app.get('/lectures/:id', async () => { throw app.errors.LECTURE_NOT_FOUND() })
  await app.ready()
  return app
}

t.test('error answers keep the CORS headers; a preflight is answered by the plugin', async (t) => {
  const app = await appWith(true)
  t.teardown(() => app.close())
  const res = await app.inject({ url: '/lectures/1', headers: { origin: 'https://app.example' } })
  t.equal(res.statusCode, 404)
  t.equal(res.headers['access-control-allow-origin'], 'https://app.example')
  t.same(res.json(), { code: 'LECTURE_NOT_FOUND', status: 404, message: '강의를 찾을 수 없습니다.', retryable: false, suggestions: [], requestId: 'req-1' })

  const unknown = await app.inject({ url: '/nowhere', headers: { origin: 'https://app.example' } })
  t.equal(unknown.statusCode, 404)
  t.equal(unknown.headers['access-control-allow-origin'], 'https://app.example')
  t.equal(unknown.json().code, 'NOT_FOUND')

  const preflight = await app.inject({ method: 'OPTIONS', url: '/lectures/1', headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' } })
  t.equal(preflight.statusCode, 204)
  t.equal(preflight.headers['access-control-allow-methods'], 'GET, POST')
  t.equal(preflight.body, '')
})

t.test('strictPreflight: the plugin writes its own text/plain 400; strictPreflight: false does not', async (t) => {
  const strict = await appWith(true)
  t.teardown(() => strict.close())
  const leaked = await strict.inject({ method: 'OPTIONS', url: '/lectures/1' })
  t.equal(leaked.statusCode, 400)
  t.match(leaked.headers['content-type'], /^text\/plain/)
  t.equal(leaked.body, 'Invalid Preflight Request')

  const relaxed = await appWith(false)
  t.teardown(() => relaxed.close())
  const res = await relaxed.inject({ method: 'OPTIONS', url: '/lectures/1' })
  t.equal(res.statusCode, 204)
  t.equal(res.body, '')
  t.notOk('content-type' in res.headers, 'no text/plain body')
})
