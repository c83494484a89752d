/** The README's promises: its quick start runs as written and answers what the README shows. */
import t from 'tap'
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
const root = fileURLToPath(new URL('..', import.meta.url))
const readme = readFileSync(join(root, 'README.md'), 'utf8')

/** The first fenced block of `language` after `marker`. */
function blockAfter (marker: string, language: string): string {
  const at = readme.indexOf(marker)
  const match = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(readme.slice(at))
  if (at < 0 || match === null) throw new Error(`README has no ${language} block after ${marker}`)
  return match[1]
}

t.test('the quick start runs as written and answers the JSON the README shows', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'fec-readme-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  writeFileSync(join(dir, 'errors.yaml'), blockAfter('`catalog/errors.yaml`:', 'yaml'))
  const server = blockAfter('`server.ts`:', 'ts')
    .replace("from 'fastify-error-catalog'", `from ${JSON.stringify(join(root, 'src/index.ts'))}`)
    .replace("from 'fastify'", `from ${JSON.stringify(join(root, 'node_modules/fastify/fastify.js'))}`)
    .replace("'catalog/errors.yaml'", JSON.stringify(join(dir, 'errors.yaml')))
    .replace('logger: true', 'logger: false')
    .replace("await app.listen({ host: '127.0.0.1', port: 3000 })", [
      "const address = await app.listen({ host: '127.0.0.1', port: 0 })",
      "const res = await fetch(address + '/sessions/A1')",
      'console.log(JSON.stringify({ status: res.status, body: await res.json() }))',
      'await app.close()'
    ].join('\n'))
  t.match(server, 'port: 0', 'the listen line was found and rewritten to a free port')
  writeFileSync(join(dir, 'server.mts'), server)

  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(dir, 'server.mts')], { cwd: root })
  const got = JSON.parse(stdout.trim().split('\n').at(-1) as string)
  t.equal(got.status, 404)
  t.same(got.body, JSON.parse(blockAfter('answers `404` with:', 'json')))
})

t.test('the options block of the README names exactly the options the plugin accepts', async (t) => {
  const block = blockAfter('## Options', 'ts')
  const named = [...block.matchAll(/^ {2}(\w+):/gm)].map((match) => match[1])
  const { resolveOptions } = await import('../src/plugin/options.js')
  await t.rejects(resolveOptions({ catalog: {}, nope: 1 } as never), { message: new RegExp(`known options: ${named.join(', ')}$`) })
})

t.test('the README starts with the two commands', async (t) => {
  const first = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''
  t.match(first, /^npm ci && npm run demo\b/m)
  t.match(first, /^npm test\b/m)
  const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts
  t.ok(scripts.demo, 'npm run demo exists')
  t.ok(scripts.test, 'npm test exists')
})
