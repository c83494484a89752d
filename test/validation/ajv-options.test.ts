/**
 * `ajvOptions()` declares the keywords the library reads, per locale too, so that a route schema using them
 * registers under Ajv's strict mode (src/validation/ajv-options.ts).
 */
import t from 'tap'
import Fastify, { type FastifyInstance } from 'fastify'
import { ajvOptions, errorCatalog } from '../../src/index.js'

const CATALOG = { version: 1, locales: ['ko', 'en'], errors: {} }

/** A password of at least 8 characters, labelled and worded per locale. */
const PASSWORD = {
  type: 'string',
  minLength: 8,
  title: '비밀번호',
  'x-title-en': 'Password',
  'x-error-message-en': { minLength: '{label} is too short.' }
}

async function appWith (ajv: object, property: object = PASSWORD): Promise<FastifyInstance> {
  const app = Fastify({ ajv })
  await app.register(errorCatalog, { catalog: CATALOG })
  app.post('/sign-up', { schema: { body: { type: 'object', properties: { password: property } } } }, async () => ({ ok: true }))
  await app.ready()
  return app
}

const strict = (options: Parameters<typeof ajvOptions>[0] = {}): object => ajvOptions({ ...options, customOptions: { strict: true, ...options.customOptions } })

t.test('strict Ajv refuses the per-locale keywords unless they are declared', async (t) => {
  await t.rejects(appWith({ customOptions: { strict: true } }), /unknown keyword: "x-title-en"/)
  const { keywords } = ajvOptions().customOptions
  t.same(keywords, ['x-error-message', 'x-title-ko', 'x-error-message-ko', 'x-title-en', 'x-error-message-en'])
})

t.test('a route schema with x-title-en and x-error-message-en registers under strict Ajv and answers in each language', async (t) => {
  const app = await appWith(strict())
  t.teardown(() => app.close())
  const english = await app.inject({ method: 'POST', url: '/sign-up', headers: { 'accept-language': 'en' }, payload: { password: 'short' } })
  t.equal(english.statusCode, 400)
  t.match(english.json(), { code: 'VALIDATION_ERROR', fieldErrors: { password: ['Password is too short.'] } })

  const labelOnly = await appWith(strict(), { type: 'string', minLength: 8, title: '비밀번호', 'x-title-en': 'Password' })
  t.teardown(() => labelOnly.close())
  const label = await labelOnly.inject({ method: 'POST', url: '/sign-up', headers: { 'accept-language': 'en' }, payload: { password: 'short' } })
  t.match(label.json(), { fieldErrors: { password: ['Password must be 8 or more characters long.'] } }, 'the English label in the library\'s English message')
  const korean = await labelOnly.inject({ method: 'POST', url: '/sign-up', payload: { password: 'short' } })
  t.match(korean.json(), { fieldErrors: { password: ['비밀번호는 8자 이상이어야 합니다.'] } }, 'Korean still reads title')
})

t.test('locales adds the keywords of another locale', async (t) => {
  const japanese = { type: 'string', minLength: 8, 'x-title-ja': 'パスワード' }
  await t.rejects(appWith(strict(), japanese), /unknown keyword: "x-title-ja"/, 'ja is not a language the library ships')
  const app = await appWith(strict({ locales: ['ja'] }), japanese)
  t.teardown(() => app.close())
  t.ok(app.hasRoute({ method: 'POST', url: '/sign-up' }), 'declared with locales: [\'ja\']')
})

t.test('keywords the app declares itself are kept and not declared twice', async (t) => {
  const definition = { keyword: 'x-title-en' }
  const { keywords } = ajvOptions({ customOptions: { keywords: ['x-mine', definition, 'x-error-message'] } }).customOptions
  t.same(keywords, ['x-mine', definition, 'x-error-message', 'x-title-ko', 'x-error-message-ko', 'x-error-message-en'])
  const app = await appWith(strict({ customOptions: { keywords: [definition] } }))
  t.teardown(() => app.close())
  t.ok(app.hasRoute({ method: 'POST', url: '/sign-up' }), 'Ajv accepts the merged list (a keyword defined twice would throw)')
})
