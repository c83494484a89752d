/** `{retryAfter}` in messages and suggestions: the seconds of the answer's Retry-After (issue 11, seed 000). */
import Fastify from 'fastify'
import t from 'tap'
import { fileURLToPath } from 'node:url'
import errorCatalog, { loadCatalog } from '../../src/index.js'
import { problemsOf } from '../helpers/problems.js'

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/retry-after/${name}`, import.meta.url))

t.test('a factory renders the entry\'s seconds, or the call\'s own', async (t) => {
  const catalog = await loadCatalog(fixture('ok.yaml'))
  t.same(catalog.errors.TOO_MANY_REQUESTS().suggestions, ['60초 후에 다시 시도하세요.'])
  t.same(catalog.errors.TOO_MANY_REQUESTS(undefined, { retryAfter: 5 }).suggestions, ['5초 후에 다시 시도하세요.'])
  t.same(catalog.entries.TOO_MANY_REQUESTS.render(undefined, 'en').suggestions, ['Try again in 60 seconds.'])
})

t.test('the answer says what Retry-After says, in the request\'s language', async (t) => {
  const app = Fastify()
  t.teardown(() => app.close())
  await app.register(errorCatalog, { catalog: fixture('ok.yaml') })
  app.get('/default', async () => { throw app.errors.TOO_MANY_REQUESTS() })
  app.get('/soon', async () => { throw app.errors.TOO_MANY_REQUESTS(undefined, { retryAfter: 7 }) })
  const ko = await app.inject('/soon')
  t.equal(ko.headers['retry-after'], '7')
  t.same(ko.json().suggestions, ['7초 후에 다시 시도하세요.'])
  const en = await app.inject({ url: '/soon', headers: { 'accept-language': 'en' } })
  t.equal(en.headers['retry-after'], '7')
  t.same(en.json().suggestions, ['Try again in 7 seconds.'])
  const plain = await app.inject({ url: '/default', headers: { 'accept-language': 'en' } })
  t.same(plain.json().suggestions, ['Try again in 60 seconds.'])
  t.notOk('details' in plain.json(), 'the seconds are not sent as a detail')
})

t.test('{retryAfter} without the entry\'s retryAfter is a problem at its line', async (t) => {
  const { lines } = await problemsOf(fixture('broken.yaml'))
  t.equal(lines.length, 1)
  t.match(lines[0], /^7:9 .*placeholder \{retryAfter\} names no detail/)
})
