/**
 * Retries against a real server on 127.0.0.1: fetchWithRetry, ky and openapi-fetch. The flaky routes live in the
 * test's own app (the demo has none): they answer through the plugin, so bodies and Retry-After are the catalog's.
 * Waits go through an injected sleep, so the test checks how long each retry waits without waiting.
 */
import Fastify from 'fastify'
import ky from 'ky'
import createClient from 'openapi-fetch'
import t from 'tap'
import { errorCatalog } from '../../src/index.js'
import { DEMO_CATALOG } from '../../examples/app.js'
import { fetchWithRetry, kyRetry, openapiFetchRetry, retryAfterMs, retryDelay, type ParsedError } from '../../src/client/index.js'

const app = Fastify()
await app.register(errorCatalog, { catalog: DEMO_CATALOG })
const hits = new Map<string, number>()
/** Fails `failures` times with 503 + Retry-After: 1 (per key, so that each test has its own), then 200. */
app.route({
  method: ['GET', 'POST', 'PUT'],
  url: '/flaky/:key/:failures',
  handler: async (request) => {
    const { key, failures } = request.params as { key: string, failures: string }
    const count = (hits.get(key) ?? 0) + 1
    hits.set(key, count)
    if (count <= Number(failures)) throw app.errors.SERVICE_UNAVAILABLE(undefined, { retryAfter: 1 })
    return { ok: true, attempts: count }
  }
})
app.get('/gone/:key', async (request) => {
  const { key } = request.params as { key: string }
  hits.set(key, (hits.get(key) ?? 0) + 1)
  throw app.errors.LECTURE_NOT_FOUND({ lectureId: 1 })
})
/** 500 INTERNAL_ERROR is not retryable; a route that says so per request is (`retryable` of the code). */
app.get('/busy/:key', async (request) => {
  const { key } = request.params as { key: string }
  hits.set(key, (hits.get(key) ?? 0) + 1)
  throw app.errors.GATEWAY_TIMEOUT()
})
app.get('/limited/:key', async (request, reply) => {
  const { key } = request.params as { key: string }
  const count = (hits.get(key) ?? 0) + 1
  hits.set(key, count)
  // A 429 from something outside the catalog (a gateway): not `retryable`, but Retry-After as an HTTP date.
  if (count === 1) return reply.code(429).header('retry-after', new Date(Date.now() + 5000).toUTCString()).send('slow down')
  return { ok: true }
})
const base = await app.listen({ host: '127.0.0.1', port: 0 })
t.teardown(() => app.close())

/** A fake clock and sleep: each sleep is recorded and moves the clock. */
function fakeTime () {
  let clock = 1_000_000
  const waits: number[] = []
  return {
    waits,
    now: () => clock,
    sleep: async (ms: number, signal: AbortSignal) => {
      signal.throwIfAborted()
      waits.push(ms)
      clock += ms
    }
  }
}

t.test('fetchWithRetry: a flaky GET is retried exactly twice, each time after the Retry-After of the response', async (t) => {
  const time = fakeTime()
  const retried: Array<[string, number, number]> = []
  const response = await fetchWithRetry(`${base}/flaky/get/2`, undefined, { ...time, onRetry: (error, attempt, delay) => retried.push([error.code, attempt, delay]) })
  t.equal(response.status, 200)
  t.same(await response.json(), { ok: true, attempts: 3 })
  t.equal(hits.get('get'), 3, 'three requests: two failures and the success')
  t.same(time.waits, [1000, 1000], 'waited the 1 s of Retry-After before each retry')
  t.same(retried, [['SERVICE_UNAVAILABLE', 1, 1000], ['SERVICE_UNAVAILABLE', 2, 1000]])
})

t.test('fetchWithRetry: a POST is retried only with an Idempotency-Key or the opt-in', async (t) => {
  const plain = await fetchWithRetry(`${base}/flaky/post/2`, { method: 'POST' }, fakeTime())
  t.equal(plain.status, 503, 'the failure is handed back')
  t.equal(hits.get('post'), 1, 'a POST without idempotency is sent once')
  const keyed = await fetchWithRetry(`${base}/flaky/post-key/2`, { method: 'POST', headers: { 'idempotency-key': 'k-1' }, body: '{}' }, fakeTime())
  t.equal(keyed.status, 200)
  t.equal(hits.get('post-key'), 3, 'with Idempotency-Key it is retried')
  const opted = await fetchWithRetry(`${base}/flaky/post-opt/1`, { method: 'POST', body: 'same body each time' }, { ...fakeTime(), retryNonIdempotent: true })
  t.equal(opted.status, 200)
  t.equal(hits.get('post-opt'), 2, 'with retryNonIdempotent it is retried')
  const put = await fetchWithRetry(`${base}/flaky/put/1`, { method: 'PUT', body: 'x' }, fakeTime())
  t.equal(put.status, 200, 'PUT is idempotent')
})

t.test('fetchWithRetry: aborting stops the loop, during a wait or before a request', async (t) => {
  const controller = new AbortController()
  // The real timer: an abort ends the 1 s wait at once.
  const started = Date.now()
  await t.rejects(fetchWithRetry(`${base}/flaky/abort/5`, { signal: controller.signal }, { onRetry: () => controller.abort() }), { name: 'AbortError' })
  t.equal(hits.get('abort'), 1, 'no request after the abort')
  t.ok(Date.now() - started < 1000, 'the wait was cut short')
  await t.rejects(fetchWithRetry(`${base}/flaky/aborted/5`, { signal: AbortSignal.abort() }, fakeTime()), { name: 'AbortError' })
  t.equal(hits.get('aborted'), undefined, 'an aborted signal sends nothing')
})

t.test('fetchWithRetry: the attempt and total-time limits end the retries', async (t) => {
  const attempts = await fetchWithRetry(`${base}/flaky/attempts/9`, undefined, { ...fakeTime(), attempts: 2 })
  t.equal(attempts.status, 503)
  t.equal(hits.get('attempts'), 2, 'two attempts in all')
  const time = fakeTime()
  const elapsed = await fetchWithRetry(`${base}/flaky/elapsed/9`, undefined, { ...time, attempts: 10, maxElapsedMs: 2500 })
  t.equal(elapsed.status, 503)
  t.same(time.waits, [1000, 1000], 'a third wait would end after 2.5 s')
  t.equal(hits.get('elapsed'), 3)
  const capped = await fetchWithRetry(`${base}/flaky/capped/9`, undefined, { ...fakeTime(), maxDelayMs: 500 })
  t.equal(hits.get('capped'), 1, 'a Retry-After longer than maxDelayMs is not waited out')
  t.equal(capped.status, 503)
})

t.test('fetchWithRetry: only what the server says may succeed later is retried', async (t) => {
  const gone = await fetchWithRetry(`${base}/gone/gone`, undefined, fakeTime())
  t.equal(gone.status, 404)
  t.equal(hits.get('gone'), 1, 'LECTURE_NOT_FOUND is not retryable')
  const time = fakeTime()
  const limited = await fetchWithRetry(`${base}/limited/limited`, undefined, time)
  t.equal(limited.status, 200, 'a 429 with Retry-After is retried even from outside the catalog')
  t.ok(time.waits[0] > 3000 && time.waits[0] <= 5000, `waited until the HTTP date (${time.waits[0]} ms)`)
  const busyTime = fakeTime()
  const busy = await fetchWithRetry(`${base}/busy/busy`, undefined, { ...busyTime, random: () => 0.5, baseDelayMs: 100 })
  t.equal(busy.status, 504)
  t.equal(hits.get('busy'), 3, 'GATEWAY_TIMEOUT is retryable')
  t.same(busyTime.waits, [50, 100], 'without Retry-After: exponential backoff with full jitter (random 0.5 of 100, then of 200)')
})

t.test('retryDelay and retryAfterMs: the rules on their own', async (t) => {
  const error = (members: Partial<ParsedError>): Pick<ParsedError, 'status' | 'retryable' | 'retryAfterMs'> => ({ status: 500, retryable: false, retryAfterMs: undefined, ...members })
  const cases: Array<[string, { given: Parameters<typeof retryDelay>, want: number | undefined }]> = [
    ['not retryable', { given: [error({}), 1, {}], want: undefined }],
    ['retryable, first retry: jitter of the base', { given: [error({ retryable: true }), 1, { random: () => 0.999, baseDelayMs: 100 }], want: 99 }],
    ['retryable, third retry doubles twice', { given: [error({ retryable: true }), 3, { random: () => 0.5, baseDelayMs: 100, attempts: 5 }], want: 200 }],
    ['the cap bounds the step', { given: [error({ retryable: true }), 4, { random: () => 0.5, baseDelayMs: 1000, maxDelayMs: 2000, attempts: 9 }], want: 1000 }],
    ['the attempt limit', { given: [error({ retryable: true }), 3, {}], want: undefined }],
    ['Retry-After wins over backoff', { given: [error({ retryable: true, retryAfterMs: 1500 }), 1, {}], want: 1500 }],
    ['503 with Retry-After, not marked retryable', { given: [error({ status: 503, retryAfterMs: 2000 }), 1, {}], want: 2000 }],
    ['429 with Retry-After', { given: [error({ status: 429, retryAfterMs: 0 }), 1, {}], want: 0 }],
    ['500 with Retry-After but not retryable', { given: [error({ status: 500, retryAfterMs: 2000 }), 1, {}], want: undefined }],
    ['Retry-After over the cap', { given: [error({ retryable: true, retryAfterMs: 60_000 }), 1, {}], want: undefined }]
  ]
  for (const [name, { given, want }] of cases) t.equal(retryDelay(...given), want, name)
  const now = Date.parse('2026-11-22T09:00:00Z')
  t.equal(retryAfterMs('120', now), 120_000, 'seconds')
  t.equal(retryAfterMs('Sun, 22 Nov 2026 09:00:30 GMT', now), 30_000, 'IMF-fixdate')
  t.equal(retryAfterMs('Sunday, 22-Nov-26 09:00:10 GMT', now), 10_000, 'RFC 850 date')
  t.equal(retryAfterMs('Sun, 22 Nov 2026 08:00:00 GMT', now), 0, 'a date in the past: now')
  for (const bad of ['', '1.5', '-3', 'soon', '2026-11-22', undefined, null]) t.equal(retryAfterMs(bad, now), undefined, `not a Retry-After: ${String(bad)}`)
})

t.test('ky: the hooks retry a flaky GET twice by the catalog and leave a POST alone', async (t) => {
  const retried: number[] = []
  const client = ky.create({ prefixUrl: base, ...kyRetry(ky, { onRetry: (_error, _attempt, delay) => retried.push(delay) }) })
  const started = Date.now()
  t.same(await client.get('flaky/ky/2').json(), { ok: true, attempts: 3 })
  t.equal(hits.get('ky'), 3, 'retried exactly twice')
  t.same(retried, [1000, 1000], 'with the Retry-After as the delay')
  t.ok(Date.now() - started >= 1950, 'and ky waited it out')
  await t.rejects(client.post('flaky/ky-post/2'), { name: 'HTTPError' })
  t.equal(hits.get('ky-post'), 1, 'a POST is sent once')
  await t.rejects(client.get('gone/ky-gone'), { name: 'HTTPError' })
  t.equal(hits.get('ky-gone'), 1, 'a code that is not retryable is not retried')
})

t.test('openapi-fetch: the middleware retries a flaky GET and hands back the success; a POST is sent once', async (t) => {
  const time = fakeTime()
  const client = createClient({ baseUrl: base })
  client.use(openapiFetchRetry(time))
  const ok = await client.GET('/flaky/{key}/{failures}' as never, { params: { path: { key: 'oaf', failures: '2' } } } as never)
  t.equal(ok.response.status, 200)
  t.same(ok.data, { ok: true, attempts: 3 })
  t.same(time.waits, [1000, 1000])
  const post = await client.POST('/flaky/{key}/{failures}' as never, { params: { path: { key: 'oaf-post', failures: '2' } }, body: { a: 1 } } as never)
  t.equal(post.response.status, 503)
  t.match(post.error, { code: 'SERVICE_UNAVAILABLE' })
  t.equal(hits.get('oaf-post'), 1)
  const keyed = await client.POST('/flaky/{key}/{failures}' as never, { params: { path: { key: 'oaf-key', failures: '1' } }, headers: { 'Idempotency-Key': 'k' }, body: { a: 1 } } as never)
  t.equal(keyed.response.status, 200, 'the body is sent again on the retry')
  t.equal(hits.get('oaf-key'), 2)
})
