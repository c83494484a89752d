/**
 * The stackless schema error formatter the plugin installs: Fastify's own message and error shape, no stack
 * frames, and never in the way of a formatter the app chose.
 */
import t from 'tap'
import { inspect } from 'node:util'
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { errorCatalog, type ErrorCatalogOptions } from '../../src/index.js'
import { resolveOptions } from '../../src/plugin/options.js'
import { hasSchemaErrorFormatter, stacklessSchemaErrorFormatter } from '../../src/plugin/schema-error-formatter.js'
import { catalogFile } from '../helpers/app.js'

const body = {
  type: 'object',
  required: ['email', 'age'],
  properties: {
    email: { type: 'string', format: 'email' },
    age: { type: 'integer', minimum: 0 },
    address: { type: 'object', properties: { zip: { type: 'string', pattern: '^\\d{5}$' } } },
    items: { type: 'array', items: { type: 'integer' } }
  }
}
const querystring = { type: 'object', properties: { page: { type: 'integer', minimum: 1 } } }
const params = { type: 'object', properties: { id: { type: 'integer' } } }
const headers = { type: 'object', required: ['x-tenant'], properties: { 'x-tenant': { type: 'string', minLength: 3 } } }

type Seen = Partial<FastifyError> & { validation?: unknown[], validationContext?: string }

/** An app whose onError hook keeps the last error; with the plugin unless `plugin` is false. */
async function appOf (plugin: Partial<ErrorCatalogOptions> | false, server: FastifyServerOptions = {}, setup?: (app: FastifyInstance) => void): Promise<{ app: FastifyInstance, last: () => Seen }> {
  const app = Fastify({ logger: false, ...server })
  let seen: Seen = {}
  setup?.(app)
  if (plugin !== false) await app.register(errorCatalog, { catalog: catalogFile('example.yaml'), ...plugin })
  app.addHook('onError', async (_request, _reply, error) => { seen = error })
  app.post('/members/:id', { schema: { body, querystring, params, headers } }, async () => ({ ok: true }))
  await app.ready()
  return { app, last: () => { const error = seen; seen = {}; return error } }
}

const requests: Array<[string, { url: string, payload: unknown, headers?: Record<string, string> }]> = [
  ['one body field', { url: '/members/1', payload: { email: 'a@b.co', age: 'x' } }],
  ['a missing property', { url: '/members/1', payload: { email: 'a@b.co' } }],
  ['a nested field', { url: '/members/1', payload: { email: 'a@b.co', age: 1, address: { zip: '12' } } }],
  ['an array item', { url: '/members/1', payload: { email: 'a@b.co', age: 1, items: [1, 'two'] } }],
  ['a body that is not an object', { url: '/members/1', payload: [1] }],
  ['the querystring', { url: '/members/1?page=0', payload: { email: 'a@b.co', age: 1 } }],
  ['the params', { url: '/members/abc', payload: { email: 'a@b.co', age: 1 } }],
  ['the headers', { url: '/members/1', payload: { email: 'a@b.co', age: 1 }, headers: { 'x-tenant': 'a' } }],
  ['several fields at once (allErrors)', { url: '/members/1', payload: { email: 'nope', age: -1, address: { zip: 'x' }, items: ['a', 'b'], extra: 1 } }]
]

t.test('the error carries exactly what Fastify\'s default formatter gives, without stack frames', async (t) => {
  for (const allErrors of [false, true]) {
    const server = allErrors ? { ajv: { customOptions: { allErrors: true } } } : {}
    const plain = await appOf(false, server)
    const ours = await appOf({}, server)
    t.teardown(() => plain.app.close())
    t.teardown(() => ours.app.close())
    for (const [name, request] of requests) {
      const inject = { method: 'POST' as const, headers: { 'x-tenant': 'acme', ...request.headers }, url: request.url, payload: request.payload as object }
      const fastifyAnswer = await plain.app.inject(inject)
      const want = plain.last()
      const res = await ours.app.inject(inject)
      const got = ours.last()
      const label = `${name}${allErrors ? ', allErrors' : ''}`
      t.equal(fastifyAnswer.statusCode, 400, `${label}: Fastify answers 400`)
      t.equal(res.statusCode, 400, `${label}: the plugin answers 400`)
      t.equal(res.json().code, 'VALIDATION_ERROR', `${label}: the plugin's envelope`)
      t.equal(got.message, want.message, `${label}: message ${JSON.stringify(want.message)}`)
      t.same(
        { code: got.code, statusCode: got.statusCode, validationContext: got.validationContext, validation: got.validation, name: got.name, isError: got instanceof Error },
        { code: want.code, statusCode: want.statusCode, validationContext: want.validationContext, validation: want.validation, name: want.name, isError: true },
        `${label}: code, status, validation and context as Fastify sets them`
      )
      t.match(want.stack, /\n {4}at /, `${label}: Fastify's default captures a stack`)
      t.equal(got.stack, `Error: ${String(want.message)}`, `${label}: ours has none`)
    }
  }
  t.equal(Error.stackTraceLimit, 10, 'Error.stackTraceLimit is restored')
})

t.test('the formatter alone: Fastify\'s message shape for odd Ajv errors', async (t) => {
  const errors = [
    { keyword: 'type', instancePath: '', schemaPath: '#/type', params: {}, message: 'must be object' },
    { keyword: 'x', instancePath: '/a~1b', schemaPath: '#/x', params: {} }
  ]
  const error = stacklessSchemaErrorFormatter(errors, 'body')
  t.equal(error.message, 'body must be object, body/a~1b undefined')
  t.equal(stacklessSchemaErrorFormatter([], 'querystring').message, '')
})

t.test('the formatter alone: the message is written when first read, and reads like any Error\'s', async (t) => {
  let reads = 0
  const counted = { keyword: 'type', instancePath: '/seat', schemaPath: '#/properties/seat/type', params: {}, get message () { reads++; return 'must be integer' } }
  const error = stacklessSchemaErrorFormatter([counted], 'body')
  t.equal(reads, 0, 'nothing read while the answer is made')
  t.equal(error.message, 'body/seat must be integer')
  t.equal(error.message, 'body/seat must be integer')
  t.equal(reads, 1, 'written once')
  t.equal(error.stack, 'Error: body/seat must be integer', 'the stack names the message, and no frames')
  t.equal(String(error), 'Error: body/seat must be integer')
  t.notOk(Object.keys(error).includes('message'), 'not an enumerable own member (as an Error\'s message is not)')
  error.message = 'rewritten by a hook'
  t.equal(error.message, 'rewritten by a hook', 'settable, as any Error\'s')
  t.equal(error.stack, 'Error: rewritten by a hook', 'the stack follows the message')
  t.ok(error instanceof Error, 'an instanceof Error: what Fastify\'s reply, pino and util.inspect look for')
  t.match(inspect(error), /\[Error\]: rewritten by a hook/, 'util.inspect prints it as an error')
  t.same(Object.keys(error), [], 'no enumerable own members until Fastify adds its own')
  error.stack = 'Error: set by a hook\n    at somewhere'
  t.equal(error.stack, 'Error: set by a hook\n    at somewhere', 'the stack is settable, as any Error\'s')
  t.equal(error.message, 'rewritten by a hook')
})

t.test('an app\'s own schemaErrorFormatter server option is kept', async (t) => {
  const { app, last } = await appOf({}, { schemaErrorFormatter: (errors, dataVar) => new Error(`mine: ${dataVar} ${errors.length}`) })
  t.teardown(() => app.close())
  const res = await app.inject({ method: 'POST', url: '/members/1', headers: { 'x-tenant': 'acme' }, payload: { email: 'a@b.co', age: 'x' } })
  const seen = last()
  t.equal(seen.message, 'mine: body 1')
  t.match(seen.stack, /\n {4}at /, 'the app\'s formatter, stack and all')
  t.same(res.json().fieldErrors, { age: ['age는 정수여야 합니다.'] }, 'the answer is the same')
})

t.test('setSchemaErrorFormatter called before the plugin is kept; after it, replaces ours (Fastify semantics)', async (t) => {
  const before = await appOf({}, {}, (app) => app.setSchemaErrorFormatter(() => new Error('set before')))
  t.teardown(() => before.app.close())
  await before.app.inject({ method: 'POST', url: '/members/1', headers: { 'x-tenant': 'acme' }, payload: {} })
  t.equal(before.last().message, 'set before')

  const app = Fastify({ logger: false })
  t.teardown(() => app.close())
  await app.register(errorCatalog, { catalog: catalogFile('example.yaml') })
  app.setSchemaErrorFormatter(() => new Error('set after'))
  let seen: Error | undefined
  app.addHook('onError', async (_request, _reply, error) => { seen = error })
  app.post('/x', { schema: { body } }, async () => ({}))
  const res = await app.inject({ method: 'POST', url: '/x', payload: {} })
  t.equal(seen?.message, 'set after')
  t.equal(res.json().code, 'VALIDATION_ERROR')
})

t.test('a child scope\'s and a route\'s own formatter win over the plugin\'s', async (t) => {
  const app = Fastify({ logger: false })
  t.teardown(() => app.close())
  await app.register(errorCatalog, { catalog: catalogFile('example.yaml') })
  const seen: Record<string, Error> = {}
  app.addHook('onError', async (request, _reply, error) => { seen[request.url] = error })
  app.post('/root', { schema: { body } }, async () => ({}))
  app.post('/route', { schema: { body }, schemaErrorFormatter: () => new Error('route') }, async () => ({}))
  await app.register(async (child) => {
    child.setSchemaErrorFormatter(() => new Error('child'))
    child.post('/child', { schema: { body } }, async () => ({}))
  })
  await app.ready()
  for (const url of ['/root', '/route', '/child']) {
    const res = await app.inject({ method: 'POST', url, payload: {} })
    t.equal(res.json().code, 'VALIDATION_ERROR', `${url}: the plugin answers`)
  }
  t.equal(seen['/root'].message, 'body must have required property \'email\'')
  t.equal(seen['/root'].stack, `Error: ${seen['/root'].message}`)
  t.equal(seen['/route'].message, 'route')
  t.equal(seen['/child'].message, 'child')
})

t.test('stacklessValidationErrors: false leaves Fastify\'s default formatter', async (t) => {
  const { app, last } = await appOf({ stacklessValidationErrors: false })
  t.teardown(() => app.close())
  await app.inject({ method: 'POST', url: '/members/1', headers: { 'x-tenant': 'acme' }, payload: { email: 'a@b.co', age: 'x' } })
  const seen = last()
  t.equal(seen.message, 'body/age must be integer')
  t.match(seen.stack, /\n {4}at /)
  await t.rejects(resolveOptions({ catalog: {}, stacklessValidationErrors: 'yes' } as never), { code: 'FEC_ERR_OPTIONS_INVALID' })
})

t.test('this Fastify keeps its formatter where the plugin looks for it', async (t) => {
  // If a Fastify release moved it, hasSchemaErrorFormatter would answer undefined and the plugin would
  // silently stop installing its formatter: this test is the alarm.
  const app = Fastify()
  t.equal(hasSchemaErrorFormatter(app), false)
  app.setSchemaErrorFormatter(() => new Error('x'))
  t.equal(hasSchemaErrorFormatter(app), true)
  t.equal(hasSchemaErrorFormatter(Fastify({ schemaErrorFormatter: () => new Error('x') })), true)
  await app.register(async (child) => { t.equal(hasSchemaErrorFormatter(child), true, 'a child scope sees its parent\'s') })
  await app.ready()
  t.equal(hasSchemaErrorFormatter(Object.create(null) as FastifyInstance), undefined, 'not a Fastify 5 instance: cannot tell')
})
