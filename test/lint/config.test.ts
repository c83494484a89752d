import t from 'tap'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compileCatalog } from '../../src/catalog/compile.js'
import { parseCatalogText } from '../../src/catalog/source.js'
import { EXIT, type CliIo } from '../../src/cli/io.js'
import { runCli } from '../../src/cli/run.js'
import { lintCatalogDocument, lintText } from '../../src/lint/lint.js'

async function lint (args: string[], cwd: string): Promise<{ code: number, json: { ok: boolean, errors: number, warnings: number, problems: Array<{ rule: string, severity: string }> }, stderr: string }> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = { stdout: (text) => { stdout += text }, stderr: (text) => { stderr += text }, cwd }
  const code = await runCli(['lint', ...args, '--json'], io)
  return { code, json: code === EXIT.usage ? undefined as never : JSON.parse(stdout), stderr }
}

/** Seed 001's situation: a 400 that its team retries (DB_CONNECTION_ERROR). */
const retried = (settings = ''): string => `version: 1\n${settings}errors:\n  DB_CONNECTION_ERROR:\n    status: 400\n    message: 데이터베이스에 연결할 수 없습니다.\n    retryable: true\n`
/** Seed 002's situation: a 402 with a detail-heavy contract that no message names. */
const detailHeavy = (settings = ''): string => `version: 1\n${settings}errors:\n  PAYMENT_REQUIRED:\n    status: 402\n    message: 결제가 필요합니다.\n    details:\n` +
  ['amount', 'currency', 'plan', 'orderId', 'timestamp'].map((name) => `      ${name}: { type: string }\n`).join('')

t.test('a catalog sets a rule to warn or off; lint exits 1 only on errors', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'error-catalog-lint-config-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  writeFileSync(join(dir, 'retried.yaml'), retried())
  writeFileSync(join(dir, 'retried-warn.yaml'), retried('lint:\n  rules:\n    retryable-status: warn\n'))
  writeFileSync(join(dir, 'heavy.yaml'), detailHeavy())
  writeFileSync(join(dir, 'heavy-off.yaml'), detailHeavy('lint: { rules: { unused-detail: off } }\n'))

  const strictByDefault = await lint(['retried.yaml'], dir)
  t.equal(strictByDefault.code, EXIT.problems)
  t.match(strictByDefault.json, { errors: 1, problems: [{ rule: 'retryable-status', severity: 'error' }] })
  const warned = await lint(['retried-warn.yaml'], dir)
  t.equal(warned.code, EXIT.ok, 'a warning alone does not fail')
  t.match(warned.json, { ok: true, errors: 0, warnings: 1, problems: [{ rule: 'retryable-status', severity: 'warning' }] })
  t.equal((await lint(['retried-warn.yaml', '--strict'], dir)).code, EXIT.problems, '--strict still fails on it')

  t.equal((await lint(['heavy.yaml'], dir)).json.warnings, 5, 'five unused details')
  t.match((await lint(['heavy-off.yaml'], dir)).json, { ok: true, errors: 0, warnings: 0, problems: [] })
  t.equal((await lint(['heavy-off.yaml', '--strict'], dir)).code, EXIT.ok)

  // The flag wins over the catalog, both ways.
  t.match((await lint(['heavy.yaml', '--rule', 'unused-detail=off'], dir)).json, { warnings: 0 })
  t.match((await lint(['retried-warn.yaml', '--rule', 'retryable-status=error'], dir)).json, { ok: false, errors: 1 })
  t.match((await lint(['retried.yaml', '--rule', 'retryable-status=off', '--rule', 'no-hangul=warn'], dir)).json, { ok: true, problems: [] })
  t.equal((await lint(['retried.yaml', '--rule', 'retryable-status=warning'], dir)).code, EXIT.ok)

  const cases: Array<[string, string[], string]> = [
    ['a misspelt rule', ['--rule', 'retryable-stauts=off'], '--rule retryable-stauts=off: there is no rule retryable-stauts (did you mean retryable-status?)'],
    ['a loader rule', ['--rule', 'schema=off'], 'schema cannot be changed: it is always an error'],
    ['a level lint does not know', ['--rule', 'no-hangul=quiet'], 'write no-hangul=error, no-hangul=warning or no-hangul=off'],
    ['no level', ['--rule', 'no-hangul'], 'write no-hangul=error']
  ]
  for (const [name, args, message] of cases) {
    const result = await lint(['retried.yaml', ...args], dir)
    t.equal(result.code, EXIT.usage, name)
    t.match(result.stderr, message, name)
  }
})

t.test('lint.rules in the catalog: rule ids are checked by lint, levels by the format; the loader ignores it', async (t) => {
  const problems = lintCatalogDocument(parseCatalogText(retried('lint:\n  rules:\n    retryable-stauts: warn\n    schema: off\n    no-hangul: warm\n'), 'c.yaml'))
  t.same(problems.map((problem) => [problem.line, problem.pointer, problem.rule, problem.severity]), [
    [4, '/lint/rules/retryable-stauts', 'lint-config', 'error'],
    [5, '/lint/rules/schema', 'lint-config', 'error'],
    [6, '/lint/rules/no-hangul', 'schema', 'error'],
    [11, '/errors/DB_CONNECTION_ERROR/retryable', 'retryable-status', 'error']
  ])
  t.match(problems[0].message, 'did you mean retryable-status?')
  const catalog = compileCatalog(parseCatalogText(retried('lint: { rules: { retryable-status: off } }\n'), 'c.yaml'))
  t.equal(catalog.entries.DB_CONNECTION_ERROR.status, 400, 'a catalog with lint settings loads')
  t.same(lintText('ì—ëŸ¬ 코드\n', 'a.md', { rules: { mojibake: 'off' } }), [], 'text files follow the settings too')
  t.equal(lintText('ì—ëŸ¬ 코드\n', 'a.md', { rules: { mojibake: 'warning' } })[0].severity, 'warning')
})
