/**
 * The README's table of what each kind of error answers, row by row against the demo app (`npm run demo`'s
 * `buildDemoApp`, through `inject`): every row has requests, each request is the one the row's third column
 * names, and the answers carry the codes the row promises.
 */
import t, { type Test } from 'tap'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { InjectOptions } from 'fastify'
import { buildDemoApp } from '../examples/app.js'

const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8')

interface Row { happened: string, answer: string, demo: string }

/** The rows of the table whose header starts with `| thrown / happened |`. */
function tableRows (): Row[] {
  const start = readme.indexOf('| thrown / happened |')
  if (start < 0) throw new Error('README has no "thrown / happened" table')
  const lines = readme.slice(start).split('\n')
  const rows: Row[] = []
  for (const line of lines.slice(2)) {
    if (!line.startsWith('|')) break
    const [happened, answer, demo] = line.slice(1, -1).split(' | ').map((cell) => cell.trim())
    rows.push({ happened, answer, demo })
  }
  return rows
}

interface Try {
  /** How the README's demo column names the request (default `METHOD url`). */
  shown?: string
  request: InjectOptions & { method: 'GET' | 'POST' | 'DELETE', url: string }
  code: string
  status: number
  /** Sent once first (a quiz answer before the one that is too fast). */
  before?: boolean
  check?: (t: Test, response: { headers: Record<string, unknown>, json: () => any }) => void
}

const student = { authorization: 'Bearer student-1' }
const json = { 'content-type': 'application/json' }
const answer = { method: 'POST' as const, url: '/sessions/AB12CD/quizzes/7/answers', headers: student, payload: { choice: 2 } }

/** Keyed by how each row of the README begins. */
const TRIES: Record<string, Try[]> = {
  'a catalog error': [
    { request: { method: 'GET', url: '/lectures/999' }, code: 'LECTURE_NOT_FOUND', status: 404, check: (t, res) => t.same(res.json().details, { lectureId: 999 }) },
    {
      shown: '`POST /sessions/AB12CD/quizzes/7/answers` twice',
      request: answer,
      before: true,
      code: 'QUIZ_SUBMIT_TOO_FAST',
      status: 429,
      check: (t, res) => t.ok(Number(res.headers['retry-after']) > 0, 'Retry-After')
    }
  ],
  'a request that fails its schema': [{
    request: { method: 'GET', url: '/lectures?page=0&size=100' },
    code: 'VALIDATION_ERROR',
    status: 400,
    check: (t, res) => {
      t.same(res.json().details, { location: 'querystring' })
      t.same(res.json().fieldErrors, { page: ['페이지는 1 이상이어야 합니다.'], size: ['페이지 크기는 50 이하여야 합니다.'] })
    }
  }],
  'invalid or empty JSON': [
    { shown: '`POST /auth/login` with `{"email":`', request: { method: 'POST', url: '/auth/login', headers: json, payload: '{"email":' }, code: 'INVALID_JSON', status: 400 },
    { shown: 'an empty body', request: { method: 'POST', url: '/auth/login', headers: json, payload: '' }, code: 'INVALID_JSON', status: 400 },
    { shown: '2 MB', request: { method: 'POST', url: '/auth/login', headers: json, payload: JSON.stringify({ email: 'x'.repeat(2_000_000) }) }, code: 'PAYLOAD_TOO_LARGE', status: 413 },
    { shown: '`text/csv`', request: { method: 'POST', url: '/auth/login', headers: { 'content-type': 'text/csv' }, payload: 'a,b' }, code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 },
    { shown: 'a Content-Length that is not the body\'s', request: { method: 'POST', url: '/auth/login', headers: { ...json, 'content-length': '2' }, payload: '{"a":1}' }, code: 'INVALID_CONTENT_LENGTH', status: 400 },
    { request: { method: 'GET', url: '/failures/timeout' }, code: 'SERVICE_UNAVAILABLE', status: 503 }
  ],
  'an unknown route': [{ request: { method: 'GET', url: '/nope' }, code: 'NOT_FOUND', status: 404 }],
  'a malformed URL': [
    { request: { method: 'GET', url: '/lectures/%E0%A4%A' }, code: 'INVALID_URL', status: 400 },
    { shown: '`GET /sessions/` and 101 characters', request: { method: 'GET', url: `/sessions/${'A'.repeat(101)}` }, code: 'URI_TOO_LONG', status: 414 }
  ],
  'a known path asked with a method': [{
    request: { method: 'DELETE', url: '/lectures/42' },
    code: 'METHOD_NOT_ALLOWED',
    status: 405,
    check: (t, res) => t.match(res.headers.allow, /^GET\b/, 'Allow names GET')
  }],
  'an error of another library': [{ request: { method: 'GET', url: '/failures/library' }, code: 'CONFLICT', status: 409 }],
  'anything else': [
    { request: { method: 'GET', url: '/failures/exception' }, code: 'INTERNAL_ERROR', status: 500, check: (t, res) => t.notMatch(JSON.stringify(res.json()), /redis|캐시/, 'nothing of the thrown error') },
    { request: { method: 'GET', url: '/failures/string' }, code: 'INTERNAL_ERROR', status: 500, check: (t, res) => t.notMatch(JSON.stringify(res.json()), /quota/, 'nothing of the thrown string') }
  ]
}

t.test('every row of the README table answers on the demo as the row says', async (t) => {
  const app = await buildDemoApp({ failureTimeout: 50 })
  t.teardown(() => app.close())
  const rows = tableRows()
  t.equal(rows.length, Object.keys(TRIES).length, 'one set of requests per row, no more')
  for (const row of rows) {
    const key = Object.keys(TRIES).find((start) => row.happened.startsWith(start))
    if (key === undefined) {
      t.fail(`no requests for the README row "${row.happened}"`)
      continue
    }
    const reached = new Set<string>()
    for (const item of TRIES[key]) {
      const shown = item.shown ?? `\`${item.request.method} ${item.request.url}\``
      t.ok(row.demo.includes(shown), `${key}: the demo column names ${shown}`)
      if (item.before === true) await app.inject(item.request)
      const response = await app.inject(item.request)
      const body = response.json()
      t.equal(response.statusCode, item.status, `${key}: ${shown} answers ${item.status}`)
      t.equal(body.code, item.code, `${key}: ${shown} answers ${item.code}`)
      t.match(body.message, /[가-힣]/, `${key}: a Korean message`)
      item.check?.(t, response)
      reached.add(body.code)
    }
    // The codes the answer column names: all of them, or one of them where the list ends with "…".
    const named = [...row.answer.matchAll(/`([A-Z][A-Z_]+)`/g)].map((match) => match[1])
    if (row.answer.includes('…')) t.ok(named.some((code) => reached.has(code)), `${key}: the demo answers one of ${named.join(', ')}`)
    else t.same(named.filter((code) => !reached.has(code)), [], `${key}: the demo answers every code the row names`)
  }
})
