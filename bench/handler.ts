/**
 * `npm run bench:handler`: the plugin's own share of an error response, in process: the error handler called
 * with a stub reply that keeps the sent payload, for each kind of error. No sockets, no Fastify routing: what the
 * load scenarios cannot isolate. Used to steer optimizations of src/plugin and src/catalog.
 */
import { fileURLToPath } from 'node:url'
import { Bench } from 'tinybench'
import { loadCatalog } from '../src/index.js'
import { createErrorHandler } from '../src/plugin/error-handler.js'
import { stubReply } from './stub-reply.js'

const catalog = await loadCatalog(fileURLToPath(new URL('../catalog/example.yaml', import.meta.url)))
const handler = createErrorHandler(catalog)

const ONE = [{ instancePath: '/seat', schemaPath: '#/properties/seat/type', keyword: 'type', params: { type: 'integer' }, message: 'must be integer' }]
const TEN = ['lectureId', 'sessionCode', 'email', 'name', 'seat', 'device', 'nickname', 'capacity', 'startsAt', 'agree']
  .map((field) => ({ instancePath: `/${field}`, schemaPath: `#/properties/${field}/type`, keyword: 'type', params: { type: 'integer' }, message: 'must be integer' }))
// What Ajv (allErrors) reports for a 16.5 KB body against a recursive schema: one failing field per level,
// 100 levels of 142-character keys; the answer is bounded by validation.maxPathLength / maxFieldErrorsBytes.
const KEYS = Array.from({ length: 100 }, (_, i) => String(i).padStart(142, 'k'))
const DEEP = KEYS.map((_, depth) => ({ instancePath: `/${KEYS.slice(0, depth + 1).join('/')}/v`, schemaPath: 'node#/properties/v/type', keyword: 'type', params: { type: 'integer' }, message: 'must be integer' }))
const validationError = (errors: typeof ONE): Error => Object.assign(new Error('body/seat must be integer'), {
  code: 'FST_ERR_VALIDATION', statusCode: 400, validation: errors, validationContext: 'body'
})

// Errors other than the catalog's are made once: what is measured is the handler, not `new Error`.
const one = validationError(ONE)
const ten = validationError(TEN)
const deepKeys = validationError(DEEP)
const forbidden = Object.assign(new Error('nope'), { statusCode: 403 })
const thrown = new Error('database connection lost')
const { reply, request, sent } = stubReply()
const cases: Array<[string, () => unknown]> = [
  ['catalog error (factory + handler)', () => handler(catalog.errors.SESSION_NOT_FOUND({ sessionCode: 'AB12CD' }), request, reply)],
  ['validation, one field', () => handler(one, request, reply)],
  ['validation, ten fields', () => handler(ten, request, reply)],
  ['validation, recursive body: 100 levels of long keys', () => handler(deepKeys, request, reply)],
  ['status-only error (http-errors style)', () => handler(forbidden, request, reply)],
  ['unexpected throw (logging stubbed)', () => handler(thrown, request, reply)]
]

const bench = new Bench({ time: Number(process.env.BENCH_TIME ?? 500) })
for (const [name, run] of cases) bench.add(name, run)
await bench.run()
console.table(bench.table())
if (typeof sent() !== 'string') throw new Error('the handler sent no string payload')
