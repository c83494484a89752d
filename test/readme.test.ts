/** The README's promises: its quick start runs as written and answers what the README shows. */
import t, { type Test } from 'tap'
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { runInNewContext } from 'node:vm'
import ts from 'typescript'
import Fastify from 'fastify'
import errorCatalog from '../src/index.js'

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

/** The quick start's files in a fresh folder inside the repository (so that fastify and its peers resolve), `generate` run as written. */
async function quickStartProject (t: Test): Promise<{ dir: string, server: string }> {
  const dir = mkdtempSync(join(root, '.tmp-readme-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  mkdirSync(join(dir, 'catalog'))
  mkdirSync(join(dir, 'src/generated'), { recursive: true })
  writeFileSync(join(dir, 'catalog/errors.yaml'), blockAfter('`catalog/errors.yaml`:', 'yaml'))
  const generate = blockAfter('Generate the typed module', 'sh').trim()
  t.match(generate, /^npx error-catalog generate \S+ --out \S+$/, 'generate is one line')
  const [, , ...args] = generate.split(/\s+/)
  await run(process.execPath, ['--import', import.meta.resolve('tsx'), join(root, 'src/cli/main.ts'), ...args], { cwd: dir })
  // The package is this checkout's source: every import of it (and the generated module's augmentation) points there.
  const library = JSON.stringify(join(root, 'src/index.js'))
  const generated = join(dir, args[args.indexOf('--out') + 1])
  writeFileSync(generated, readFileSync(generated, 'utf8').replaceAll("'fastify-error-catalog'", library))
  const server = blockAfter('`server.ts`:', 'ts')
    .replace("from 'fastify-error-catalog'", `from ${library}`)
    .replace("'catalog/errors.yaml'", JSON.stringify(join(dir, 'catalog/errors.yaml')))
  return { dir, server }
}

t.test('the quick start runs as written and answers the JSON the README shows, with the error in OpenAPI', async (t) => {
  const { dir, server } = await quickStartProject(t)
  const runnable = server
    .replace('logger: true', 'logger: false')
    .replace("await app.listen({ host: '127.0.0.1', port: 3000 })", [
      "const address = await app.listen({ host: '127.0.0.1', port: 0 })",
      "const res = await fetch(address + '/sessions/A1')",
      "const documented = (app as any).swagger().paths['/sessions/{code}'].get.responses",
      'console.log(JSON.stringify({ status: res.status, body: await res.json(), documented: Object.keys(documented) }))',
      'await app.close()'
    ].join('\n'))
  t.match(runnable, 'port: 0', 'the listen line was found and rewritten to a free port')
  writeFileSync(join(dir, 'server.mts'), runnable)

  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(dir, 'server.mts')], { cwd: root })
  const got = JSON.parse(stdout.trim().split('\n').at(-1) as string)
  t.equal(got.status, 404)
  t.same(got.body, JSON.parse(blockAfter('answers `404` with:', 'json')))
  t.ok(got.documented.includes('500'), 'the swagger line documents the route\'s errors (INTERNAL_ERROR, implied)')
})

t.test('the quick start gives a typed app.errors: right calls compile, a made-up code does not', async (t) => {
  const { dir, server } = await quickStartProject(t)
  const config = ts.parseJsonConfigFileContent(ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, root)
  const misspelt = server.replace('await app.listen(', 'app.errors.ANYTHING_GOES({ whatever: 1 })\nawait app.listen(')
  const untyped = misspelt.replace(/^import '\.\/[\w/]*errors\.js'.*$/m, '')
  t.not(untyped, misspelt, 'the generated module\'s import line was found')
  const files: Record<string, string> = { 'server.mts': server, 'misspelt.mts': misspelt, 'untyped.mts': untyped }
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)

  /** Diagnostics of one file of a program, as `line: TSxxxx message`. */
  const diagnosticsOf = (program: ts.Program, name: string): string[] => {
    const source = program.getSourceFile(join(dir, name)) as ts.SourceFile
    return ts.getPreEmitDiagnostics(program, source).map((diagnostic) => {
      const line = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1
      return `${line}: TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`
    })
  }
  // Two programs: an augmentation is global to a program, so the untyped file must not see the generated module.
  const typed = ts.createProgram({ rootNames: [join(dir, 'server.mts'), join(dir, 'misspelt.mts')], options: config.options })
  const plain = ts.createProgram({ rootNames: [join(dir, 'untyped.mts')], options: config.options, oldProgram: typed })
  t.same(diagnosticsOf(typed, 'server.mts'), [], 'the quick start compiles')
  const errors = diagnosticsOf(typed, 'misspelt.mts')
  t.equal(errors.length, 1, 'one error')
  t.match(errors[0], /TS2339 Property 'ANYTHING_GOES' does not exist/)
  t.same(diagnosticsOf(plain, 'untyped.mts'), [], 'without the generated module any code compiles: that is why the quick start imports it')
})

t.test('the options block of the README names exactly the options the plugin accepts', async (t) => {
  const block = blockAfter('## Options', 'ts')
  const named = [...block.matchAll(/^ {2}(\w+):/gm)].map((match) => match[1])
  const { resolveOptions } = await import('../src/plugin/options.js')
  await t.rejects(resolveOptions({ catalog: {}, nope: 1 } as never), { message: new RegExp(`known options: ${named.join(', ')}$`) })
})

t.test('the wire-formats block registers as written and negotiates problem+json', async (t) => {
  const block = blockAfter('## Wire formats', 'ts')
  // The object literal as written, evaluated in an empty context (it holds only literals and a comment).
  const options = runInNewContext(`(${block.slice(block.indexOf('{'), block.lastIndexOf('}') + 1)})`) as Record<string, unknown>
  const app = Fastify()
  t.teardown(() => app.close())
  await app.register(errorCatalog, { ...options, catalog: fileURLToPath(new URL('../catalog/example.yaml', import.meta.url)) })
  const plain = await app.inject('/nowhere')
  t.equal(plain.headers['content-type'], 'application/json; charset=utf-8')
  t.equal(plain.json().code, 'NOT_FOUND')
  const problem = await app.inject({ url: '/nowhere', headers: { accept: 'application/problem+json' } })
  t.equal(problem.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.equal(problem.json().type, 'https://api.example.com/errors#not-found')
  t.equal(problem.headers.vary, 'Accept, Accept-Language', 'the format and the language (the sample catalog has ko and en) vary')
})

t.test('the README starts with the two commands', async (t) => {
  const first = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''
  t.match(first, /^npm ci && npm run demo\b/m)
  t.match(first, /^npm test\b/m)
  const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts
  t.ok(scripts.demo, 'npm run demo exists')
  t.ok(scripts.test, 'npm test exists')
})
