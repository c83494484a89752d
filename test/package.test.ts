/**
 * The package as a user installs it: `npm pack`, unpacked into a node_modules folder, loaded with `require`
 * and with `import`, and checked by @arethetypeswrong/cli for types under every resolution mode.
 */
import t from 'tap'
import { execFile } from 'node:child_process'
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
const root = fileURLToPath(new URL('..', import.meta.url))
// Inside the repo, so that the unpacked package resolves its dependencies from the repo's node_modules.
const work = join(root, '.tmp-pack', `test-${process.pid}`)

t.before(() => { mkdirSync(join(work, 'node_modules'), { recursive: true }) })
t.teardown(() => { rmSync(work, { recursive: true, force: true }) })

const usage = (load: string): string => `
${load}
const Fastify = require('fastify')
async function main () {
  const app = Fastify()
  await app.register(pkg.errorCatalog, { catalog: { version: 1, errors: { SESSION_NOT_FOUND: { status: 404, message: '세션을 찾을 수 없습니다. ({sessionCode})', details: { sessionCode: { type: 'string' } } } } } })
  app.get('/s', async () => { throw app.errors.SESSION_NOT_FOUND({ sessionCode: 'A1' }) })
  const res = await app.inject('/s')
  console.log(JSON.stringify({ status: res.statusCode, body: res.json(), isError: pkg.isCatalogError(app.errors.SESSION_NOT_FOUND({})), hasDefault: typeof pkg.default }))
}
main()
`

t.test('the packed package works from require and import, with types for each', async (t) => {
  await run('npm', ['pack', '--pack-destination', work], { cwd: root, maxBuffer: 1 << 24 })
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'))
  t.ok(tarball, 'npm pack made a tarball')
  const installed = join(work, 'node_modules', 'fastify-error-catalog')
  mkdirSync(installed, { recursive: true })
  await run('tar', ['xzf', join(work, tarball as string), '-C', installed, '--strip-components=1'])

  const { stdout: files } = await run('tar', ['tzf', join(work, tarball as string)])
  t.match(files, 'package/catalog/builtin.yaml', 'the builtin catalog ships')
  t.notMatch(files, /package\/(src|test)\//, 'sources and tests do not ship')

  writeFileSync(join(work, 'use.cjs'), usage("const pkg = require('fastify-error-catalog')"))
  writeFileSync(join(work, 'use.mjs'), usage("import * as pkg from 'fastify-error-catalog'\nimport { createRequire } from 'node:module'\nconst require = createRequire(import.meta.url)"))
  const want = {
    status: 404,
    body: { code: 'SESSION_NOT_FOUND', status: 404, message: '세션을 찾을 수 없습니다. (A1)', retryable: false, suggestions: [], details: { sessionCode: 'A1' }, requestId: 'req-1' },
    isError: true
  }
  for (const file of ['use.cjs', 'use.mjs']) {
    const { stdout } = await run(process.execPath, [join(work, file)], { cwd: work })
    const got = JSON.parse(stdout)
    t.match(got, want, file)
    t.equal(got.hasDefault, 'function', `${file}: the plugin is also the default export`)
  }

  const attw = await run(join(root, 'node_modules', '.bin', 'attw'), [join(work, tarball as string), '--profile', 'node16', '--format', 'json'], { cwd: root, maxBuffer: 1 << 24 })
    .catch((error: { stdout: string }) => error)
  const report = JSON.parse(attw.stdout)
  t.same(report.analysis?.problems ?? report.problems, [], 'are-the-types-wrong finds no problems')
})
