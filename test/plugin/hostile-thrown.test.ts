/** Issue 9, items 1, 2, 6 and 9: the handler distrusts what was thrown. */
import t from 'tap'
import Fastify from 'fastify'
import { errorCatalog } from '../../src/index.js'
import { buildApp, catalogFile } from '../helpers/app.js'
import { LEVEL, logCapture } from '../helpers/logs.js'

const SECRET = 'postgres://admin:hunter2@db.internal'

function throwing (): never { throw new Error(SECRET) }

const hostile: Record<string, () => unknown> = {
  'a getter on message that throws': () => Object.defineProperty(new Error('x'), 'message', { get: throwing }),
  'a getter on statusCode that throws': () => Object.defineProperty(new Error(SECRET), 'statusCode', { get: throwing }),
  'a getter on code that throws': () => Object.defineProperty({}, 'code', { get: throwing }),
  'a getter on validation that throws': () => Object.defineProperty({ validationContext: 'body' }, 'validation', { get: throwing }),
  'a getter on headers that throws': () => Object.defineProperty({ statusCode: 401 }, 'headers', { get: throwing }),
  'a Proxy that throws on every access': () => new Proxy({}, { get: throwing, getPrototypeOf: throwing, ownKeys: throwing, has: throwing, getOwnPropertyDescriptor: throwing }),
  'a revoked Proxy': () => { const { proxy, revoke } = Proxy.revocable(new Error(SECRET), {}); revoke(); return proxy },
  'message set to a Symbol': () => Object.assign(new Error('x'), { message: Symbol(SECRET) }),
  'getters on stack, name, cause, toJSON and constructor (what pino reads)': () => {
    const error = new Error(SECRET)
    for (const key of ['stack', 'name', 'cause', 'toJSON', 'constructor']) Object.defineProperty(error, key, { get: throwing, enumerable: true })
    return error
  },
  'a BigInt': () => 10n,
  'a cycle': () => { const value: Record<string, unknown> = { message: SECRET }; value.self = value; return value }
}

for (const logger of [false, true]) {
  t.test(`hostile thrown values get the envelope and leak nothing (logger ${logger ? 'on' : 'off'})`, async (t) => {
    const logs = logCapture()
    const app = await buildApp({}, (app) => {
      for (const [index, make] of Object.values(hostile).entries()) app.get(`/${index}`, async () => { throw make() })
      app.get('/after', async () => ({ ok: true }))
    }, logger ? { logger: { level: 'info', stream: logs.stream } } : {})
    for (const [index, name] of Object.keys(hostile).entries()) {
      const before = logs.errors().length
      const res = await app.inject(`/${index}`)
      t.ok(res.statusCode >= 400 && res.statusCode <= 599, `${name}: status ${res.statusCode}`)
      t.not(res.json().code, 'NOT_FOUND', `${name}: the route ran`)
      t.equal(res.headers['content-type'], 'application/json; charset=utf-8', `${name}: JSON`)
      t.notMatch(res.body, /hunter2|postgres/, `${name}: nothing of the value in the body`)
      t.match(res.json(), { code: String, status: res.statusCode, message: String, requestId: String }, `${name}: the envelope`)
      if (logger) t.equal(logs.errors().length - before, 1, `${name}: logged once`)
    }
    t.same((await app.inject('/after')).json(), { ok: true }, 'the server keeps serving')
  })
}

t.test('a 5xx catalog error answers the rendered template, never its current message', async (t) => {
  const app = await buildApp({}, (app) => {
    app.get('/appended', async () => {
      const error = app.errors.SERVICE_UNAVAILABLE()
      error.message += ` (db ${SECRET})`
      throw error
    })
    app.get('/replaced', async () => {
      const error = app.errors.INTERNAL_ERROR()
      Object.assign(error, { message: SECRET, suggestions: [SECRET], details: { dsn: SECRET } })
      throw error
    })
    app.get('/forged', async () => {
      // eslint-disable-next-line no-throw-literal -- a forged object is the point of this case
      throw { [Symbol.for('fastify-error-catalog.CatalogError')]: true, code: 'INTERNAL_ERROR', statusCode: 500, message: SECRET, suggestions: [SECRET] }
    })
  })
  const template = app.errorCatalog.get('SERVICE_UNAVAILABLE')?.render(undefined).message
  const appended = await app.inject('/appended')
  t.equal(appended.statusCode, 503)
  t.equal(appended.json().message, template, 'the catalog message')
  for (const url of ['/replaced', '/forged']) {
    const res = await app.inject(url)
    t.equal(res.statusCode, 500, url)
    t.equal(res.json().code, 'INTERNAL_ERROR', url)
    t.notMatch(res.body, /hunter2/, `${url}: nothing of the object's current members`)
  }
})

t.test('a 4xx catalog error answers the message it was made with, not one changed later', async (t) => {
  const app = await buildApp({}, (app) => {
    app.get('/s', async () => {
      const error = app.errors.SESSION_NOT_FOUND({ sessionCode: 'A1' })
      error.message = `${error.message} ${SECRET}`
      throw error
    })
  })
  const res = await app.inject('/s')
  t.equal(res.json().message, '세션을 찾을 수 없습니다. (세션 코드 A1)')
})

t.test('a per-call retryAfter goes out only as delta-seconds', async (t) => {
  const cases: Array<[string, unknown, string | undefined]> = [
    ['NaN', NaN, '10'],
    ['negative', -5, '10'],
    ['a fraction, rounded up', 1.5, '2'],
    ['Infinity', Infinity, '10'],
    ['a string with CR/LF', '1\r\nx-injected: 1', '10'],
    ['a huge number, capped at a year', 1e12, '31536000'],
    ['zero', 0, '0']
  ]
  const app = await buildApp({}, (app) => {
    app.get('/:index', async (request) => {
      const [, value] = cases[Number((request.params as { index: string }).index)]
      throw app.errors.QUIZ_SUBMIT_TOO_FAST({ quizId: 1, waitSeconds: 10 }, { retryAfter: value as number })
    })
  })
  for (const [index, [name, , want]] of cases.entries()) {
    const res = await app.inject(`/${index}`)
    t.equal(res.statusCode, 429, name)
    t.equal(res.headers['retry-after'], want, `${name}: Retry-After ${want} (the entry's 10 when the call's value is no delta-seconds)`)
    t.equal(res.headers['x-injected'], undefined, `${name}: no header injected`)
    t.equal(res.json().code, 'QUIZ_SUBMIT_TOO_FAST', `${name}: the envelope`)
  }
})

t.test('an error handler failure still answers INTERNAL_ERROR from the catalog and logs at error', async (t) => {
  const logs = logCapture()
  // A validation array whose items throw on every read: the formatter fails, the handler still answers.
  const items = new Proxy([{}], { get (target, key) { if (key === 'length' || key === Symbol.iterator) return Reflect.get(target, key); throw new Error(SECRET) } })
  const app = await buildApp({}, (app) => {
    app.get('/v', async () => { throw Object.assign(new Error('x'), { validation: items, validationContext: 'body' }) })
  }, { logger: { level: 'info', stream: logs.stream } })
  const res = await app.inject('/v')
  t.equal(res.statusCode, 500)
  t.notMatch(res.body, /hunter2/)
  t.match(res.json(), { code: 'INTERNAL_ERROR', requestId: String })
  t.ok(logs.lines.some((line) => line.level === LEVEL.error && line.code === 'INTERNAL_ERROR'), 'logged at error with the code')
})

t.test('two catalogs in sibling scopes: the same prefix fails with the library error; distinct prefixes work', async (t) => {
  const clash = Fastify({ logger: false })
  clash.register(async (child) => { await child.register(errorCatalog, { catalog: catalogFile('example.yaml') }) })
  clash.register(async (child) => { await child.register(errorCatalog, { catalog: catalogFile('example.yaml') }) })
  await t.rejects(async () => { await clash.ready() }, { code: 'FEC_ERR_NOT_FOUND_HANDLER', message: /prefix '\/'.*notFoundHandler: false/ })

  const apart = Fastify({ logger: false })
  apart.register(async (child) => {
    await child.register(errorCatalog, { catalog: catalogFile('example.yaml') })
    child.get('/x', async () => { throw child.errors.SESSION_NOT_FOUND({ sessionCode: 'A' }) })
  }, { prefix: '/a' })
  apart.register(async (child) => {
    await child.register(errorCatalog, { catalog: catalogFile('example.yaml') })
  }, { prefix: '/b' })
  await apart.ready()
  t.equal((await apart.inject('/a/x')).json().code, 'SESSION_NOT_FOUND')
  t.equal((await apart.inject('/b/nope')).json().code, 'NOT_FOUND')

  const second = Fastify({ logger: false })
  second.register(async (child) => { await child.register(errorCatalog, { catalog: catalogFile('example.yaml') }) })
  second.register(async (child) => {
    await child.register(errorCatalog, { catalog: catalogFile('example.yaml'), notFoundHandler: false })
    child.get('/y', async () => { throw new Error(SECRET) })
  })
  await second.ready()
  const crash = await second.inject('/y')
  t.equal(crash.json().code, 'INTERNAL_ERROR', 'notFoundHandler: false lets the second one register')
  t.equal((await second.inject('/nope')).json().code, 'NOT_FOUND')
})

t.test('a catalog retryAfter too large for a header goes out capped at a year', async (t) => {
  const app = Fastify({ logger: false })
  await app.register(errorCatalog, { catalog: { version: 1, errors: { SLOW_DOWN: { status: 429, message: '잠시 후 다시 시도하세요.', retryable: true, retryAfter: 1e300 } } } })
  app.get('/', async () => { throw app.errors.SLOW_DOWN() })
  const res = await app.inject('/')
  t.equal(res.statusCode, 429)
  t.equal(res.headers['retry-after'], '31536000')
})
