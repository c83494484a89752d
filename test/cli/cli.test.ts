import t from 'tap'
import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { EXIT, type CliIo } from '../../src/cli/io.js'
import { runCli } from '../../src/cli/run.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const cli = join(root, 'src/cli/main.ts')
const tsx = import.meta.resolve('tsx')
const fixture = (name: string): string => `test/fixtures/cli/${name}`

/** Runs the real CLI in a child process. */
function run (args: string[], cwd = root): { code: number | null, stdout: string, stderr: string } {
  const result = spawnSync(process.execPath, ['--import', tsx, cli, ...args], { cwd, encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Runs the CLI in this process (the same code, counted for coverage). */
async function runHere (args: string[], cwd = root, signal?: AbortSignal): Promise<{ code: number, stdout: string, stderr: string }> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = { stdout: (text) => { stdout += text }, stderr: (text) => { stderr += text }, cwd, signal }
  const code = await runCli(args, io)
  return { code, stdout, stderr }
}

/** A scratch directory with a copy of the sample catalog. */
function scratch (t: { teardown: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'error-catalog-cli-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  copyFileSync(join(root, 'catalog/example.yaml'), join(dir, 'catalog.yaml'))
  return dir
}

t.test('lint: the mojibake catalog fails with file:line:col and the certain repair', async (t) => {
  const result = run(['lint', fixture('mojibake.yaml')])
  t.equal(result.code, 1)
  t.match(result.stdout, 'test/fixtures/cli/mojibake.yaml:8:14  /errors/VALIDATION_FAILED/message  mojibake: UTF-8 text decoded as Windows-1252/Latin-1 (replace with: 유효성 검사 실패)  [error mojibake]')
  const lines = result.stdout.trim().split('\n')
  t.equal(lines.filter((line) => line.startsWith('test/')).length, 4, 'one line per problem')
  t.equal(lines.length, 12, 'each followed by its code frame of two lines')
  t.match(result.stdout, /\n 8 \| {5}message: "ì[^\n]*"\n {3}\| {14}\^\n/, 'the frame shows the offending line and the column')
  t.notMatch(result.stdout, '\u001b[', 'no colour when the output is not a terminal')
  t.match(result.stderr, '4 errors, 0 warnings in 1 file(s)')
  const json = JSON.parse(run(['lint', fixture('mojibake.yaml'), '--json']).stdout)
  t.match(json, { ok: false, errors: 4, warnings: 0 })
  t.equal(json.problems[1].fix, '유효성 검사 실패')
})

t.test('lint: the mojibake seed itself (a Markdown guide) is scanned line by line', async (t) => {
  const result = run(['lint', fixture('mojibake-seed-002.txt')])
  t.equal(result.code, 1)
  t.match(result.stdout, /^test\/fixtures\/cli\/mojibake-seed-002\.txt:1:3 {2}\/ {2}mojibake: /m)
  t.match(result.stdout, 'mojibake-seed-002.txt:32:28  /  mojibake: UTF-8 text decoded as Windows-1252/Latin-1 (replace with: | 422 | VALIDATION_ERROR | 유효성 검사 실패 |)')
})

t.test('lint: the catalog with every problem reports every rule; the sample is clean', async (t) => {
  const result = run(['lint', fixture('lint-all.yaml'), '--json'])
  t.equal(result.code, 1)
  const rules = new Set(JSON.parse(result.stdout).problems.map((problem: { rule: string }) => problem.rule))
  const { LINT_RULES } = await import('../../src/lint/rules.js')
  t.equal(rules.size, LINT_RULES.length - 1, 'every rule but syntax')
  const clean = run(['lint', 'catalog/example.yaml', 'catalog/builtin.yaml'])
  t.equal(clean.code, 0)
  t.equal(clean.stdout, '')
  t.match(clean.stderr, '0 errors, 0 warnings in 2 file(s)')
})

t.test('lint: warnings pass unless --strict; --quiet prints errors only', async (t) => {
  const dir = scratch(t)
  writeFileSync(join(dir, 'warn.yaml'), 'version: 1\nerrors:\n  A_B:\n    status: 400\n    message: 안 됩니다\n')
  t.equal((await runHere(['lint', 'warn.yaml'], dir)).code, EXIT.ok)
  t.equal((await runHere(['lint', 'warn.yaml', '--strict'], dir)).code, EXIT.problems)
  const quiet = await runHere(['lint', 'warn.yaml', '--quiet'], dir)
  t.equal(quiet.stdout, '')
  const json = JSON.parse((await runHere(['lint', 'warn.yaml', '--json'], dir)).stdout)
  t.match(json, { ok: true, errors: 0, warnings: 1, problems: [{ rule: 'final-punctuation', file: 'warn.yaml', line: 5, col: 14 }] })
  t.equal((await runHere(['lint', 'missing.md'], dir)).code, EXIT.usage)
  t.equal((await runHere(['lint', 'missing.yaml'], dir)).code, EXIT.usage)
  const mojibake = await runHere(['lint', join(root, fixture('mojibake.yaml'))], dir)
  t.match(mojibake.stdout, `${root}${fixture('mojibake.yaml')}:8:14`, 'files outside the working directory keep their absolute path')
})

t.test('generate writes the module, docs and schema; check passes, then fails when the catalog changes', async (t) => {
  const dir = scratch(t)
  const targets = ['--out', 'gen/errors.ts', '--docs', 'errors.md', '--schema', 'catalog.schema.json']
  const generated = run(['generate', 'catalog.yaml', ...targets], dir)
  t.equal(generated.code, 0, generated.stderr)
  t.equal(generated.stdout, 'wrote gen/errors.ts\nwrote errors.md\nwrote catalog.schema.json\n')
  t.match(readFileSync(join(dir, 'gen/errors.ts'), 'utf8'), "declare module 'fastify-error-catalog'")

  const fresh = run(['check', 'catalog.yaml', ...targets], dir)
  t.equal(fresh.code, 0)
  t.equal(fresh.stdout, 'fresh gen/errors.ts\nfresh errors.md\nfresh catalog.schema.json\n')

  const catalog = readFileSync(join(dir, 'catalog.yaml'), 'utf8')
  writeFileSync(join(dir, 'catalog.yaml'), catalog.replace('강사만 사용할 수 있는 기능입니다.', '강사 전용 기능입니다.'))
  const stale = run(['check', 'catalog.yaml', ...targets], dir)
  t.equal(stale.code, 1)
  t.match(stale.stdout, /^gen\/errors\.ts:\d+:1 {2}stale: the module does not match the catalog/m)
  t.match(stale.stdout, /^errors\.md:\d+:1 {2}stale: the docs does not match the catalog/m)
  t.match(stale.stdout, 'fresh catalog.schema.json')
  t.equal(readFileSync(join(dir, 'gen/errors.ts'), 'utf8').includes('강사 전용'), false, 'check never writes')

  const json = JSON.parse((await runHere(['check', 'catalog.yaml', ...targets, '--json'], dir)).stdout)
  t.same(json.files.map((file: { status: string }) => file.status), ['stale', 'stale', 'unchanged'])
  rmSync(join(dir, 'errors.md'))
  t.match((await runHere(['check', 'catalog.yaml', ...targets], dir)).stdout, 'errors.md:1:1  missing')

  const again = await runHere(['generate', 'catalog.yaml', ...targets], dir)
  t.equal(again.stdout, 'wrote gen/errors.ts\nwrote errors.md\nunchanged catalog.schema.json\n')
  t.equal((await runHere(['check', 'catalog.yaml', ...targets], dir)).code, EXIT.ok)
})

t.test('generate without --out prints the module; a broken catalog prints every problem and exits 1', async (t) => {
  const printed = await runHere(['generate', 'catalog/example.yaml', '--import-from', '../../src/index.js', '--no-augment'])
  t.equal(printed.code, EXIT.ok)
  t.equal(printed.stdout, readFileSync(join(root, 'examples/generated/errors.ts'), 'utf8'), 'the committed module is what generate prints')
  const broken = run(['generate', fixture('lint-all.yaml')])
  t.equal(broken.code, 1)
  t.match(broken.stdout, 'test/fixtures/cli/lint-all.yaml:12:3  /errors/SESSION_GONE  duplicate key')
  const dir = scratch(t)
  writeFileSync(join(dir, 'bad.yaml'), 'version: 2\nerrors: {}\n')
  const written = await runHere(['generate', 'bad.yaml', '--out', 'x.ts'], dir)
  t.equal(written.code, EXIT.problems)
  t.match(written.stderr, 'nothing was written')
  t.notOk(existsSync(join(dir, 'x.ts')))
  t.match(JSON.parse((await runHere(['check', 'bad.yaml', '--out', 'x.ts', '--json'], dir)).stdout), { ok: false, files: [], problems: [{ rule: 'schema', line: 1 }] })
  t.equal((await runHere(['docs', 'bad.yaml'], dir)).code, EXIT.problems)
})

t.test('generate --watch regenerates when the catalog is saved', async (t) => {
  const dir = scratch(t)
  const child = spawn(process.execPath, ['--import', tsx, cli, 'generate', 'catalog.yaml', '--out', 'errors.ts', '--watch'], { cwd: dir })
  t.teardown(() => { child.kill() })
  let output = ''
  const waitFor = async (count: number): Promise<void> => await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out; output so far: ${output}`)), 20_000)
    const check = (): void => {
      if ((output.match(/wrote errors\.ts/g) ?? []).length >= count) {
        clearTimeout(timer)
        child.stdout.off('data', check)
        resolve()
      }
    }
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString() })
    child.stdout.on('data', check)
    check()
  })
  await waitFor(1)
  const catalog = readFileSync(join(dir, 'catalog.yaml'), 'utf8')
  writeFileSync(join(dir, 'catalog.yaml'), catalog.replace('  AUTH_FAILED:', '  NEW_CODE:\n    status: 400\n    message: 새 코드입니다.\n  AUTH_FAILED:'))
  await waitFor(2)
  t.match(readFileSync(join(dir, 'errors.ts'), 'utf8'), "'NEW_CODE'")
})

t.test('generate --watch in process: runs at once, survives a broken save, stops on the signal', async (t) => {
  const dir = scratch(t)
  const controller = new AbortController()
  const running = runHere(['generate', 'catalog.yaml', '--out', 'errors.ts', '--watch'], dir, controller.signal)
  await new Promise((resolve) => setTimeout(resolve, 200))
  writeFileSync(join(dir, 'catalog.yaml'), 'version: 1\nerrors: [\n')
  await new Promise((resolve) => setTimeout(resolve, 400))
  rmSync(join(dir, 'catalog.yaml'))
  await new Promise((resolve) => setTimeout(resolve, 400))
  controller.abort()
  const result = await running
  t.match(result.stdout, 'wrote errors.ts')
  t.match(result.stdout, 'catalog.yaml:2:9', 'the broken save is reported where the unclosed [ opens')
  t.match(result.stderr, 'no such file', 'so is the deleted file, without ending the watch')
  t.equal(result.code, EXIT.problems, 'the exit code is that of the last run')
  const stopped = new AbortController()
  stopped.abort()
  t.equal((await runHere(['generate', join(root, 'catalog/example.yaml'), '--out', join(dir, 'again.ts'), '--watch'], dir, stopped.signal)).code, EXIT.ok)
})

t.test('generate --watch also regenerates when the --envelope file is saved, in another directory', async (t) => {
  const dir = scratch(t)
  mkdirSync(join(dir, 'formats'))
  const declaration = (codeKey: string): string => `body:\n  ${codeKey}: $code\n  message: $message\n`
  writeFileSync(join(dir, 'formats/team.yaml'), declaration('error_code'))
  const controller = new AbortController()
  const running = runHere(['generate', 'catalog.yaml', '--out', 'errors.ts', '--envelope', 'formats/team.yaml', '--watch'], dir, controller.signal)
  const written = async (text: string): Promise<void> => {
    for (let waited = 0; waited < 10_000; waited += 50) {
      if (existsSync(join(dir, 'errors.ts')) && readFileSync(join(dir, 'errors.ts'), 'utf8').includes(text)) return
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error(`errors.ts never held ${text}`)
  }
  await written('error_code')
  writeFileSync(join(dir, 'formats/team.yaml'), declaration('errorCode'))
  await written('errorCode')
  controller.abort()
  const result = await running
  t.equal(result.code, EXIT.ok)
  t.equal((result.stdout.match(/wrote errors\.ts/g) ?? []).length, 2, 'once at start, once after the envelope file changed')
  t.notMatch(readFileSync(join(dir, 'errors.ts'), 'utf8'), 'error_code')
})

t.test('docs and schema print to standard output, or write and check a file', async (t) => {
  const docs = run(['docs', 'catalog/example.yaml'])
  t.equal(docs.code, 0)
  t.equal(docs.stdout, readFileSync(join(root, 'docs/errors.md'), 'utf8'))
  const schema = await runHere(['schema'])
  t.same(JSON.parse(schema.stdout), JSON.parse(readFileSync(join(root, 'catalog/catalog.schema.json'), 'utf8')))
  const dir = scratch(t)
  t.equal((await runHere(['schema', '--out', 's.json', '--check'], dir)).code, EXIT.problems)
  t.equal((await runHere(['schema', '--out', 's.json'], dir)).code, EXIT.ok)
  t.equal((await runHere(['schema', '--out', 's.json', '--check', '--json'], dir)).code, EXIT.ok)
  t.equal((await runHere(['docs', 'catalog.yaml', '--out', 'e.md', '--title', '강의 API 오류'], dir)).code, EXIT.ok)
  t.match(readFileSync(join(dir, 'e.md'), 'utf8'), '# 강의 API 오류\n')
  t.equal((await runHere(['docs', 'catalog.yaml', '--out', 'e.md', '--check'], dir)).code, EXIT.problems, 'without the title it differs')
  t.equal((await runHere(['docs', 'catalog.yaml', '--out', 'e.md', '--check', '--title', '강의 API 오류', '--no-builtin'], dir)).code, EXIT.problems)
})

t.test('the repo\'s own generated files are fresh (what `npm run check` runs in CI)', async (t) => {
  const script = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.check as string
  const args = script.replace(/^tsx src\/cli\/main\.ts /, '').split(' ')
  const result = await runHere(args)
  t.equal(result.code, EXIT.ok, result.stdout)
  t.equal(result.stdout, 'fresh examples/generated/errors.ts\nfresh docs/errors.md\nfresh catalog/catalog.schema.json\n')
})

t.test('diff: exit 1 on a breaking change unless allowed; --json; a git revision as REF:path', async (t) => {
  const breaking = run(['diff', fixture('diff/base.yaml'), fixture('diff/code-removed.yaml')])
  t.equal(breaking.code, 1)
  t.equal(breaking.stdout, 'test/fixtures/cli/diff/base.yaml:19:3  /errors/SESSION_FULL  breaking code-removed: SESSION_FULL was removed (add SESSION_FULL to `reserved:` so that it is never reused with another meaning)\n')
  t.match(breaking.stderr, '1 breaking, 0 compatible change(s)')
  const allowed = run(['diff', fixture('diff/base.yaml'), fixture('diff/code-removed.yaml'), '--allow-breaking'])
  t.equal(allowed.code, 0)
  t.match(allowed.stderr, '(allowed)')
  const compatible = run(['diff', fixture('diff/base.yaml'), fixture('diff/code-added.yaml'), '--json'])
  t.equal(compatible.code, 0)
  t.match(JSON.parse(compatible.stdout), { ok: true, breaking: 0, compatible: 1, changes: [{ kind: 'code-added', code: 'SESSION_LOCKED', file: 'test/fixtures/cli/diff/code-added.yaml', line: 23, col: 3 }] })
  const git = run(['diff', 'HEAD:test/fixtures/cli/lint-all.yaml', fixture('lint-all.yaml')])
  t.equal(git.code, 1, 'catalogs with errors cannot be compared')
  t.match(git.stdout, 'HEAD:test/fixtures/cli/lint-all.yaml:12:3')
  const same = run(['diff', 'HEAD:test/fixtures/cli/diff/base.yaml', fixture('diff/base.yaml')])
  t.equal(same.code, 0, same.stderr)
  t.match(same.stderr, '0 breaking, 0 compatible change(s)')
  const unknown = run(['diff', 'no-such-ref:catalog/example.yaml', 'catalog/example.yaml'])
  t.equal(unknown.code, 2)
  t.match(unknown.stderr, 'not a file, and git cannot show it')
  t.equal((await runHere(['diff', 'HEAD:README.md', 'catalog/example.yaml'])).code, EXIT.usage)
  t.match(JSON.parse((await runHere(['diff', fixture('lint-all.yaml'), 'catalog/example.yaml', '--json'])).stdout), { ok: false, changes: [] })
})

t.test('usage errors exit 2 and say what is wrong; --help exits 0', async (t) => {
  const cases: Array<[string, { args: string[], code: number, stderr?: string, stdout?: string }]> = [
    ['no command', { args: [], code: 2, stdout: 'Usage: error-catalog <command>' }],
    ['help', { args: ['--help'], code: 0, stdout: 'Commands:' }],
    ['unknown command', { args: ['frobnicate'], code: 2, stderr: 'unknown command "frobnicate"' }],
    ['unknown flag', { args: ['lint', '--frob', 'x.yaml'], code: 2, stderr: 'error-catalog lint: unknown flag --frob; see --help' }],
    ['misspelt flag', { args: ['lint', '--strcit', 'x.yaml'], code: 2, stderr: 'error-catalog lint: unknown flag --strcit (did you mean --strict?); see --help' }],
    ['flag without its value', { args: ['generate', 'c.yaml', '--out'], code: 2, stderr: 'error-catalog generate: --out needs a value\n' }],
    ['flag value that is a flag', { args: ['generate', 'c.yaml', '--out', '--json'], code: 2, stderr: '--out needs a value, got the flag --json' }],
    ['boolean flag with a value', { args: ['lint', '--strict=yes', 'x.yaml'], code: 2, stderr: '--strict takes no value, got "yes"' }],
    ['missing argument', { args: ['diff', 'a.yaml'], code: 2, stderr: 'expected two catalogs: <old> <new>, got a.yaml' }],
    ['no file to check', { args: ['check', 'catalog/example.yaml'], code: 2, stderr: 'name at least one generated file' }],
    ['not a catalog extension', { args: ['generate', 'README.md'], code: 2, stderr: 'must end in .yaml, .yml or .json' }],
    ['schema takes no argument', { args: ['schema', 'x'], code: 2, stderr: 'expected no arguments, got x' }],
    ['json usage error', { args: ['diff', '--json'], code: 2, stdout: '"ok": false' }]
  ]
  for (const [name, { args, code, stderr, stdout }] of cases) {
    const result = await runHere(args)
    t.equal(result.code, code, name)
    if (stderr !== undefined) t.match(result.stderr, stderr, name)
    if (stdout !== undefined) t.match(result.stdout, stdout, name)
  }
  for (const command of Object.keys((await import('../../src/cli/run.js')).COMMANDS)) {
    const result = await runHere([command, '--help'])
    t.equal(result.code, EXIT.ok, `${command} --help`)
    t.match(result.stdout, `Usage: error-catalog ${command}`)
  }
  const real = run(['frobnicate'])
  t.equal(real.code, 2, 'the real process exits 2 too')
  const flag = await runHere(['lint', '--frob', 'x.yaml'])
  t.equal(flag.stderr, 'error-catalog lint: unknown flag --frob; see --help\n', 'an unknown flag in the CLI\'s own words, with no stack and no parseArgs advice')
})

t.test('docs/cli.md documents every command, flag, exit code, lint rule and diff class', async (t) => {
  const doc = readFileSync(join(root, 'docs/cli.md'), 'utf8')
  const { COMMANDS, USAGE } = await import('../../src/cli/run.js')
  const helps = await Promise.all(Object.keys(COMMANDS).map(async (command) => (await runHere([command, '--help'])).stdout))
  for (const command of Object.keys(COMMANDS)) t.match(doc, `## \`${command}`, command)
  for (const flag of new Set([USAGE, ...helps].join('\n').match(/--[a-z][a-z-]*/g))) t.match(doc, `\`${flag}`, flag)
  for (const code of Object.values(EXIT)) t.match(doc, `| ${code} |`, `exit ${code}`)
  const { LINT_RULES } = await import('../../src/lint/rules.js')
  for (const rule of LINT_RULES) t.match(doc, `| \`${rule.id}\` | ${rule.severity} |`, rule.id)
  const { BREAKING } = await import('../../src/diff/diff.js')
  for (const [kind, breaking] of Object.entries(BREAKING)) t.match(doc, new RegExp(`\`${kind}\`[^|]*\\| ${breaking ? 'breaking' : 'compatible'} \\|`), kind)
})
