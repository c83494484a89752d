/**
 * @fastify/jwt behind @fastify/auth: a missing, an expired and an invalid token answer three distinct builtin
 * codes (not one UNAUTHORIZED by status), each 401 with a WWW-Authenticate challenge; the catalog can override them.
 */
import t from 'tap'
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify'
import fastifyAuth from '@fastify/auth'
import fastifyJwt from '@fastify/jwt'
import { errorCatalog, type ErrorCatalogOptions } from '../../src/index.js'
import { authRequiredBody } from '../helpers/bodies.js'

async function appWith (catalog: ErrorCatalogOptions['catalog'], extra: Partial<ErrorCatalogOptions> = {}) {
  const app = Fastify()
  await app.register(errorCatalog, { catalog, ...extra })
  await app.register(fastifyJwt, { secret: 'a-test-secret-of-enough-length' })
  await app.register(fastifyAuth)
  const verifyJwt = async (request: FastifyRequest, _reply: FastifyReply) => { await request.jwtVerify() }
  app.get('/me', { preHandler: app.auth([verifyJwt]) }, async (request) => ({ user: (request.user as { sub: string }).sub }))
  await app.ready()
  return app
}

const EMPTY = { version: 1 as const, errors: {} }

t.test('missing, expired and invalid tokens answer AUTH_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID with WWW-Authenticate', async (t) => {
  const app = await appWith(EMPTY)
  t.teardown(() => app.close())
  const valid = app.jwt.sign({ sub: 'kim' })
  const expired = app.jwt.sign({ sub: 'kim', exp: Math.floor(Date.now() / 1000) - 60 })
  const tampered = valid.slice(0, -4) + (valid.endsWith('AAAA') ? 'BBBB' : 'AAAA')

  const ok = await app.inject({ url: '/me', headers: { authorization: `Bearer ${valid}` } })
  t.equal(ok.statusCode, 200)
  t.same(ok.json(), { user: 'kim' })

  const missing = await app.inject('/me')
  t.equal(missing.statusCode, 401)
  t.equal(missing.headers['www-authenticate'], 'Bearer')
  t.equal(missing.headers['content-type'], 'application/json; charset=utf-8')
  t.same(missing.json(), authRequiredBody('req-2'))

  const old = await app.inject({ url: '/me', headers: { authorization: `Bearer ${expired}` } })
  t.equal(old.statusCode, 401)
  t.equal(old.headers['www-authenticate'], 'Bearer error="invalid_token"')
  t.same(old.json(), {
    code: 'TOKEN_EXPIRED',
    status: 401,
    message: '인증 토큰이 만료되었습니다.',
    retryable: false,
    suggestions: ['토큰을 새로 발급받은 뒤 다시 요청하세요.'],
    requestId: 'req-3'
  })

  const bad = await app.inject({ url: '/me', headers: { authorization: `Bearer ${tampered}` } })
  t.equal(bad.statusCode, 401)
  t.equal(bad.headers['www-authenticate'], 'Bearer error="invalid_token"')
  t.same(bad.json(), {
    code: 'TOKEN_INVALID',
    status: 401,
    message: '인증 토큰이 올바르지 않습니다.',
    retryable: false,
    suggestions: ['발급받은 토큰을 그대로 보냈는지 확인하고, 계속 실패하면 토큰을 새로 발급받으세요.'],
    requestId: 'req-4'
  })
})

t.test('the catalog overrides them: a new message for TOKEN_EXPIRED, its own code for a missing token', async (t) => {
  const app = await appWith({
    version: 1,
    errors: {
      TOKEN_EXPIRED: { status: 401, message: '로그인이 만료되었습니다. 다시 로그인해 주세요.' },
      LOGIN_REQUIRED: { status: 401, message: '로그인한 뒤 이용할 수 있습니다.', maps: ['FST_JWT_NO_AUTHORIZATION_IN_HEADER'] }
    }
  })
  t.teardown(() => app.close())
  const expired = app.jwt.sign({ sub: 'kim', exp: Math.floor(Date.now() / 1000) - 60 })
  const old = await app.inject({ url: '/me', headers: { authorization: `Bearer ${expired}` } })
  t.equal(old.json().code, 'TOKEN_EXPIRED')
  t.equal(old.json().message, '로그인이 만료되었습니다. 다시 로그인해 주세요.')
  const missing = await app.inject('/me')
  t.equal(missing.json().code, 'LOGIN_REQUIRED')
  t.equal(missing.headers['www-authenticate'], 'Bearer')
})

t.test('wwwAuthenticate sets the scheme, or turns the challenge off', async (t) => {
  const basic = await appWith(EMPTY, { wwwAuthenticate: 'Basic realm="api"' })
  t.teardown(() => basic.close())
  t.equal((await basic.inject('/me')).headers['www-authenticate'], 'Basic realm="api"')
  const none = await appWith(EMPTY, { wwwAuthenticate: false })
  t.teardown(() => none.close())
  const res = await none.inject('/me')
  t.equal(res.statusCode, 401)
  t.notOk('www-authenticate' in res.headers)
})
