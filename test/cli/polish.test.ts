import t from 'tap'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseCatalogText } from '../../src/catalog/source.js'
import { codeFrame, rememberSource, width } from '../../src/cli/code-frame.js'
import { STARTER_CATALOG } from '../../src/cli/commands/init.js'
import { colorEnabled, EXIT, type CliIo } from '../../src/cli/io.js'
import { runCli } from '../../src/cli/run.js'
import { lintCatalogDocument } from '../../src/lint/lint.js'
import { createColors } from 'picocolors'

const root = fileURLToPath(new URL('../..', import.meta.url))
const cli = join(root, 'src/cli/main.ts')
const tsx = import.meta.resolve('tsx')
const plain = createColors(false)

function run (args: string[], cwd: string, env: Record<string, string | undefined> = {}): { code: number | null, stdout: string, stderr: string } {
  const result = spawnSync(process.execPath, ['--import', tsx, cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env } })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

async function runHere (args: string[], cwd: string, color = false): Promise<{ code: number, stdout: string, stderr: string }> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = { stdout: (text) => { stdout += text }, stderr: (text) => { stderr += text }, cwd, color }
  return { code: await runCli(args, io), stdout, stderr }
}

function scratch (t: { teardown: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'error-catalog-polish-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

t.test('colour: FORCE_COLOR forces it, NO_COLOR turns it off, otherwise a terminal that is not dumb', async (t) => {
  const cases: Array<[string, { env: Record<string, string>, tty: boolean, want: boolean }]> = [
    ['a terminal', { env: {}, tty: true, want: true }],
    ['a pipe', { env: {}, tty: false, want: false }],
    ['NO_COLOR on a terminal', { env: { NO_COLOR: '1' }, tty: true, want: false }],
    ['an empty NO_COLOR is not set', { env: { NO_COLOR: '' }, tty: true, want: true }],
    ['FORCE_COLOR on a pipe', { env: { FORCE_COLOR: '1' }, tty: false, want: true }],
    ['FORCE_COLOR wins over NO_COLOR (as in Node)', { env: { FORCE_COLOR: '1', NO_COLOR: '1' }, tty: false, want: true }],
    ['FORCE_COLOR=0', { env: { FORCE_COLOR: '0' }, tty: true, want: false }],
    ['TERM=dumb', { env: { TERM: 'dumb' }, tty: true, want: false }]
  ]
  for (const [name, { env, tty, want }] of cases) t.equal(colorEnabled(env, tty), want, name)

  const dir = scratch(t)
  writeFileSync(join(dir, 'c.yaml'), 'version: 1\nerrors:\n  A_B:\n    status: 400\n    retryable: true\n    message: 안 됩니다.\n')
  const forced = run(['lint', 'c.yaml'], dir, { FORCE_COLOR: '1' })
  t.match(forced.stdout, '\u001b[31m[error retryable-status]\u001b[39m', 'the real process colours errors red when forced')
  const off = run(['lint', 'c.yaml'], dir, { NO_COLOR: '1' })
  t.notMatch(off.stdout, '\u001b[', 'and not at all under NO_COLOR')
})

t.test('a code frame under each problem puts the caret under the column, after wide Hangul too', async (t) => {
  const dir = scratch(t)
  writeFileSync(join(dir, 'c.yaml'), 'version: 1\nerrors:\n  A_B:\n    status: 400\n    message: 요청이 잘못되었습니다 {missing}.\n')
  const result = await runHere(['lint', 'c.yaml'], dir)
  const lines = result.stdout.split('\n')
  const at = lines.findIndex((line) => line.includes('[error unknown-placeholder]'))
  t.ok(at >= 0, result.stdout)
  t.equal(lines[at + 1], ' 5 |     message: 요청이 잘못되었습니다 {missing}.')
  t.equal(lines[at + 2], '   |              ^', 'the caret stands under the value')
  t.equal(width('요청 a'), 6)
  t.equal(codeFrame('c.yaml', 1, 1, plain), ' 1 | version: 1\n   | ^')
  t.equal(codeFrame('nowhere.yaml', 1, 1, plain), undefined, 'no frame for a text never read')
  t.equal(codeFrame('c.yaml', 99, 1, plain), undefined, 'nor for a line it does not have')
  rememberSource('long.txt', `${'가'.repeat(200)}X${'나'.repeat(100)}\n`)
  const [source, caret] = (codeFrame('long.txt', 1, 201, plain) as string).split('\n')
  t.ok(width(source) <= 130, 'a long line is cut around the column')
  t.match(source, /^ 1 \| …가+X나+…$/)
  t.equal(caret.indexOf('^') - 5, width(source.slice(5, source.indexOf('X'))), 'and the caret still points at the column')
  const colored = await runHere(['lint', 'c.yaml'], dir, true)
  t.match(colored.stdout, '\u001b[31m^\u001b[39m', 'in colour the caret is red')
})

t.test('a misspelt key gets "did you mean"', async (t) => {
  const problems = lintCatalogDocument(parseCatalogText('version: 1\nerrors:\n  A_B:\n    status: 400\n    mesage: 안 됩니다.\n    retryabel: true\n    zzz: 1\n', 'c.yaml'))
  const hints = Object.fromEntries(problems.filter((problem) => problem.rule === 'unknown-key').map((problem) => [problem.pointer, problem.hint]))
  t.match(hints['/errors/A_B/mesage'], /^did you mean `message`\? allowed keys: status, message/)
  t.match(hints['/errors/A_B/retryabel'], /^did you mean `retryable`\?/)
  t.match(hints['/errors/A_B/zzz'], /^allowed keys: /, 'no guess when nothing is close')
})

t.test('a YAML syntax error is reported where the unclosed quote or bracket opens', async (t) => {
  const cases: Array<[string, { text: string, at: [number, number], message: RegExp }]> = [
    ['an unclosed double quote on line 5', { text: 'version: 1\nerrors:\n  A_B:\n    status: 400\n    message: "안 됩니다.\n    retryable: false\n', at: [5, 14], message: /double-quoted string that starts here never ends/ }],
    ['an unclosed single quote', { text: "version: 1\nlocale: 'ko\nerrors: {}\n", at: [2, 9], message: /single-quoted string/ }],
    ['an unclosed [', { text: 'version: 1\nerrors: [\n', at: [2, 9], message: /the \[ that opens here is never closed/ }],
    ['an unclosed { in JSON', { text: '{\n  "version": 1,\n  "errors": {\n', at: [3, 13], message: /the \{ that opens here/ }]
  ]
  for (const [name, { text, at, message }] of cases) {
    const syntax = parseCatalogText(text, name.includes('JSON') ? 'c.json' : 'c.yaml').problems.filter((problem) => problem.rule === 'syntax')
    t.ok(syntax.length > 0, name)
    const found = syntax.find((problem) => problem.line === at[0] && problem.col === at[1])
    t.ok(found, `${name}: at ${at.join(':')}, got ${syntax.map((problem) => `${problem.line}:${problem.col}`).join(', ')}`)
    t.match(found?.message, message, name)
  }
  const other = parseCatalogText('a: b: c\n', 'c.yaml').problems[0]
  t.equal(other.rule, 'syntax', 'other syntax errors keep yaml\'s own position and words')
})

t.test('init writes a starter catalog and its module, prints the three lines, and never overwrites without --force', async (t) => {
  const dir = scratch(t)
  const first = run(['init', '--import-from', join(root, 'src/index.js')], dir)
  t.equal(first.code, EXIT.ok, first.stderr)
  t.equal(readFileSync(join(dir, 'catalog/errors.yaml'), 'utf8'), STARTER_CATALOG)
  const module = readFileSync(join(dir, 'src/generated/errors.ts'), 'utf8')
  t.match(module, "'USER_NOT_FOUND'")
  t.match(first.stdout, /^wrote catalog\/errors\.yaml\nwrote src\/generated\/errors\.ts\n\nPaste into your server \(a file in src\/\):\n/)
  const steps = first.stdout.split('\n').filter((line) => line.startsWith('  '))
  t.equal(steps.length, 3, 'three lines to paste')
  t.match(steps[0], "import './generated/errors.js'")
  t.match(steps[1], 'ajv: ajvOptions(), frameworkErrors, clientErrorHandler')
  t.match(steps[2], 'app.errorCatalogSwagger(')
  t.same((await runHere(['lint', 'catalog/errors.yaml'], dir)).stderr, '0 errors, 0 warnings in 1 file(s)\n', 'the starter catalog is lint-clean')
  t.equal((await runHere(['generate', 'catalog/errors.yaml', '--import-from', join(root, 'src/index.js')], dir)).stdout, module, 'the module is what generate makes')

  writeFileSync(join(dir, 'catalog/errors.yaml'), 'version: 1\nerrors: {}\n')
  const again = await runHere(['init'], dir)
  t.equal(again.code, EXIT.usage)
  t.match(again.stderr, 'catalog/errors.yaml and src/generated/errors.ts already exist: nothing was written (--force overwrites)')
  t.equal(readFileSync(join(dir, 'catalog/errors.yaml'), 'utf8'), 'version: 1\nerrors: {}\n', 'the existing catalog is untouched')
  const forced = await runHere(['init', '--force', '--json'], dir)
  t.equal(forced.code, EXIT.ok)
  t.match(JSON.parse(forced.stdout), { ok: true, files: ['catalog/errors.yaml', 'src/generated/errors.ts'], next: [/^import/, /ajvOptions/, /errorCatalogSwagger/] })
  t.equal(readFileSync(join(dir, 'catalog/errors.yaml'), 'utf8'), STARTER_CATALOG)

  const other = scratch(t)
  const custom = await runHere(['init', '--catalog', 'errors.yml', '--out', 'app/types/errors.ts'], other)
  t.equal(custom.code, EXIT.ok, custom.stderr)
  t.ok(existsSync(join(other, 'errors.yml')) && existsSync(join(other, 'app/types/errors.ts')))
  t.match(custom.stdout, "import './types/errors.js'")
  t.equal((await runHere(['init', 'extra'], other)).code, EXIT.usage, 'init takes no argument')
})
