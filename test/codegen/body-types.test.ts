/**
 * The generated body types say exactly what the server sends (issue 11: `generate` uses the declared wire format).
 * A real Fastify app answers in each format; its bodies are pasted into TypeScript typed by the generated module and
 * compiled with the TypeScript API: they must compile, and bodies that differ from the format must not.
 */
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ts from 'typescript'
import { loadCatalogSync } from '../../src/catalog/load.js'
import { parseEnvelopeDeclaration } from '../../src/catalog/envelope-syntax.js'
import { bodyTypeLines } from '../../src/codegen/body-types.js'
import { renderModule } from '../../src/codegen/module.js'
import { declaredFormat } from '../../src/envelope/declared.js'
import { schemaType } from '../../src/codegen/schema-type.js'
import { resolveFormats, type EnvelopeOption } from '../../src/plugin/formats.js'
import { buildApp } from '../helpers/app.js'
import { recipe } from '../helpers/recipes.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const here = `${root}test/codegen/`

interface Case {
  envelope: EnvelopeOption | undefined
  /** Where the code and the details sit, from a narrowed `value`. */
  code: string
  details: string
  /** A member every body has at the top. */
  required: string
  /** The top-level code member, when a plain `===` must narrow the union too. */
  discriminator?: string
}

const CASES: Array<[string, Case]> = [
  ['default', { envelope: undefined, code: 'code', details: 'details', required: 'message', discriminator: 'code' }],
  ['problem', { envelope: 'problem', code: 'code', details: 'details', required: 'detail', discriminator: 'code' }],
  ['seed-004', { envelope: recipe('seed-004') as EnvelopeOption, code: 'error_code', details: 'detail', required: 'timestamp', discriminator: 'error_code' }],
  ['seed-000', { envelope: recipe('seed-000') as EnvelopeOption, code: 'error.code', details: 'error.details', required: 'status' }]
]

function routes (app: FastifyInstance): void {
  app.get('/sessions/:code', async (request) => { throw app.errors.SESSION_NOT_FOUND({ sessionCode: (request.params as { code: string }).code }) })
  app.get('/full', async () => { throw app.errors.SESSION_FULL({ sessionCode: 'A1', capacity: 30 }) })
  app.post('/users', { schema: { body: { type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' } } } } }, async () => 'ok')
  app.get('/crash', async () => { throw new Error('secret') })
}

/** The bodies a real app sends in a format, by code. */
async function realBodies (envelope: EnvelopeOption | undefined): Promise<{ app: FastifyInstance, bodies: Record<string, unknown> }> {
  const app = await buildApp(envelope === undefined ? {} : { envelope }, routes)
  const bodies: Record<string, unknown> = {}
  for (const [code, request] of [
    ['SESSION_NOT_FOUND', { url: '/sessions/A1' }],
    ['SESSION_FULL', { url: '/full' }],
    ['VALIDATION_ERROR', { method: 'POST' as const, url: '/users', payload: { email: 'bad' } }],
    ['INTERNAL_ERROR', { url: '/crash' }],
    ['NOT_FOUND', { url: '/nowhere' }]
  ] as const) {
    const res = await app.inject(request)
    bodies[code] = res.json()
  }
  return { app, bodies }
}

/** The module and the two check files of one format, in memory beside this test. */
function sources (name: string, module: string, bodies: Record<string, unknown>, c: Case): Record<string, string> {
  const json = (value: unknown): string => JSON.stringify(value)
  const { [c.required]: _, ...withoutRequired } = bodies.SESSION_NOT_FOUND as Record<string, unknown>
  const good = [
    `import { isAnyErrorBody, isErrorBodyOf, type ErrorBodies, type ErrorBodyUnion } from './virtual-${name}-errors.js'`,
    ...Object.entries(bodies).map(([code, body]) => `export const ${code.toLowerCase()}: ErrorBodies['${code}'] = ${json(body)}`),
    `export const all: ErrorBodyUnion[] = [${Object.values(bodies).map(json).join(', ')}]`,
    'export function capacityOf (value: unknown): number | undefined {',
    '  if (!isAnyErrorBody(value) || !isErrorBodyOf(value, \'SESSION_FULL\')) return undefined',
    `  const code: 'SESSION_FULL' = value.${c.code}`,
    `  return code === 'SESSION_FULL' ? value.${c.details}.capacity : undefined`,
    '}',
    ...(c.discriminator === undefined
      ? []
      : [`export function sessionCodeOf (body: ErrorBodyUnion): string | undefined { return body.${c.discriminator} === 'SESSION_NOT_FOUND' ? body.${c.details}.sessionCode : undefined }`])
  ].join('\n')
  const bad = [
    `import { isErrorBodyOf, type ErrorBodies } from './virtual-${name}-errors.js'`,
    `export const wrongCode: ErrorBodies['SESSION_FULL'] = ${json(bodies.SESSION_NOT_FOUND)}`,
    `export const missing: ErrorBodies['SESSION_NOT_FOUND'] = ${json(withoutRequired)}`,
    `export const extra: ErrorBodies['SESSION_NOT_FOUND'] = ${json({ ...(bodies.SESSION_NOT_FOUND as object), extra: 1 })}`,
    `export function narrowed (value: unknown): unknown { return isErrorBodyOf(value, 'INTERNAL_ERROR') ? ((code: 'SESSION_FULL') => code)(value.${c.code}) : undefined }`
  ].join('\n')
  return { [`virtual-${name}-errors.ts`]: module, [`virtual-${name}-good.ts`]: good, [`virtual-${name}-bad.ts`]: bad }
}

/** Compiles in-memory files (beside this test, so `../../src/index.js` resolves) with the repo's options. */
function compile (files: Record<string, string>): (file: string) => string[] {
  const config = ts.parseJsonConfigFileContent(ts.readConfigFile(`${root}tsconfig.json`, (path) => ts.sys.readFile(path)).config, ts.sys, root)
  const host = ts.createCompilerHost(config.options)
  const { fileExists, readFile, getSourceFile } = host
  const virtual = (path: string): string | undefined => path.startsWith(here) ? files[path.slice(here.length)] : undefined
  host.fileExists = (path) => virtual(path) !== undefined || fileExists.call(host, path)
  host.readFile = (path) => virtual(path) ?? readFile.call(host, path)
  host.getSourceFile = (path, language, ...rest) => {
    const text = virtual(path)
    return text === undefined ? getSourceFile.call(host, path, language, ...rest) : ts.createSourceFile(path, text, language)
  }
  const program = ts.createProgram({ rootNames: Object.keys(files).filter((file) => !file.endsWith('-errors.ts')).map((file) => here + file), options: config.options, host })
  return (file) => {
    const source = program.getSourceFile(here + file)
    if (source === undefined) throw new Error(`not compiled: ${file}`)
    return ts.getPreEmitDiagnostics(program, source).map((diagnostic) => {
      const line = diagnostic.start === undefined ? 0 : source.getLineAndCharacterOfPosition(diagnostic.start).line + 1
      return `${line}: TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`
    })
  }
}

t.test('the generated body types accept the bodies a real app sends, in every format, and reject others', async (t) => {
  const files: Record<string, string> = {}
  const modules: Record<string, { text: string, bodies: Record<string, unknown> }> = {}
  for (const [name, c] of CASES) {
    const { app, bodies } = await realBodies(c.envelope)
    t.teardown(() => app.close())
    const catalog = app.errorCatalog
    const format = c.envelope === undefined ? undefined : resolveFormats(catalog, { envelope: c.envelope }).primary
    const module = renderModule(catalog, { source: 'catalog/example.yaml', importFrom: '../../src/index.js', augment: false, format })
    Object.assign(files, sources(name, module, bodies, c))
    modules[name] = { text: renderModule(catalog, { source: 'catalog/example.yaml', importFrom: `${root}src/index.js`, augment: false, format }), bodies }
  }
  const check = compile(files)
  for (const [name] of CASES) {
    t.same(check(`virtual-${name}-good.ts`), [], `${name}: real bodies compile, the guard narrows${name === 'seed-000' ? ' (code at error.code)' : ''}`)
    const lines = [...new Set(check(`virtual-${name}-bad.ts`).map((diagnostic) => Number(diagnostic.split(':')[0])))]
    t.same(lines, [2, 3, 4, 5], `${name}: another code's body, a missing member, an extra member and a wrong narrowing each fail`)
  }

  // The guards run too: the generated module, imported.
  const dir = mkdtempSync(join(tmpdir(), 'body-types-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  for (const [name, { text, bodies }] of Object.entries(modules)) {
    writeFileSync(join(dir, `${name}.mts`), text)
    const generated = await import(pathToFileURL(join(dir, `${name}.mts`)).href) as {
      isAnyErrorBody: (value: unknown) => boolean
      isErrorBodyOf: (value: unknown, code: string) => boolean
    }
    for (const [code, body] of Object.entries(bodies)) {
      t.ok(generated.isAnyErrorBody(body) && generated.isErrorBodyOf(body, code), `${name}: a ${code} body is recognised`)
      t.notOk(generated.isErrorBodyOf(body, code === 'NOT_FOUND' ? 'SESSION_FULL' : 'NOT_FOUND'), `${name}: a ${code} body is no other code's`)
    }
    for (const value of [null, 'NOT_FOUND', {}, { code: 'NO_SUCH_CODE' }, { error: 'NOT_FOUND' }]) t.notOk(generated.isAnyErrorBody(value), `${name}: ${JSON.stringify(value)} is no body`)
  }
})

t.test('a format without $code gets body types but no guards; a body that is not an object gets a type alias', async (t) => {
  const catalog = loadCatalogSync(`${root}test/fixtures/envelope/declared.yaml`, { builtin: false })
  const declaration = parseEnvelopeDeclaration({ body: {} }, () => {})
  if (declaration === undefined) throw new Error('a declaration of an empty body')
  const text = bodyTypeLines(catalog.codes.map((code) => catalog.entries[code]), declaredFormat(declaration, { name: 'custom' })).join('\n')
  t.match(text, 'export type SessionGoneBody = Record<string, never>')
  t.match(text, 'export type ErrorBodyUnion = ErrorBodies[ErrorCode]')
  t.notMatch(text, 'isErrorBodyOf', 'no code to read')
})

t.test('the schema subset becomes exact types: optional, nullable, constants, enums, tuples, records', async (t) => {
  const cases: Array<[string, { given: Record<string, unknown>, want: string }]> = [
    ['a constant', { given: { const: 'A', type: 'string' }, want: '\'A\'' }],
    ['an enum', { given: { type: 'string', enum: ['a', 'b'] }, want: '\'a\' | \'b\'' }],
    ['a nullable member', { given: { anyOf: [{ type: 'integer' }, { type: 'null' }] }, want: 'number | null' }],
    ['a type list', { given: { type: ['array', 'null'], items: { type: 'string' } }, want: 'string[] | null' }],
    ['a tuple', { given: { type: 'array', items: [{ type: 'string' }, { type: 'boolean' }] }, want: '[string, boolean]' }],
    ['a list of a union', { given: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'integer' }] } }, want: 'Array<string | number>' }],
    ['a record', { given: { type: 'object', patternProperties: { '^(.*)$': { type: 'array', items: { type: 'string' } } } }, want: 'Record<string, string[]>' }],
    ['a closed empty object', { given: { type: 'object', properties: {}, additionalProperties: false }, want: 'Record<string, never>' }],
    ['an object', { given: { type: 'object', required: ['a'], properties: { a: { type: 'number' }, 'b-c': { type: 'boolean' } } }, want: '{\n  a: number\n  \'b-c\'?: boolean\n}' }],
    ['an open object', { given: { type: 'object' }, want: 'Record<string, unknown>' }],
    ['a list of anything', { given: { type: 'array' }, want: 'unknown[]' }],
    ['no alternative', { given: { anyOf: [] }, want: 'never' }],
    ['an unknown type', { given: { type: 'file' }, want: 'unknown' }],
    ['anything else', { given: { not: {} }, want: 'unknown' }]
  ]
  for (const [name, { given, want }] of cases) t.equal(schemaType(given), want, name)
})
