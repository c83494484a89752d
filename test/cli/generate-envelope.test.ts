/** `--envelope` on `generate`, `check` and `docs`: the format the app passes to the plugin shapes the body types and the guide. */
import t from 'tap'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { EXIT, type CliIo } from '../../src/cli/io.js'
import { runCli } from '../../src/cli/run.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const SEED_000 = 'test/fixtures/cli/envelope-seed-000.yaml'
const BROKEN = 'test/fixtures/cli/envelope-broken.yaml'

/** Runs the CLI in this process. */
async function cli (...args: string[]): Promise<{ code: number, stdout: string, stderr: string }> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = { stdout: (text) => { stdout += text }, stderr: (text) => { stderr += text }, cwd: root }
  const code = await runCli(args, io)
  return { code, stdout, stderr }
}

t.test('generate --envelope changes the generated body types', async (t) => {
  const plain = await cli('generate', 'catalog/example.yaml', '--no-augment')
  t.equal(plain.code, EXIT.ok)
  t.match(plain.stdout, "export interface SessionNotFoundBody {\n  code: 'SESSION_NOT_FOUND'\n  status: 404\n  message: string\n", 'default: today\'s body')
  t.match(plain.stdout, "const CODE_PATH = ['code'] as const")

  const problem = await cli('generate', 'catalog/example.yaml', '--no-augment', '--envelope', 'problem')
  t.equal(problem.code, EXIT.ok)
  t.match(problem.stdout, "export interface SessionNotFoundBody {\n  type: 'about:blank'\n  title: '찾을 수 없음' | 'Not Found'\n  status: 404\n  detail: string\n  instance?: string\n  code: 'SESSION_NOT_FOUND'\n", 'problem: RFC 9457 members first')
  t.match(problem.stdout, 'the problem format (application/problem+json)')
  // The status title of each language the catalog answers in (its locales are ko and en).

  for (const file of [SEED_000, 'test/fixtures/cli/envelope-wrapped.json']) {
    const declared = await cli('generate', 'catalog/example.yaml', '--no-augment', '--envelope', file)
    t.equal(declared.code, EXIT.ok, file)
    t.match(declared.stdout, "export interface SessionNotFoundBody {\n  error: {\n    code: 'SESSION_NOT_FOUND'\n    message: string\n    details: {\n      sessionCode: string\n    }\n  }\n  status: 404\n}", `${file}: the declared shape`)
    t.match(declared.stdout, "const CODE_PATH = ['error', 'code'] as const", `${file}: guards read error.code`)
  }
})

t.test('without --envelope the catalog\'s own envelope: shapes the types; the flag wins over it, as the plugin option does', async (t) => {
  const own = await cli('generate', 'test/fixtures/envelope/declared.yaml', '--no-builtin')
  t.equal(own.code, EXIT.ok)
  t.match(own.stdout, "export interface SessionGoneBody {\n  error: {\n    code: 'SESSION_GONE'\n")
  const overridden = await cli('generate', 'test/fixtures/envelope/declared.yaml', '--no-builtin', '--envelope', 'default')
  t.match(overridden.stdout, "export interface SessionGoneBody {\n  code: 'SESSION_GONE'\n  status: 410\n")
})

t.test('docs --envelope shows example bodies in that format', async (t) => {
  const plain = await cli('docs', 'catalog/example.yaml')
  t.notMatch(plain.stdout, '"type": "about:blank"')
  const problem = await cli('docs', 'catalog/example.yaml', '--envelope', 'problem')
  t.equal(problem.code, EXIT.ok)
  t.match(problem.stdout, 'Content-Type: application/problem+json')
  t.match(problem.stdout, /"type": "about:blank",\n {2}"title": "찾을 수 없음",\n {2}"status": 404,\n {2}"detail": "세션을 찾을 수 없습니다/)
  const declared = await cli('docs', 'catalog/example.yaml', '--envelope', SEED_000)
  t.equal(declared.code, EXIT.ok)
  t.match(declared.stdout, /"error": \{\n {4}"code": "SESSION_NOT_FOUND",/)
  t.notMatch(declared.stdout, '"retryable": false')
})

t.test('check takes --envelope: a module generated with it is fresh only with the same flag', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'error-catalog-envelope-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const out = join(dir, 'errors.ts')
  t.equal((await cli('generate', 'catalog/example.yaml', '--out', out, '--envelope', 'problem')).code, EXIT.ok)
  t.equal((await cli('check', 'catalog/example.yaml', '--out', out, '--envelope', 'problem')).code, EXIT.ok)
  const stale = await cli('check', 'catalog/example.yaml', '--out', out)
  t.equal(stale.code, EXIT.problems)
  t.match(stale.stdout, 'stale: the module does not match the catalog')
})

t.test('a broken envelope file is reported at file:line:col, nothing is written, and the exit is non-zero', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'error-catalog-envelope-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const out = join(dir, 'errors.ts')
  for (const command of [['generate', 'catalog/example.yaml', '--out', out], ['docs', 'catalog/example.yaml', '--out', out]]) {
    const result = await cli(...command, '--envelope', BROKEN)
    t.equal(result.code, EXIT.problems, command[0])
    t.match(result.stdout, `${BROKEN}:4:14  /body/error/message  unknown variable "$mesage" in "$mesage" (did you mean $message?)`, `${command[0]}: the unknown variable`)
    t.match(result.stdout, `${BROKEN}:5:5  /body/error/$details  a variable cannot name a member`, `${command[0]}: the variable in a key, at the key`)
    t.match(result.stdout, /\n 4 \| {5}message: \$mesage\n/, 'with its code frame')
    t.notOk(existsSync(out), `${command[0]}: nothing written`)
  }
  const json = JSON.parse((await cli('generate', 'catalog/example.yaml', '--out', out, '--envelope', BROKEN, '--json')).stdout)
  t.match(json, { ok: false, files: [], problems: [{ file: BROKEN, line: 4, col: 14, rule: 'envelope' }, { line: 5, col: 5 }] })
})

t.test('an envelope file that is not YAML, or has no body, is reported the same way; so is a broken catalog beside it', async (t) => {
  const syntax = await cli('generate', 'catalog/example.yaml', '--envelope', 'test/fixtures/cli/envelope-syntax.yaml')
  t.equal(syntax.code, EXIT.problems)
  t.match(syntax.stdout, 'test/fixtures/cli/envelope-syntax.yaml:2:34  /  the [ that opens here is never closed')
  const empty = await cli('docs', 'catalog/example.yaml', '--envelope', 'test/fixtures/cli/envelope-no-body.yaml')
  t.equal(empty.code, EXIT.problems)
  t.match(empty.stdout, 'test/fixtures/cli/envelope-no-body.yaml:1:1  /  missing `body`')
  const both = JSON.parse((await cli('generate', 'test/fixtures/broken/bad-codes.yaml', '--out', join(tmpdir(), 'never-written.ts'), '--envelope', BROKEN, '--json')).stdout)
  t.ok(both.problems.some((problem: { file: string }) => problem.file === 'test/fixtures/broken/bad-codes.yaml'), 'the catalog\'s problems')
  t.ok(both.problems.some((problem: { file: string }) => problem.file === BROKEN), 'and the envelope file\'s, in one run')
})

t.test('--envelope that is neither a built-in format nor a file is a usage error', async (t) => {
  const misspelt = await cli('generate', 'catalog/example.yaml', '--envelope', 'problm')
  t.equal(misspelt.code, EXIT.usage)
  t.match(misspelt.stderr, 'expected default or problem, or a .yaml/.json file holding a declaration, got "problm" (did you mean problem?)')
  t.notMatch((await cli('generate', 'catalog/example.yaml', '--envelope', 'xml')).stderr, 'did you mean', 'no guess when nothing is near')
  const missing = await cli('docs', 'catalog/example.yaml', '--envelope', 'nowhere.yaml')
  t.equal(missing.code, EXIT.usage)
  t.match(missing.stderr, '--envelope nowhere.yaml: no such file')
})

t.test('--type-base gives problem\'s type URIs as the plugin\'s typeBase does, in types and guide; a bad one is a usage error', async (t) => {
  const base = 'https://api.example.com/errors'
  const types = await cli('generate', 'catalog/example.yaml', '--no-augment', '--envelope', 'problem', '--type-base', base)
  t.equal(types.code, EXIT.ok)
  t.match(types.stdout, `export interface SessionNotFoundBody {\n  type: '${base}#session-not-found'\n`)
  const guide = await cli('docs', 'catalog/example.yaml', '--envelope', 'problem', '--type-base', base)
  t.match(guide.stdout, `"type": "${base}#session-not-found"`)
  // The catalog's own envelope: takes it too (a declaration using $type).
  const own = await cli('generate', 'test/fixtures/envelope/declared.yaml', '--no-builtin', '--type-base', base)
  t.equal(own.code, EXIT.ok)
  const bad = await cli('generate', 'catalog/example.yaml', '--envelope', 'problem', '--type-base', 'https://x.example/errors#frag')
  t.equal(bad.code, EXIT.usage)
  t.match(bad.stderr, '--type-base: expected an absolute URI without a fragment')
})
