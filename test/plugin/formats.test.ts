import t from 'tap'
import Fastify, { type FastifyInstance } from 'fastify'
import { errorCatalog } from '../../src/index.js'
import { anchorOf } from '../../src/text/anchors.js'
import { buildApp, catalogFile, fixture } from '../helpers/app.js'

const TYPE_BASE = 'https://api.example.com/errors'
const EMAIL_BODY = { type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' } } }

function routes (app: FastifyInstance): void {
  app.get('/sessions/:code', async (request) => { throw app.errors.SESSION_NOT_FOUND({ sessionCode: (request.params as { code: string }).code }) })
  app.post('/users', { schema: { body: EMAIL_BODY } }, async () => 'ok')
  app.get('/crash', async () => { throw new Error('db password is hunter2') })
}

t.test('envelope: problem answers RFC 9457 problem details, §3.1 members first, then extension members', async (t) => {
  const app = await buildApp({ envelope: 'problem', typeBase: TYPE_BASE }, routes)
  const res = await app.inject('/sessions/A1?x=1')
  t.equal(res.statusCode, 404)
  t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.equal(res.headers.vary, 'Accept-Language', 'no negotiation: only the language varies (the sample catalog has ko and en)')
  t.equal(res.body, JSON.stringify({
    type: `${TYPE_BASE}#${anchorOf('SESSION_NOT_FOUND')}`,
    title: '찾을 수 없음',
    status: 404,
    detail: '세션을 찾을 수 없습니다. (세션 코드 A1)',
    instance: '/sessions/A1',
    code: 'SESSION_NOT_FOUND',
    retryable: false,
    suggestions: ['세션 코드를 확인한 뒤 다시 시도하세요.'],
    details: { sessionCode: 'A1' }
  }), 'the exact bytes; instance without the query string')
  t.equal(anchorOf('SESSION_NOT_FOUND'), 'session-not-found')
})

t.test('problem `type`: the code\'s docsUrl, else <typeBase>#<anchor>, else about:blank', async (t) => {
  const withoutBase = await buildApp({ envelope: 'problem' }, routes)
  t.equal((await withoutBase.inject('/sessions/A1')).json().type, 'about:blank')
  const documented = await buildApp({ catalog: fixture('envelope/declared.yaml'), envelope: 'problem', typeBase: TYPE_BASE }, (app) => {
    app.get('/gone', async () => { throw app.errors.SESSION_GONE({ sessionCode: 'B2' }) })
    app.get('/missing', async () => { throw app.errors.NOT_FOUND() })
  })
  t.equal((await documented.inject('/gone')).json().type, 'https://docs.example.com/errors/session-gone', 'docsUrl wins over typeBase')
  t.equal((await documented.inject('/missing')).json().type, `${TYPE_BASE}#not-found`)
})

t.test('a validation failure in problem format carries errors: [{ pointer, detail }]', async (t) => {
  const app = await buildApp({ envelope: 'problem' }, (app) => {
    app.post('/users', { schema: { body: { type: 'object', properties: { items: { type: 'array', items: EMAIL_BODY } } } } }, async () => 'ok')
  })
  const res = await app.inject({ method: 'POST', url: '/users', payload: { items: [{ email: 'a@b.co' }, { email: 'bad' }] } })
  t.equal(res.statusCode, 400)
  const body = res.json()
  t.same(Object.keys(body), ['type', 'title', 'status', 'detail', 'instance', 'code', 'retryable', 'suggestions', 'details', 'errors'])
  t.equal(body.code, 'VALIDATION_ERROR')
  t.same(body.errors, [{ pointer: '/items/1/email', detail: body.errors[0].detail }])
  t.match(body.errors[0].detail, /이메일/)
})

t.test('negotiation: Accept picks the format, every answer says Vary: Accept', async (t) => {
  const app = await buildApp({ negotiate: { 'application/problem+json': 'problem' }, typeBase: TYPE_BASE }, routes)
  const ask = async (accept?: string): Promise<{ type: string | undefined, vary: unknown, keys: string[] }> => {
    const res = await app.inject({ url: '/sessions/A1', headers: accept === undefined ? {} : { accept } })
    return { type: String(res.headers['content-type']).split(';')[0], vary: res.headers.vary, keys: Object.keys(res.json()) }
  }
  for (const accept of [undefined, '*/*', 'application/json', 'application/json, application/problem+json;q=0.5', 'text/html']) {
    const answer = await ask(accept)
    t.equal(answer.type, 'application/json', `default for ${String(accept)}`)
    t.equal(answer.vary, 'Accept, Accept-Language')
    t.equal(answer.keys[0], 'code')
  }
  for (const accept of ['application/problem+json', 'application/json;q=0.5, application/problem+json']) {
    const answer = await ask(accept)
    t.equal(answer.type, 'application/problem+json', `problem for ${accept}`)
    t.equal(answer.vary, 'Accept, Accept-Language')
    t.equal(answer.keys[0], 'type')
  }
  const validation = await app.inject({ method: 'POST', url: '/users', payload: { email: 'bad' }, headers: { accept: 'application/problem+json' } })
  t.same(validation.json().errors, [{ pointer: '/email', detail: validation.json().errors[0].detail }], 'validation failures negotiate too')
})

t.test('a Vary another plugin set is kept', async (t) => {
  const app = await buildApp({ negotiate: { 'application/problem+json': 'problem' } }, (app) => {
    app.addHook('onRequest', async (_request, reply) => { reply.header('vary', 'Origin') })
    routes(app)
  })
  const vary = String((await app.inject('/sessions/A1')).headers.vary).split(/\s*,\s*/)
  t.same(vary.sort(), ['Accept', 'Accept-Language', 'Origin'])
})

t.test('bad format options fail registration with FEC_ERR_OPTIONS_INVALID naming the problem', async (t) => {
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['unknown built-in', { envelope: 'nope' }, /envelope.*"default" or "problem".*"nope"/],
    ['broken declaration', { envelope: { body: { code: '$cod', $status: 'x' } } }, /envelope\.body\.code: unknown variable "\$cod".*did you mean \$code\?.*envelope\.body\.\$status: a variable cannot name a member/],
    ['declaration without body', { envelope: { contentType: 'application/json' } }, /missing `body`/],
    ['negotiate to an unknown format', { negotiate: { 'application/problem+json': 'catalog' } }, /negotiate\.application\/problem\+json.*unknown format "catalog"; formats here: default, problem/],
    ['negotiate with a bad media type', { negotiate: { problem: 'problem' } }, /negotiate\.problem.*media type/],
    ['typeBase with a fragment', { typeBase: 'https://api.example.com/errors#x' }, /typeBase.*absolute URI without a fragment/],
    ['relative typeBase', { typeBase: '/errors' }, /typeBase/]
  ]
  for (const [name, options, message] of cases) {
    const app = Fastify({ logger: false })
    const error = await app.register(errorCatalog, { catalog: catalogFile('example.yaml'), ...options }).ready().then(() => undefined, (error: Error & { code?: string }) => error)
    t.equal(error?.code, 'FEC_ERR_OPTIONS_INVALID', name)
    t.match(error?.message, message, name)
    await app.close()
  }
})

t.test('the catalog\'s envelope: is used without the option; the option wins when given', async (t) => {
  const declaredRoutes = (app: FastifyInstance): void => { app.get('/gone', async () => { throw app.errors.SESSION_GONE({ sessionCode: 'B2' }) }) }
  const declared = await buildApp({ catalog: fixture('envelope/declared.yaml') }, declaredRoutes)
  const res = await declared.inject('/gone')
  t.equal(res.headers['content-type'], 'application/json; charset=utf-8')
  t.equal(res.body, '{"error":{"code":"SESSION_GONE","message":"종료된 세션입니다. (세션 코드 B2)","details":{"sessionCode":"B2"}},"status":410}')
  const overridden = await buildApp({ catalog: fixture('envelope/declared.yaml'), envelope: 'default' }, declaredRoutes)
  t.equal((await overridden.inject('/gone')).json().code, 'SESSION_GONE', 'envelope: default wins')
  const negotiated = await buildApp({ catalog: fixture('envelope/declared.yaml'), envelope: 'problem', negotiate: { 'application/vnd.app+json': 'catalog' } }, declaredRoutes)
  t.equal((await negotiated.inject('/gone')).headers['content-type'], 'application/problem+json; charset=utf-8')
  t.same(Object.keys((await negotiated.inject({ url: '/gone', headers: { accept: 'application/vnd.app+json' } })).json()), ['error', 'status'], 'the catalog format by name')
})

t.test('404, 405 and a crash in a declared format; the crash leaks nothing', async (t) => {
  const envelope = { body: { ok: false, error: { code: '$code', message: '$message', $merge: '$details' }, trace: '$requestId' } }
  const app = await buildApp({ envelope }, routes)
  const notFound = await app.inject('/nowhere')
  t.equal(notFound.statusCode, 404)
  t.equal(notFound.body, '{"ok":false,"error":{"code":"NOT_FOUND","message":"요청한 리소스를 찾을 수 없습니다."},"trace":"req-1"}')
  const notAllowed = await app.inject({ method: 'DELETE', url: '/users' })
  t.equal(notAllowed.statusCode, 405)
  t.match(notAllowed.headers.allow, /POST/)
  t.match(notAllowed.json(), { ok: false, error: { code: 'METHOD_NOT_ALLOWED' } })
  t.same(Object.keys(notAllowed.json()), ['ok', 'error', 'trace'])
  const crash = await app.inject('/crash')
  t.equal(crash.statusCode, 500)
  t.same(Object.keys(crash.json()), ['ok', 'error', 'trace'])
  t.equal(crash.json().error.code, 'INTERNAL_ERROR')
  t.notMatch(crash.body, /hunter2|password|Error:/, 'the thrown message stays on the server')
})

t.test('over a real socket: negotiation, Content-Type and Vary as sent', async (t) => {
  const app = await buildApp({ negotiate: { 'application/problem+json': 'problem' }, typeBase: TYPE_BASE }, routes)
  t.teardown(async () => { await app.close() })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  const problem = await fetch(`${address}/sessions/A1`, { headers: { accept: 'application/problem+json' } })
  t.equal(problem.status, 404)
  t.equal(problem.headers.get('content-type'), 'application/problem+json; charset=utf-8')
  t.equal(problem.headers.get('vary'), 'Accept, Accept-Language')
  t.equal((await problem.json() as { type: string }).type, `${TYPE_BASE}#session-not-found`)
  const plain = await fetch(`${address}/sessions/A1`)
  t.equal(plain.headers.get('content-type'), 'application/json; charset=utf-8')
  t.equal(plain.headers.get('vary'), 'Accept, Accept-Language')
  t.equal((await plain.json() as { code: string }).code, 'SESSION_NOT_FOUND')
})
