import t from 'tap'
import Fastify from 'fastify'
import { compileCatalog } from '../../src/catalog/compile.js'
import { REQUIRED_CODES, REQUIRED_ROLES, requireRoles, ROLE_CODES, ROLE_NAMES } from '../../src/catalog/roles.js'
import { createClassifier, FRAMEWORK_CODES } from '../../src/plugin/classify.js'
import errorCatalog from '../../src/index.js'

const builtin = compileCatalog({ version: 1, errors: {} })

t.test('every role\'s code is a builtin code, and the required ones are the codes the plugin must have', async (t) => {
  for (const role of ROLE_NAMES) t.ok(builtin.get(ROLE_CODES[role])?.builtin, `${role}: ${ROLE_CODES[role]}`)
  t.same(REQUIRED_CODES, REQUIRED_ROLES.map((role) => ROLE_CODES[role]))
  t.ok(REQUIRED_CODES.includes('BAD_REQUEST'), 'BAD_REQUEST, the catch-all of 4xx statuses, is required too')
  t.notOk((REQUIRED_CODES as readonly string[]).includes('RATE_LIMIT_EXCEEDED'), 'an optional role is not required')
})

t.test('catalog.roles gives each role its entry, the catalog\'s own object', async (t) => {
  const roles = builtin.roles
  t.equal(roles.internal, builtin.get('INTERNAL_ERROR'))
  t.equal(roles.validation, builtin.get('VALIDATION_ERROR'))
  t.equal(roles.rateLimited, builtin.get('RATE_LIMIT_EXCEEDED'))
  const classifier = createClassifier(builtin)
  t.equal(classifier.roles.notFound, builtin.get('NOT_FOUND'))
  t.equal(classifier.forStatus(418), builtin.get('BAD_REQUEST'), 'an unlisted 4xx falls back to the badRequest role')
  t.equal(classifier.forStatus(599), builtin.get('INTERNAL_ERROR'), 'an unlisted 5xx falls back to the internal role')
  t.equal(classifier.forForeign('FST_ERR_CTP_BODY_TOO_LARGE'), builtin.get('PAYLOAD_TOO_LARGE'))
})

t.test('a catalog without a required code fails with FEC_ERR_CODE_MISSING naming each missing one', async (t) => {
  const errors = Object.fromEntries(REQUIRED_CODES.filter((code) => code !== 'BAD_REQUEST' && code !== 'NOT_FOUND')
    .map((code) => [code, { status: code === 'INTERNAL_ERROR' ? 500 : 400, message: '오류입니다.' }]))
  const catalog = compileCatalog({ version: 1, errors }, { builtin: false })
  t.throws(() => requireRoles(catalog.roles), { code: 'FEC_ERR_CODE_MISSING', message: 'The error catalog must define NOT_FOUND, BAD_REQUEST (merge the builtin catalog, or define them yourself)' })

  const app = Fastify()
  app.register(errorCatalog, { catalog: { version: 1, errors }, builtin: false })
  await t.rejects(async () => { await app.ready() }, { code: 'FEC_ERR_CODE_MISSING', message: /NOT_FOUND, BAD_REQUEST/ }, 'the plugin fails at registration')
})

t.test('a catalog with every required code and no optional one is served', async (t) => {
  const errors = Object.fromEntries(REQUIRED_CODES.map((code) => [code, { status: code === 'INTERNAL_ERROR' || code === 'SERVICE_UNAVAILABLE' ? 500 : 400, message: '오류입니다.' }]))
  const catalog = compileCatalog({ version: 1, errors }, { builtin: false })
  const roles = requireRoles(catalog.roles)
  t.equal(roles.invalidUrl, undefined, 'an optional role may have no entry')
  t.equal(roles.badRequest.code, 'BAD_REQUEST')
  t.equal(createClassifier(catalog).forForeign('FST_ERR_BAD_URL'), undefined, 'a Fastify code whose role has no entry maps to nothing')
})

t.test('the public table of Fastify codes reads as before', async (t) => {
  t.same(FRAMEWORK_CODES, {
    FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
    FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
    FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_CONTENT_LENGTH',
    FST_ERR_HANDLER_TIMEOUT: 'SERVICE_UNAVAILABLE',
    FST_ERR_BAD_URL: 'INVALID_URL'
  })
  t.ok(Object.isFrozen(FRAMEWORK_CODES) && Object.isFrozen(ROLE_CODES))
})
