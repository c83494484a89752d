/**
 * parseErrorResponse against real responses: the demo app on 127.0.0.1 for the default envelope, a small app of
 * the test's own for RFC 9457 problem details, a declared format and what proxies send (HTML, empty bodies).
 */
import fc from 'fast-check'
import Fastify from 'fastify'
import t from 'tap'
import type { ErrorDetails } from '../../examples/generated/errors.js'
import { buildDemoApp } from '../../examples/app.js'
import { parseErrorResponse, UNPARSEABLE_RESPONSE, type ParsedError } from '../../src/client/index.js'

const demo = await buildDemoApp({ failureTimeout: 50 })
const base = await demo.listen({ host: '127.0.0.1', port: 0 })
t.teardown(() => demo.close())

async function parsed (path: string, init?: RequestInit): Promise<ParsedError<ErrorDetails>> {
  return parseErrorResponse<ErrorDetails>(await fetch(base + path, init))
}

t.test('each kind of error of the demo parses to its code, details and members', async (t) => {
  const lecture = await parsed('/lectures/999')
  t.match(lecture, { code: 'LECTURE_NOT_FOUND', status: 404, message: '강의를 찾을 수 없습니다. (강의 번호 999)', details: { lectureId: 999 }, fieldErrors: {}, retryable: false, retryAfterMs: undefined })
  t.type(lecture.requestId, 'string')
  t.ok(lecture.suggestions.length > 0, 'suggestions are kept')

  const validation = await parsed('/lectures?page=0&size=99')
  t.equal(validation.code, 'VALIDATION_ERROR')
  t.same(Object.keys(validation.fieldErrors).sort(), ['page', 'size'], 'fieldErrors keyed by field')
  t.ok(validation.fieldErrors.page.every((message) => /[가-힣]/.test(message)), 'Korean field messages')
  t.match(validation.details, { location: 'querystring' })

  t.match(await parsed('/nowhere'), { code: 'NOT_FOUND', status: 404 })
  t.match(await parsed('/lectures/42', { method: 'DELETE' }), { code: 'METHOD_NOT_ALLOWED', status: 405 })
  t.match(await parsed('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' }), { code: 'INVALID_JSON', status: 400 })
  t.match(await parsed('/lectures/42/enrollments', { method: 'POST', headers: { authorization: 'Bearer expired' } }), { code: 'TOKEN_EXPIRED', status: 401, details: { expiredAt: '2026-11-22T09:00:00Z' } })
  t.match(await parsed('/failures/exception'), { code: 'INTERNAL_ERROR', status: 500, details: {} })
  t.match(await parsed('/failures/library'), { code: 'CONFLICT', status: 409 })
  t.match(await parsed('/failures/timeout'), { code: 'SERVICE_UNAVAILABLE', status: 503, retryable: true })

  const answer = { method: 'POST', headers: { authorization: 'Bearer student-1', 'content-type': 'application/json' }, body: '{"choice":2}' }
  t.equal((await fetch(`${base}/sessions/AB12CD/quizzes/1/answers`, answer)).status, 201)
  const tooFast = await parsed('/sessions/AB12CD/quizzes/1/answers', answer)
  t.match(tooFast, { code: 'QUIZ_SUBMIT_TOO_FAST', status: 429, retryable: true, retryAfterMs: 10_000, details: { quizId: 1, waitSeconds: 10 } })
})

t.test('the same body read from a plain object (status, headers, body) parses alike, synchronously', async (t) => {
  const response = await fetch(`${base}/lectures/999`)
  const raw = { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() }
  const error = parseErrorResponse<ErrorDetails>(raw)
  t.match(error, { code: 'LECTURE_NOT_FOUND', details: { lectureId: 999 } })
  t.match(parseErrorResponse({ ...raw, body: JSON.parse(raw.body) }), { code: 'LECTURE_NOT_FOUND' }, 'an already parsed body')
  t.match(parseErrorResponse({ ...raw, body: new TextEncoder().encode(raw.body) }), { code: 'LECTURE_NOT_FOUND' }, 'bytes')
  t.match(parseErrorResponse({ status: 429, headers: { 'Retry-After': ['7'] }, body: raw.body }), { retryAfterMs: 7000 }, 'array header values, any case')
})

// Another app: bodies the demo cannot send. Written by hand from the specs they follow.
const other = Fastify()
other.get('/problem', async (_request, reply) => reply.code(422).type('application/problem+json').send({
  type: 'https://api.example.com/docs/errors.md#session-full',
  title: '세션 정원이 모두 찼습니다.',
  status: 422,
  detail: '세션 정원(30명)이 모두 찼습니다.',
  instance: '/sessions/AB12CD',
  retryable: false,
  details: { sessionCode: 'AB12CD', capacity: 30 },
  errors: [{ pointer: '#/age', detail: '나이는 0 이상이어야 합니다.' }, { pointer: '/items/1/qty', detail: '수량을 입력하세요.' }, { detail: '본문이 비어 있습니다.' }]
}))
other.get('/problem-coded', async (_request, reply) => reply.code(503).header('retry-after', '3').type('application/problem+json').send({
  type: 'about:blank', title: 'Service Unavailable', status: 503, code: 'SERVICE_UNAVAILABLE', retryable: true, requestId: 'req-1'
}))
other.get('/declared', async (_request, reply) => reply.code(409).send({
  error: { code: 'ALREADY_ENROLLED', message: '이미 수강 신청한 강의입니다.', details: { lectureId: 42 }, field_errors: { lectureId: ['이미 신청했습니다.'] } },
  status: 409
}))
other.get('/html', async (_request, reply) => reply.code(502).type('text/html').send('<html><body><h1>502 Bad Gateway</h1></body></html>'))
other.get('/empty', async (_request, reply) => reply.code(503).header('retry-after', '2').send(''))
other.get('/other-json', async (_request, reply) => reply.code(500).send({ error: 'boom' }))
const otherBase = await other.listen({ host: '127.0.0.1', port: 0 })
t.teardown(() => other.close())

t.test('RFC 9457 problem details: code from the extension member or the type anchor, errors as fieldErrors', async (t) => {
  const problem = await parseErrorResponse(await fetch(`${otherBase}/problem`))
  t.match(problem, {
    code: 'SESSION_FULL',
    status: 422,
    message: '세션 정원(30명)이 모두 찼습니다.',
    details: { sessionCode: 'AB12CD', capacity: 30 },
    docsUrl: 'https://api.example.com/docs/errors.md#session-full'
  })
  t.same(problem.fieldErrors, { age: ['나이는 0 이상이어야 합니다.'], 'items[1].qty': ['수량을 입력하세요.'], $root: ['본문이 비어 있습니다.'] })
  const coded = await parseErrorResponse(await fetch(`${otherBase}/problem-coded`))
  t.match(coded, { code: 'SERVICE_UNAVAILABLE', status: 503, message: 'Service Unavailable', retryable: true, retryAfterMs: 3000, requestId: 'req-1', docsUrl: undefined })
})

t.test('a declared format is read by walking its template', async (t) => {
  const format = { error: { code: '$code', message: '$message', details: '$details', field_errors: '$fieldErrors' }, status: '$status' }
  const declared = await parseErrorResponse<ErrorDetails>(await fetch(`${otherBase}/declared`), { format })
  t.match(declared, { code: 'ALREADY_ENROLLED', status: 409, message: '이미 수강 신청한 강의입니다.', details: { lectureId: 42 }, fieldErrors: { lectureId: ['이미 신청했습니다.'] } })
  const envelope = await parseErrorResponse(await fetch(`${base}/lectures/999`), { format })
  t.match(envelope, { code: UNPARSEABLE_RESPONSE, details: { reason: 'no-code' } }, 'a body of another shape is not read as the declared one')
})

t.test('what is not an error of the catalog becomes UNPARSEABLE_RESPONSE, never a throw', async (t) => {
  t.match(await parseErrorResponse(await fetch(`${otherBase}/html`)), {
    code: UNPARSEABLE_RESPONSE,
    status: 502,
    retryable: false,
    message: '',
    details: { reason: 'not-json', contentType: 'text/html', body: '<html><body><h1>502 Bad Gateway</h1></body></html>' }
  })
  t.match(await parseErrorResponse(await fetch(`${otherBase}/empty`)), { code: UNPARSEABLE_RESPONSE, status: 503, retryAfterMs: 2000, details: { reason: 'empty' } })
  t.match(await parseErrorResponse(await fetch(`${otherBase}/other-json`)), { code: UNPARSEABLE_RESPONSE, status: 500, details: { reason: 'no-code', body: '{"error":"boom"}' } })
  const used = await fetch(`${otherBase}/other-json`)
  await used.text()
  t.match(await parseErrorResponse(used), { code: UNPARSEABLE_RESPONSE, details: { reason: 'unreadable' } }, 'a body already read')
  const hostile = { get code (): string { throw new Error('getter') } }
  t.match(parseErrorResponse({ status: 500, body: hostile }), { code: UNPARSEABLE_RESPONSE, details: { reason: 'unreadable' } }, 'a getter that throws')
  t.match(parseErrorResponse({ status: 500, body: null }), { code: UNPARSEABLE_RESPONSE, details: { reason: 'empty' } })
  t.match(parseErrorResponse({ status: 500, body: '[1,2]' }), { code: UNPARSEABLE_RESPONSE, details: { reason: 'no-code' } })
})

t.test('parse never throws and always answers with a code, on random bodies, statuses and headers', async (t) => {
  const body = fc.oneof(
    fc.string(),
    fc.json(),
    fc.anything(),
    fc.record({ code: fc.anything(), message: fc.anything(), details: fc.anything(), fieldErrors: fc.anything(), suggestions: fc.anything(), retryable: fc.anything() }, { requiredKeys: [] }),
    fc.record({ type: fc.anything(), title: fc.anything(), errors: fc.anything(), code: fc.anything() }, { requiredKeys: [] })
  )
  const headers = fc.dictionary(fc.constantFrom('content-type', 'Retry-After', 'retry-after', 'x'), fc.oneof(fc.string(), fc.constant('application/problem+json'), fc.array(fc.string())))
  let runs = 0
  fc.assert(fc.property(body, fc.integer({ min: -1, max: 999 }), headers, fc.option(fc.anything()), (value, status, head, format) => {
    runs++
    const error = parseErrorResponse({ status, headers: head, body: value }, format === null ? {} : { format })
    return typeof error.code === 'string' && error.code !== '' && typeof error.message === 'string' && typeof error.details === 'object' &&
      Array.isArray(error.suggestions) && typeof error.fieldErrors === 'object'
  }), { numRuns: 1000 })
  t.equal(runs, 1000)
})
