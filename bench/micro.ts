/**
 * `npm run bench:micro`: the cost of creating one error, catalog factory vs @fastify/error, with and without a
 * stack trace, thrown from 20 frames deep (a stack trace costs more the deeper it is, up to Error.stackTraceLimit).
 */
import createError from '@fastify/error'
import { fileURLToPath } from 'node:url'
import { Bench } from 'tinybench'
import { loadCatalog } from '../src/index.js'

const catalog = await loadCatalog(fileURLToPath(new URL('../catalog/example.yaml', import.meta.url)))
const { SESSION_NOT_FOUND } = catalog.errors
const SessionNotFound = createError('SESSION_NOT_FOUND', '세션을 찾을 수 없습니다. (세션 코드 %s)', 404)
const SessionNotFoundNoStack = createError('SESSION_NOT_FOUND', '세션을 찾을 수 없습니다. (세션 코드 %s)', 404, Error, false)

let sink: unknown
/** Runs `make` 20 frames down, as a route handler inside Fastify would. */
function deep (depth: number, make: () => unknown): unknown {
  return depth === 0 ? make() : deep(depth - 1, make)
}

const cases: Array<[string, () => unknown]> = [
  ['catalog factory, 4xx default (no stack)', () => SESSION_NOT_FOUND({ sessionCode: 'AB12CD' })],
  ['catalog factory, captureStack: true', () => SESSION_NOT_FOUND({ sessionCode: 'AB12CD' }, { captureStack: true })],
  ['@fastify/error, default (stack)', () => new SessionNotFound('AB12CD')],
  ['@fastify/error, captureStackTrace false', () => new SessionNotFoundNoStack('AB12CD')],
  ['plain new Error (stack), for scale', () => new Error('세션을 찾을 수 없습니다. (세션 코드 AB12CD)')]
]

const bench = new Bench({ time: Number(process.env.BENCH_TIME ?? 500) })
for (const [name, make] of cases) bench.add(name, () => { sink = deep(20, make) })
await bench.run()
console.table(bench.table())
if (sink === undefined) throw new Error('nothing was created')
