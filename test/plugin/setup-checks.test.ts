/**
 * Setups that used to fail silently (issue 16) each give one warning at startup naming the fix, and a correct
 * setup gives none.
 */
import t from 'tap'
import Fastify, { type FastifyServerOptions } from 'fastify'
import swagger from '@fastify/swagger'
import { ajvOptions, clientErrorHandler, errorCatalog, frameworkErrors } from '../../src/index.js'
import { catalogFile } from '../helpers/app.js'
import { LEVEL, logCapture } from '../helpers/logs.js'

const CATALOG = catalogFile('example.yaml')
const GOOD: FastifyServerOptions = { frameworkErrors, clientErrorHandler, ajv: ajvOptions() }

function appWith (server: FastifyServerOptions = {}) {
  const { stream, lines } = logCapture()
  const app = Fastify({ ...server, logger: { level: 'info', stream } })
  const warnings = (): string[] => lines.filter((line) => line.level === LEVEL.warn).map((line) => line.msg)
  return { app, warnings }
}

t.test('the README setup (server options, plugin first, swagger through errorCatalogSwagger) warns about nothing', async (t) => {
  const { app, warnings } = appWith(GOOD)
  await app.register(errorCatalog, { catalog: CATALOG })
  await app.register(swagger, app.errorCatalogSwagger({ openapi: { info: { title: 't', version: '1' } } }))
  app.get('/a', async () => ({}))
  await app.ready()
  t.same(warnings(), [])
})

t.test('a server without frameworkErrors and clientErrorHandler gets one warning naming both', async (t) => {
  const { app, warnings } = appWith({ ajv: ajvOptions() })
  await app.register(errorCatalog, { catalog: CATALOG })
  await app.ready()
  await app.inject('/%E0%A4%A')
  t.equal(warnings().length, 1)
  t.match(warnings()[0], /without frameworkErrors .*FST_ERR_BAD_URL.* and clientErrorHandler .*`Fastify\(\{ frameworkErrors, clientErrorHandler \}\)`/)
})

t.test('Ajv without allErrors gets one warning naming ajvOptions(); an explicit allErrors: false is a choice', async (t) => {
  const plain = appWith({ frameworkErrors, clientErrorHandler })
  await plain.app.register(errorCatalog, { catalog: CATALOG })
  await plain.app.ready()
  t.equal(plain.warnings().length, 1)
  t.match(plain.warnings()[0], /only one field.*`Fastify\(\{ ajv: ajvOptions\(\) \}\)`/)

  const chosen = appWith({ frameworkErrors, clientErrorHandler, ajv: { customOptions: { allErrors: false } } })
  await chosen.app.register(errorCatalog, { catalog: CATALOG })
  await chosen.app.ready()
  t.same(chosen.warnings(), [])
})

t.test('routes registered before the plugin get one warning listing them (they would silently lose 405)', async (t) => {
  const { app, warnings } = appWith(GOOD)
  app.get('/early', async () => ({}))
  await app.register(errorCatalog, { catalog: CATALOG })
  app.get('/late', async () => ({}))
  await app.ready()
  t.equal(warnings().length, 1)
  t.match(warnings()[0], /registered before the plugin: they answer 404 instead of 405.*Register the plugin \(awaited\) before your routes/s)
  t.match(warnings()[0], '/early')
  t.notMatch(warnings()[0], '/late')
  t.equal((await app.inject({ method: 'POST', url: '/early' })).statusCode, 404, 'what the warning says happens')
  t.equal((await app.inject({ method: 'POST', url: '/late' })).statusCode, 405)
})

t.test('a plain register(@fastify/swagger) without errorCatalogSwagger() warns once at startup', async (t) => {
  const { app, warnings } = appWith(GOOD)
  await app.register(errorCatalog, { catalog: CATALOG })
  await app.register(swagger, { openapi: { info: { title: 't', version: '1' } } })
  app.get('/a', async () => ({}))
  await app.ready()
  t.equal(warnings().length, 1)
  t.match(warnings()[0], /@fastify\/swagger is registered without app\.errorCatalogSwagger\(\).*app\.register\(swagger, app\.errorCatalogSwagger\(/)
  t.notMatch(JSON.stringify(app.swagger()), 'NOT_FOUND', 'what the warning says: no catalog errors in the document')
})
