import t from 'tap'
import { Ajv } from 'ajv'
import formatsModule from 'ajv-formats'
import { parseEnvelopeDeclaration, type EnvelopeDeclaration } from '../../src/catalog/envelope-syntax.js'
import { loadCatalog } from '../../src/catalog/load.js'
import type { CompiledCatalog } from '../../src/catalog/compile.js'
import { declaredFormat } from '../../src/envelope/declared.js'
import { defaultFormat } from '../../src/envelope/default.js'
import { exampleBody, exampleParts } from '../../src/envelope/example.js'
import type { ErrorParts, WireFormat } from '../../src/envelope/format.js'
import { problemFormat } from '../../src/envelope/problem.js'
import { catalogFile, fixture } from '../helpers/app.js'
import { problemsOf } from '../helpers/problems.js'

/** A declaration that must parse; the test fails with its problems otherwise. */
function declare (value: unknown): EnvelopeDeclaration {
  const problems: string[] = []
  const declaration = parseEnvelopeDeclaration(value, (path, message) => problems.push(`${path.join('.')}: ${message}`))
  if (declaration === undefined) throw new Error(`declaration refused: ${problems.join('; ')}`)
  return declaration
}

function formatOf (body: Record<string, unknown>, fieldError?: Record<string, unknown>): WireFormat {
  return declaredFormat(declare({ body, ...(fieldError === undefined ? {} : { fieldError }) }), { name: 'test' })
}

/** The serialized bytes of a body (through the code's real serializer), for member order. */
function bytes (format: WireFormat, parts: ErrorParts): string {
  return JSON.stringify(exampleBody(format, parts))
}

const catalog: CompiledCatalog = await loadCatalog(catalogFile('example.yaml'))
const session = catalog.get('SESSION_NOT_FOUND')
const validation = catalog.get('VALIDATION_ERROR')
if (session === undefined || validation === undefined) throw new Error('example.yaml lacks SESSION_NOT_FOUND or VALIDATION_ERROR')
const withDetails = exampleParts(catalog, session, { details: { sessionCode: 'A1' } })
const failed = exampleParts(catalog, validation)

/** The seed 000 (MobileGPT) shape, as a catalog would declare it. */
const SEED_STYLE = {
  body: {
    error: { code: '$code', message: '$message', details: '$details', field_errors: '$fieldErrors' },
    status: '$status'
  }
}

t.test('a declaration compiles into a format that builds its template', async (t) => {
  const format = formatOf(SEED_STYLE.body)
  t.equal(format.name, 'test')
  t.equal(format.contentType, 'application/json; charset=utf-8', 'JSON without a charset gets utf-8')
  t.same(format.requestMembers, [], 'no request members in this template')
  t.equal(format.discriminator, undefined, 'the code is not a top-level member')
  t.equal(bytes(format, withDetails), JSON.stringify({
    error: { code: 'SESSION_NOT_FOUND', message: '세션을 찾을 수 없습니다. (세션 코드 A1)', details: { sessionCode: 'A1' } },
    status: 404
  }))
  const flat = formatOf({ code: '$code', requestId: '$requestId', at: '$timestamp' })
  t.equal(flat.discriminator, 'code')
  t.same([...flat.requestMembers].sort(), ['requestId', 'timestamp'])
})

t.test('`$a | $b` takes the first alternative that has a value', async (t) => {
  const format = formatOf({ id: '$requestId | $code' })
  t.same(format.body({ ...withDetails, requestId: 'req-9' }), { id: 'req-9' })
  t.same(format.body({ ...withDetails, requestId: undefined }), { id: 'SESSION_NOT_FOUND' })
})

t.test('`| null` writes null when no variable has a value; without it the member is left out', async (t) => {
  // NOT_FOUND has no details; SESSION_NOT_FOUND always has some (a required detail).
  const notFound = catalog.get('NOT_FOUND')
  if (notFound === undefined) throw new Error('no NOT_FOUND')
  const noDetails = exampleParts(catalog, notFound)
  t.equal(noDetails.details, undefined)
  t.equal(bytes(formatOf({ code: '$code', details: '$details | null' }), noDetails), '{"code":"NOT_FOUND","details":null}')
  t.equal(bytes(formatOf({ code: '$code', details: '$details' }), noDetails), '{"code":"NOT_FOUND"}')
  t.equal(bytes(formatOf({ code: '$code', details: '$details | null' }), withDetails), '{"code":"SESSION_NOT_FOUND","details":{"sessionCode":"A1"}}')
  t.equal(bytes(formatOf({ code: '$code', doc: '$docsUrl | $category | null' }), noDetails), '{"code":"NOT_FOUND","doc":"common-request"}', 'the first alternative with a value')
})

t.test('`$merge: $details` spreads the details where it is written', async (t) => {
  const format = formatOf({ error: { code: '$code', $merge: '$details', status: '$status' } })
  t.equal(bytes(format, withDetails), '{"error":{"code":"SESSION_NOT_FOUND","sessionCode":"A1","status":404}}')
  t.equal(bytes(format, { ...withDetails, details: undefined }), '{"error":{"code":"SESSION_NOT_FOUND","status":404}}', 'nothing to spread')
  t.equal(bytes(formatOf({ error: { $merge: '$details', code: '$code' } }), withDetails), '{"error":{"sessionCode":"A1","code":"SESSION_NOT_FOUND"}}', 'first')
  t.equal(bytes(formatOf({ error: { code: '$code', $merge: '$details' } }), withDetails), '{"error":{"code":"SESSION_NOT_FOUND","sessionCode":"A1"}}', 'last')
})

t.test('constants are written as they are, and `$$` writes one literal `$`', async (t) => {
  const format = formatOf({ ok: false, kind: 'error', version: 2, ratio: 0.5, nothing: null, price: '$$code', list: ['$code', 1] })
  t.equal(bytes(format, withDetails), '{"ok":false,"kind":"error","version":2,"ratio":0.5,"nothing":null,"price":"$code","list":["SESSION_NOT_FOUND",1]}')
})

t.test('members go on the wire in declaration order, optional ones between required ones included', async (t) => {
  const format = formatOf({ requestId: '$requestId', code: '$code', details: '$details', status: '$status', docsUrl: '$docsUrl', message: '$message' })
  t.equal(bytes(format, { ...withDetails, requestId: 'req-3' }),
    '{"requestId":"req-3","code":"SESSION_NOT_FOUND","details":{"sessionCode":"A1"},"status":404,"message":"세션을 찾을 수 없습니다. (세션 코드 A1)"}')
  t.equal(bytes(format, { ...withDetails, requestId: undefined, details: undefined }),
    '{"code":"SESSION_NOT_FOUND","status":404,"message":"세션을 찾을 수 없습니다. (세션 코드 A1)"}', 'absent optional members leave no gap')
  t.equal(bytes(defaultFormat, failed).replace(/"requestId":"[^"]*"/, '"requestId":"R"'),
    JSON.stringify({
      code: 'VALIDATION_ERROR',
      status: 400,
      message: failed.message,
      retryable: false,
      suggestions: failed.suggestions,
      details: failed.details,
      fieldErrors: { email: [(failed.fieldErrors ?? [])[0]?.message] },
      requestId: 'R'
    }), 'the default format: fieldErrors after details, before requestId')
})

t.test('field error items follow `fieldError:`, one per message', async (t) => {
  const format = formatOf({ code: '$code', errors: '$fieldErrorList', first: '$field' },
    { at: '$pointer', where: '$location', loc: '$loc', rule: '$keyword', path: '$field', text: '$fieldMessage' })
  const fieldErrors = [{ pointer: '/items/0/email', path: 'items[0].email', location: 'body' as const, keyword: 'format', message: '잘못된 이메일입니다.' }]
  t.equal(bytes(format, { ...failed, fieldErrors }), JSON.stringify({
    code: 'VALIDATION_ERROR',
    errors: [{ at: '/items/0/email', where: 'body', loc: ['body', 'items', 0, 'email'], rule: 'format', path: 'items[0].email', text: '잘못된 이메일입니다.' }],
    first: 'items[0].email'
  }))
  t.equal(bytes(format, withDetails), '{"code":"SESSION_NOT_FOUND"}', 'no field errors on other codes')
})

t.test('each code\'s schema accepts the bodies its format produces (default, problem, a seed-style declaration)', async (t) => {
  const ajv = new Ajv({ allErrors: true, strict: false })
  formatsModule.default(ajv)
  const formats = [defaultFormat, problemFormat('https://api.example.com/errors'), formatOf(SEED_STYLE.body),
    formatOf({ at: '$timestamp', kind: 'error', id: '$requestId | null', $merge: '$details', problems: '$fieldErrorList', doc: '$docsUrl | $type' }, { loc: '$loc', msg: '$fieldMessage' })]
  for (const format of formats) {
    for (const code of catalog.codes) {
      const entry = catalog.entries[code]
      const base = exampleParts(catalog, entry)
      const variants: ErrorParts[] = [base, { ...base, requestId: undefined, details: undefined }, { ...base, instance: '/sessions/A1', timestamp: new Date().toISOString() }]
      const validate = ajv.compile(format.schema(entry, code === 'VALIDATION_ERROR'))
      for (const parts of variants) {
        // A code with required details always has them: only the first variant is a body the server can send then.
        if (parts.details === undefined && (entry.detailsSchema.required ?? []).length > 0) continue
        const body = exampleBody(format, parts)
        if (!validate(body)) t.fail(`${format.name}/${code}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(body)}`)
      }
    }
    t.pass(`${format.name}: every code's body matches its schema`)
  }
  // The schema is strict: a body of another code does not pass.
  const problem = problemFormat()
  const validate = ajv.compile(problem.schema(session, false))
  t.notOk(validate(exampleBody(problem, failed)), 'a validation body is not a SESSION_NOT_FOUND body')
  t.notOk(ajv.validate(defaultFormat.schema(session, false), { ...(exampleBody(defaultFormat, withDetails) as object), extra: 1 }), 'no extra members')
})

t.test('bad declarations in a catalog file are refused with file:line:col', async (t) => {
  const unknown = await problemsOf(fixture('envelope/unknown-variable.yaml'))
  t.equal(unknown.problems.length, 2, unknown.lines.join('\n'))
  t.match(unknown.lines[0], /^6:16 {2}\/envelope\/body\/error\/message {2}unknown variable "\$mesage" in "\$mesage" \(did you mean \$message\?\)/)
  t.match(unknown.lines[1], /^7:5 {2}\/envelope\/body\/\$status {2}a variable cannot name a member \("\$status"\)/, 'a variable as a key is reported at the key')
  t.ok(unknown.problems.every((problem) => problem.rule === 'envelope' && problem.severity === 'error'))
  t.equal((await problemsOf(fixture('envelope/body-not-object.yaml'))).lines.join('\n'), '4:9  /envelope/body  expected an object (the JSON template), got "$code"')
  t.equal((await problemsOf(fixture('envelope/list-without-item.yaml'))).lines.join('\n'), '4:5  /envelope/body  $fieldErrorList needs `fieldError:`, the shape of one item')
})

t.test('declarations the parser refuses, with the path of each problem', async (t) => {
  const problems: string[] = []
  const refuse = (value: unknown): void => {
    problems.length = 0
    t.equal(parseEnvelopeDeclaration(value, (path, message) => problems.push(`${path.join('.')}: ${message}`)), undefined, JSON.stringify(value))
  }
  refuse({ body: { code: '$Code' } })
  t.match(problems[0], 'body.code: unknown variable "$Code" in "$Code" (did you mean $code?)')
  refuse({ body: { id: '$requestId | $nope | null' } })
  t.match(problems[0], ', and null last', 'a later alternative lists null as allowed')
  refuse({ body: { code: '$code' }, fieldError: { at: '$message' } })
  t.match(problems[0], 'fieldError.at: unknown variable "$message"', 'body variables are not item variables')
  refuse({ body: { $merge: '$details | $code' } })
  t.match(problems[0], 'body.$merge: expected one variable')
  refuse({ body: { code: '$code' }, contentType: 'json', extra: 1 })
  t.same(problems.map((problem) => problem.split(':')[0]).sort(), ['contentType', 'extra'])
  refuse('body')
  t.match(problems[0], 'expected an object with `body`')
})

t.test('the catalog\'s `envelope:` is compiled with the catalog', async (t) => {
  const declared = await loadCatalog(fixture('envelope/declared.yaml'))
  t.ok(declared.envelope, 'the declaration is on the compiled catalog')
  t.equal(catalog.envelope, undefined, 'example.yaml declares none')
})
