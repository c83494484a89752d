/**
 * `npm run bench:heap`: no heap growth over 1,000,000 error responses, in two phases:
 * 1. 100,000 real responses through Fastify (inject, no sockets): catalog 404, validation 400, unknown route 404,
 *    unexpected throw 500 in rotation (inject runs about 5–20k/s here, so a million would take minutes);
 * 2. 1,000,000 responses from the plugin's error handler called directly with a stub reply (the same rotation
 *    minus routing), which exercises every per-request allocation and cache of the plugin itself.
 * Each phase takes ten readings of heapUsed after a full GC (--expose-gc); growth is the last reading minus the
 * first (which follows warm-up). The run fails above BENCH_HEAP_LIMIT_MB (default 2) in either phase.
 */
import Fastify from 'fastify'
import { fileURLToPath } from 'node:url'
import { errorCatalog } from '../src/index.js'
import { createErrorHandler } from '../src/plugin/error-handler.js'
import { stubReply } from './stub-reply.js'
import { ONE_INVALID } from './scenarios.js'
import { ENROLL_BODY } from './servers/apps.js'

const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) throw new Error('run with --expose-gc (npm run bench:heap does)')
const INJECTED = Number(process.env.BENCH_HEAP_INJECTED ?? 100_000)
const HANDLED = Number(process.env.BENCH_HEAP_RESPONSES ?? 1_000_000)
const BATCH = 100
const LIMIT_MB = Number(process.env.BENCH_HEAP_LIMIT_MB ?? 2)

const app = Fastify({ logger: false })
await app.register(errorCatalog, { catalog: fileURLToPath(new URL('../catalog/example.yaml', import.meta.url)) })
app.get<{ Params: { code: string } }>('/sessions/:code', async (request) => {
  throw app.errors.SESSION_NOT_FOUND({ sessionCode: request.params.code })
})
app.post('/enroll', { schema: { body: ENROLL_BODY } }, async () => ({ ok: true }))
app.get('/boom', async () => { throw new Error('database connection lost') })
await app.ready()

const requests = [
  { method: 'GET' as const, url: '/sessions/AB12CD', status: 404 },
  { method: 'POST' as const, url: '/enroll', payload: ONE_INVALID, headers: { 'content-type': 'application/json' }, status: 400 },
  { method: 'GET' as const, url: '/nowhere/123', status: 404 },
  { method: 'GET' as const, url: '/boom', status: 500 }
]

interface Reading { responses: number, heapMB: number }

function reading (responses: number): Reading {
  gc?.()
  return { responses, heapMB: process.memoryUsage().heapUsed / 1048576 }
}

async function injected (): Promise<Reading[]> {
  const readings: Reading[] = []
  for (let done = 0; done < INJECTED;) {
    const batch = []
    for (let i = 0; i < BATCH; i++) {
      const { status, ...options } = requests[(done + i) % requests.length]
      batch.push(app.inject(options).then((response) => {
        if (response.statusCode !== status) throw new Error(`${options.url}: expected ${status}, got ${response.statusCode}`)
      }))
    }
    await Promise.all(batch)
    done += BATCH
    if (done % (INJECTED / 10) === 0) readings.push(reading(done))
  }
  return readings
}

function handled (): Reading[] {
  const handler = createErrorHandler(app.errorCatalog)
  const { reply, request, sent } = stubReply()
  const validation = Object.assign(new Error('body/seat must be integer'), {
    code: 'FST_ERR_VALIDATION',
    statusCode: 400,
    validationContext: 'body',
    validation: [{ instancePath: '/seat', schemaPath: '#/properties/seat/type', keyword: 'type', params: { type: 'integer' }, message: 'must be integer' }]
  })
  const thrown = new Error('database connection lost')
  const forbidden = Object.assign(new Error('nope'), { statusCode: 403 })
  const readings: Reading[] = []
  for (let done = 0; done < HANDLED; done++) {
    switch (done & 3) {
      case 0: handler(app.errors.SESSION_NOT_FOUND({ sessionCode: `S${done}` }), request, reply); break
      case 1: handler(validation, request, reply); break
      case 2: handler(forbidden, request, reply); break
      default: handler(thrown, request, reply)
    }
    if ((done + 1) % (HANDLED / 10) === 0) readings.push(reading(done + 1))
  }
  if (typeof sent() !== 'string') throw new Error('the handler sent nothing')
  return readings
}

function report (name: string, readings: Reading[], seconds: number): boolean {
  console.log(`${name}: ${readings[readings.length - 1].responses} responses in ${seconds.toFixed(0)} s`)
  console.table(readings.map((r) => ({ responses: r.responses, 'heapUsed MB': r.heapMB.toFixed(2) })))
  // The first reading follows the warm-up (JIT, serializer caches, inline caches): growth is measured from it.
  const growth = readings[readings.length - 1].heapMB - readings[0].heapMB
  console.log(`${name}: heap growth after warm-up ${growth.toFixed(2)} MB (limit ${LIMIT_MB} MB)`)
  return growth <= LIMIT_MB
}

let began = performance.now()
const first = injected()
const injectedOk = report('Fastify inject', await first, (performance.now() - began) / 1000)
began = performance.now()
const handledOk = report('error handler', handled(), (performance.now() - began) / 1000)
await app.close()
if (!injectedOk || !handledOk) process.exitCode = 1
