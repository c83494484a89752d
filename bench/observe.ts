/**
 * `node --import tsx bench/observe.ts`: the cost of reporting one answered error, per call, without load-generator
 * noise: the metrics observer (prom-client counter, cached child), the tracing observer (OpenTelemetry API without
 * an SDK: no active span) and both. Compare with the catalog 404 path's server CPU per response (bench/RESULTS.md).
 */
import Fastify, { type FastifyRequest } from 'fastify'
import { fileURLToPath } from 'node:url'
import { Registry } from 'prom-client'
import { Bench } from 'tinybench'
import { loadCatalog } from '../src/index.js'
import { metricsObserver } from '../src/plugin/metrics.js'
import { observerOf } from '../src/plugin/observe.js'
import { tracingObserver } from '../src/plugin/tracing.js'

const catalog = await loadCatalog(fileURLToPath(new URL('../catalog/example.yaml', import.meta.url)))
const entry = catalog.get('SESSION_NOT_FOUND')
if (entry === undefined) throw new Error('SESSION_NOT_FOUND missing')
// A real request of a real route (its routeOptions getter is part of the cost), kept after its answer.
const app = Fastify()
let request: FastifyRequest | undefined
app.get('/sessions/:code', async (req) => { request = req; return {} })
await app.inject('/sessions/AB12CD')
if (request === undefined) throw new Error('no request')
const metrics = observerOf({ observers: [await metricsObserver({ registry: new Registry() })] })
const tracing = observerOf({ observers: [await tracingObserver(true)] })
const both = observerOf({ observers: [await metricsObserver({ registry: new Registry() }), await tracingObserver(true)] })
if (metrics === undefined || tracing === undefined || both === undefined) throw new Error('observers missing')

const bench = new Bench({ time: Number(process.env.BENCH_TIME ?? 500) })
const req = request
bench.add('metrics (http_errors_total inc)', () => metrics(req, entry, undefined))
bench.add('tracing (no SDK: no active span)', () => tracing(req, entry, undefined))
bench.add('metrics + tracing', () => both(req, entry, undefined))
await bench.run()
console.table(bench.table())
await app.close()
