/** `error-catalog docs --locale <tag>`, run as the real `error-catalog` process (issue 12). */
import t from 'tap'
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadCatalogSync } from '../../src/catalog/load.js'
import { EXIT, type CliIo } from '../../src/cli/io.js'
import { runCli } from '../../src/cli/run.js'
import { renderErrorGuide } from '../../src/docs/error-guide.js'
import { renderHtmlGuide } from '../../src/docs/html-guide.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const cli = join(root, 'src/cli/main.ts')
const tsx = import.meta.resolve('tsx')
const catalog = loadCatalogSync(join(root, 'catalog/example.yaml'))

/** Runs the real CLI in a child process. */
function run (args: string[], cwd: string): { code: number | null, stdout: string, stderr: string } {
  const result = spawnSync(process.execPath, ['--import', tsx, cli, ...args], { cwd, encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Runs the CLI in this process (the same code, counted for coverage by test/docs). */
async function runHere (args: string[], cwd: string): Promise<{ code: number, stdout: string, stderr: string }> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = { stdout: (text) => { stdout += text }, stderr: (text) => { stderr += text }, cwd }
  return { code: await runCli(args, io), stdout, stderr }
}

/** A scratch directory with a copy of the sample catalog (`locales: [ko, en]`). */
function scratch (t: { teardown: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'error-catalog-locale-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  copyFileSync(join(root, 'catalog/example.yaml'), join(dir, 'catalog.yaml'))
  return dir
}

t.test('docs --locale en writes the English guide, Markdown and --html; --check compares it', async (t) => {
  const dir = scratch(t)
  const written = run(['docs', 'catalog.yaml', '--locale', 'en', '--out', 'errors.en.md'], dir)
  t.equal(written.code, EXIT.ok, written.stderr)
  t.equal(written.stdout, 'wrote errors.en.md\n')
  const guide = readFileSync(join(dir, 'errors.en.md'), 'utf8')
  t.equal(guide, renderErrorGuide(catalog, { source: 'catalog.yaml', locale: 'en' }))
  t.match(guide, '# Error codes\n')
  t.match(guide, `- Message: ${catalog.entries.AUTH_FAILED.textOf('en').message}\n`)
  t.equal((await runHere(['docs', 'catalog.yaml', '--locale', 'en', '--out', 'errors.en.md', '--check'], dir)).code, EXIT.ok)
  t.equal((await runHere(['docs', 'catalog.yaml', '--out', 'errors.en.md', '--check'], dir)).code, EXIT.problems, 'the Korean guide is another text')

  const html = run(['docs', 'catalog.yaml', '--html', '--locale', 'en'], dir)
  t.equal(html.code, EXIT.ok, html.stderr)
  t.equal(html.stdout, renderHtmlGuide(catalog, { source: 'catalog.yaml', locale: 'en' }))
  t.match(html.stdout, '<html lang="en">')
  t.match((await runHere(['docs', 'catalog.yaml', '--html'], dir)).stdout, '<html lang="ko">')
  t.match((await runHere(['docs', '--help'], dir)).stdout, '--locale')
})

t.test('docs --locale with a locale the catalog does not declare: a usage error naming the declared ones, nothing written', async (t) => {
  const dir = scratch(t)
  const result = run(['docs', 'catalog.yaml', '--locale', 'fr', '--out', 'errors.fr.md'], dir)
  t.equal(result.code, EXIT.usage)
  t.equal(result.stdout, '')
  t.equal(result.stderr, 'error-catalog docs: --locale fr: the catalog declares no such locale (it declares ko, en)\n')
  t.notOk(existsSync(join(dir, 'errors.fr.md')))
  const printed = await runHere(['docs', 'catalog.yaml', '--html', '--locale', 'en-US'], dir)
  t.not(printed.code, EXIT.ok)
  t.match(printed.stderr, 'it declares ko, en')
  t.equal(printed.stdout, '')
})
