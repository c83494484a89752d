import t from 'tap'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { compileCatalog, loadCatalog, type CatalogProblem } from '../../src/index.js'
import { formatProblem } from '../../src/tooling.js'
import { ROLE_CODES, ROLE_NAMES, requireRoles } from '../../src/catalog/roles.js'
import { TCatalogFile } from '../../src/catalog/format.js'
import { fixture } from '../helpers/app.js'
import { problemsOf } from '../helpers/problems.js'

const SERVER_ERROR = { status: 500, message: '서버 내부 오류가 발생했습니다.' }

t.test('each problem of a roles: section is reported at its line:col, in one FEC_ERR_CATALOG_INVALID', async (t) => {
  const file = fixture('broken/roles.yaml')
  const { lines, problems, error } = await problemsOf(file)
  t.equal(error.code, 'FEC_ERR_CATALOG_INVALID')
  t.same(lines, [
    '10:3  /roles/intrenal  unknown role "intrenal" (did you mean internal?)',
    '11:13  /roles/notFound  notFound: GONE_FOR_GOOD has status 410, but the notFound role answers with 404',
    '12:15  /roles/validation  validation: SERVER_ERROR has status 500, but the validation role answers with a 4xx status',
    '13:21  /roles/methodNotAllowed  methodNotAllowed: SERVER_EROR is not a code of the catalog (did you mean SERVER_ERROR?)',
    '14:16  /roles/unavailable  unavailable: NOT_FOUND has status 404, but the unavailable role answers with a 5xx status'
  ], 'badRequest: CONFLICT (a builtin 409) is fine')
  t.ok(problems.every((problem) => problem.rule === 'role'))
  t.match(error.message, `${file}:10:3`)
})

t.test('with builtin: false, a role may name only the catalog\'s own codes', async (t) => {
  const dir = t.testdir()
  const file = join(dir, 'own.yaml')
  writeFileSync(file, 'version: 1\nerrors:\n  SERVER_ERROR:\n    status: 500\n    message: 서버 내부 오류가 발생했습니다.\nroles:\n  internal: INTERNAL_ERROR\n')
  await t.resolves(loadCatalog(file), 'INTERNAL_ERROR is a builtin code, merged by default')
  const { problems } = await (async () => {
    try {
      await loadCatalog(file, { builtin: false })
    } catch (error) {
      return error as { problems: CatalogProblem[] }
    }
    throw new Error('loaded')
  })()
  t.same(problems.map((problem) => formatProblem({ ...problem, hint: undefined }).replace(`${file}:`, '')), [
    '7:13  /roles/internal  internal: INTERNAL_ERROR is not a code of the catalog'
  ])
})

t.test('a catalog names its own code for a role; the others keep their builtin codes', async (t) => {
  const catalog = compileCatalog({ version: 1, errors: { SERVER_ERROR, INPUT_INVALID: { status: 422, message: '입력값이 올바르지 않습니다.' } }, roles: { internal: 'SERVER_ERROR', validation: 'INPUT_INVALID' } })
  t.equal(catalog.roles.internal, catalog.get('SERVER_ERROR'))
  t.equal(catalog.roles.validation, catalog.get('INPUT_INVALID'))
  for (const role of ROLE_NAMES.filter((role) => role !== 'internal' && role !== 'validation')) {
    t.equal(catalog.roles[role], catalog.get(ROLE_CODES[role]), `${role} keeps ${ROLE_CODES[role]}`)
  }
  t.equal(catalog.get('INPUT_INVALID')?.fieldErrors, true, 'the validation role\'s code carries field errors')
  t.equal(catalog.get('VALIDATION_ERROR')?.fieldErrors, false, 'the builtin validation code no longer does')
  t.equal(catalog.get('SERVER_ERROR')?.fieldErrors, false)
  t.ok(Object.isFrozen(catalog.roles))
})

t.test('builtin: false: roles named by the catalog resolve, a required role left to a missing builtin code throws when read', async (t) => {
  const catalog = compileCatalog({ version: 1, errors: { SERVER_ERROR }, roles: { internal: 'SERVER_ERROR' } }, { builtin: false })
  t.equal(catalog.roles.internal.code, 'SERVER_ERROR', 'tooling can read the roles the catalog has')
  t.equal(catalog.roles.rateLimited, undefined, 'an optional role without its code is undefined')
  t.throws(() => catalog.roles.notFound, { code: 'FEC_ERR_CODE_MISSING', message: /NOT_FOUND/ })
  t.throws(() => requireRoles(catalog.roles), { code: 'FEC_ERR_CODE_MISSING', message: /VALIDATION_ERROR, INVALID_JSON, NOT_FOUND, .*BAD_REQUEST/ })
  t.notMatch(String(((): unknown => { try { return requireRoles(catalog.roles) } catch (error) { return (error as Error).message } })()), /INTERNAL_ERROR/, 'the internal role is SERVER_ERROR, not missing')
})

t.test('the editor schema lists every role with its default code', async (t) => {
  const roles = TCatalogFile.properties.roles as unknown as { properties: Record<string, { description: string, pattern: string }>, additionalProperties: boolean }
  t.same(Object.keys(roles.properties), ROLE_NAMES)
  t.equal(roles.additionalProperties, false)
  t.match(roles.properties.internal.description, /Default INTERNAL_ERROR\.$/)
})
