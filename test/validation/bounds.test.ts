/**
 * Hostile bodies against recursive schemas with `allErrors` (issue 9, item 3): the validation answer has a hard
 * upper bound whatever the input, and a body nested thousands deep is the client's 400 (VALIDATION_ERROR), not a
 * stack overflow inside Ajv answered as a logged 500.
 */
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import Fastify from 'fastify'
import { compileCatalog } from '../../src/catalog/compile.js'
import { errorCatalog } from '../../src/plugin/index.js'
import { ajvOptions } from '../../src/validation/ajv-options.js'
import { nestsDeeperThan } from '../../src/validation/depth.js'
import { createValidationFormatter, DEFAULT_VALIDATION_LIMITS, type ValidationLimits } from '../../src/validation/field-errors.js'
import { grouped } from '../helpers/field-errors.js'
import { jsonStringBytes } from '../../src/validation/json-size.js'
import { MAX_MESSAGE_LENGTH } from '../../src/plugin/schema-error-formatter.js'
import { buildApp, catalogFile } from '../helpers/app.js'
import { LEVEL, logCapture } from '../helpers/logs.js'

/** A tree whose nodes may carry any property, each one a node again: every client-chosen key is a path segment. */
const node = {
  $id: 'node',
  type: 'object',
  properties: {
    v: { type: 'integer' },
    code: { type: 'string', minLength: 8, maxLength: 2, pattern: '^[A-Z]+$', format: 'email' }
  },
  additionalProperties: { $ref: 'node#' }
}
/** A linked list through `$defs`: the shape Ajv validates with one call per level. */
const list = { $ref: '#/$defs/item', $defs: { item: { type: 'object', properties: { v: { type: 'integer' }, next: { $ref: '#/$defs/item' } } } } }
const nested = { $ref: '#/$defs/a', $defs: { a: { type: 'array', items: { $ref: '#/$defs/a' } } } }

async function treeApp (validation: Partial<ValidationLimits> = {}, logger: object | false = false, setup?: (app: FastifyInstance) => void): Promise<FastifyInstance> {
  return await buildApp({ validation }, (app) => {
    setup?.(app)
    app.addSchema(node)
    app.post('/tree', { schema: { body: { $ref: 'node#' } } }, async () => ({ ok: true }))
    app.post('/list', { schema: { body: list } }, async () => ({ ok: true }))
    app.post('/nested', { schema: { body: nested } }, async () => ({ ok: true }))
    app.post('/unique', { schema: { body: { type: 'array', uniqueItems: true } } }, async () => ({ ok: true }))
    app.post('/free', async () => ({ ok: true }))
  }, { ajv: ajvOptions(), logger, bodyLimit: 4 * 1024 * 1024 })
}

/** `depth` levels of `{"v":"x","<key>":…}`: one failing field per level, keyed by ever longer paths. */
function deepKeys (depth: number, key: (level: number) => string, leaf = '{"v":"x"}'): string {
  let text = leaf
  for (let i = 0; i < depth; i++) text = `{"v":"x","code":"a","${key(i)}":${text}}`
  return text
}
const listOf = (depth: number): string => `${'{"v":1,"next":'.repeat(depth)}{}${'}'.repeat(depth)}`
const arraysOf = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`

/** What a failed request's answer may weigh: the envelope around `fieldErrors`, plus fieldErrors' own bound. */
function envelopeBytes (body: Record<string, unknown>): number {
  const without = JSON.stringify({ ...body, fieldErrors: {}, details: { location: 'body', truncated: true } })
  return Buffer.byteLength(without) - 2
}

const hostile: Array<[string, { payload: string, limits?: Partial<ValidationLimits> }]> = [
  // The case: 16.5 KB → 501 KB, paths clipped per segment only.
  ['100 levels of 142-character keys (16.5 KB)', { payload: deepKeys(100, (i) => String(i).padStart(142, 'k')) }],
  ['120 levels of short keys', { payload: deepKeys(120, (i) => `k${i}`) }],
  ['keys that JSON escapes six bytes a character', { payload: deepKeys(100, (i) => `${'\\u0001'.repeat(90)}${i}`) }],
  ['keys of emoji and Hangul', { payload: deepKeys(100, (i) => `${'😀가'.repeat(60)}${i}`) }],
  ['a wide object: 2,000 failing siblings', { payload: JSON.stringify(Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`${'w'.repeat(90)}${i}`, { v: 'x', code: 'a' }]))) }],
  ['a small byte budget', { payload: deepKeys(60, (i) => `key${i}`), limits: { maxFieldErrorsBytes: 1000 } }],
  ['long paths allowed, bytes still capped', { payload: deepKeys(100, (i) => String(i).padStart(160, 'k')), limits: { maxPathLength: 20_000, maxFields: 1000 } }]
]

t.test('a hostile body against a recursive schema with allErrors gets an answer under the documented bound', async (t) => {
  for (const [name, { payload, limits = {} }] of hostile) {
    const app = await treeApp(limits)
    const bound = { ...DEFAULT_VALIDATION_LIMITS, ...limits }
    const res = await app.inject({ method: 'POST', url: '/tree', payload, headers: { 'content-type': 'application/json' } })
    const body = res.json()
    t.equal(res.statusCode, 400, `${name}: 400`)
    t.equal(body.code, 'VALIDATION_ERROR', `${name}: the envelope`)
    t.same(body.details, { location: 'body', truncated: true }, `${name}: details.truncated is set`)
    const keys = Object.keys(body.fieldErrors)
    t.ok(keys.length > 0 && keys.length <= bound.maxFields, `${name}: ${keys.length} fields`)
    const longest = Math.max(...keys.map((key) => key.length))
    t.ok(longest <= bound.maxPathLength, `${name}: longest key ${longest} ≤ ${bound.maxPathLength} characters`)
    for (const messages of Object.values(body.fieldErrors) as string[][]) t.ok(messages.length <= bound.maxMessagesPerField, `${name}: messages per field`)
    const fieldBytes = Buffer.byteLength(JSON.stringify(body.fieldErrors))
    t.ok(fieldBytes <= bound.maxFieldErrorsBytes, `${name}: fieldErrors ${fieldBytes} ≤ ${bound.maxFieldErrorsBytes} bytes`)
    const total = Buffer.byteLength(res.body)
    t.ok(total <= envelopeBytes(body) + bound.maxFieldErrorsBytes, `${name}: body ${total} bytes (input ${payload.length})`)
    // docs/validation.md: with the defaults and the builtin VALIDATION_ERROR, an answer stays under 17 KB.
    if (Object.keys(limits).length === 0) t.ok(total < 17 * 1024, `${name}: under 17 KB`)
    await app.close()
  }
})

/** The answer to a body nested past the default maxDepth. */
const TOO_DEEP = {
  code: 'VALIDATION_ERROR',
  status: 400,
  message: '입력값이 올바르지 않습니다.',
  retryable: false,
  suggestions: ['fieldErrors에 표시된 항목을 고친 뒤 다시 요청하세요.'],
  details: { location: 'body' },
  fieldErrors: { $root: ['요청 본문은 128단계보다 깊게 중첩할 수 없습니다.'] }
}

/** Lines about a request (startup advice of the plugin is not one) at warn or above. */
const requestWarnings = (lines: Array<{ level: number, reqId?: unknown }>): unknown[] => lines.filter((line) => line.level >= LEVEL.warn && line.reqId !== undefined)

t.test('a body nested 5,000 deep is a 400 VALIDATION_ERROR, logged at info, and the server keeps serving', async (t) => {
  const logs = logCapture()
  const app = await treeApp({}, { level: 'info', stream: logs.stream })
  t.teardown(() => app.close())
  const cases: Array<[string, string, string]> = [
    ['a recursive object schema', '/list', listOf(5000)],
    ['a recursive array schema', '/nested', arraysOf(5000)],
    ['uniqueItems, whose deep-equal recurses', '/unique', `[${arraysOf(30_000)},${arraysOf(30_000)}]`],
    ['a recursive schema behind addSchema', '/tree', `${'{"a":'.repeat(5000)}{}${'}'.repeat(5000)}`]
  ]
  for (const [name, url, payload] of cases) {
    const res = await app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json' } })
    t.equal(res.statusCode, 400, `${name}: 400`)
    t.same(res.json(), { ...TOO_DEEP, requestId: res.json().requestId }, `${name}: the envelope`)
  }
  t.same(requestWarnings(logs.lines), [], 'nothing logged at warn or error')
  t.same(logs.errors().map((line) => [line.level, line.code, line.msg]), cases.map(() => [LEVEL.info, 'VALIDATION_ERROR', 'VALIDATION_ERROR: body must NOT be nested deeper than 128 levels']), 'one info line per answer')

  const ok = await app.inject({ method: 'POST', url: '/list', payload: listOf(10), headers: { 'content-type': 'application/json' } })
  t.equal(ok.statusCode, 200, 'a normal request is served afterwards')
})

t.test('the depth limit: 128 levels are validated, 129 are not; routes without a body schema are not walked', async (t) => {
  const app = await treeApp()
  t.teardown(() => app.close())
  const at = await app.inject({ method: 'POST', url: '/nested', payload: arraysOf(128), headers: { 'content-type': 'application/json' } })
  t.equal(at.statusCode, 200, '128 levels pass')
  const past = await app.inject({ method: 'POST', url: '/nested', payload: arraysOf(129), headers: { 'content-type': 'application/json' } })
  t.same(past.json().fieldErrors, TOO_DEEP.fieldErrors, '129 levels do not')
  const free = await app.inject({ method: 'POST', url: '/free', payload: arraysOf(5000), headers: { 'content-type': 'application/json' } })
  t.equal(free.statusCode, 200, 'no schema, no check: nothing would recurse')

  const loose = await treeApp({ maxDepth: 1000 })
  t.teardown(() => loose.close())
  const deeper = await loose.inject({ method: 'POST', url: '/nested', payload: arraysOf(1000), headers: { 'content-type': 'application/json' } })
  t.equal(deeper.statusCode, 200, 'validation.maxDepth raises it')

  const titled = await buildApp({ validation: { maxDepth: 2 }, catalog: { version: 1, errors: {}, validation: { messages: { maxDepth: '{label}의 중첩은 {limit}단계까지입니다.' } } } }, (app) => {
    app.post('/doc', { schema: { body: { type: 'object', title: '문서' } } }, async () => ({ ok: true }))
  })
  t.teardown(() => titled.close())
  const doc = await titled.inject({ method: 'POST', url: '/doc', payload: { a: { b: {} } } })
  t.same(doc.json().fieldErrors, { $root: ['문서의 중첩은 2단계까지입니다.'] }, 'the schema\'s title and the catalog\'s validation.messages.maxDepth apply')
})

t.test('with the app\'s own error handler (or Fastify\'s), the deep body is still a 400 validation error', async (t) => {
  const logs = logCapture()
  const app = Fastify({ logger: { level: 'info', stream: logs.stream } })
  t.teardown(() => app.close())
  await app.register(errorCatalog, { catalog: catalogFile('example.yaml'), errorHandler: false })
  app.post('/nested', { schema: { body: nested } }, async () => ({ ok: true }))
  const res = await app.inject({ method: 'POST', url: '/nested', payload: arraysOf(5000), headers: { 'content-type': 'application/json' } })
  t.equal(res.statusCode, 400)
  t.same(res.json(), { statusCode: 400, code: 'FST_ERR_VALIDATION', error: 'Bad Request', message: 'body must NOT be nested deeper than 128 levels' })
  t.same(requestWarnings(logs.lines), [], 'nothing logged at warn or error')
})

t.test('over a real socket: the deep body is a 400 envelope and the next request is served', async (t) => {
  const logs = logCapture()
  const app = await treeApp({}, { level: 'info', stream: logs.stream })
  t.teardown(() => app.close())
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  const deep = await fetch(`${address}/list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: listOf(5000) })
  t.equal(deep.status, 400)
  t.same(((await deep.json()) as { fieldErrors?: unknown }).fieldErrors, TOO_DEEP.fieldErrors)
  const wide = await fetch(`${address}/tree`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: hostile[0][1].payload })
  const text = await wide.text()
  t.equal(wide.status, 400)
  t.ok(Buffer.byteLength(text) < 17 * 1024, `the recursive 16.5 KB body: ${Buffer.byteLength(text)} bytes`)
  const next = await fetch(`${address}/list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: listOf(3) })
  t.equal(next.status, 200)
  t.same(requestWarnings(logs.lines), [], 'nothing logged at warn or error')
  t.ok(logs.lines.every((line) => JSON.stringify(line).length < 8 * 1024), 'no log line grows with the input')
})

t.test('the depth walk: arrays and plain objects only, no recursion, exact at the limit', async (t) => {
  t.equal(nestsDeeperThan(JSON.parse(arraysOf(200_000)), 128), true, '200,000 levels, no stack overflow')
  t.equal(nestsDeeperThan(JSON.parse(arraysOf(3)), 3), false)
  t.equal(nestsDeeperThan(JSON.parse(arraysOf(4)), 3), true)
  t.equal(nestsDeeperThan({ a: [{ b: {} }], c: 1 }, 4), false)
  t.equal(nestsDeeperThan({ a: [{ b: {} }], c: 1 }, 3), true)
  t.equal(nestsDeeperThan(Buffer.alloc(10), 0), false, 'a Buffer is not walked')
  t.equal(nestsDeeperThan('[[[[', 1), false, 'nor a string')
  t.equal(nestsDeeperThan(Object.assign(Object.create(null), { a: { b: 1 } }), 1), true, 'objects without a prototype are')
})

t.test('the formatter alone: the byte budget counts what JSON writes', async (t) => {
  const format = grouped(createValidationFormatter(compileCatalog({ version: 1, errors: {} }), { ...DEFAULT_VALIDATION_LIMITS, maxFieldErrorsBytes: 300 }))
  const errors = Array.from({ length: 40 }, (_, i) => ({ keyword: 'type', instancePath: `/\u0001${'😀'.repeat(10)}${i}`, schemaPath: '#/type', params: { type: 'string' } }))
  const { fieldErrors, truncated } = format(errors, 'body')
  const bytes = Buffer.byteLength(JSON.stringify(fieldErrors))
  t.ok(bytes <= 300 && bytes > 200, `${bytes} bytes`)
  t.equal(truncated, true)
  for (const text of ['', 'a"b\\c', '\u0000\b\t\n\f\r\u001f', 'é가😀', '\ud800x\udc00', '\ud83d']) {
    t.equal(jsonStringBytes(text), Buffer.byteLength(JSON.stringify(text)), JSON.stringify(text))
  }
})

t.test('Fastify\'s validation message (the 4xx log line) stops at MAX_MESSAGE_LENGTH', async (t) => {
  let message = ''
  const app = await treeApp({}, false, (app) => app.addHook('onError', async (_request, _reply, error) => { message = error.message }))
  t.teardown(() => app.close())
  await app.inject({ method: 'POST', url: '/tree', payload: hostile[0][1].payload, headers: { 'content-type': 'application/json' } })
  t.ok(message.length > 1000 && message.length <= MAX_MESSAGE_LENGTH + 20, `${message.length} characters`)
  t.match(message, /^body\/k+\d+\/k+\d+\//, "Fastify's message as far as it goes")
  t.match(message, /… \(\d+ more\)$/)
})
