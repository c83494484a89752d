import t from 'tap'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { loadCatalogSync } from '../../src/catalog/load.js'
import { renderModule } from '../../src/codegen/module.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const augmented = `${root}test/types/.augmented/`
// The module `generate` writes for the sample catalog, with the app.errors augmentation. It is served to the
// compiler from memory: an augmentation is global to a program, so it must stay out of the repo's own one.
const virtualPath = `${augmented}errors.ts`
const virtualText = renderModule(loadCatalogSync(`${root}catalog/example.yaml`), { source: 'catalog/example.yaml', importFrom: '../../../src/index.js' })

const config = ts.parseJsonConfigFileContent(ts.readConfigFile(`${root}tsconfig.json`, (path) => ts.sys.readFile(path)).config, ts.sys, root)

const files = ['test/types/typed-factories.ts', 'test/types/.augmented/app-errors.ts', 'test/types/.augmented/fail-unknown-code.ts', 'test/types/.augmented/fail-wrong-details.ts', 'test/types/.augmented/fail-missing-details.ts']

/** One program for every type-test file (they share the generated module); diagnostics per file. */
function createTypeTestProgram (): ts.Program {
  const host = ts.createCompilerHost(config.options)
  const { fileExists, readFile, getSourceFile } = host
  host.fileExists = (path) => path === virtualPath || fileExists.call(host, path)
  host.readFile = (path) => path === virtualPath ? virtualText : readFile.call(host, path)
  host.getSourceFile = (path, language, ...rest) => path === virtualPath
    ? ts.createSourceFile(path, virtualText, language)
    : getSourceFile.call(host, path, language, ...rest)
  return ts.createProgram({ rootNames: files.map((file) => root + file), options: config.options, host })
}

let program: ts.Program | undefined

/** The diagnostics of one file only, as `line: TSxxxx message`. */
function typeCheck (file: string): string[] {
  program ??= createTypeTestProgram()
  const source = program.getSourceFile(file)
  if (source === undefined) throw new Error(`not compiled: ${file}`)
  return ts.getPreEmitDiagnostics(program, source).map((diagnostic) => {
    const line = diagnostic.start === undefined ? 0 : source.getLineAndCharacterOfPosition(diagnostic.start).line + 1
    return `${line}: TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`
  })
}

t.test('generated factories: correct calls compile with literal codes; every @ts-expect-error meets an error', async (t) => {
  t.same(typeCheck(`${root}test/types/typed-factories.ts`), [])
})

t.test('after register, app.errors is typed by the generated augmentation', async (t) => {
  t.same(typeCheck(`${augmented}app-errors.ts`), [])
  t.match(virtualText, "declare module '../../../src/index.js' {")
})

t.test('wrong factory params and unknown codes fail to compile', async (t) => {
  const cases: Array<[string, { file: string, want: RegExp }]> = [
    ['an unknown code', { file: 'fail-unknown-code.ts', want: /^5: TS2551 Property 'SESION_NOT_FOUND' does not exist .* Did you mean 'SESSION_NOT_FOUND'\?/ }],
    ['a detail of the wrong type', { file: 'fail-wrong-details.ts', want: /^5: TS2322 Type 'string' is not assignable to type 'number'/ }],
    ['required details left out', { file: 'fail-missing-details.ts', want: /^5: TS2554 Expected 1-2 arguments, but got 0\./ }]
  ]
  for (const [name, { file, want }] of cases) {
    const diagnostics = typeCheck(`${augmented}${file}`)
    t.equal(diagnostics.length, 1, `${name}: one error`)
    t.match(diagnostics[0], want, name)
  }
})
