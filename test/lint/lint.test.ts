import t from 'tap'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { readCatalogDocumentSync } from '../../src/catalog/load.js'
import { parseCatalogText } from '../../src/catalog/source.js'
import { lintCatalogDocument, lintText } from '../../src/lint/lint.js'
import { SyllableFrequency } from '../../src/lint/hangul-frequency.js'
import { findMojibake, type MojibakeReport } from '../../src/lint/mojibake.js'
import { LINT_RULES, lintRule } from '../../src/lint/rules.js'
import { speechLevelOfSentence, speechLevelsOf } from '../../src/lint/speech-level.js'

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url))
const fixture = (name: string): string => here(`../fixtures/cli/${name}`)
/** UTF-8 text read back as Windows-1252, the way the seed was damaged (Node's decoder keeps undefined bytes as C1 controls). */
const garble = (text: string): string => new TextDecoder('windows-1252').decode(new TextEncoder().encode(text))

t.test('mojibake is found, and repaired only where every byte survived', async (t) => {
  const cases: Array<[string, { given: string, want: { repaired: string, certain: boolean } | undefined }]> = [
    ['a whole sentence whose bytes all survive', { given: garble('세션 코드 오류'), want: { repaired: '세션 코드 오류', certain: true } }],
    ['Windows-1252 undefined bytes kept as C1 controls (Latin-1)', { given: garble('에러가 발생했습니다.'), want: { repaired: '에러가 발생했습니다.', certain: true } }],
    ['a byte dropped by the wrong decoder: ranked, the likeliest syllable first', { given: 'ì—ëŸ¬', want: { repaired: '에러', certain: false } }],
    ['an emoji read through Windows-1254 (ğ for 0xF0)', { given: 'ğŸ“‹ 목록', want: { repaired: '📋 목록', certain: true } }],
    ['clean Korean', { given: '세션을 찾을 수 없습니다.', want: undefined }],
    ['real Latin-1 words', { given: 'café, Straße, naïve résumé, ½ °C', want: undefined }],
    ['plain ASCII', { given: 'SESSION_NOT_FOUND', want: undefined }]
  ]
  for (const [name, { given, want }] of cases) {
    const found = findMojibake(given)
    t.same(found === undefined ? undefined : { repaired: found.repaired, certain: found.certain }, want, name)
  }
})

t.test('the mojibake seed: every damaged line is flagged, and certain lines are repaired exactly', async (t) => {
  const seed = readFileSync(fixture('mojibake-seed-002.txt'), 'utf8')
  const problems = lintText(seed, 'seed.txt')
  const lines = seed.split('\n')
  const hangulOrMojibake = lines.filter((line) => /[À-ÿ]/.test(line)).length
  t.ok(problems.length >= 80, `${problems.length} lines flagged`)
  t.ok(problems.length <= hangulOrMojibake, 'never more lines than have accented letters')
  t.ok(problems.every((problem) => problem.rule === 'mojibake' && problem.severity === 'error'))
  const line32 = problems.find((problem) => problem.line === 32)
  t.equal(line32?.fix, '| 422 | VALIDATION_ERROR | 유효성 검사 실패 |', 'line 32 is repaired with certainty')
  t.match(line32?.hint, /^replace with: /)
  const line1 = problems.find((problem) => problem.line === 1)
  t.equal(line1?.fix, undefined, 'a line with lost bytes gets no certain fix')
  t.equal(line1?.hint?.split('; guessed')[0], 'check and retype it; best guess: # 에러 코드 가이드', 'but a best guess')
  t.match(line1?.hint, /; guessed: 에 \(or [가-힣], [가-힣]\), 이 \(or /, 'naming the guessed syllables and their runners-up')
  for (const problem of problems) {
    const repaired = problem.fix ?? problem.hint?.replace(/^check and retype it; best guess: /, '').split('; guessed: ')[0]
    t.notMatch(repaired, /[\uFFFD\u00C0-\u00FF]/u, `line ${problem.line}: no lost-byte mark and no stray lead byte left`)
  }
  t.same(lintText('세션을 찾을 수 없습니다.\ncafé\n', 'clean.md'), [], 'clean text has no findings')
})

t.test('lost bytes: every byte a decoder drops is tried in every slot, and the candidates are ranked by Korean syllable counts', async (t) => {
  const found = findMojibake('ì—ëŸ¬') as MojibakeReport
  t.equal(found.guesses.length, 1)
  t.equal(found.guesses[0].offset, 0)
  t.ok(found.guesses[0].candidates.length >= 10 && found.guesses[0].candidates.length <= 16, `${found.guesses[0].candidates.length} candidates`)
  t.ok(found.guesses[0].candidates.every((candidate) => /^[가-힣]$/.test(candidate)), 'all Hangul syllables')
  const counted = findMojibake('ì—ëŸ¬', { frequency: SyllableFrequency.fromTexts(['역사 역할 역시']) }) as MojibakeReport
  t.equal(counted.repaired, '역러', 'the counts decide the order')

  // Windows-1254 leaves 0x8E and 0x9E undefined: 잘 (EC 9E 98) loses its middle byte.
  const lost1254 = (text: string): string => [...new TextEncoder().encode(text)].filter((byte) => byte !== 0x8E && byte !== 0x9E && byte !== 0x90)
    .map((byte) => new TextDecoder('windows-1252').decode(Uint8Array.of(byte))).join('')
  const wrong = findMojibake(lost1254('잘못된 요청')) as MojibakeReport
  t.equal(wrong.repaired, '잘못된 요청')
  t.ok(wrong.guesses[0].candidates.includes('잘'))
  // 자 (EC 9E 90) loses both continuation bytes: a lone lead byte, never left standing.
  const lone = findMojibake(lost1254('비밀번호는 최소 8자 이상이어야 합니다.')) as MojibakeReport
  t.notMatch(lone.repaired, /[\u00C0-\u00FF\uFFFD]/u, lone.repaired)
  t.ok(lone.guesses.some((guess) => guess.offset === lone.repaired.indexOf('8') + 1 && guess.candidates.includes('자')), 'the lone lead is a guessed syllable with 자 among the candidates')
  t.equal(findMojibake('così'), undefined, 'a lone accented letter with no mojibake around it is a real letter')
  t.equal(SyllableFrequency.parse('3:가나 1:다', '2:가나').count('나'), 3, 'the compact table reads back')
  t.equal(SyllableFrequency.fromTexts(['가나 가나 다']).serialize(1), '2:가나 1:다')
})

t.test('a catalog of messages taken from the seed is rejected with repairs', async (t) => {
  const problems = lintCatalogDocument(readCatalogDocumentSync(fixture('mojibake.yaml')))
  t.same(problems.map((problem) => [problem.line, problem.pointer, problem.rule]), [
    [4, '/categories/client', 'mojibake'],
    [8, '/errors/VALIDATION_FAILED/message', 'mojibake'],
    [12, '/errors/TOKEN_MISSING/message', 'mojibake'],
    [17, '/errors/TOO_MANY_REQUESTS/message', 'mojibake']
  ])
  t.equal(problems[1].fix, '유효성 검사 실패')
  t.notOk(problems.some((problem) => problem.rule === 'no-hangul'), 'mojibake is not also called "no Hangul"')
})

t.test('the catalog with every problem gets every rule, each with a hint', async (t) => {
  const problems = lintCatalogDocument(readCatalogDocumentSync(fixture('lint-all.yaml')))
  const rules = new Set(problems.map((problem) => problem.rule))
  const expected = LINT_RULES.map((rule) => rule.id).filter((id) => id !== 'syntax')
  t.same([...rules].sort(), [...expected].sort(), 'every rule but syntax fires')
  for (const problem of problems) {
    t.ok(problem.line > 0 && problem.col > 0, `${problem.rule} is located`)
    t.equal(problem.severity, lintRule(problem.rule)?.severity, `${problem.rule} has its table severity`)
  }
  for (const problem of problems.filter((problem) => !['duplicate-key', 'required', 'schema', 'detail-type'].includes(problem.rule))) {
    t.ok(problem.hint, `${problem.rule} has a fix hint`)
  }
  t.notOk(problems.some((problem) => problem.rule === 'schema' && problem.pointer.endsWith('/status')), 'an out-of-range status is reported once, by status-range')
  t.match(problems.find((problem) => problem.rule === 'mojibake'), { fix: '세션 코드 오류' })
})

t.test('a syntax error is reported with its position', async (t) => {
  const problems = lintCatalogDocument(parseCatalogText('version: 1\nerrors: [\n', 'broken.yaml'))
  t.equal(problems[0].rule, 'syntax')
  t.equal(problems[0].file, 'broken.yaml')
  t.same(lintCatalogDocument(parseCatalogText('- 1\n', 'list.yaml')).map((problem) => problem.rule), ['schema'])
})

t.test('the repo\'s own catalogs are lint-clean', async (t) => {
  for (const name of ['example.yaml', 'builtin.yaml']) {
    t.same(lintCatalogDocument(readCatalogDocumentSync(here(`../../catalog/${name}`))), [], name)
  }
})

t.test('speech level comes from the sentence ending', async (t) => {
  const cases: Array<[string, ReturnType<typeof speechLevelOfSentence>]> = [
    ['세션을 찾을 수 없습니다.', '합니다체'],
    ['강의를 찾을 수 없습니다. (강의 번호 {lectureId})', '합니다체'],
    ['다시 시도하십시오.', '합니다체'],
    ['세션 코드가 틀렸어요.', '해요체'],
    ['다시 시도하세요!', '해요체'],
    ['그렇죠?', '해요체'],
    ['GPU 메모리 부족', undefined]
  ]
  for (const [given, want] of cases) t.equal(speechLevelOfSentence(given), want, given)
  t.same(speechLevelsOf('아직 시작되지 않았습니다. 10시에 시작해요.'), ['합니다체', '해요체'])
})

t.test('the speech level of the majority wins; a tie goes to 합니다체', async (t) => {
  const catalog = (messages: string[]): string => 'version: 1\nerrors:\n' + messages.map((message, index) => `  E${index}:\n    status: 400\n    message: ${message}\n`).join('')
  const levels = (messages: string[]): string[] => lintCatalogDocument(parseCatalogText(catalog(messages), 'c.yaml'), { knownCodes: [] })
    .filter((problem) => problem.rule === 'speech-level').map((problem) => problem.pointer)
  t.same(levels(['틀렸어요.', '없어요.', '없습니다.']), ['/errors/E2/message'])
  t.same(levels(['틀렸어요.', '없습니다.']), ['/errors/E0/message'])
})

t.test('a deprecation must name a code the catalog or the builtin catalog knows', async (t) => {
  const catalog = (deprecated: string): string => `version: 1\nerrors:\n  OLD:\n    status: 400\n    message: 오래되었습니다.\n    deprecated: ${deprecated}\n  NEW:\n    status: 400\n    message: 새 코드입니다.\n`
  const fired = (deprecated: string): boolean => lintCatalogDocument(parseCatalogText(catalog(deprecated), 'c.yaml')).some((problem) => problem.rule === 'deprecated-replacement')
  t.notOk(fired('대신 NEW를 사용하세요.'))
  t.notOk(fired('대신 BAD_REQUEST를 사용하세요.'), 'a builtin code counts')
  t.ok(fired('대신 OLD를 사용하세요.'), 'itself does not count')
  t.ok(fired('곧 없어집니다.'))
  t.ok(fired('true'))
})

t.test('non-Korean catalogs are not asked for Hangul', async (t) => {
  const problems = lintCatalogDocument(parseCatalogText('version: 1\nlocale: en\nerrors:\n  E:\n    status: 400\n    message: Bad request\n', 'en.yaml'))
  t.same(problems.map((problem) => problem.rule), ['final-punctuation'])
})
