import t from 'tap'
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify from 'fastify'
import { compileCatalog, errorCatalog, loadCatalog } from '../../src/index.js'
import { formatProblem, MAX_CATALOG_BYTES, parseCatalogText } from '../../src/tooling.js'
import { runCli } from '../../src/cli/run.js'
import { fixture } from '../helpers/app.js'
import { generatedCatalogYaml } from '../helpers/generated-catalog.js'
import { problemsOf } from '../helpers/problems.js'

// The 100,000-code load has no timing assertion, and on a loaded shared machine it can take over a minute.
t.setTimeout(600_000)

/** A temporary directory, removed when the test ends. */
function temporaryDirectory (t: { teardown: (fn: () => void) => void }): string {
  const directory = mkdtempSync(join(tmpdir(), 'fec-hostile-'))
  t.teardown(() => rmSync(directory, { recursive: true, force: true }))
  return directory
}

const PROTO = '"__proto__" cannot be a key'
const cases: Array<[string, string[]]> = [
  ['alias-bomb.yaml', ['5:8  /c/0  aliases expand to too much data (more than 100 alias expansions): an alias bomb?']],
  ['merge-key-bomb.yaml', ['7:15  /l2/<</0  aliases expand to too much data (more than 100 alias expansions): an alias bomb?']],
  ['deep-details.yaml', [
    `8:532  /errors/DEEP_ERROR/details/outer${'/properties/inner'.repeat(14)}  nests deeper than 32 levels`
  ]],
  ['prototype-names.yaml', [
    `10:7  /errors/SESSION_FULL/details/__proto__  ${PROTO}`,
    `14:11  /errors/SESSION_FULL/details/owner/properties/__proto__  ${PROTO}`,
    `17:5  /validation/messages/__proto__  ${PROTO}`
  ]],
  ['retry-after-overflow.yaml', [
    '6:17  /errors/RATE_LIMITED/retryAfter  expected integer, got Infinity (out of range for a number)',
    '11:40  /errors/SESSION_FULL/details/seats/maximum  expected integer, got Infinity (out of range for a number)'
  ]],
  ['binary.yaml', ['4:1  /  the file holds a NUL byte: a catalog is UTF-8 text, this looks like a binary file']]
]

for (const [name, want] of cases) {
  t.test(`${name}: reported as catalog problems with file:line:col, never a raw throw`, async (t) => {
    const file = fixture(`hostile/${name}`)
    const { lines, error } = await problemsOf(file)
    t.same(lines, want)
    t.equal(error.code, 'FEC_ERR_CATALOG_INVALID')
    t.match(error.message, `${file}:${want[0].split('  ')[0]}`)
  })
}

t.test('problems of hostile files carry rule ids and hints', async (t) => {
  const rules = async (name: string): Promise<string[]> => (await problemsOf(fixture(`hostile/${name}`))).problems.map((problem) => problem.rule)
  t.same(await rules('alias-bomb.yaml'), ['alias-bomb'])
  t.same(await rules('prototype-names.yaml'), ['proto-key', 'proto-key', 'proto-key'])
  t.same(await rules('deep-details.yaml'), ['too-deep'])
  t.same(await rules('binary.yaml'), ['binary'])
  const [proto] = (await problemsOf(fixture('hostile/prototype-names.yaml'))).problems
  t.match(proto.hint, /prototype, not as a member: choose another name/)
})

t.test('`error-catalog lint` reports an alias bomb as a problem (exit 1), not as a crash (exit 70)', async (t) => {
  let stdout = ''
  let stderr = ''
  const io = { stdout: (text: string) => { stdout += text }, stderr: (text: string) => { stderr += text }, cwd: fixture('hostile') }
  for (const name of ['alias-bomb.yaml', 'merge-key-bomb.yaml']) {
    stdout = ''
    stderr = ''
    t.equal(await runCli(['lint', name], io), 1, name)
    t.match(stdout + stderr, `${name}:`)
    t.match(stdout + stderr, 'an alias bomb?')
  }
})

t.test('a UTF-8 byte order mark is not part of the catalog: YAML and JSON both load', async (t) => {
  for (const name of ['bom.yaml', 'bom.json']) {
    const catalog = await loadCatalog(fixture(`hostile/${name}`))
    t.equal(catalog.get('SESSION_NOT_FOUND')?.message, '세션을 찾을 수 없습니다.', name)
    t.same(catalog.get('SESSION_NOT_FOUND')?.source, { file: fixture(`hostile/${name}`), line: name.endsWith('.json') ? 4 : 3, col: name.endsWith('.json') ? 5 : 3 })
  }
})

t.test('a symlink named like a catalog that points at another file: its text is judged, with the link\'s name', async (t) => {
  const directory = temporaryDirectory(t)
  const link = join(directory, 'catalog.yaml')
  symlinkSync(fixture('hostile/notes.txt'), link)
  const { lines } = await problemsOf(link)
  t.same(lines, ['1:1  /  a catalog must be a mapping with `version: 1` and `errors`'])
})

t.test(`a file over ${MAX_CATALOG_BYTES / 1048576} MiB is refused before parsing, with one clear problem`, async (t) => {
  const directory = temporaryDirectory(t)
  const file = join(directory, 'huge.yaml')
  // 50 MiB: a tiny catalog followed by comment lines.
  writeFileSync(file, 'version: 1\nerrors: {}\n' + `#${'x'.repeat(1022)}\n`.repeat(50 * 1024))
  const { lines, problems } = await problemsOf(file)
  t.same(lines, ['1:1  /  the file is 50.0 MiB; a catalog may be at most 16 MiB'])
  t.equal(problems[0].rule, 'too-large')
})

t.test('100,000 generated codes load (timing is measured by `npm run bench:scale`, not here)', async (t) => {
  const directory = temporaryDirectory(t)
  const file = join(directory, 'large.yaml')
  const text = generatedCatalogYaml(100_000)
  writeFileSync(file, text)
  const catalog = await loadCatalog(file)
  t.equal(catalog.codes.filter((code) => code.startsWith('GEN_')).length, 100_000)
  t.equal(catalog.codes[99_999], 'GEN_099999')
  t.same(catalog.get('GEN_099999')?.source, { file, line: text.split('\n').findIndex((line) => line.startsWith('  GEN_099999:')) + 1, col: 3 })
  t.equal(catalog.errors.GEN_000020({ itemId: 3 }).message, '항목 3을(를) 처리할 수 없습니다.')
  t.same(catalog.get('GEN_000020')?.detailsSchema.required, ['itemId'], 'schemas are built on first use, the same as before')
})

t.test('duplicate keys are found in one pass, in maps of any size', async (t) => {
  const text = generatedCatalogYaml(2_000) + '  GEN_001999: { status: 400, message: 다시 정의했습니다. }\n'
  const document = parseCatalogText(text, 'dup.yaml')
  const line = text.split('\n').length - 1
  t.same(document.problems.map((problem) => formatProblem(problem)), [
    `dup.yaml:${line}:3  /errors/GEN_001999  duplicate key "GEN_001999": the value above it would be silently lost`
  ])
})

t.test('details named like Object.prototype members render only when given', async (t) => {
  const catalog = await loadCatalog(fixture('hostile/inherited-names.yaml'))
  t.equal(catalog.categories.constructor, '생성자 오류', 'a category id `constructor` is a category like any other')
  const omitted = catalog.errors.SESSION_FULL()
  t.equal(omitted.message, '세션이 가득 찼습니다.')
  t.same(omitted.suggestions, ['다시 시도하세요.'])
  const some = catalog.errors.SESSION_FULL({ seats: 3 })
  t.equal(some.message, '세션이 가득 찼습니다.')
  t.equal(Object.hasOwn(some.details, 'constructor'), false)
  t.equal((some.details as Record<string, unknown>).constructor, undefined, 'omitted: absent, not Object.prototype.constructor')
  const given = catalog.errors.SESSION_FULL({ constructor: ' (A반)', toString: '!', valueOf: 2, hasOwnProperty: true, owner: { name: '김' } })
  t.equal(given.message, '세션이 가득 찼습니다 (A반)!.')
  t.same(given.suggestions, ['2true다시 시도하세요.'])

  // Over real HTTP: the body's details hold what was given and nothing inherited.
  const app = Fastify({ logger: false })
  await app.register(errorCatalog, { catalog })
  app.get('/some', async () => { throw catalog.errors.SESSION_FULL({ seats: 3, owner: { name: '김' } }) })
  app.get('/none', async () => { throw catalog.errors.SESSION_FULL() })
  await app.listen({ port: 0, host: '127.0.0.1' })
  t.teardown(() => app.close())
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
  const some409 = await fetch(`${base}/some`)
  t.equal(some409.status, 409)
  const body = await some409.json() as { code: string, message: string, details: unknown, suggestions: string[] }
  t.equal(body.code, 'SESSION_FULL')
  t.equal(body.message, '세션이 가득 찼습니다.')
  t.same(body.details, { seats: 3, owner: { name: '김' } })
  const none = await (await fetch(`${base}/none`)).json() as { message: string, suggestions: string[] }
  t.equal(none.message, '세션이 가득 찼습니다.')
  t.same(none.suggestions, ['다시 시도하세요.'])
})

t.test('a number a detail cannot carry as given is refused by the factory, so message and body never disagree', async (t) => {
  const catalog = compileCatalog({
    version: 1,
    errors: {
      SESSION_FULL: {
        status: 409,
        message: '정원 {capacity}명이 찼습니다.',
        details: {
          capacity: { type: 'integer' },
          ratio: { type: 'number', optional: true },
          seats: { type: 'array', optional: true, items: { type: 'object', properties: { row: { type: 'integer' } } } }
        }
      }
    }
  })
  t.throws(() => catalog.errors.SESSION_FULL({ capacity: 1.5 }), { code: 'FEC_ERR_DETAILS_INVALID', name: 'FastifyError', message: 'SESSION_FULL: the detail capacity must be an integer, got 1.5' })
  t.throws(() => catalog.errors.SESSION_FULL({ capacity: 3, ratio: Infinity }), { message: 'SESSION_FULL: the detail ratio must be a finite number, got Infinity' })
  t.throws(() => catalog.errors.SESSION_FULL({ capacity: 3, seats: [{ row: 1 }, { row: 2.5 }] }), { message: 'SESSION_FULL: the detail seats[1].row must be an integer, got 2.5' })
  t.throws(() => new catalog.errors.SESSION_FULL({ capacity: Number.NaN }), { code: 'FEC_ERR_DETAILS_INVALID' })
  const fine = catalog.errors.SESSION_FULL({ capacity: 30, ratio: 0.5, seats: [{ row: 1 }] })
  t.equal(fine.message, '정원 30명이 찼습니다.')
  t.same(fine.details, { capacity: 30, ratio: 0.5, seats: [{ row: 1 }] })
})
