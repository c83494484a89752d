/** `validation.codes` and `validation.echo` in the catalog (docs/validation.md, "Validation as catalog codes"): checked with file:line:col, compiled in order. */
import t from 'tap'
import { compileCatalog } from '../../src/index.js'
import { fixture } from '../helpers/app.js'
import { problemsOf } from '../helpers/problems.js'

t.test('every mistake in validation.codes is a problem at its place', async (t) => {
  const { lines } = await problemsOf(fixture('broken/validation-codes.yaml'))
  t.same(lines, [
    '13:18  /validation/codes/1/keyword  unknown validation keyword "formt" (did you mean format?)',
    '14:34  /validation/codes/2/code  unknown code INVALID_EMAL (did you mean INVALID_EMAIL?)',
    '15:36  /validation/codes/3/field  "items[0].password" is not a field path',
    '16:37  /validation/codes/4/format  `format` narrows only keyword format, not "minLength"',
    '16:50  /validation/codes/4/code  PASSWORD_TOO_WEAK requires details a validation failure does not give (min)',
    '18:7  /validation/codes/6  this rule never matches: rule 0 (keyword: format, format: email) comes first and takes every failure it would',
    '19:35  /validation/codes/7/code  SERVER_DOWN has status 503: a validation failure is the client\'s, answered with a 4xx code'
  ], 'a rule narrowed by field stays reachable after another field\'s rule; an unreachable rule names the first rule that covers it')
})

t.test('rules compile in order; echo is off unless the catalog opts in', async (t) => {
  const base = { version: 1, errors: { INVALID_EMAIL: { status: 422, message: '올바른 이메일 형식이 아닙니다.' } } }
  const rules = [{ keyword: 'format', format: 'email', code: 'INVALID_EMAIL' }, { keyword: 'required', field: 'items[].email', code: 'INVALID_EMAIL' }]
  const catalog = compileCatalog({ ...base, validation: { codes: rules, echo: { maxLength: 40 } } })
  t.same(catalog.validation.codes, rules)
  t.same(catalog.validation.echo, { maxLength: 40 })
  const plain = compileCatalog(base)
  t.same(plain.validation.codes, [])
  t.equal(plain.validation.echo, undefined)
  t.throws(() => compileCatalog({ ...base, validation: { echo: { maxLength: 0 } } }), { code: 'FEC_ERR_CATALOG_INVALID' }, 'maxLength is at least 1')
})
