/** The client's types, checked by the compiler: narrowing on `code` types `details` by the generated module. */
import { fileURLToPath } from 'node:url'
import t from 'tap'
import ts from 'typescript'

const root = fileURLToPath(new URL('../..', import.meta.url))
const config = ts.parseJsonConfigFileContent(ts.readConfigFile(`${root}tsconfig.json`, (path) => ts.sys.readFile(path)).config, ts.sys, root)
// test/types/.client/ is outside the repo's own program (a dot directory): one of its files must fail.
const files = ['narrowing.ts', 'fail-wrong-code.ts'].map((file) => `${root}test/types/.client/${file}`)
const program = ts.createProgram({ rootNames: files, options: config.options })

function typeCheck (file: string): string[] {
  const source = program.getSourceFile(file)
  if (source === undefined) throw new Error(`not compiled: ${file}`)
  return ts.getPreEmitDiagnostics(program, source).map((diagnostic) => {
    const line = diagnostic.start === undefined ? 0 : source.getLineAndCharacterOfPosition(diagnostic.start).line + 1
    return `${line}: TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`
  })
}

t.test('a switch on code gives each code its own details type (every code of the module is checked)', async (t) => {
  t.same(typeCheck(files[0]), [])
})

t.test('a code the catalog does not have fails to compile', async (t) => {
  const diagnostics = typeCheck(files[1])
  t.equal(diagnostics.length, 1)
  t.match(diagnostics[0], /^5: TS2678 Type '"SESION_FULL"' is not comparable to type/)
})
