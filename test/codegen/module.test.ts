import t from 'tap'
import { Ajv } from 'ajv'
import formatsModule from 'ajv-formats'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { parse } from 'yaml'
import { compileCatalog } from '../../src/catalog/compile.js'
import { loadCatalogSync } from '../../src/catalog/load.js'
import { renderCatalogSchema } from '../../src/codegen/catalog-schema.js'
import { literal, quote } from '../../src/codegen/literal.js'
import { GENERATED_HEADER, renderModule } from '../../src/codegen/module.js'
import { guardName, pascalCase } from '../../src/codegen/names.js'
import * as generated from '../../examples/generated/errors.js'

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url))
const example = loadCatalogSync(here('../../catalog/example.yaml'))

t.test('the generated TypeBox schemas are the schemas the loader builds', async (t) => {
  t.same(generated.ERROR_CODES, example.codes, 'every code, in catalog order')
  for (const code of example.codes) {
    const schema = generated.detailsSchemas[code as generated.ErrorCode]
    t.same(JSON.parse(JSON.stringify(schema)), JSON.parse(JSON.stringify(example.entries[code].detailsSchema)), code)
  }
})

t.test('output is deterministic and starts with the do-not-edit header', async (t) => {
  const first = renderModule(example, { source: 'catalog/example.yaml' })
  const again = renderModule(loadCatalogSync(here('../../catalog/example.yaml')), { source: 'catalog/example.yaml' })
  t.equal(first, again)
  t.ok(first.startsWith(GENERATED_HEADER + '\n'))
  t.match(first, "declare module 'fastify-error-catalog' {", 'augments the package by default')
  t.notMatch(renderModule(example, { source: 'x', augment: false }), 'declare module', '--no-augment leaves it out')
  t.match(renderModule(compileCatalog({ version: 1, errors: { A_B: { status: 400, message: '안 됩니다.' } } }, { builtin: false }), { source: 'x' }), '(without the builtin catalog)')
})

t.test('typedErrors hands out the catalog\'s factories, and refuses a catalog the module does not match', async (t) => {
  const errors = generated.typedErrors(example)
  const error = errors.SESSION_NOT_FOUND({ sessionCode: 'AB12CD' })
  t.equal(error.code, 'SESSION_NOT_FOUND')
  t.equal(error.message, '세션을 찾을 수 없습니다. (세션 코드 AB12CD)')
  t.ok(generated.isSessionNotFound(error))
  t.notOk(generated.isSessionFull(error))
  t.notOk(generated.isSessionNotFound(new Error('x')))
  t.throws(() => generated.typedErrors(compileCatalog({ version: 1, errors: {} })), /stale: AUTH_FAILED is missing from the catalog/)
  const data = parse(readFileSync(here('../../catalog/example.yaml'), 'utf8'))
  const moved = compileCatalog({ ...data, errors: { ...data.errors, AUTH_FAILED: { ...data.errors.AUTH_FAILED, status: 400 } } })
  t.throws(() => generated.typedErrors(moved), /AUTH_FAILED is 400 in the catalog/)
})

t.test('each guard recognises its own code and no other', async (t) => {
  const errors = example.errors
  const guards = generated as unknown as Record<string, (value: unknown) => boolean>
  for (const code of generated.ERROR_CODES) {
    const guard = guards[guardName(code)]
    const other = generated.ERROR_CODES.find((candidate) => candidate !== code) as string
    t.ok(guard(errors[code]({}, { captureStack: false })), `${guardName(code)} accepts ${code}`)
    t.notOk(guard(errors[other]({}, { captureStack: false })), `${guardName(code)} rejects ${other}`)
  }
})

t.test('names and literals follow the house style', async (t) => {
  t.equal(pascalCase('SESSION_NOT_FOUND'), 'SessionNotFound')
  t.equal(guardName('A1_B2'), 'isA1B2')
  t.equal(quote("it's \\ \n \r \u2028 \u2029"), "'it\\'s \\\\ \\n \\r \\u2028 \\u2029'")
  t.equal(literal({ a: 1, 'b-c': [true, null], d: undefined, e: {} }), "{ a: 1, 'b-c': [true, null], e: {} }")
  t.equal(literal(Symbol('x')), 'undefined')
})

t.test('every detail type is generated as the runtime builds it', async (t) => {
  const catalog = compileCatalog({
    version: 1,
    errors: {
      ALL_TYPES: {
        status: 400,
        message: '모든 형식입니다.',
        details: {
          s: { type: 'string', format: 'email', minLength: 1, maxLength: 9 },
          e: { type: 'string', enum: ['a', "b'c"], example: 'a' },
          i: { type: 'integer', minimum: 0, maximum: 9 },
          n: { type: 'number', optional: true },
          b: { type: 'boolean', description: '참' },
          a: { type: 'array', items: { type: 'integer' }, description: '목록' },
          o: { type: 'object', properties: { x: { type: 'string', optional: true } } },
          empty: { type: 'object', properties: {} }
        }
      },
      OPTIONAL_ONLY: { status: 400, message: '선택입니다.', details: { n: { type: 'number', optional: true } } }
    }
  }, { builtin: false })
  const source = renderModule(catalog, { source: 'x.yaml', importFrom: 'lib' })
  t.match(source, "e: Type.Unsafe<'a' | 'b\\'c'>({ type: 'string', enum: ['a', 'b\\'c'], examples: ['a'] })")
  t.match(source, 'readonly ALL_TYPES: RequiredDetailsFactory<')
  t.match(source, 'readonly OPTIONAL_ONLY: OptionalDetailsFactory<')
  // Evaluate the generated schema expressions with the real TypeBox and compare with the runtime schemas.
  const { Type } = await import('@sinclair/typebox')
  for (const code of catalog.codes) {
    const name = `T${pascalCase(code)}Details`
    const match = new RegExp(`export const ${name} = ([\\s\\S]*?)\\n/\\*\\*`).exec(source)
    t.ok(match, `${name} is generated`)
    // The expression is TypeScript (Type.Unsafe<'a'>); the compiler strips the types before it runs.
    const script = ts.transpile(`(${match?.[1] ?? ''})`, { target: ts.ScriptTarget.ES2022 })
    // eslint-disable-next-line no-new-func
    const schema = new Function('Type', `return ${script}`)(Type)
    t.same(JSON.parse(JSON.stringify(schema)), JSON.parse(JSON.stringify(catalog.entries[code].detailsSchema)), code)
  }
})

t.test('catalog.schema.json is the loader\'s format, and a real validator accepts good catalogs and rejects bad ones', async (t) => {
  const text = renderCatalogSchema()
  t.equal(text, readFileSync(here('../../catalog/catalog.schema.json'), 'utf8'), 'the committed schema is fresh')
  t.notMatch(text, '"$id"', 'no bare $id for editors to resolve')
  const ajv = new Ajv({ allErrors: true, strict: true })
  // ajv-formats is CommonJS: under NodeNext its default import is the module object.
  const addFormats = formatsModule.default
  addFormats(ajv)
  const validate = ajv.compile(JSON.parse(text))
  for (const name of ['example.yaml', 'builtin.yaml']) t.ok(validate(parse(readFileSync(here(`../../catalog/${name}`), 'utf8'))), `${name} is valid`)
  t.notOk(validate(parse(readFileSync(here('../fixtures/cli/lint-all.yaml'), 'utf8'), { uniqueKeys: false })), 'the broken fixture is not')
  const paths = (validate.errors ?? []).map((error) => error.instancePath)
  t.ok(paths.includes('/errors/SESSION_TEAPOT/status'), 'status range')
  t.ok(paths.some((path) => path.startsWith('/errors/SESSION_PLACEHOLDER/details/when')), 'detail type, through the recursive definition')
})

t.test('both repo catalogs point editors at the schema', async (t) => {
  for (const name of ['example.yaml', 'builtin.yaml']) {
    t.equal(readFileSync(here(`../../catalog/${name}`), 'utf8').split('\n')[0], '# yaml-language-server: $schema=./catalog.schema.json', name)
  }
})
