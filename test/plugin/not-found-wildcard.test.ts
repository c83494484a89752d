/**
 * Wildcard routes and 405: @fastify/cors adds a hidden `OPTIONS *` route, which must not turn every unknown
 * path into a 405 (issue 16, bug 1). A wildcard route lists its methods in `Allow` where it matches, but does
 * not by itself make a path known.
 */
import t from 'tap'
import cors from '@fastify/cors'
import { buildApp } from '../helpers/app.js'

t.test('with @fastify/cors registered after the plugin (the README order), an unknown path answers 404 NOT_FOUND', async (t) => {
  const app = await buildApp({}, async (app) => {
    await app.register(cors)
    app.get('/users', async () => [])
  })
  const res = await app.inject('/nope')
  t.equal(res.statusCode, 404)
  t.equal(res.headers.allow, undefined, 'no Allow header on a 404')
  t.equal(res.json().code, 'NOT_FOUND')

  const post = await app.inject({ method: 'POST', url: '/users' })
  t.equal(post.statusCode, 405, 'a real path asked with another method is still a 405')
  t.equal(post.headers.allow, 'GET, HEAD, OPTIONS', 'Allow includes the preflight cors answers at that path')
  t.same(post.json().details, { method: 'POST', allowed: ['GET', 'HEAD', 'OPTIONS'] })

  const preflight = await app.inject({ method: 'OPTIONS', url: '/nope', headers: { origin: 'https://a.example', 'access-control-request-method': 'GET' } })
  t.equal(preflight.statusCode, 204, 'cors still answers preflight requests everywhere')
})

t.test('a wildcard route of another method does not make unknown paths 405s; its own paths keep theirs', async (t) => {
  const app = await buildApp({}, (app) => {
    app.route({ method: 'OPTIONS', url: '/api/*', handler: async () => '' })
    app.get('/api/users/:id', async () => ({}))
    app.get('/files/*', async () => '')
  })
  t.equal((await app.inject('/api/nope')).statusCode, 404, 'only the OPTIONS wildcard matches: not found')
  const del = await app.inject({ method: 'DELETE', url: '/api/users/7' })
  t.equal(del.statusCode, 405)
  t.equal(del.headers.allow, 'GET, HEAD, OPTIONS')
  t.equal((await app.inject({ method: 'POST', url: '/files/a.txt' })).statusCode, 404, 'a wildcard alone does not prove a resource exists')
})
