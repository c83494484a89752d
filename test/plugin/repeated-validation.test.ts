/**
 * A validation failure that repeats the one seen just before it reuses that body's bytes (src/plugin/respond.ts,
 * RepeatedBody), with this answer's request members spliced in. These tests hold the reuse to the serializer's
 * bytes, make sure a different failure is never answered with a kept body, and count the serializer's calls.
 */
import Fastify, { type FastifyInstance } from 'fastify'
import { fileURLToPath } from 'node:url'
import { test } from 'tap'
import { errorCatalog, loadCatalog } from '../../src/index.js'
import { defaultFormat } from '../../src/envelope/default.js'
import type { ErrorParts, FieldError, WireFormat } from '../../src/envelope/format.js'
import { problemFormat } from '../../src/envelope/problem.js'
import { createResponder } from '../../src/plugin/respond.js'
import type { ErrorCatalogOptions } from '../../src/plugin/options.js'
import { recipe } from '../helpers/recipes.js'

const SAMPLE = fileURLToPath(new URL('../../catalog/example.yaml', import.meta.url))

const BODY_SCHEMA = {
  type: 'object',
  required: ['email', 'seat', 'name'],
  properties: {
    email: { type: 'string', format: 'email' },
    seat: { type: 'integer', minimum: 1 },
    name: { type: 'string', minLength: 1 }
  }
} as const

/** An app whose request ids come from `x-request-id`, so that two apps give one request the same id. */
async function appWith (options: Partial<ErrorCatalogOptions> = {}): Promise<FastifyInstance> {
  const app = Fastify({ requestIdHeader: 'x-request-id', ajv: { customOptions: { allErrors: true } } })
  await app.register(errorCatalog, { catalog: SAMPLE, ...options })
  app.post('/enroll/:group', { schema: { body: BODY_SCHEMA } }, async () => ({ ok: true }))
  await app.ready()
  return app
}

interface Sent { id: string, path: string, body: unknown, language?: string }

async function send (app: FastifyInstance, { id, path, body, language }: Sent): Promise<{ status: number, body: string }> {
  const response = await app.inject({
    method: 'POST',
    url: path,
    headers: { 'x-request-id': id, ...(language === undefined ? {} : { 'accept-language': language }) },
    payload: body as Record<string, unknown>
  })
  return { status: response.statusCode, body: response.body }
}

/** The body with its timestamps written as `<time>`: the one member two apps cannot agree on. */
const withoutTime = (body: string): string => body.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, '<time>')

const BAD = { email: 'not-an-email', seat: 0, name: '' }
const FORMATS: Array<[string, Partial<ErrorCatalogOptions>]> = [
  ['default', {}],
  ['problem (instance)', { envelope: 'problem' }],
  ['seed-004 (timestamp, field error list)', { envelope: recipe('seed-004') as ErrorCatalogOptions['envelope'] }],
  ['seed-000 (field error map inside error)', { envelope: recipe('seed-000') as ErrorCatalogOptions['envelope'] }]
]

for (const [name, options] of FORMATS) {
  test(`${name}: a repeated failure answers the bytes a fresh app's serializer writes, with its own request members`, async (t) => {
    const app = await appWith(options)
    t.teardown(() => app.close())
    const requests: Sent[] = [1, 2, 3, 4].map((n) => ({ id: `rid-${n}`, path: `/enroll/g${n}`, body: BAD }))
    for (const request of requests) {
      const fresh = await appWith(options)
      const want = await send(fresh, request)
      await fresh.close()
      const got = await send(app, request)
      t.equal(got.status, want.status)
      t.equal(withoutTime(got.body), withoutTime(want.body), `${request.id}: same bytes`)
      if (name === 'default') t.match(got.body, `"requestId":"${request.id}"`)
      if (name.startsWith('problem')) t.match(got.body, `"instance":"${request.path}"`)
    }
  })
}

test('a different failure that starts with the same field error gets its own body', async (t) => {
  const app = await appWith()
  t.teardown(() => app.close())
  const first = { email: 'not-an-email', seat: 0, name: 'Kim' }
  const second = { email: 'not-an-email', seat: 3, name: '' }
  for (const id of ['a', 'b', 'c']) await send(app, { id, path: '/enroll/x', body: first })
  const answer = JSON.parse((await send(app, { id: 'd', path: '/enroll/x', body: second })).body)
  t.same(Object.keys(answer.fieldErrors), ['email', 'name'], 'the second failure\'s fields, not the kept body\'s')
  const again = JSON.parse((await send(app, { id: 'e', path: '/enroll/x', body: first })).body)
  t.same(Object.keys(again.fieldErrors), ['email', 'seat'])
  t.equal(again.requestId, 'e')
})

test('the same failure in another language is answered in that language', async (t) => {
  const app = await appWith()
  t.teardown(() => app.close())
  for (const id of ['a', 'b', 'c']) await send(app, { id, path: '/enroll/x', body: BAD })
  const english = JSON.parse((await send(app, { id: 'd', path: '/enroll/x', body: BAD, language: 'en' })).body)
  t.equal(english.message, 'The input is not valid.')
  t.match(english.fieldErrors.email[0], /^email must be a valid email address\.$/)
  const korean = JSON.parse((await send(app, { id: 'e', path: '/enroll/x', body: BAD })).body)
  t.match(korean.message, /입력값이 올바르지 않습니다/)
})

test('a repeat is served without the serializer; a first sighting and anything else still go through it', async (t) => {
  const catalog = await loadCatalog(SAMPLE)
  const entry = catalog.get('VALIDATION_ERROR')
  if (entry === undefined) throw new Error('the sample catalog has VALIDATION_ERROR')
  const responder = createResponder(catalog.get('INTERNAL_ERROR') ?? entry, catalog.locale)
  const fieldError = (path: string, message: string): FieldError => Object.freeze({ pointer: `/${path}`, path, location: 'body', keyword: 'type', message })
  const email = fieldError('email', 'email은 올바른 이메일 주소여야 합니다.')
  const seat = fieldError('seat', 'seat는 1 이상이어야 합니다.')

  for (const format of [defaultFormat, problemFormat()]) {
    let calls = 0
    const counting: WireFormat = { ...format, serializerBody: (parts: ErrorParts) => { calls++; return format.serializerBody(parts) } }
    const sent: string[] = []
    const reply = replyFor((payload) => sent.push(payload))
    const answer = (fieldErrors: readonly FieldError[], details: Record<string, unknown>, id: string): void => {
      reply.request.id = id
      responder.send(reply as never, { entry, ...entry.render(details), details, fieldErrors }, counting)
    }
    const list = [email, seat]
    answer(list, { location: 'body' }, 'r1')
    t.equal(calls, 1, `${format.name}: a first sighting is serialized`)
    answer([...list], { location: 'body' }, 'r2')
    t.equal(calls, 2, `${format.name}: the second cuts the pieces`)
    for (const id of ['r3', 'r4', 'r5']) answer([...list], { location: 'body' }, id)
    t.equal(calls, 2, `${format.name}: repeats are not serialized again`)
    t.equal(sent[4], sent[0].replace('"r1"', '"r5"'), `${format.name}: the same bytes with the request's id`)

    answer([email], { location: 'body' }, 'r6')
    answer([email, seat], { location: 'body', truncated: true }, 'r7')
    answer([email, seat], { location: 'body', nested: { deep: true } }, 'r8')
    answer([email, seat], { location: 'body', nested: { deep: true } }, 'r9')
    t.equal(calls, 6, `${format.name}: other field errors, other details and details that are not flat are serialized`)
    t.notMatch(sent[5], /seat/)
    t.match(sent[6], /"truncated":true/)
  }
})

/** The part of a Fastify reply the responder talks to; `payload` receives each body sent. */
function replyFor (payload: (body: string) => void): { request: { id: string, url: string }, code: () => unknown, header: () => unknown, headers: () => unknown, getHeader: () => undefined, send: (body: string) => unknown } {
  const reply = {
    request: { id: '', url: '/enroll/x' },
    code: () => reply,
    header: () => reply,
    headers: () => reply,
    getHeader: () => undefined,
    send: (body: string) => { payload(body); return reply }
  }
  return reply
}
