/**
 * For every code of the sample catalog (and the implied builtin codes), the body the demo really sends
 * validates against the schema its document publishes for that route and status.
 */
import t from 'tap'
import { checkerOf, dereferenced, demoDocument, type Document } from '../helpers/openapi.js'

const student = { authorization: 'Bearer student-1' }
const expired = { authorization: 'Bearer expired' }
const device = { 'x-device-id': 'device-1' }

interface Case { code: string, method: 'GET' | 'POST', url: string, path: string, headers?: Record<string, string>, body?: unknown, payload?: string, before?: Case }

const join = (code: string) => ({ method: 'POST' as const, url: `/sessions/${code}/participants`, path: '/sessions/{sessionCode}/participants' })
const answer = { method: 'POST' as const, url: '/sessions/AB12CD/quizzes/7/answers', path: '/sessions/{sessionCode}/quizzes/{quizId}/answers', headers: student, body: { choice: 2 } }
const enroll = (id: number) => ({ method: 'POST' as const, url: `/lectures/${id}/enrollments`, path: '/lectures/{lectureId}/enrollments' })

const CASES: Case[] = [
  { code: 'AUTH_FAILED', method: 'POST', url: '/auth/login', path: '/auth/login', body: { email: 'student@example.com', password: 'wrong-password' } },
  { code: 'TOKEN_EXPIRED', ...enroll(42), headers: expired },
  { code: 'INSTRUCTOR_ONLY', method: 'POST', url: '/lectures/42/sessions', path: '/lectures/{lectureId}/sessions', headers: student, body: { title: '5주차', capacity: 10 } },
  { code: 'LECTURE_NOT_FOUND', method: 'GET', url: '/lectures/999', path: '/lectures/{lectureId}' },
  { code: 'SESSION_NOT_FOUND', method: 'GET', url: '/sessions/ZZZZZZ', path: '/sessions/{sessionCode}' },
  { code: 'SESSION_NOT_STARTED', ...join('WAIT01'), headers: { ...student, ...device } },
  { code: 'SESSION_ENDED', ...join('END001'), headers: { ...student, ...device } },
  { code: 'SESSION_FULL', ...join('FULL01'), headers: { ...student, ...device } },
  { code: 'DEVICE_ID_REQUIRED', ...join('AB12CD'), headers: student },
  { code: 'ALREADY_ENROLLED', ...enroll(42), headers: student },
  { code: 'NOT_ENROLLED', ...join('ALGO01'), headers: { ...student, ...device } },
  { code: 'ENROLLMENT_CLOSED', ...enroll(43), headers: student },
  { code: 'LECTURE_CLOSED', ...enroll(44), headers: student },
  { code: 'QUIZ_SUBMIT_TOO_FAST', ...answer, before: { code: '', ...answer } },
  // Implied builtin codes.
  { code: 'UNAUTHORIZED', ...enroll(42), headers: { authorization: 'Bearer nobody' } },
  { code: 'VALIDATION_ERROR', method: 'POST', url: '/auth/login', path: '/auth/login', body: { email: 'not-an-email', password: 'short' } },
  { code: 'INVALID_JSON', method: 'POST', url: '/auth/login', path: '/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' },
  { code: 'UNSUPPORTED_MEDIA_TYPE', method: 'POST', url: '/auth/login', path: '/auth/login', headers: { 'content-type': 'text/csv' }, payload: 'a,b' },
  { code: 'PAYLOAD_TOO_LARGE', method: 'POST', url: '/auth/login', path: '/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email: 'x'.repeat(2048) }) },
  { code: 'INTERNAL_ERROR', method: 'GET', url: '/failures/exception', path: '/failures/{kind}' },
  { code: 'CONFLICT', method: 'GET', url: '/failures/library', path: '/failures/{kind}' },
  { code: 'SERVICE_UNAVAILABLE', method: 'GET', url: '/failures/timeout', path: '/failures/{kind}' }
]

function inject (app: Awaited<ReturnType<typeof demoDocument>>['app'], item: Case) {
  return app.inject({
    method: item.method,
    url: item.url,
    headers: item.headers,
    ...(item.payload !== undefined ? { payload: item.payload } : item.body !== undefined ? { payload: item.body as object } : {})
  })
}

for (const version of ['3.0.3', '3.1.0']) {
  t.test(`OpenAPI ${version}: every code's real body matches the schema published for its route and status`, async (t) => {
    const { app, document } = await demoDocument({ openapi: version, server: { bodyLimit: 1024 }, failureTimeout: 50 })
    t.teardown(() => app.close())
    const resolved: Document = await dereferenced(document)

    const sampleCodes = app.errorCatalog.codes.filter((code) => !app.errorCatalog.entries[code].builtin)
    t.same(sampleCodes.filter((code) => !CASES.some((item) => item.code === code)), [], 'a case for every code of catalog/example.yaml')

    for (const item of CASES) {
      if (item.before !== undefined) await inject(app, item.before)
      const response = await inject(app, item)
      const body = response.json()
      t.equal(body.code, item.code, `${item.method} ${item.url} answers ${item.code}`)
      const published = resolved.paths[item.path][item.method.toLowerCase()].responses[String(response.statusCode)]
      t.ok(published, `${item.path} documents ${response.statusCode}`)
      t.ok(published['x-error-codes'].includes(item.code), `${item.path} ${response.statusCode} lists ${item.code}`)
      const check = checkerOf(published.content['application/json'].schema)
      t.equal(check(body), '', `${item.code}: the body validates against the published schema`)
      t.equal(check({ ...body, extra: 1 }) !== '', true, `${item.code}: the schema is closed (a stray member fails)`)
      if (item.code === 'QUIZ_SUBMIT_TOO_FAST') t.ok(published.headers['Retry-After'] && Number(response.headers['retry-after']) > 0, 'Retry-After sent and documented')
    }
  })
}

for (const version of ['3.0.3', '3.1.0']) {
  t.test(`OpenAPI ${version}: every published example, in Korean and in English, validates against its own schema`, async (t) => {
    const { app, document } = await demoDocument({ openapi: version })
    t.teardown(() => app.close())
    const resolved: Document = await dereferenced(document)
    let checked = 0
    let english = 0
    for (const [path, item] of Object.entries<Document>(resolved.paths)) {
      for (const [method, operation] of Object.entries<Document>(item)) {
        for (const [status, response] of Object.entries<Document>(operation.responses)) {
          if (response['x-error-codes'] === undefined) continue
          const media = response.content['application/json']
          const check = checkerOf(media.schema)
          for (const [name, example] of Object.entries<Document>(media.examples)) {
            t.equal(check(example.value), '', `${method} ${path} ${status} ${name}`)
            checked++
            if (name.endsWith('.en')) english++
          }
        }
      }
    }
    t.ok(checked > 80, `${checked} examples checked`)
    t.equal(english * 2, checked, 'the sample catalog has ko and en: half of them are the English examples')
  })
}
