import t from 'tap'
import { compileCatalog, loadCatalog } from '../../src/index.js'
import { fixture } from '../helpers/app.js'
import { problemsOf } from '../helpers/problems.js'

/** A broken fixture's problems (see helpers/problems.ts). */
const brokenProblems = async (name: string): ReturnType<typeof problemsOf> => await problemsOf(fixture(`broken/${name}`))

const cases: Array<[string, string[]]> = [
  ['unknown-keys.yaml', [
    '5:5  /errors/SESSION_NOT_FOUND/mesage  unknown key "mesage"',
    '7:5  /errors/SESSION_NOT_FOUND/retriable  unknown key "retriable"'
  ]],
  ['wrong-types.yaml', [
    '4:13  /errors/SESSION_NOT_FOUND/status  expected integer, got "404"',
    '6:16  /errors/SESSION_NOT_FOUND/retryable  expected boolean, got "no"',
    '7:18  /errors/SESSION_NOT_FOUND/suggestions  expected array, got "세션 코드를 확인하세요."',
    '9:13  /errors/LECTURE_NOT_FOUND/status  expected integer to be greater or equal to 400, got 302',
    '10:14  /errors/LECTURE_NOT_FOUND/message  expected string length greater or equal to 1, got ""'
  ]],
  ['bad-codes.yaml', [
    '3:3  /errors/sessionNotFound  "sessionNotFound" is not a valid error code',
    '6:3  /errors/SESSION__GONE  "SESSION__GONE" is not a valid error code',
    '9:3  /errors/1ST_ERROR  "1ST_ERROR" is not a valid error code'
  ]],
  ['duplicate-keys.yaml', [
    '6:3  /errors/SESSION_NOT_FOUND  duplicate key "SESSION_NOT_FOUND": the value above it would be silently lost',
    '9:5  /errors/SESSION_NOT_FOUND/status  duplicate key "status": the value above it would be silently lost'
  ]],
  ['duplicate.json', [
    '5:5  /errors/SESSION_NOT_FOUND  duplicate key "SESSION_NOT_FOUND": the value above it would be silently lost',
    '5:81  /errors/SESSION_NOT_FOUND/retryable  expected boolean, got "yes"'
  ]],
  ['placeholders.yaml', [
    '5:14  /errors/SESSION_NOT_FOUND/message  placeholder {sessionCode} names no detail',
    '7:9  /errors/SESSION_NOT_FOUND/suggestions/0  placeholder {lectureId} names no detail'
  ]],
  // Known particle markers are not placeholders; an unknown one is reported like an unknown placeholder.
  ['particle-markers.yaml', [
    '5:14  /errors/SESSION_NOT_FOUND/message  placeholder {lectureId} names no detail',
    '7:9  /errors/SESSION_NOT_FOUND/suggestions/0  {에/에서} is not a known particle marker'
  ]],
  ['unknown-category.yaml', [
    '8:15  /errors/SESSION_NOT_FOUND/category  unknown category "sessions"',
    '12:15  /errors/LECTURE_NOT_FOUND/category  unknown category "lecture"'
  ]],
  ['bad-details.yaml', [
    '7:25  /errors/SESSION_FULL/details/capacity/type  unknown detail type "int"',
    '8:54  /errors/SESSION_FULL/details/members/items/maxLen  unknown key "maxLen"',
    '9:50  /errors/SESSION_FULL/details/owner/properties/name  a detail needs a `type`',
    '10:13  /errors/SESSION_FULL/details/when  a detail needs a `type`'
  ]],
  ['many-problems.yaml', [
    '1:10  /version  expected 1, got 2',
    '3:1  /colour  unknown key "colour"',
    '5:3  /errors/session_not_found  "session_not_found" is not a valid error code',
    '7:14  /errors/session_not_found/message  placeholder {code} names no detail',
    '9:13  /errors/LECTURE_NOT_FOUND/status  expected integer to be less or equal to 599, got 700',
    '11:15  /errors/LECTURE_NOT_FOUND/category  unknown category "nope"'
  ]],
  ['reserved.yaml', [
    '3:3  /errors/SERVER_ERROR  SERVER_ERROR is reserved (retired) and may not be defined again'
  ]],
  // Reported where the string opens (line 5), not where the text runs out.
  ['syntax.yaml', ['5:14  /  the double-quoted string that starts here never ends: add the closing "']],
  ['syntax.json', ['4:72  /  Expected double-quoted property name in JSON at position 103']],
  ['not-a-catalog.yaml', ['1:1  /  a catalog must be a mapping with `version: 1` and `errors`']]
]

for (const [name, want] of cases) {
  t.test(`${name}: every problem is reported with file:line:col, then one error is thrown`, async (t) => {
    const { lines, error } = await brokenProblems(name)
    t.same(lines, want)
    t.equal(error.code, 'FEC_ERR_CATALOG_INVALID')
    t.match(error.message, `${fixture(`broken/${name}`)}:${want[0].split('  ')[0]}`, 'the message lists the problems with their file')
    t.match(error.message, `has ${want.length} problem(s)`)
  })
}

t.test('problems carry a rule id and, where a fix is clear, a hint', async (t) => {
  const { error } = await brokenProblems('unknown-keys.yaml')
  t.same(error.problems?.map((problem) => problem.rule), ['unknown-key', 'unknown-key'])
  t.match(error.problems?.[0].hint, /allowed keys: status, message/)
  t.match(error.message, '(did you mean `message`? allowed keys: status, message,')
})

t.test('a catalog object without source positions reports pointers under <inline>', async (t) => {
  try {
    compileCatalog({ version: 1, errors: { BAD: { status: 200, message: '정상입니다.' } } })
    t.fail('compiled')
  } catch (error) {
    t.equal((error as Error).message.split('\n')[1], '  <inline>  /errors/BAD/status  expected integer to be greater or equal to 400, got 200')
  }
})

t.test('a missing file or a wrong extension is FEC_ERR_CATALOG_READ', async (t) => {
  await t.rejects(loadCatalog(fixture('broken/none.yaml')), { code: 'FEC_ERR_CATALOG_READ', message: /none\.yaml: ENOENT/ })
  await t.rejects(loadCatalog(fixture('broken/catalog.toml')), { code: 'FEC_ERR_CATALOG_READ', message: /must end in \.yaml, \.yml or \.json/ })
})

t.test('docsUrl must be a URI', async (t) => {
  t.ok(compileCatalog({ version: 1, errors: { A_B: { status: 400, message: '틀렸습니다.', docsUrl: 'https://example.com/errors#a-b' } } }))
  t.throws(() => compileCatalog({ version: 1, errors: { A_B: { status: 400, message: '틀렸습니다.', docsUrl: 'not a url' } } }), {
    message: '<inline>  /errors/A_B/docsUrl  expected string to match \'uri\' format, got "not a url"'
  })
})
