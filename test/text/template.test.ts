import t from 'tap'
import { compileCatalog } from '../../src/catalog/compile.js'
import { compileTemplate, formatValue, parseTemplate, placeholdersOf } from '../../src/text/template.js'

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

t.test('a particle marker takes the form that fits the value before it', async (t) => {
  const template = compileTemplate('{name}{을/를} 찾을 수 없습니다.')
  t.same(template.names, ['name'], 'a marker is not a placeholder')
  const cases: Array<[string, unknown, string]> = [
    ['Hangul with a final consonant', '세션', '세션을 찾을 수 없습니다.'],
    ['Hangul without a final consonant', '메모', '메모를 찾을 수 없습니다.'],
    ['Latin read as a word', 'user', 'user를 찾을 수 없습니다.'],
    ['Latin ending in l', 'email', 'email을 찾을 수 없습니다.'],
    ['a Latin abbreviation', 'URL', 'URL을 찾을 수 없습니다.'],
    ['a digit ending in a vowel (이)', 'item2', 'item2를 찾을 수 없습니다.'],
    ['a number ending in a consonant (삼)', 3, '3을 찾을 수 없습니다.'],
    ['a round number (십)', 10, '10을 찾을 수 없습니다.'],
    ['nothing readable: both forms', undefined, '을(를) 찾을 수 없습니다.']
  ]
  for (const [name, value, want] of cases) t.equal(template.render({ name: value }), want, name)
})

t.test('markers follow literal text and values alike, in either order of the pair', async (t) => {
  t.equal(compileTemplate('세션{는/은} {count}개{이/가} 남았습니다.').render({ count: 3 }), '세션은 3개가 남았습니다.')
  t.equal(compileTemplate('{a}{와/과} {b}{으로/로}').render({ a: '강의', b: '서울' }), '강의와 서울로')
  t.equal(compileTemplate('{a}{와/과} {b}{으로/로}').render({ a: '세션', b: '부산' }), '세션과 부산으로')
})

t.test('a brace pair that is not a known marker stays as written', async (t) => {
  const parsed = parseTemplate('{code}{에/에서} 찾기 {한글}')
  t.same(parsed.names, ['code'])
  t.same(parsed.unknownMarkers, ['에/에서'])
  t.equal(compileTemplate('{code}{에/에서} 찾기').render({ code: 'A1' }), 'A1{에/에서} 찾기')
  t.equal(compileTemplate('{에/에서} 고정').render({}), '{에/에서} 고정')
})

t.test('a catalog message may use particle markers: the factory renders them with the details', async (t) => {
  const catalog = compileCatalog({
    version: 1,
    errors: {
      SESSION_NOT_FOUND: {
        status: 404,
        message: '{sessionName}{을/를} 찾을 수 없습니다.',
        suggestions: ['{sessionName}{이/가} 맞는지 확인하세요.'],
        details: { sessionName: { type: 'string' } }
      }
    }
  })
  const entry = catalog.get('SESSION_NOT_FOUND')
  t.ok(entry)
  t.same(entry?.render({ sessionName: '오전 세션' }), { message: '오전 세션을 찾을 수 없습니다.', suggestions: ['오전 세션이 맞는지 확인하세요.'] })
  t.equal(entry?.create({ sessionName: 'Vue 입문' }).message, 'Vue 입문을 찾을 수 없습니다.')
  t.equal(entry?.create({ sessionName: 'React' }).message, 'React를 찾을 수 없습니다.')
})
