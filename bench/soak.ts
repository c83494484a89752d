/**
 * `npm run soak`: a bounded soak of the error path over real HTTP on 127.0.0.1. A keep-alive client sends
 * mixed traffic (successes, catalog errors, validation failures, unknown routes, 405, bad JSON, crashes and
 * hostile thrown values) for SOAK_SECONDS (default and maximum 60) and counts wrong statuses, bodies that are
 * not the envelope, leaked secrets, the server's RSS growth and its event-loop delay. Exit 1 on any failure.
 */
import { fork } from 'node:child_process'
import http from 'node:http'
import { fileURLToPath } from 'node:url'

const SECONDS = Math.min(Number(process.env.SOAK_SECONDS ?? 60), 60)
const WARM_SECONDS = Math.min(5, SECONDS / 6)
const CONCURRENCY = 32
const SECRET = 'hunter2'
/** RSS growth after warm-up above this is reported as a failure (a leak would grow without bound). */
const RSS_GROWTH_LIMIT_MB = 64

interface Kind { name: string, method: string, path: string, body?: string, type?: string, status: number, code: string | null }

const KINDS: Kind[] = [
  { name: 'success', method: 'GET', path: '/ok', status: 200, code: null },
  { name: 'catalog 404', method: 'GET', path: '/sessions/A1', status: 404, code: 'SESSION_NOT_FOUND' },
  { name: 'validation', method: 'POST', path: '/enroll', body: '{"email":"x","seat":0}', type: 'application/json', status: 400, code: 'VALIDATION_ERROR' },
  { name: 'unknown route', method: 'GET', path: '/nope', status: 404, code: 'NOT_FOUND' },
  { name: 'wrong method', method: 'DELETE', path: '/ok', status: 405, code: 'METHOD_NOT_ALLOWED' },
  { name: 'invalid JSON', method: 'POST', path: '/enroll', body: '{"email":', type: 'application/json', status: 400, code: 'INVALID_JSON' },
  { name: 'crash', method: 'GET', path: '/crash', status: 500, code: 'INTERNAL_ERROR' },
  { name: 'throwing getter', method: 'GET', path: '/getter', status: 500, code: 'INTERNAL_ERROR' },
  { name: 'hostile Proxy', method: 'GET', path: '/proxy', status: 500, code: 'INTERNAL_ERROR' },
  { name: '5xx message appended', method: 'GET', path: '/appended', status: 503, code: 'SERVICE_UNAVAILABLE' },
  { name: 'NaN retryAfter', method: 'GET', path: '/retry', status: 429, code: 'QUIZ_SUBMIT_TOO_FAST' },
  { name: 'hook throws', method: 'GET', path: '/hook', status: 500, code: 'INTERNAL_ERROR' },
  { name: 'bad URL', method: 'GET', path: '/sessions/%E0%A4%A', status: 400, code: 'INVALID_URL' }
]

interface Row { sent: number, wrongStatus: number, notEnvelope: number, leaked: number }

const server = fork(fileURLToPath(new URL('./soak-server.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx', '--expose-gc'] })
const messages: Array<Record<string, number | string>> = []
const waiters: Array<() => void> = []
server.on('message', (message: Record<string, number | string>) => { messages.push(message); waiters.shift()?.() })
async function next (kind: string): Promise<Record<string, number | string>> {
  for (;;) {
    const found = messages.findIndex((message) => message.kind === kind)
    if (found !== -1) return messages.splice(found, 1)[0]
    await new Promise<void>((resolve) => waiters.push(resolve))
  }
}

const { port } = await next('ready') as { port: number }
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY })
const rows = new Map<string, Row>(KINDS.map((kind) => [kind.name, { sent: 0, wrongStatus: 0, notEnvelope: 0, leaked: 0 }]))
let counting = false

function send (kind: Kind): Promise<void> {
  return new Promise((resolve) => {
    const request = http.request({ host: '127.0.0.1', port, method: kind.method, path: kind.path, agent, headers: kind.type === undefined ? {} : { 'content-type': kind.type } }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => {
        if (counting) check(kind, response.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'), response.headers)
        resolve()
      })
    })
    request.on('error', () => { if (counting) rows.get(kind.name)!.wrongStatus++; resolve() })
    request.end(kind.body)
  })
}

function check (kind: Kind, status: number, body: string, headers: http.IncomingHttpHeaders): void {
  const row = rows.get(kind.name)!
  row.sent++
  if (status !== kind.status) row.wrongStatus++
  if (body.includes(SECRET)) row.leaked++
  if (kind.code === null) return
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>
    const envelope = parsed.code === kind.code && parsed.status === status && typeof parsed.message === 'string' &&
      typeof parsed.requestId === 'string' && headers['content-type'] === 'application/json; charset=utf-8'
    if (!envelope) row.notEnvelope++
  } catch {
    row.notEnvelope++
  }
}

async function run (seconds: number): Promise<void> {
  const until = Date.now() + seconds * 1000
  let turn = 0
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (Date.now() < until) await send(KINDS[turn++ % KINDS.length])
  }))
}

await run(WARM_SECONDS)
server.send('warm')
const warm = await next('warm') as { rss: number }
counting = true
const started = Date.now()
await run(SECONDS - WARM_SECONDS)
const elapsed = (Date.now() - started) / 1000
counting = false
server.send('stats')
const stats = await next('stats') as { rss: number, heapUsed: number, delayP99: number, delayMax: number }
server.send('stop')
agent.destroy()

const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(1)
let total = 0
let failures = 0
console.log(`soak: ${elapsed.toFixed(1)} s on 127.0.0.1 after ${WARM_SECONDS.toFixed(1)} s warm-up, ${CONCURRENCY} keep-alive connections\n`)
console.log('| kind | requests | wrong status | not the envelope | leaked secret |')
console.log('|---|---:|---:|---:|---:|')
for (const [name, row] of rows) {
  total += row.sent
  failures += row.wrongStatus + row.notEnvelope + row.leaked
  console.log(`| ${name} | ${row.sent} | ${row.wrongStatus} | ${row.notEnvelope} | ${row.leaked} |`)
}
const growth = (stats.rss - warm.rss) / 2 ** 20
console.log(`| **all** | **${total}** (${Math.round(total / elapsed)} req/s) | | | |\n`)
console.log(`server RSS after warm-up ${mb(warm.rss)} MB, at the end ${mb(stats.rss)} MB (growth ${growth.toFixed(1)} MB, limit ${RSS_GROWTH_LIMIT_MB}); heap used ${mb(stats.heapUsed)} MB`)
console.log(`event-loop delay p99 ${stats.delayP99.toFixed(1)} ms, max ${stats.delayMax.toFixed(1)} ms`)
if (growth > RSS_GROWTH_LIMIT_MB) failures++
console.log(failures === 0 ? 'soak: no failures' : `soak: ${failures} failure(s)`)
process.exitCode = failures === 0 ? 0 : 1
