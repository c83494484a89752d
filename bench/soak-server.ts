/**
 * The server of `npm run soak`, in its own process so that its memory is measured alone. It serves the
 * example catalog on 127.0.0.1 with routes for every kind of answer, including hostile thrown values, and
 * reports its RSS, heap and event-loop delay to the parent over IPC.
 */
import Fastify from 'fastify'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { ajvOptions, errorCatalog, frameworkErrors } from '../src/index.js'

export const SECRET = 'SOAK-SECRET-hunter2'

const app = Fastify({ logger: { level: 'error', file: '/dev/null' }, frameworkErrors, ajv: ajvOptions(), bodyLimit: 64 * 1024 })
await app.register(errorCatalog, { catalog: fileURLToPath(new URL('../catalog/example.yaml', import.meta.url)) })

const throwing = (): never => { throw new Error(SECRET) }
app.get('/ok', async () => ({ ok: true }))
app.get('/sessions/:code', async (request) => { throw app.errors.SESSION_NOT_FOUND({ sessionCode: (request.params as { code: string }).code }) })
app.post('/enroll', {
  schema: { body: { type: 'object', required: ['email', 'seat'], properties: { email: { type: 'string', format: 'email' }, seat: { type: 'integer', minimum: 1 } } } }
}, async () => ({ ok: true }))
app.get('/crash', async () => { throw new Error(`connect ECONNREFUSED ${SECRET}`) })
app.get('/getter', async () => { throw Object.defineProperty(new Error('x'), 'message', { get: throwing }) })
app.get('/proxy', async () => { throw new Proxy({}, { get: throwing, getPrototypeOf: throwing, ownKeys: throwing }) })
app.get('/appended', async () => { const error = app.errors.SERVICE_UNAVAILABLE(); error.message += SECRET; throw error })
app.get('/retry', async () => { throw app.errors.QUIZ_SUBMIT_TOO_FAST({ quizId: 1, waitSeconds: 3 }, { retryAfter: NaN }) })
app.get('/hook', { onRequest: async () => { throw Object.assign(new Error(SECRET), { statusCode: 'x' }) } }, async () => ({ ok: true }))

const delay = monitorEventLoopDelay({ resolution: 10 })
delay.enable()
await app.listen({ host: '127.0.0.1', port: 0 })
const address = app.server.address()
const port = typeof address === 'object' && address !== null ? address.port : 0
const rssAtStart = process.memoryUsage().rss

process.on('message', (message: string) => {
  if (message === 'warm') {
    // The baseline for RSS growth is taken after warm-up, when every code's serializer is compiled.
    global.gc?.()
    process.send?.({ kind: 'warm', rss: process.memoryUsage().rss })
    delay.reset()
  } else if (message === 'stats') {
    global.gc?.()
    const memory = process.memoryUsage()
    process.send?.({ kind: 'stats', rss: memory.rss, heapUsed: memory.heapUsed, rssAtStart, delayP99: delay.percentile(99) / 1e6, delayMax: delay.max / 1e6 })
  } else if (message === 'stop') {
    app.close().then(() => process.exit(0), () => process.exit(1))
  }
})
process.send?.({ kind: 'ready', port })
