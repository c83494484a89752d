/**
 * The thrown-value property, shared by `npm test` (a few thousand runs) and `npm run fuzz` (50,000):
 * whatever is thrown, from a handler or any hook, sync or async, with the logger on or off, the answer is the
 * catalog's envelope with a status in 400–599, and nothing the thrown value holds reaches the body.
 */
import fc from 'fast-check'
import Fastify, { type FastifyInstance } from 'fastify'
import { Writable } from 'node:stream'
import { errorCatalog } from '../../src/index.js'
import { catalogFile } from '../helpers/app.js'

/** What every hostile value hides; the body must never contain it. */
export const SECRET = 'SECRET-postgres://admin:hunter2@db.internal:5432'

const KEYS = ['message', 'statusCode', 'status', 'code', 'validation', 'validationContext', 'headers', 'stack', 'name',
  'cause', 'toJSON', 'constructor', 'details', 'retryAfter', 'suggestions', 'expose', 'then'] as const

/** A value a property might hold: ordinary, odd, or the secret itself. */
const oddValue = fc.oneof(
  fc.constant(SECRET), fc.constant(`${SECRET}\r\nx-leak: 1`), fc.string({ maxLength: 8 }),
  fc.constantFrom(404, 400, 422, 429, 499, 500, 503, 599, 600, 0, -1, 1e9, 404.5, NaN, Infinity, '404', 1n),
  fc.constantFrom('FST_ERR_CTP_INVALID_JSON_BODY', 'FST_ERR_BAD_URL', 'FST_ERR_VALIDATION', 'body', 'querystring', 'params', 'nope'),
  fc.constantFrom(null, undefined, true, Symbol('sym'), Symbol.for(SECRET)),
  // A validation item's path is the client's input and its params come from the published schema, both shown
  // by design; the secret sits in Ajv's English message and the schema path, which are never echoed.
  fc.constant([{ instancePath: '/email', schemaPath: SECRET, keyword: 'type', params: { type: 'integer' }, message: SECRET }]),
  fc.constant([null, 1, 'x']),
  fc.constant({ 'www-authenticate': SECRET, 'x-bad\r\n': 'v', ok: 'fine' }),
  fc.constant(() => SECRET)
)

/** How one property behaves: a plain value, a getter returning it, or a getter that throws the secret. */
const member = fc.oneof(
  oddValue.map((value) => ({ kind: 'value' as const, value })),
  oddValue.map((value) => ({ kind: 'getter' as const, value })),
  fc.constant({ kind: 'throws' as const, value: undefined })
)

function defineMember (target: object, key: string, spec: { kind: 'value' | 'getter' | 'throws', value: unknown }): void {
  const descriptor: PropertyDescriptor = spec.kind === 'value'
    ? { value: spec.value, enumerable: true, configurable: true, writable: true }
    : { get: spec.kind === 'getter' ? () => spec.value : () => { throw new Error(SECRET) }, enumerable: true, configurable: true }
  try {
    Object.defineProperty(target, key, descriptor)
  } catch {}
}

const kBrand = Symbol.for('fastify-error-catalog.CatalogError')

/** A recipe for a thrown value, turned into the value when the route runs (so each request gets a fresh one). */
export type Recipe = (app: FastifyInstance) => unknown

const base = fc.constantFrom<Array<() => object>>(
  () => new Error(SECRET),
() => ({}),
() => Object.create(null) as object,
() => new TypeError(SECRET),
() => Object.assign(Object.create(Error.prototype) as object, { message: SECRET })
)

const decorated: fc.Arbitrary<Recipe> = fc.record({
  make: base,
  members: fc.array(fc.tuple(fc.constantFrom(...KEYS), member), { maxLength: 6 }),
  brand: fc.boolean(),
  cycle: fc.boolean()
}).map(({ make, members, brand, cycle }) => described(() => {
  const value = make() as Record<PropertyKey, unknown>
  for (const [key, spec] of members) defineMember(value, key, spec)
  if (brand) value[kBrand] = true
  if (cycle) value.self = value
  return value
}, `${make.toString()} with ${members.map(([key, spec]) => `${key}: ${spec.kind} ${fc.stringify(spec.value)}`).join(', ')}${brand ? ', branded' : ''}${cycle ? ', cyclic' : ''}`))

/** A recipe that fast-check prints as what it makes, so that a counterexample reads as the value. */
function described (recipe: Recipe, description: string): Recipe {
  return Object.assign(recipe, { [fc.toStringMethod]: () => description })
}

const proxies: fc.Arbitrary<Recipe> = fc.constantFrom<Recipe>(
  () => new Proxy({}, { get () { throw new Error(SECRET) }, getPrototypeOf () { throw new Error(SECRET) }, ownKeys () { throw new Error(SECRET) }, getOwnPropertyDescriptor () { throw new Error(SECRET) }, has () { throw new Error(SECRET) } }),
  () => new Proxy(new Error(SECRET), { get (target, key) { if (key === 'message') throw new Error(SECRET); return Reflect.get(target, key) } }),
  () => { const { proxy, revoke } = Proxy.revocable(new Error(SECRET), {}); revoke(); return proxy },
  () => { const { proxy, revoke } = Proxy.revocable([SECRET], {}); revoke(); return { validation: proxy, validationContext: 'body' } },
  () => new Proxy({ [kBrand]: true, code: 'SESSION_NOT_FOUND', message: SECRET }, { getPrototypeOf () { throw new Error(SECRET) } })
)

const primitives: fc.Arbitrary<Recipe> = oddValue.map((value) => () => value)

/** Genuine catalog errors that code on the way changed, and forged ones that carry the brand. */
const catalogErrors: fc.Arbitrary<Recipe> = fc.constantFrom<Recipe>(
  (app) => { const e = app.errors.SERVICE_UNAVAILABLE(); e.message += ` ${SECRET}`; return e },
  (app) => { const e = app.errors.INTERNAL_ERROR(); Object.defineProperty(e, 'message', { get () { throw new Error(SECRET) } }); return e },
  (app) => { const e = app.errors.SESSION_NOT_FOUND({ sessionCode: 'A1' }); e.message = SECRET; return e },
  (app) => { const e = app.errors.INTERNAL_ERROR(); Object.assign(e, { code: SECRET, statusCode: SECRET, suggestions: [SECRET], details: { x: SECRET } }); return e },
  (app) => app.errors.QUIZ_SUBMIT_TOO_FAST({ quizId: 1, waitSeconds: 2 }, { retryAfter: `1\r\nx-leak: ${SECRET}` as unknown as number }),
  (app) => app.errors.QUIZ_SUBMIT_TOO_FAST({ quizId: 1, waitSeconds: 2 }, { retryAfter: NaN }),
  () => ({ [kBrand]: true, code: 'INTERNAL_ERROR', statusCode: 500, message: SECRET, suggestions: [SECRET], details: {} }),
  () => ({ [kBrand]: true, code: 'SESSION_NOT_FOUND', statusCode: 404, message: SECRET, suggestions: [], details: { sessionCode: SECRET } }),
  () => Object.assign(new Error(SECRET), { [kBrand]: true, code: SECRET, statusCode: 404 })
)

/** Every kind of thrown value. */
export const thrownValue: fc.Arbitrary<Recipe> = fc.oneof(decorated, proxies, primitives, catalogErrors)

/** Where the value is thrown. */
export const PLACES = ['handler', 'handler-sync', 'onRequest', 'preParsing', 'preValidation', 'preHandler', 'preSerialization', 'onSend'] as const
export type Place = typeof PLACES[number]

/** One app per logger setting; the value to throw is set before each request. */
export async function fuzzApp (logger: boolean): Promise<{ app: FastifyInstance, arm: (recipe: Recipe) => void }> {
  const sink = new Writable({ write (_chunk, _encoding, done) { done() } })
  const app = Fastify(logger ? { logger: { level: 'info', stream: sink } } : { logger: false })
  await app.register(errorCatalog, { catalog: catalogFile('example.yaml') })
  let recipe: Recipe = () => undefined
  const thrown = (): unknown => recipe(app)
  const once = new WeakSet<object>()
  /** A hook throws once per request, as a real faulty hook would, so the error answer itself can pass through it. */
  const hookThrows = (place: Place, request: { headers: Record<string, unknown>, raw: object }): boolean => {
    if (request.headers['x-place'] !== place || once.has(request.raw)) return false
    once.add(request.raw)
    return true
  }
  app.addHook('onRequest', async (request) => { if (hookThrows('onRequest', request)) throw thrown() })
  app.addHook('preParsing', async (request) => { if (hookThrows('preParsing', request)) throw thrown() })
  app.addHook('preValidation', async (request) => { if (hookThrows('preValidation', request)) throw thrown() })
  app.addHook('preHandler', async (request) => { if (hookThrows('preHandler', request)) throw thrown() })
  app.addHook('preSerialization', async (request) => { if (hookThrows('preSerialization', request)) throw thrown() })
  app.addHook('onSend', async (request) => { if (hookThrows('onSend', request)) throw thrown() })
  app.post('/t', async (request) => {
    if (request.headers['x-place'] === 'handler') throw thrown()
    return { ok: true }
  })
  app.post('/s', (request, reply) => {
    if (request.headers['x-place'] === 'handler-sync') throw thrown()
    reply.send({ ok: true })
  })
  await app.ready()
  return { app, arm: (next) => { recipe = next } }
}

/** The property: the answer is the envelope, 400–599, JSON, and holds nothing of the secret. */
export async function checkAnswer (app: FastifyInstance, place: Place): Promise<string | undefined> {
  const res = await app.inject({ method: 'POST', url: place === 'handler-sync' ? '/s' : '/t', headers: { 'x-place': place }, payload: { a: 1 } })
  if (res.statusCode < 400 || res.statusCode > 599) return `status ${res.statusCode}: ${res.body}`
  if (res.body.includes('hunter2') || res.body.includes('SECRET')) return `the secret leaked: ${res.body}`
  if (res.headers['content-type'] !== 'application/json; charset=utf-8') return `content-type ${String(res.headers['content-type'])}`
  let body: Record<string, unknown>
  try {
    body = res.json()
  } catch {
    return `not JSON: ${res.body}`
  }
  if (typeof body.code !== 'string' || app.errorCatalog.get(body.code) === undefined) return `not a catalog code: ${res.body}`
  if (body.status !== res.statusCode || typeof body.message !== 'string' || typeof body.requestId !== 'string') return `not the envelope: ${res.body}`
  const retryAfter = res.headers['retry-after']
  if (retryAfter !== undefined && !/^\d+$/.test(String(retryAfter))) return `Retry-After ${String(retryAfter)}`
  return undefined
}
