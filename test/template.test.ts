import t from 'tap'
import { compileTemplate, formatValue, placeholdersOf } from '../src/catalog/template.js'

t.test('placeholders are listed once, in order of first appearance', async (t) => {
  t.same(placeholdersOf('{a} 그리고 {b}, 다시 {a}'), ['a', 'b'])
  t.same(placeholdersOf('중괄호 { 띄어쓰기 } 와 {1a} 는 자리표시자가 아닙니다'), [])
})

t.test('a template renders details into the Korean message', async (t) => {
  const template = compileTemplate('세션을 찾을 수 없습니다. (세션 코드 {sessionCode})')
  t.equal(template.render({ sessionCode: 'A1' }), '세션을 찾을 수 없습니다. (세션 코드 A1)')
  t.equal(template.render({}), '세션을 찾을 수 없습니다. (세션 코드 )', 'a missing value renders empty')
  t.equal(compileTemplate('고정 문구입니다.').render(undefined), '고정 문구입니다.')
})

t.test('values read naturally inside a message', async (t) => {
  const cases: Array<[unknown, string]> = [
    ['문자열', '문자열'], [3, '3'], [true, 'true'], [null, ''], [undefined, ''],
    [['GET', 'HEAD'], 'GET, HEAD'], [{ a: 1 }, '{"a":1}'], [10n, '10']
  ]
  for (const [value, want] of cases) t.equal(formatValue(value), want, JSON.stringify(String(value)))
})
