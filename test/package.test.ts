/**
 * The package as a user installs it: `npm pack` once, then
 * - unpacked into a node_modules folder, loaded with `require` and with `import` (the root and
 *   `fastify-error-catalog/tooling`), and checked by @arethetypeswrong/cli for types under the node16 profile
 *   (node10 resolves no subpath export);
 * - its declarations read for types they name but do not export (an internal type in a public signature);
 * - an ESM and a CommonJS consumer compiled with `skipLibCheck: false` (attw does not type-check the
 *   declarations' own bodies), the ESM one with a module made by the packed `error-catalog generate`;
 * - installed with `npm install --install-strategy=linked` (pnpm's isolated layout: only direct dependencies
 *   are visible) outside the repo, where a generated module must load with nothing but the package.
 */
import t from 'tap'
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import ts from 'typescript'

// Packing builds the package (tsup and its declarations) and the linked install fetches fastify's tree:
// slower than the runner's default per file.
t.setTimeout(600_000)

const run = promisify(execFile)
const root = fileURLToPath(new URL('..', import.meta.url))
// Inside the repo, so that the unpacked package resolves its dependencies from the repo's node_modules.
const work = join(root, '.tmp-pack', `test-${process.pid}`)
const installed = join(work, 'node_modules', 'fastify-error-catalog')
let tarball = ''

t.before(async () => {
  mkdirSync(installed, { recursive: true })
  await run('npm', ['pack', '--pack-destination', work], { cwd: root, maxBuffer: 1 << 24 })
  tarball = join(work, readdirSync(work).find((name) => name.endsWith('.tgz')) as string)
  await run('tar', ['xzf', tarball, '-C', installed, '--strip-components=1'])
})
t.teardown(() => { rmSync(work, { recursive: true, force: true }) })

const CATALOG = `version: 1
errors:
  SESSION_NOT_FOUND:
    status: 404
    message: 세션을 찾을 수 없습니다. ({sessionCode})
    details:
      sessionCode: { type: string }
`

const usage = (load: string): string => `
${load}
const Fastify = require('fastify')
async function main () {
  const app = Fastify()
  await app.register(pkg.errorCatalog, { catalog: { version: 1, errors: { SESSION_NOT_FOUND: { status: 404, message: '세션을 찾을 수 없습니다. ({sessionCode})', details: { sessionCode: { type: 'string' } } } } } })
  app.get('/s', async () => { throw app.errors.SESSION_NOT_FOUND({ sessionCode: 'A1' }) })
  const res = await app.inject('/s')
  const english = Fastify()
  await english.register(pkg.errorCatalog, { catalog: { version: 1, locales: ['ko', 'en'], errors: {} } })
  const notFoundInEnglish = (await english.inject({ url: '/nowhere', headers: { 'accept-language': 'en' } })).json().message
  const bare = Fastify()
  await bare.register(require('fastify-error-catalog'), { catalog: { version: 1, errors: {} } })
  const missing = await bare.inject('/nope')
  // The tooling entry works on a catalog compiled by the root one (the CommonJS tooling is a bundle of its own).
  const generated = tooling.renderModule(app.errorCatalog, { source: 'errors.yaml' })
  const lint = tooling.lintText('\u00ec\u0084\u00b8\u00ec\u0085\u0098', 'guide.md')
  console.log(JSON.stringify({
    status: res.statusCode, body: res.json(), isError: pkg.isCatalogError(app.errors.SESSION_NOT_FOUND({})), hasDefault: typeof pkg.default, registeredByRequire: missing.json().code,
    names: Object.keys(pkg).sort(), toolingKind: typeof tooling, toolingNames: Object.keys(tooling).sort(),
    generated: generated.includes('SESSION_NOT_FOUND'), lint: lint.map((problem) => problem.rule), notFoundInEnglish
  }))
}
main()
`

t.test('the packed package works from require and import, with types for each', async (t) => {
  const { stdout: files } = await run('tar', ['tzf', tarball])
  t.match(files, 'package/catalog/builtin.yaml', 'the builtin catalog ships')
  t.match(files, 'package/catalog/builtin.en.yaml', 'its English ships beside it')
  t.match(files, 'package/LICENSE', 'the licence ships')
  t.match(files, 'package/CHANGELOG.md', 'the changelog ships')
  t.notMatch(files, /package\/(src|test|scripts)\//, 'sources, tests and build scripts do not ship')
  t.notMatch(files, /\.map\n/, 'no source maps (they would point at sources that do not ship)')
  t.notMatch(files, 'package/dist/cli.cjs', 'the CLI ships once, as ESM (bin runs dist/cli.js)')
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'))
  t.match(manifest, { repository: { url: /github\.com\/fastify-error-catalog\/fastify-error-catalog/ }, bugs: { url: /issues$/ }, homepage: /^https:/ })

  writeFileSync(join(work, 'use.cjs'), usage("const pkg = require('fastify-error-catalog')\nconst tooling = require('fastify-error-catalog/tooling')"))
  writeFileSync(join(work, 'use.mjs'), usage("import * as pkg from 'fastify-error-catalog'\nimport * as tooling from 'fastify-error-catalog/tooling'\nimport { createRequire } from 'node:module'\nconst require = createRequire(import.meta.url)"))
  // The names each entry has at run time, from the sources (test/public-surface.test.ts checks those).
  const names = (entry: object): string[] => Object.keys(entry).sort()
  const rootNames = names(await import('../src/index.js'))
  const toolingNames = names(await import('../src/tooling.js'))
  const want = {
    status: 404,
    body: { code: 'SESSION_NOT_FOUND', status: 404, message: '세션을 찾을 수 없습니다. (A1)', retryable: false, suggestions: [], details: { sessionCode: 'A1' }, requestId: 'req-1' },
    isError: true,
    registeredByRequire: 'NOT_FOUND',
    generated: true,
    lint: ['mojibake'],
    notFoundInEnglish: 'The requested resource was not found.'
  }
  for (const file of ['use.cjs', 'use.mjs']) {
    const { stdout } = await run(process.execPath, [join(work, file)], { cwd: work })
    const got = JSON.parse(stdout)
    t.match(got, want, file)
    t.equal(got.hasDefault, 'function', `${file}: the plugin is also the default export`)
    // Under require the root is the plugin function, which fastify-plugin also names by its camelCased name.
    t.same(got.names.filter((name: string) => name !== 'fastifyErrorCatalog'), rootNames, `${file}: the root carries every run-time name of src/index.ts, and no tooling`)
    t.same(got.toolingNames, toolingNames, `${file}: fastify-error-catalog/tooling carries the names of src/tooling.ts`)
    t.equal(got.toolingKind, 'object', `${file}: the tooling entry is a plain namespace`)
  }

  const attw = await run(join(root, 'node_modules', '.bin', 'attw'), [tarball, '--profile', 'node16', '--format', 'json'], { cwd: root, maxBuffer: 1 << 24 })
    .catch((error: { stdout: string }) => error)
  const report = JSON.parse(attw.stdout)
  // --profile node16 leaves out node10 resolution (TypeScript's `moduleResolution: node`), which resolves no subpath
  // export; the JSON report lists its findings anyway.
  const problems = (report.analysis?.problems ?? report.problems) as Array<{ resolutionKind?: string }>
  t.same(problems.filter((problem) => problem.resolutionKind !== 'node10'), [], 'are-the-types-wrong finds no problems (node16 profile)')
  t.ok(report.analysis?.entrypoints?.['./tooling'] ?? report.entrypoints?.['./tooling'], 'are-the-types-wrong checked the tooling entry')
})

/** The names declared at the top level of a declaration file (the library errors live in the `libraryErrors` namespace). */
function declared (file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022)
  return source.statements.flatMap((statement) => {
    if (ts.isModuleDeclaration(statement)) return []
    if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.map((declaration) => declaration.name.getText(source))
    return 'name' in statement && statement.name !== undefined ? [(statement.name as ts.Identifier).text] : []
  })
}

t.test('the declarations of both entries name no type an app cannot import', async (t) => {
  const dist = join(installed, 'dist')
  const publicNames = (file: string): string[] => {
    const last = /export \{([^}]*)\};\s*$/.exec(readFileSync(join(dist, file), 'utf8')) as RegExpExecArray
    return last[1].split(',').map((name) => name.trim().replace(/^type /, '').replace(/^.* as /, ''))
  }
  const reexported = (file: string): string[] => [...readFileSync(join(dist, file), 'utf8').matchAll(/^export \{([^}]*)\} from '\.\/[^']+';$/gm)]
    .flatMap((match) => match[1].split(',').map((name) => name.trim().replace(/^.* as /, '')))
  const exported = new Set(['index.d.ts', 'tooling.d.ts'].flatMap((file) => [...publicNames(file), ...reexported(file)]))
  // Declarations a public type is derived from (`typeof X`, `keyof typeof X`, a part of a union): the type is what an app uses.
  const derived = [
    'CANONICAL', 'REQUEST_PARTS', 'ROLES', 'RequestPart', 'RequiredRole', 'Role', 'BUILTIN_FORMATS', 'BODY_VARIABLES', 'FIELD_VARIABLES',
    'BodyVariable', 'FieldVariable', 'ENTRY_MEMBERS', 'EntryMember', 'CatalogChangeKind', 'MemberChangeKind', 'retryText'
  ]
  // The `libraryErrors` namespace and its members; the brand symbol of compiled catalogs (not for apps).
  const namespaced = ['errors', 'kCompiledCatalog']
  const allowed = new Set([...exported, ...derived, ...namespaced])
  // The root, the tooling entry, and the declaration chunks the two share.
  const files = readdirSync(dist).filter((name) => name.endsWith('.d.ts') && !['grpc.d.ts', 'client.d.ts'].includes(name))
  const internal = files.flatMap((file) => declared(join(dist, file)).filter((name) => !allowed.has(name) && !/^(errors_)?FEC_ERR_/.test(name)).map((name) => `${file}: ${name}`))
  t.same(internal, [], 'every type in a public signature can be imported from the root or the tooling entry')
  const augmented = files.filter((file) => readFileSync(join(dist, file), 'utf8').includes("declare module 'fastify'"))
  t.same(augmented, ['index.d.ts'], 'the Fastify augmentations are declared once, in the root')
})

/** Type-checks one consumer project; returns the diagnostics as `file(line): message` lines. */
function typeCheck (dir: string, files: string[]): string[] {
  const program = ts.createProgram(files.map((file) => join(dir, file)), {
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: false,
    noEmit: true,
    types: ['node']
  })
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file === undefined ? '' : `${diagnostic.file.fileName.slice(work.length + 1)}(${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}): `
    return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
  })
}

t.test('ESM and CommonJS consumers compile against the packed declarations with skipLibCheck: false', async (t) => {
  const esm = join(work, 'consumer-esm')
  const cjs = join(work, 'consumer-cjs')
  mkdirSync(esm, { recursive: true })
  mkdirSync(cjs, { recursive: true })
  writeFileSync(join(esm, 'package.json'), '{ "type": "module" }')
  writeFileSync(join(esm, 'errors.yaml'), CATALOG)
  await run(process.execPath, [join(installed, 'dist', 'cli.js'), 'generate', 'errors.yaml', '--out', 'errors.ts'], { cwd: esm })
  writeFileSync(join(esm, 'server.mts'), `
import Fastify from 'fastify'
import swagger from '@fastify/swagger'
import errorCatalog, { clientErrorHandler, frameworkErrors, ajvOptions, libraryErrors, loadCatalogSync, type CompiledCatalog, type ErrorCatalogOptions } from 'fastify-error-catalog'
import { lintCatalogDocument, parseCatalogText, renderModule, type LintProblem } from 'fastify-error-catalog/tooling'
import { ERROR_CODES, type SessionNotFoundDetails } from './errors.js'

const app = Fastify({ frameworkErrors, clientErrorHandler, ajv: ajvOptions() })
const options: ErrorCatalogOptions = { catalog: 'errors.yaml' }
await app.register(errorCatalog, options)
const details: SessionNotFoundDetails = { sessionCode: 'A1' }
const error = app.errors.SESSION_NOT_FOUND(details)
const code: 'SESSION_NOT_FOUND' = error.code
// @ts-expect-error: the generated module types app.errors, so a code the catalog lacks does not compile
app.errors.NO_SUCH_CODE({})
const thrown: Error = new libraryErrors.FEC_ERR_CODE_MISSING('X')
// The Fastify augmentations: app.errorCatalog, app.errorCatalogSwagger and schema.errors.
const served: CompiledCatalog<unknown> = app.errorCatalog
await app.register(swagger, app.errorCatalogSwagger({ openapi: { info: { title: 't', version: '1' } } }))
app.get('/s', { schema: { errors: ['SESSION_NOT_FOUND'] } }, async () => 'ok')
// @ts-expect-error: schema.errors is a list of codes
app.get('/t', { schema: { errors: 'SESSION_NOT_FOUND' } }, async () => 'ok')
// The tooling entry takes what the root makes: one CompiledCatalog type, not two.
const module: string = renderModule(loadCatalogSync('errors.yaml'), { source: 'errors.yaml' })
const problems: LintProblem[] = lintCatalogDocument(parseCatalogText('version: 1', 'x.yaml'))
export { code, thrown, ERROR_CODES, served, module, problems }
`)
  writeFileSync(join(cjs, 'server.cts'), `
import Fastify = require('fastify')
import errorCatalog = require('fastify-error-catalog')
import tooling = require('fastify-error-catalog/tooling')

const app = Fastify({ frameworkErrors: errorCatalog.frameworkErrors, clientErrorHandler: errorCatalog.clientErrorHandler })
async function main (): Promise<void> {
  await app.register(require('fastify-error-catalog'), { catalog: 'errors.yaml' })
  await app.register(errorCatalog, { catalog: 'errors.yaml' })
  await app.register(errorCatalog.errorCatalog, { catalog: 'errors.yaml' })
  await app.register(errorCatalog.default, { catalog: 'errors.yaml' })
  const thrown: Error = new errorCatalog.libraryErrors.FEC_ERR_CODE_MISSING('X')
  const schema = errorCatalog.Type.Object({ id: errorCatalog.Type.String() })
  const value: errorCatalog.Static<typeof schema> = { id: 'a' }
  const module: string = tooling.renderModule(errorCatalog.loadCatalogSync('errors.yaml'), { source: 'errors.yaml' })
  const swaggerOptions = app.errorCatalogSwagger({ openapi: {} })
  void thrown
  void value
  void module
  void swaggerOptions
}
void main
`)
  t.same(typeCheck(esm, ['server.mts', 'errors.ts']), [], 'the ESM consumer and its generated module compile')
  t.same(typeCheck(cjs, ['server.cts']), [], 'the CommonJS consumer compiles, register(require(...)) included')
})

t.test('error-catalog init and the three lines it prints give a typed, documented, validated app under an isolated install', async (t) => {
  const app = mkdtempSync(join(tmpdir(), 'fec-init-'))
  t.teardown(() => rmSync(app, { recursive: true, force: true }))
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'init-app', private: true, type: 'module' }))
  await run('npm', ['install', '--install-strategy=linked', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball, 'fastify@5', '@fastify/swagger@9'], { cwd: app, maxBuffer: 1 << 24 })
  t.same(readdirSync(join(app, 'node_modules')).filter((name) => !name.startsWith('.')).sort(), ['@fastify', 'fastify', 'fastify-error-catalog'], 'only the direct dependencies are visible to the app')

  const init = await run(process.execPath, [join(app, 'node_modules', '.bin', 'error-catalog'), 'init', '--json'], { cwd: app })
  const { files, next } = JSON.parse(init.stdout) as { files: string[], next: string[] }
  t.same(files, ['catalog/errors.yaml', 'src/generated/errors.ts'])
  t.equal(next.length, 3, 'three lines to paste')
  const generated = readFileSync(join(app, 'src', 'generated', 'errors.ts'), 'utf8')
  t.notMatch(generated, /from '(?!fastify-error-catalog')/, 'the generated module imports only fastify-error-catalog')

  // A server written as a user would: the package's imports, then init's three lines where they say.
  const server = (body: string): string => `import Fastify from 'fastify'
import swagger from '@fastify/swagger'
import errorCatalog, { ajvOptions, clientErrorHandler, frameworkErrors } from 'fastify-error-catalog'
${next[0]}
${next[1]}
await app.register(errorCatalog, { catalog: 'catalog/errors.yaml' })
${next[2]}
const signup = { type: 'object', required: ['email', 'name'], properties: { email: { type: 'string', format: 'email' }, name: { type: 'string', minLength: 2 } } } as const
app.post('/users', { schema: { body: signup, errors: ['EMAIL_ALREADY_USED'] } }, async () => { throw app.errors.EMAIL_ALREADY_USED({ email: 'a@example.com' }) })
app.get('/users/:id', { schema: { errors: ['USER_NOT_FOUND'] } }, async (request) => { throw app.errors.USER_NOT_FOUND({ userId: (request.params as { id: string }).id }) })
${body}
await app.ready()
const invalid = await app.inject({ method: 'POST', url: '/users', payload: { email: 'nope', name: 'x' } })
const missing = await app.inject('/users/42')
const document = app.swagger() as unknown as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>>, components: { schemas: Record<string, unknown> } }
console.log(JSON.stringify({ invalid: invalid.json(), missing: missing.json(), documented: Object.keys(document.paths['/users/{id}'].get.responses), components: Object.keys(document.components.schemas) }))
`
  writeFileSync(join(app, 'src', 'server.ts'), server(''))
  writeFileSync(join(app, 'src', 'wrong.ts'), server('app.errors.ANYTHING_GOES({ whatever: 1 })\napp.errors.USER_NOT_FOUND({ userId: 42 })'))
  const check = (file: string): string[] => ts.getPreEmitDiagnostics(ts.createProgram([join(app, 'src', file)], {
    module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, skipLibCheck: false, noEmit: true, types: []
  })).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
  t.same(check('server.ts'), [], 'the app compiles, strict, with skipLibCheck: false')
  const wrong = check('wrong.ts')
  t.equal(wrong.length, 2, 'a code the catalog lacks and a detail of the wrong type do not compile')
  t.match(wrong[0], /ANYTHING_GOES/)
  t.match(wrong[1], /number.*string/)

  // Node 20 cannot run TypeScript: strip the types as any build step would.
  for (const file of ['server.ts', 'generated/errors.ts']) {
    const source = readFileSync(join(app, 'src', file), 'utf8')
    writeFileSync(join(app, 'src', file.replace(/\.ts$/, '.js')), ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true } }).outputText)
  }
  const { stdout } = await run(process.execPath, ['src/server.js'], { cwd: app })
  const got = JSON.parse(stdout)
  t.match(got.invalid, { code: 'VALIDATION_ERROR', status: 400, fieldErrors: { email: [/이메일|email/], name: [String] } }, 'validated: every failing field, in Korean')
  t.match(got.missing, { code: 'USER_NOT_FOUND', status: 404, message: '회원을 찾을 수 없습니다. (회원 번호 42)' }, 'the typed factory answers in the envelope')
  t.ok(got.documented.includes('404'), 'documented: the route\'s 404 is in the OpenAPI document')
  t.ok(got.components.includes('USER_NOT_FOUND'), 'documented: the code has its component schema')
})
