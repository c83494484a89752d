import t from 'tap'
import { compileTemplate, parseTemplate } from '../../src/text/template.js'
import { finalSound, pickParticle, withParticle, PARTICLE_PAIRS } from '../../src/text/particles.js'

// [label, 은/는, 이/가, 을/를, 으로/로]
const LABELS: Array<[string, string, string, string, string]> = [
  // Hangul: no final consonant, a final ㄹ, another final consonant.
  ['나이', '는', '가', '를', '로'],
  ['이메일', '은', '이', '을', '로'],
  ['수량', '은', '이', '을', '으로'],
  ['비밀번호', '는', '가', '를', '로'],
  // The word before a parenthesis takes the particle.
  ['이메일(email)', '은', '이', '을', '로'],
  ['주소 (도로명)', '는', '가', '를', '로'],
  // English words, read as Korean writes them.
  ['email', '은', '이', '을', '로'],
  ['age', '는', '가', '를', '로'],
  ['name', '은', '이', '을', '으로'],
  ['user', '는', '가', '를', '로'],
  ['title', '은', '이', '을', '로'],
  ['type', '은', '이', '을', '으로'],
  ['zip', '은', '이', '을', '으로'],
  ['code', '는', '가', '를', '로'],
  ['status', '는', '가', '를', '로'],
  ['token', '은', '이', '을', '으로'],
  ['string', '은', '이', '을', '으로'],
  ['limit', '은', '이', '을', '으로'],
  ['count', '는', '가', '를', '로'],
  ['block', '은', '이', '을', '으로'],
  ['topic', '은', '이', '을', '으로'],
  ['createdAt', '은', '이', '을', '으로'],
  ['signUp', '은', '이', '을', '으로'],
  ['x-api-key', '는', '가', '를', '로'],
  // Abbreviations, spelled letter by letter: 아이디, 유알엘, 아이피, 피더블유디, 엠.
  ['id', '는', '가', '를', '로'],
  ['URL', '은', '이', '을', '로'],
  ['postURL', '은', '이', '을', '로'],
  ['userId', '는', '가', '를', '로'],
  ['clientIp', '는', '가', '를', '로'],
  ['pwd', '는', '가', '를', '로'],
  ['m', '은', '이', '을', '으로'],
  ['API', '는', '가', '를', '로'],
  // Numbers in Sino-Korean: 이, 삼, 일, 칠, 십, 백, 영, 조.
  ['item2', '는', '가', '를', '로'],
  ['step3', '은', '이', '을', '으로'],
  ['step1', '은', '이', '을', '로'],
  ['7', '은', '이', '을', '로'],
  ['item10', '은', '이', '을', '으로'],
  ['100', '은', '이', '을', '으로'],
  ['0', '은', '이', '을', '으로'],
  ['007', '은', '이', '을', '로'],
  ['1000000000000', '는', '가', '를', '로'],
  // Jamo read by name: 키읔, 리을, 아.
  ['ㅋ', '은', '이', '을', '으로'],
  ['ㄹ', '은', '이', '을', '로'],
  ['ㅏ', '는', '가', '를', '로']
]

t.test('a label gets the particle its last sound asks for', async (t) => {
  for (const [label, topic, subject, object, direction] of LABELS) {
    t.same(
      [withParticle(label, '은/는'), withParticle(label, '이/가'), withParticle(label, '을/를'), withParticle(label, '으로/로')],
      [label + topic, label + subject, label + object, label + direction],
      label
    )
  }
})

t.test('a label that cannot be read gets both forms, as Korean software writes them', async (t) => {
  t.equal(withParticle('★', '은/는'), '★은(는)')
  t.equal(withParticle('', '이/가'), '이(가)')
  t.equal(finalSound('())'), 'unknown')
})

t.test('copula forms follow the same rule, with ㄹ counted as a final consonant', async (t) => {
  t.equal(withParticle('문자열', '이어야/여야'), '문자열이어야')
  t.equal(withParticle('숫자', '이어야/여야'), '숫자여야')
  t.equal(withParticle('null', '이어야/여야'), 'null이어야')
  t.equal(withParticle('카드', '과/와'), '카드와')
  t.equal(withParticle('계좌', '와/과'), '계좌와')
  t.equal(withParticle('번호', '는/은'), '번호는', 'either order of a marker is accepted')
  t.throws(() => withParticle('값', '에/에서'), /unknown particle marker/)
  t.equal(pickParticle('URL', ['으로서', '로서']), '로서')
})

t.test('every pair is distinct and both of its forms are Hangul', async (t) => {
  for (const [withFinal, withoutFinal] of PARTICLE_PAIRS) {
    t.match(withFinal + withoutFinal, /^[가-힣]+$/)
    t.not(withFinal, withoutFinal)
  }
})

t.test('a template places particles after placeholders and literals alike', async (t) => {
  const template = compileTemplate('{label}{은/는} {limit}자 이상이어야 합니다. {에/에서}')
  t.same(template.names, ['label', 'limit'])
  t.same(parseTemplate(template.source).unknownMarkers, ['에/에서'], 'an unknown marker is kept as text and listed')
  t.equal(template.render({ label: '비밀번호', limit: '8' }), '비밀번호는 8자 이상이어야 합니다. {에/에서}')
  t.equal(template.render({ label: 'email', limit: '8' }), 'email은 8자 이상이어야 합니다. {에/에서}')
  t.equal(compileTemplate('수량{은/는} 고정 문구').render({}), '수량은 고정 문구')
  t.equal(compileTemplate('고정 문구입니다.').render({}), '고정 문구입니다.')
  t.equal(compileTemplate('{label}{은/는} 필수입니다.').render({}), '은(는) 필수입니다.', 'a missing value renders empty')
})

t.test('a very long label is read from its end only', async (t) => {
  t.equal(withParticle('a'.repeat(100_000) + '이메일', '은/는').slice(-4), '이메일은')
})
