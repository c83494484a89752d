/**
 * `npm run bench:grpc`: the cost per call of turning a catalog error into a grpc-js ServiceError with its
 * `grpc-status-details-bin` trailer (ErrorInfo with details and number, LocalizedMessage, RetryInfo or Help), against
 * building a bare grpc-js error (code, message, empty Metadata). Both sides start from an error that already
 * exists, as a handler wrapper sees it. Ratios come from one run (bench/RESULTS.md).
 */
import { fileURLToPath } from 'node:url'
import * as grpc from '@grpc/grpc-js'
import { Bench } from 'tinybench'
import { loadCatalog } from '../src/index.js'
import { toGrpcError } from '../src/grpc/index.js'

const catalog = await loadCatalog(fileURLToPath(new URL('../test/fixtures/grpc/seed-003.yaml', import.meta.url)))
const options = { catalog, domain: 'auth.immersiverse.example' }
const withDetails = catalog.errors.INVALID_CREDENTIALS({ username: 'minji', attempts: 3 })
const retryable = catalog.errors.LOGIN_RATE_LIMITED()
const withHelp = catalog.errors.ADMIN_ONLY()
const crash = new Error('connect ECONNREFUSED')

let sink: unknown
const bare = (error: Error, code: grpc.status): grpc.ServiceError => Object.assign(new Error(error.message), { code, details: error.message, metadata: new grpc.Metadata() })

const cases: Array<[string, () => unknown]> = [
  ['bare grpc-js error (code, message, empty Metadata)', () => bare(withDetails, grpc.status.UNAUTHENTICATED)],
  ['toGrpcError: 2 details + number (ErrorInfo, LocalizedMessage)', () => toGrpcError(withDetails, options)],
  ['toGrpcError: retryable (+ RetryInfo)', () => toGrpcError(retryable, options)],
  ['toGrpcError: docsUrl (+ Help, packed once)', () => toGrpcError(withHelp, options)],
  ['toGrpcError: a crash → INTERNAL', () => toGrpcError(crash, options)]
]

const bench = new Bench({ time: Number(process.env.BENCH_TIME ?? 1000) })
for (const [name, make] of cases) bench.add(name, () => { sink = make() })
await bench.run()
console.table(bench.table())

/** Mean and median latency of a task, in ms. */
const latency = (name: string): { mean: number, median: number } => {
  const result = bench.getTask(name)?.result as { latency?: { mean?: number, p50?: number } } | undefined
  const { mean, p50 } = result?.latency ?? {}
  if (mean === undefined || p50 === undefined) throw new Error(`${name}: no result`)
  return { mean, median: p50 }
}
const base = latency(cases[0][0])
console.log('\nper call, µs: median (ratio to the bare grpc-js error), mean (ratio)')
for (const [name] of cases) {
  const { mean, median } = latency(name)
  console.log(`  ${(median * 1000).toFixed(2).padStart(7)} ×${(median / base.median).toFixed(2)}   ${(mean * 1000).toFixed(2).padStart(7)} ×${(mean / base.mean).toFixed(2)}   ${name}`)
}
if (sink === undefined) throw new Error('nothing was created')
