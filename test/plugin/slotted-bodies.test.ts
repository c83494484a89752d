/**
 * Bodies with details are sent from pieces cut around their message, suggestions, details and request members
 * (src/plugin/respond.ts, SlottedBody). These tests hold every such body to the bytes of the code's serializer
 * (serializeBody), for every code of the sample catalog with details, in every built-in format and recipe and both
 * languages, and hold the string rule to JSON.stringify's and fast-json-stringify's bytes.
 */
import buildSerializer from 'fast-json-stringify'
import fc from 'fast-check'
import { fileURLToPath } from 'node:url'
import { test } from 'tap'
import { loadCatalog } from '../../src/index.js'
import { builtinDeclaration, defaultFormat } from '../../src/envelope/default.js'
import { declaredFormat } from '../../src/envelope/declared.js'
import { exampleParts } from '../../src/envelope/example.js'
import { jsonString, serializeBody, type WireFormat } from '../../src/envelope/format.js'
import { problemFormat } from '../../src/envelope/problem.js'
import { createResponder } from '../../src/plugin/respond.js'
import { recipe } from '../helpers/recipes.js'

const SAMPLE = fileURLToPath(new URL('../../catalog/example.yaml', import.meta.url))
const fastJsonString = buildSerializer({ type: 'string' }) as (value: string) => string

test('jsonString writes the bytes of JSON.stringify and of fast-json-stringify, for any string', async (t) => {
  const special = ['', '"', '\\', '\u0000', '\u001f', '\u007f', '\u2028', '\ud800', '\udc00x', '😀', 'a"b\\c\nd', '세션 "코드"', 'x'.repeat(5001), `${'가'.repeat(50)}"`]
  special.forEach((text, index) => {
    t.equal(jsonString(text), JSON.stringify(text), `special string ${index}: as JSON.stringify writes it`)
    t.equal(jsonString(text), fastJsonString(text), `special string ${index}: as fast-json-stringify writes it`)
  })
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => jsonString(text) === JSON.stringify(text) && jsonString(text) === fastJsonString(text)), { seed: 20261203, numRuns: 2000 })
  t.pass('2,000 random strings, lone surrogates and control characters included')
})

test('every code with details, in every format and language, is sent with the serializer\'s bytes', async (t) => {
  const catalog = await loadCatalog(SAMPLE)
  const internal = catalog.get('INTERNAL_ERROR')
  if (internal === undefined) throw new Error('the sample catalog has INTERNAL_ERROR')
  const formats: WireFormat[] = [
    defaultFormat,
    problemFormat(),
    problemFormat('https://docs.example.com/errors'),
    ...(['seed-000', 'seed-001', 'seed-002', 'seed-004'] as const).map((name) => declaredFormat(builtinDeclaration(name, recipe(name)), { name }))
  ]
  const withDetails = catalog.codes.map((code) => catalog.get(code)).filter((entry) => entry !== undefined && !entry.fieldErrors && Object.keys(exampleParts(catalog, entry).details ?? {}).length > 0)
  t.ok(withDetails.length >= 5, `${withDetails.length} codes with details`)
  let compared = 0
  for (const format of formats) {
    const responder = createResponder(internal, catalog.locale, 'Accept-Language', true)
    for (const locale of catalog.locales) {
      for (const entry of withDetails) {
        if (entry === undefined) continue
        const parts = exampleParts(catalog, entry, {}, locale)
        for (const id of ['req-1', 'req-2 "quoted"']) {
          const sent = sendOnce(responder, format, { entry, message: parts.message, suggestions: parts.suggestions, details: parts.details, locale }, id)
          const want = serializeBody(format, { ...parts, requestId: id, timestamp: timeOf(sent.body), instance: '/sessions/AB12CD' })
          t.equal(sent.body, want, `${format.name} ${locale} ${entry.code} ${id}`)
          compared++
        }
      }
    }
  }
  t.ok(compared > 100, `${compared} bodies compared`)
})

test('details that do not fit the code\'s schema are answered INTERNAL_ERROR, as by the serializer', async (t) => {
  const catalog = await loadCatalog(SAMPLE)
  const entry = catalog.get('SESSION_NOT_FOUND')
  const internal = catalog.get('INTERNAL_ERROR')
  if (entry === undefined || internal === undefined) throw new Error('the sample catalog has SESSION_NOT_FOUND and INTERNAL_ERROR')
  const responder = createResponder(internal, catalog.locale)
  const good = sendOnce(responder, defaultFormat, { entry, ...entry.render({ sessionCode: 'AB12CD' }), details: { sessionCode: 'AB12CD' } }, 'r1')
  t.match(JSON.parse(good.body), { code: 'SESSION_NOT_FOUND', details: { sessionCode: 'AB12CD' } })
  const bad = sendOnce(responder, defaultFormat, { entry, ...entry.render({ sessionCode: 'AB12CD' }), details: { sessionCode: { toString: null } } }, 'r2')
  t.equal(bad.status, 500)
  t.match(JSON.parse(bad.body), { code: 'INTERNAL_ERROR' })
  const forged = sendOnce(responder, defaultFormat, { entry, message: 42 as unknown as string, suggestions: [], details: { sessionCode: 'AB12CD' } }, 'r3')
  t.equal(forged.status, 404, 'a text that is not a string is left to the serializer, which writes it as one')
  t.match(JSON.parse(forged.body), { message: '42' })
})

/** The ISO timestamp a body carries, for the expected body of a format that writes one. */
function timeOf (body: string): string | undefined {
  return /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/.exec(body)?.[0]
}

/** Sends one answer through a responder with the smallest reply it talks to; the body and status it sent. */
function sendOnce (responder: ReturnType<typeof createResponder>, format: WireFormat, error: Parameters<ReturnType<typeof createResponder>['send']>[1], id: string): { status: number, body: string } {
  let body = ''
  let status = 0
  const reply = {
    request: { id, url: '/sessions/AB12CD?token=secret', log: { error: () => {} } },
    log: { error: () => {} },
    code: (value: number) => { status = value; return reply },
    header: () => reply,
    headers: () => reply,
    getHeader: () => undefined,
    send: (payload: string) => { body = payload; return reply }
  }
  responder.send(reply as never, error, format)
  return { status, body }
}

test('a body is cut whatever the order of its request members, and sent with the serializer\'s bytes', async (t) => {
  const catalog = await loadCatalog(SAMPLE)
  const internal = catalog.get('INTERNAL_ERROR')
  const entry = catalog.get('INSTRUCTOR_ONLY')
  if (internal === undefined || entry === undefined) throw new Error('the sample catalog has INTERNAL_ERROR and INSTRUCTOR_ONLY')
  // The path before the id, the id before the code: not the order the format lists its request members in.
  const format = declaredFormat(builtinDeclaration('path-first', { body: { instance: '$instance', requestId: '$requestId', code: '$code', message: '$message' } }), { name: 'path-first' })
  t.same(format.requestMembers, ['requestId', 'instance'])
  let calls = 0
  const counting: WireFormat = { ...format, serializerBody: (parts) => { calls++; return format.serializerBody(parts) } }
  const responder = createResponder(internal, catalog.locale)
  const error = { entry, ...entry.render(undefined) }
  const sent = ['r1', 'r2', 'r3'].map((id) => sendOnce(responder, counting, error, id).body)
  t.equal(calls, 1, 'the sample only: every answer is cut pieces')
  t.equal(sent[2], serializeBody(format, { ...error, details: undefined, fieldErrors: undefined, requestId: 'r3', instance: '/sessions/AB12CD' }))
  t.match(sent[2], /^\{"instance":"\/sessions\/AB12CD","requestId":"r3","code":"INSTRUCTOR_ONLY"/)
})

test('constant suggestions are written into the pieces; an answer with other suggestions still gets its own', async (t) => {
  const catalog = await loadCatalog(SAMPLE)
  const internal = catalog.get('INTERNAL_ERROR')
  const entry = catalog.get('SESSION_NOT_FOUND')
  if (internal === undefined || entry === undefined) throw new Error('the sample catalog has INTERNAL_ERROR and SESSION_NOT_FOUND')
  const rendered = entry.render({ sessionCode: 'AB12CD' })
  t.equal(rendered.suggestions, entry.render({ sessionCode: 'ZZ99ZZ' }).suggestions, 'the sample\'s SESSION_NOT_FOUND has constant suggestions (one frozen list)')
  let calls = 0
  const counting: WireFormat = { ...defaultFormat, serializerBody: (parts) => { calls++; return defaultFormat.serializerBody(parts) } }
  const responder = createResponder(internal, catalog.locale)
  const details = { sessionCode: 'AB12CD' }
  const expected = (suggestions: readonly string[], id: string): string => serializeBody(defaultFormat, { entry, message: rendered.message, suggestions, details, fieldErrors: undefined, requestId: id })
  for (const id of ['r1', 'r2']) t.equal(sendOnce(responder, counting, { entry, ...rendered, details }, id).body, expected(rendered.suggestions, id))
  t.equal(calls, 1, 'the sample only: both answers from pieces')

  const other = ['담당 강사에게 문의하세요.']
  t.equal(sendOnce(responder, counting, { entry, message: rendered.message, suggestions: other, details }, 'r3').body, expected(other, 'r3'), 'other suggestions are not the constant ones')
  const equalCopy = [...rendered.suggestions]
  t.equal(sendOnce(responder, counting, { entry, message: rendered.message, suggestions: equalCopy, details }, 'r4').body, expected(equalCopy, 'r4'), 'an equal list made elsewhere: the same bytes')
  t.equal(calls, 3, 'both left to the serializer')
})

test('every built-in format and recipe sends a body with details from pieces, seed 001 and 002 (details spread among other members) too', async (t) => {
  const catalog = await loadCatalog(SAMPLE)
  const internal = catalog.get('INTERNAL_ERROR')
  const entry = catalog.get('SESSION_NOT_FOUND')
  if (internal === undefined || entry === undefined) throw new Error('the sample catalog has INTERNAL_ERROR and SESSION_NOT_FOUND')
  const formats: WireFormat[] = [
    defaultFormat,
    problemFormat(),
    ...(['seed-000', 'seed-001', 'seed-002', 'seed-004'] as const).map((name) => declaredFormat(builtinDeclaration(name, recipe(name)), { name }))
  ]
  t.ok(formats.filter((format) => format.detailsJson !== undefined).map((format) => format.name).sort().join() === 'seed-001,seed-002', 'the two recipes that spread the details write them with their holder')
  for (const format of formats) {
    let calls = 0
    const counting: WireFormat = { ...format, serializerBody: (parts) => { calls++; return format.serializerBody(parts) } }
    const responder = createResponder(internal, catalog.locale, 'Accept-Language', true)
    for (const locale of catalog.locales) {
      const parts = exampleParts(catalog, entry, {}, locale)
      for (const id of ['r1', 'r2', 'r3']) {
        const sent = sendOnce(responder, counting, { entry, message: parts.message, suggestions: parts.suggestions, details: parts.details, locale }, id)
        t.equal(sent.body, serializeBody(format, { ...parts, requestId: id, timestamp: timeOf(sent.body), instance: '/sessions/AB12CD' }), `${format.name} ${locale} ${id}`)
      }
    }
    t.equal(calls, catalog.locales.length, `${format.name}: the sample of each language only, six answers from pieces`)
  }
})
