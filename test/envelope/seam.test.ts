/**
 * The wire format is said once: only src/envelope/ writes the shape of an error body. This test reads every
 * other source file with TypeScript's parser and fails on (a) an object literal or type that carries `code` and
 * `status` with a member only the wire has (`fieldErrors`, `requestId`: a catalog entry has the others too), that is
 * a body built or described by hand, and (b) a string naming such a member. The allowlist is short and each entry
 * says why.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import ts from 'typescript'
import { defaultFormat } from '../../src/envelope/default.js'
import { compileCatalog } from '../../src/catalog/compile.js'

const SRC = fileURLToPath(new URL('../../src/', import.meta.url))

/** The default format's members a catalog entry does not have (the format's guide lists them; the entry is compiled here). */
const ENTRY = compileCatalog({ version: 1, errors: {} }).entries.INTERNAL_ERROR as unknown as Record<string, unknown>
// `entry.fieldErrors` is a flag (this code's answers carry field errors), not the body's map: that stays wire-only.
const ENTRY_FLAGS = new Set(['fieldErrors'])
const WIRE_ONLY = new Set(defaultFormat.guideIn().members.map(({ member }) => member).filter((member) => !(member in ENTRY) || ENTRY_FLAGS.has(member)))

/** file (relative to src/) → why it may write a body shape. */
const ALLOWED: Readonly<Record<string, string>> = {
  // The declaration language names its variables ($fieldErrors, $requestId); formats are compiled from it in src/envelope/.
  'catalog/envelope-syntax.ts': 'the variables of the envelope declaration',
  // The gRPC mapping reads the `fieldErrors` a thrown validation error may carry (its own property).
  'grpc/to-grpc-error.ts': 'a property of a thrown error',
  // A compiled entry's `fieldErrors` flag (its answers carry field errors) beside its code and status: an entry, not a body.
  'catalog/compile.ts': 'the entry\'s fieldErrors flag'
}

function * sourceFiles (dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield * sourceFiles(path)
    else if (entry.name.endsWith('.ts')) yield path
  }
}

function nameOf (name: ts.PropertyName | undefined): string | undefined {
  if (name === undefined) return undefined
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text
  return undefined
}

/** Every place in a file that writes a body shape, as `line: what`. */
function hitsOf (file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const hits: string[] = []
  const at = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
  const visit = (node: ts.Node): void => {
    let names: string[] | undefined
    if (ts.isObjectLiteralExpression(node)) names = node.properties.map((property) => nameOf(property.name)).filter((name): name is string => name !== undefined)
    else if (ts.isTypeLiteralNode(node) || ts.isInterfaceDeclaration(node)) names = node.members.map((member) => nameOf(member.name)).filter((name): name is string => name !== undefined)
    if (names !== undefined && names.includes('code') && names.includes('status') && names.some((name) => WIRE_ONLY.has(name))) {
      hits.push(`${at(node)}: a body with ${names.join(', ')}`)
    }
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && WIRE_ONLY.has(node.text)) hits.push(`${at(node)}: the string '${node.text}'`)
    ts.forEachChild(node, visit)
  }
  visit(source)
  return hits
}

t.test('only src/envelope/ writes the shape of an error body', async (t) => {
  const found: string[] = []
  for (const file of sourceFiles(SRC)) {
    const name = relative(SRC, file).split('\\').join('/')
    if (name.startsWith('envelope/') || name in ALLOWED) continue
    for (const hit of hitsOf(file)) found.push(`src/${name}:${hit}`)
  }
  t.same(found, [], 'no body shape outside src/envelope/')
})

t.test('the check finds a body written by hand (it can fail)', async (t) => {
  t.same([...WIRE_ONLY], ['fieldErrors', 'requestId'], 'the members only a body has')
  const probe = fileURLToPath(new URL('../fixtures/seam-probe.ts.txt', import.meta.url))
  t.same(hitsOf(probe), ['2: a body with code, status, message, requestId', "4: the string 'fieldErrors'"])
})

t.test('every allowlisted file exists and still needs its entry', async (t) => {
  for (const name of Object.keys(ALLOWED)) t.ok(hitsOf(join(SRC, name)).length > 0, `${name} still writes a body shape`)
})
