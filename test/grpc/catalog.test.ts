// The catalog side of gRPC: the status table (both directions, against docs/grpc.md and grpc-js), the `grpc` and
// `number` members (loader, lint, diff, docs), and the conversions in-process.
import t from 'tap'
import { readFileSync } from 'node:fs'
import * as grpc from '@grpc/grpc-js'
import { compileCatalog, loadCatalogSync, type CompiledCatalog } from '../../src/index.js'
import { checkCatalogDocument, diffCatalogs, lintCatalogDocument, parseCatalogText, renderErrorGuide } from '../../src/tooling.js'
import {
  contradictsTable,
  decodeStatus,
  fromGrpcError,
  GRPC_STATUS_NAMES,
  grpcStatusName,
  grpcStatusNumber,
  grpcStatusOfHttp,
  httpStatusOfGrpc,
  STATUS_DETAILS_KEY,
  toGrpcError,
  type GrpcStatusName
} from '../../src/grpc/index.js'
import { encodeStatus, packDetail } from '../../src/grpc/rpc-status.js'
import { fixture } from '../helpers/app.js'

const page = readFileSync(new URL('../../docs/grpc.md', import.meta.url), 'utf8')

/** The rows of the table whose header starts with `header`. */
function tableRows (header: string): string[][] {
  const lines = page.split('\n')
  const start = lines.findIndex((line) => line.startsWith(header))
  const rows: string[][] = []
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break
    rows.push(line.split('|').slice(1, -1).map((cell) => cell.trim().replace(/`/g, '')))
  }
  return rows
}

t.test('gRPC → HTTP: the module, docs/grpc.md and grpc-js agree on all 17 codes', async (t) => {
  const rows = tableRows('| gRPC status | number | HTTP |')
  t.same(rows.map(([name]) => name), [...GRPC_STATUS_NAMES], 'the documented names, in number order')
  for (const [name, number, http] of rows) {
    const status = name as GrpcStatusName
    t.equal(grpcStatusNumber(status), Number(number), `${name} is ${number}`)
    t.equal(grpc.status[status], Number(number), `${name} is ${number} in grpc-js`)
    t.equal(grpcStatusName(Number(number)), status, `${number} is ${name}`)
    t.equal(httpStatusOfGrpc(status), Number(http), `${name} → ${http}`)
  }
  t.equal(grpcStatusName(17), undefined, 'no 18th code')
})

t.test('HTTP → gRPC: the module follows the documented table, and each derived code maps back to the status or its class', async (t) => {
  const rows = tableRows('| HTTP | gRPC status |')
  const other: Record<string, number[]> = { 'any other 4xx': [402, 405, 410, 413, 415, 422, 451], 'any other 5xx': [505, 507, 511] }
  for (const [http, name] of rows) {
    for (const status of other[http] ?? [Number(http)]) {
      t.equal(grpcStatusOfHttp(status), name, `${status} → ${name}`)
      const back = httpStatusOfGrpc(grpcStatusOfHttp(status))
      t.ok(back === status || Math.floor(back / 100) === Math.floor(status / 100), `${status} → ${name} → ${back} keeps the class`)
      t.notOk(contradictsTable(status, grpcStatusOfHttp(status)), `the derived pair for ${status} never contradicts the table`)
    }
  }
  // The pairs the issue names.
  const named: Array<[number, GrpcStatusName]> = [[400, 'INVALID_ARGUMENT'], [401, 'UNAUTHENTICATED'], [403, 'PERMISSION_DENIED'], [404, 'NOT_FOUND'], [409, 'ALREADY_EXISTS'], [429, 'RESOURCE_EXHAUSTED'], [499, 'CANCELLED'], [500, 'INTERNAL'], [501, 'UNIMPLEMENTED'], [503, 'UNAVAILABLE'], [504, 'DEADLINE_EXCEEDED']]
  for (const [status, name] of named) t.equal(grpcStatusOfHttp(status), name, `issue: ${status} → ${name}`)
})

t.test('a pair contradicts the table when the gRPC status maps elsewhere (or to another class, for a status without a row)', async (t) => {
  const cases: Array<[string, { status: number, grpc: GrpcStatusName, want: boolean }]> = [
    ['401 with NOT_FOUND', { status: 401, grpc: 'NOT_FOUND', want: true }],
    ['409 with ABORTED', { status: 409, grpc: 'ABORTED', want: false }],
    ['400 with FAILED_PRECONDITION', { status: 400, grpc: 'FAILED_PRECONDITION', want: false }],
    ['400 with OUT_OF_RANGE', { status: 400, grpc: 'OUT_OF_RANGE', want: false }],
    ['500 with DATA_LOSS', { status: 500, grpc: 'DATA_LOSS', want: false }],
    ['503 with INTERNAL', { status: 503, grpc: 'INTERNAL', want: true }],
    ['413 with RESOURCE_EXHAUSTED (no row, same class)', { status: 413, grpc: 'RESOURCE_EXHAUSTED', want: false }],
    ['413 with INTERNAL (no row, another class)', { status: 413, grpc: 'INTERNAL', want: true }],
    ['502 with UNAVAILABLE', { status: 502, grpc: 'UNAVAILABLE', want: false }],
    ['404 with OK', { status: 404, grpc: 'OK', want: true }]
  ]
  for (const [name, { status, grpc, want }] of cases) t.equal(contradictsTable(status, grpc), want, name)
})

const seed = loadCatalogSync(fixture('grpc/seed-003.yaml'))

t.test('compile: `grpc` as written or derived from the status, `number`, reserved numbers', async (t) => {
  t.match(seed.get('INVALID_CREDENTIALS'), { grpc: 'UNAUTHENTICATED', grpcDeclared: true, number: 1001 })
  t.match(seed.get('TOKEN_EXPIRED'), { grpc: 'UNAUTHENTICATED', grpcDeclared: false, number: 1006 })
  t.match(seed.get('NOT_FOUND'), { grpc: 'NOT_FOUND', grpcDeclared: false, number: undefined, builtin: true })
  t.match(seed.get('BAD_GATEWAY'), { grpc: 'UNAVAILABLE', grpcDeclared: false })
  t.same(seed.reservedNumbers, [{ number: 1005, reason: '탈퇴 회원 코드를 USER_NOT_FOUND로 합쳤습니다.' }])
  t.same(seed.reserved, [])
  const mixed = compileCatalog({ version: 1, errors: {}, reserved: ['OLD_CODE', 1009, { code: 'GONE_CODE', reason: '없앴습니다.' }] }, { builtin: false })
  t.same([mixed.reserved, mixed.reservedNumbers], [[{ code: 'OLD_CODE' }, { code: 'GONE_CODE', reason: '없앴습니다.' }], [{ number: 1009 }]])
})

const BROKEN = `version: 1
errors:
  FIRST:
    status: 401
    message: 첫째 오류입니다.
    number: 1001
  SECOND:
    status: 404
    message: 둘째 오류입니다.
    number: 1001
    grpc: NOT_FUND
  THIRD:
    status: 400
    message: 셋째 오류입니다.
    number: 1005
    grpc: OK
    details:
      number: { type: integer }
reserved:
  - 1005
  - OLD_CODE
`

t.test('the loader: a number used twice or reserved, an unknown gRPC name or OK, a detail named number, each at file:line:col', async (t) => {
  const { catalog, problems } = checkCatalogDocument(parseCatalogText(BROKEN, 'errors.yaml'))
  t.equal(catalog, undefined)
  t.same(problems.map((problem) => `${problem.file}:${problem.line}:${problem.col} ${problem.rule} ${problem.message}`), [
    'errors.yaml:10:13 number-duplicate number 1001 is already FIRST\'s',
    'errors.yaml:11:11 grpc-status "NOT_FUND" is not a gRPC error status',
    'errors.yaml:15:13 reserved-number number 1005 is reserved (retired) and may not be used again',
    'errors.yaml:16:11 grpc-status "OK" is not a gRPC error status',
    'errors.yaml:18:7 number-detail a detail named `number` would clash with the entry\'s `number` in gRPC ErrorInfo metadata'
  ])
  t.match(problems[1].hint, /one of CANCELLED, UNKNOWN, INVALID_ARGUMENT/)
  t.throws(() => compileCatalog(parseCatalogText(BROKEN, 'errors.yaml')), { code: 'FEC_ERR_CATALOG_INVALID', problems: { length: 5 } })
  const structure = checkCatalogDocument(parseCatalogText('version: 1\nerrors:\n  A:\n    status: 400\n    message: 오류입니다.\n    number: 0\nreserved:\n  - -3\n', 'n.yaml')).problems
  t.same(structure.map((problem) => [problem.line, problem.rule]), [[6, 'schema'], [8, 'schema']], 'numbers are positive integers')
})

t.test('lint warns when a declared HTTP/gRPC pair contradicts the table', async (t) => {
  const text = `version: 1
errors:
  TOKEN_INVALID:
    status: 401
    message: 토큰이 올바르지 않습니다.
    grpc: NOT_FOUND
  EDIT_CONFLICT:
    status: 409
    message: 다른 사용자가 먼저 고쳤습니다.
    grpc: ABORTED
`
  const problems = lintCatalogDocument(parseCatalogText(text, 'lint.yaml')).filter((problem) => problem.rule === 'grpc-status-mismatch')
  t.match(problems, [{ line: 6, col: 11, severity: 'warning', message: 'HTTP 401 with gRPC NOT_FOUND: the table maps NOT_FOUND to 404', hint: /for 401 the table gives UNAUTHENTICATED/ }])
  t.equal(problems.length, 1, 'ABORTED on a 409 agrees with the table')
})

function checked (text: string): Parameters<typeof diffCatalogs>[0] {
  const document = parseCatalogText(text, 'diff.yaml')
  const { catalog, problems } = checkCatalogDocument(document)
  if (catalog === undefined) throw new Error(problems.map((problem) => problem.message).join('; '))
  return { document, catalog }
}
const entry = (code: string, lines: string): string => `  ${code}:\n    message: 오류입니다.\n${lines.split(';').map((line) => `    ${line.trim()}\n`).join('')}`

t.test('diff: changed or reused numbers and gRPC statuses are breaking', async (t) => {
  const cases: Array<[string, { before: string, after: string, want: string[] }]> = [
    ['a reserved number taken again', { before: entry('A', 'status: 404') + 'reserved:\n  - 1009\n', after: entry('A', 'status: 404; number: 1009'), want: ['number-reused', 'reserved-removed'] }],
    ['a number moved to another code', { before: entry('A', 'status: 404; number: 1') + entry('B', 'status: 400'), after: entry('A', 'status: 404; number: 2') + entry('B', 'status: 400; number: 1'), want: ['number-reused', 'number-changed'] }],
    ['a number dropped', { before: entry('A', 'status: 404; number: 1'), after: entry('A', 'status: 404'), want: ['number-changed'] }],
    ['a renamed code keeps its number', { before: entry('A', 'status: 404; number: 1'), after: entry('B', 'status: 404; number: 1'), want: ['code-renamed'] }],
    ['a gRPC status that follows a status change', { before: entry('A', 'status: 404'), after: entry('A', 'status: 403'), want: ['status-changed'] }],
    ['a declared gRPC status that stays with a status change', { before: entry('A', 'status: 404; grpc: NOT_FOUND'), after: entry('A', 'status: 410; grpc: NOT_FOUND'), want: ['status-changed'] }],
    ['a declared gRPC status changed with the status', { before: entry('A', 'status: 404; grpc: NOT_FOUND'), after: entry('A', 'status: 403; grpc: PERMISSION_DENIED'), want: ['status-changed', 'grpc-changed'] }],
    ['writing the derived status down changes nothing', { before: entry('A', 'status: 404'), after: entry('A', 'status: 404; grpc: NOT_FOUND'), want: [] }]
  ]
  for (const [name, { before, after, want }] of cases) {
    const changes = diffCatalogs(checked(`version: 1\nerrors:\n${before}`), checked(`version: 1\nerrors:\n${after}`))
    t.same(changes.map((change) => change.kind), want, name)
    t.ok(changes.every((change) => change.breaking), `${name}: breaking`)
  }
})

t.test('docs: the 번호 and gRPC 상태 columns appear when the catalog uses them, like seed 003\'s tables', async (t) => {
  const guide = renderErrorGuide(seed, { source: 'seed-003.yaml' })
  t.match(guide, '| 코드 | 번호 | HTTP 상태 | gRPC 상태 | 메시지 | 설명 | 재시도 | 처리 방법 |')
  t.match(guide, '| [`INVALID_CREDENTIALS`](#invalid-credentials) | 1001 | 401 | UNAUTHENTICATED (16) | 아이디 또는 비밀번호가 올바르지 않습니다. |')
  t.match(guide, '| [`TOKEN_EXPIRED`](#token-expired) | 1006 | 401 | UNAUTHENTICATED (16) |')
  t.match(guide, '- 번호: 2001\n- HTTP 상태: 400 Bad Request\n- gRPC 상태: FAILED_PRECONDITION (9)\n')
  t.match(guide, '- HTTP 상태: 401 Unauthorized\n- gRPC 상태: UNAUTHENTICATED (16) (HTTP 상태에 따름)\n')
  const plain = renderErrorGuide(loadCatalogSync(fixture('../../catalog/example.yaml')), { source: 'example.yaml' })
  t.notMatch(plain, /gRPC|\| 번호 \||- 번호:/, 'a catalog without them keeps its columns')
})

t.test('docs/grpc.md shows the service and the gateway in under 40 lines each', async (t) => {
  const blocks = [...page.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1].trimEnd().split('\n').length)
  t.equal(blocks.length, 2)
  for (const lines of blocks) t.ok(lines < 40, `${lines} lines`)
})

t.test('the root entry never loads @grpc/grpc-js or protobufjs (its import graph)', async (t) => {
  const seen = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: URL): void => {
    if (seen.has(file.href)) return
    seen.add(file.href)
    const source = readFileSync(file, 'utf8')
    for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*?from\s+'([^']+)'/gm)) {
      const target = match[1]
      if (target.startsWith('.')) visit(new URL(target.replace(/\.js$/, '.ts'), file))
      else packages.add(target)
    }
  }
  visit(new URL('../../src/index.ts', import.meta.url))
  t.ok(seen.size > 20, 'the graph was walked')
  t.notOk([...packages].some((name) => name.startsWith('@grpc/') || name.startsWith('protobufjs')), [...packages].join(', '))
  t.ok(seen.has(new URL('../../src/catalog/grpc-status.ts', import.meta.url).href), 'the pure status table is read')
  const grpcFolder = new URL('../../src/grpc/', import.meta.url).href
  t.same([...seen].filter((href) => href.startsWith(grpcFolder)), [], 'no file of src/grpc/ is loaded')
})

// ---- conversions in-process ----

const typed = compileCatalog({
  version: 1,
  errors: {
    SEAT_TAKEN: {
      status: 409,
      number: 7,
      message: '{seat}번 좌석은 이미 예약되었습니다.',
      details: {
        seat: { type: 'integer', minimum: 1 },
        held: { type: 'boolean' },
        others: { type: 'array', items: { type: 'integer' } },
        owner: { type: 'object', properties: { name: { type: 'string' }, vip: { type: 'boolean', optional: true } } },
        note: { type: 'string', optional: true, maxLength: 5 }
      }
    }
  }
})

function roundTrip (catalog: CompiledCatalog, error: unknown): ReturnType<typeof fromGrpcError> {
  return fromGrpcError(toGrpcError(error, { catalog }), catalog)
}

t.test('details of every type travel as metadata strings and come back typed', async (t) => {
  const details = { seat: 12, held: true, others: [3, 4], owner: { name: '민지' } }
  const sent = toGrpcError(typed.errors.SEAT_TAKEN({ ...details, extra: 'not declared' }), { catalog: typed })
  t.strictSame(decodeStatus(sent.metadata.get(STATUS_DETAILS_KEY)[0] as Buffer).errorInfo, {
    reason: 'SEAT_TAKEN',
    domain: 'fastify-error-catalog',
    metadata: { seat: '12', held: 'true', others: '[3,4]', owner: '{"name":"민지"}', number: '7' }
  }, 'only declared details, as strings')
  const back = roundTrip(typed, typed.errors.SEAT_TAKEN(details))
  t.same([back.code, back.details, back.message], ['SEAT_TAKEN', details, '12번 좌석은 이미 예약되었습니다.'])
})

/** A grpc-js error as another version of the service might send it: ErrorInfo metadata as given. */
function sentWith (code: number, reason: string, metadata: Record<string, string>): grpc.ServiceError {
  const trailer = new grpc.Metadata()
  trailer.set(STATUS_DETAILS_KEY, encodeStatus(code, 'x', [packDetail('errorInfo', { reason, domain: 'd', metadata })]))
  return Object.assign(new Error('x'), { code, details: 'x', metadata: trailer })
}

t.test('fromGrpcError: details that do not fit their spec fall back to the generic code', async (t) => {
  const fine = { seat: '1', held: 'true', others: '[]', owner: '{"name":"a"}' }
  const cases: Array<[string, Record<string, string>, string]> = [
    ['details that fit', fine, 'SEAT_TAKEN'],
    ['an integer that is not one', { ...fine, seat: '1.5' }, 'CONFLICT'],
    ['an empty number', { ...fine, seat: ' ' }, 'CONFLICT'],
    ['below the minimum', { ...fine, seat: '0' }, 'CONFLICT'],
    ['an array of the wrong items', { ...fine, others: '["x"]' }, 'CONFLICT'],
    ['JSON that does not parse', { ...fine, others: '[1,' }, 'CONFLICT'],
    ['an object with an unknown member', { ...fine, owner: '{"name":"a","role":"x"}' }, 'CONFLICT'],
    ['an object without a required member', { ...fine, owner: '{}' }, 'CONFLICT'],
    ['an array where an object belongs', { ...fine, owner: '[]' }, 'CONFLICT'],
    ['a string too long', { ...fine, note: '여섯 글자입니다' }, 'CONFLICT'],
    ['a required detail missing', { held: 'true', others: '[]', owner: '{"name":"a"}' }, 'CONFLICT'],
    ['a boolean that is not one', { ...fine, held: 'yes' }, 'CONFLICT']
  ]
  for (const [name, metadata, want] of cases) t.equal(fromGrpcError(sentWith(grpc.status.ALREADY_EXISTS, 'SEAT_TAKEN', metadata), typed).code, want, name)
  t.equal(fromGrpcError(sentWith(grpc.status.ALREADY_EXISTS, 'RENAMED_LATER', { ...fine, number: '7' }), typed).code, 'SEAT_TAKEN', 'an unknown reason with a known number')
  t.equal(fromGrpcError(sentWith(grpc.status.ALREADY_EXISTS, 'RENAMED_LATER', { ...fine, number: 'seven' }), typed).code, 'CONFLICT', 'a number that is not one')
})

t.test('toGrpcError without a catalog uses what the error carries; with another catalog, the generic code of its status', async (t) => {
  const error = seed.errors.LOGIN_RATE_LIMITED()
  const bare = toGrpcError(error)
  t.equal(bare.code, grpc.status.RESOURCE_EXHAUSTED, 'derived from 429')
  t.match(decodeStatus(bare.metadata.get(STATUS_DETAILS_KEY)[0] as Buffer), { errorInfo: { reason: 'LOGIN_RATE_LIMITED', metadata: {} }, retryInfo: { retryDelaySeconds: 30 } })
  t.equal(decodeStatus(toGrpcError(seed.errors.INVALID_CREDENTIALS({ username: 'x' })).metadata.get(STATUS_DETAILS_KEY)[0] as Buffer).errorInfo?.metadata.username, undefined, 'no details without the catalog')
  const internal = toGrpcError(new Error('secret'))
  t.same([internal.code, internal.details, decodeStatus(internal.metadata.get(STATUS_DETAILS_KEY)[0] as Buffer).localizedMessage], [grpc.status.INTERNAL, '', undefined])
  const other = toGrpcError(typed.errors.SEAT_TAKEN({ seat: 1 }), { catalog: seed })
  t.same([other.code, other.details], [grpc.status.ALREADY_EXISTS, seed.get('CONFLICT')?.message], 'SEAT_TAKEN is answered as this catalog\'s CONFLICT')
  const hostileCatalog = new Proxy(seed, { get () { throw new Error('secret') } })
  t.equal(toGrpcError(error, { catalog: hostileCatalog }).code, grpc.status.INTERNAL, 'a catalog that cannot be read: INTERNAL')
})

t.test('fromGrpcError reads anything: no code, no metadata, a trailer that is not a Status, a mismatched code', async (t) => {
  const withTrailer = (code: number, bytes: Buffer): object => {
    const metadata = new grpc.Metadata()
    metadata.set(STATUS_DETAILS_KEY, bytes)
    return { code, details: 'x', metadata }
  }
  const valid = toGrpcError(seed.errors.USER_NOT_FOUND({ userId: 'u' }), { catalog: seed })
  const cases: Array<[string, unknown, string]> = [
    ['undefined', undefined, 'INTERNAL_ERROR'],
    ['a plain Error', new Error('boom'), 'INTERNAL_ERROR'],
    ['a hostile Proxy', new Proxy({}, { get () { throw new Error('x') } }), 'INTERNAL_ERROR'],
    ['an unknown code number', { code: 99 }, 'INTERNAL_ERROR'],
    ['garbage bytes', withTrailer(5, Buffer.from([0xff, 0xff, 0xff])), 'NOT_FOUND'],
    ['a trailer whose code disagrees with the status', withTrailer(3, valid.metadata.get(STATUS_DETAILS_KEY)[0] as Buffer), 'BAD_REQUEST'],
    ['the real thing', valid, 'USER_NOT_FOUND']
  ]
  for (const [name, value, code] of cases) t.equal(fromGrpcError(value, seed).code, code, name)
})
