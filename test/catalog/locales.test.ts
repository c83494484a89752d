import t from 'tap'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { builtinDocument } from '../../src/catalog/builtin.js'
import { checkCatalogDocument } from '../../src/catalog/check.js'
import { compileCatalog, type CompiledCatalog } from '../../src/catalog/compile.js'
import { formatProblem, type CatalogProblem } from '../../src/catalog/problems.js'
import { parseCatalogText } from '../../src/catalog/source.js'
import { diffCatalogs } from '../../src/diff/diff.js'
import { lintCatalogDocument } from '../../src/lint/lint.js'
import { renderModule } from '../../src/codegen/module.js'
import { addCatalogErrors, CODES_EXTENSION } from '../../src/openapi/document.js'
import { defaultFormat } from '../../src/envelope/default.js'

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url))
const HANGUL = /[\uAC00-\uD7A3]/u

const compile = (text: string): CompiledCatalog => compileCatalog(parseCatalogText(text, 'c.yaml'))

/** The problems a catalog text is refused with, as `line:col  pointer  message [rule]`. */
function refused (text: string): string[] {
  try {
    compile(text)
  } catch (error) {
    return ((error as { problems?: CatalogProblem[] }).problems ?? [])
      .map((problem) => `${formatProblem({ ...problem, hint: undefined }).replace('c.yaml:', '')} [${problem.rule}]`)
  }
  throw new Error('the catalog loaded without problems')
}

const KOREAN_ONLY = `version: 1
locale: ko
categories:
  session: 세션
errors:
  SESSION_FULL:
    status: 409
    message: 세션 정원({capacity}명)이 모두 찼습니다.
    description: 세션 참여 인원이 정원에 이른 경우
    category: session
    suggestions:
      - 빈자리가 생기면 다시 참여하세요.
    details:
      capacity: { type: integer }
`

const TWO_LOCALES = `version: 1
locales: [ko, en]
categories:
  session: { ko: 세션, en: Sessions }
  quiz: 퀴즈
errors:
  SESSION_FULL:
    status: 409
    message:
      ko: 세션 정원({capacity}명)이 모두 찼습니다.
      en: The session is full (capacity {capacity}).
    description:
      ko: 세션 참여 인원이 정원에 이른 경우
      en: The number of participants has reached the session's capacity.
    category: session
    suggestions:
      ko: [빈자리가 생기면 다시 참여하세요.]
      en: [Try to join again when a seat becomes free.]
    details:
      capacity: { type: integer }
  QUIZ_CLOSED:
    status: 409
    message: 퀴즈가 마감되었습니다.
    category: quiz
validation:
  messages:
    required: { ko: '{label}{은/는} 꼭 입력하세요.', en: '{label} is required.' }
    minLength: '{label}{은/는} {limit}자 이상이어야 합니다.'
`

t.test('a Korean-only catalog compiles as before: one locale, plain texts, every locale renders Korean', async (t) => {
  const catalog = compile(KOREAN_ONLY)
  t.equal(catalog.locale, 'ko')
  t.same(catalog.locales, ['ko'])
  const entry = catalog.get('SESSION_FULL')
  t.ok(entry)
  if (entry === undefined) return
  t.equal(entry.message, '세션 정원({capacity}명)이 모두 찼습니다.')
  t.same(entry.suggestions, ['빈자리가 생기면 다시 참여하세요.'])
  t.equal(entry.description, '세션 참여 인원이 정원에 이른 경우')
  const korean = { message: '세션 정원(30명)이 모두 찼습니다.', suggestions: ['빈자리가 생기면 다시 참여하세요.'] }
  t.same(entry.render({ capacity: 30 }), korean)
  t.same(entry.render({ capacity: 30 }, 'en'), korean, 'a locale the catalog lacks gets the default')
  t.same(entry.textOf('en'), { message: entry.message, suggestions: entry.suggestions, description: entry.description, deprecated: undefined, details: {} })
  t.equal(catalog.categoriesIn('en'), catalog.categories)
  t.same({ ...catalog.categories }, { session: '세션', 'common-request': '공통 요청 오류', 'common-server': '공통 서버 오류' })
  t.equal(entry.create({ capacity: 30 }).message, korean.message)
  // The builtin catalog's English is unused under a Korean-only catalog, and its Korean is as it was.
  const notFound = catalog.get('NOT_FOUND')
  t.equal(notFound?.message, '요청한 리소스를 찾을 수 없습니다.')
  t.equal(notFound?.render(undefined, 'en').message, '요청한 리소스를 찾을 수 없습니다.')
  t.same(Object.keys(catalog.validation.translations), ['ko'])
})

t.test('with locales: [ko, en], each locale renders its own text; the default stays the entry\'s text', async (t) => {
  const catalog = compile(TWO_LOCALES)
  t.equal(catalog.locale, 'ko')
  t.same(catalog.locales, ['ko', 'en'])
  const entry = catalog.get('SESSION_FULL')
  if (entry === undefined) return t.fail('SESSION_FULL')
  t.equal(entry.message, '세션 정원({capacity}명)이 모두 찼습니다.', 'entry.message is the default locale\'s template')
  t.same(entry.render({ capacity: 30 }), { message: '세션 정원(30명)이 모두 찼습니다.', suggestions: ['빈자리가 생기면 다시 참여하세요.'] })
  t.same(entry.render({ capacity: 30 }, 'en'), { message: 'The session is full (capacity 30).', suggestions: ['Try to join again when a seat becomes free.'] })
  t.same(entry.render({ capacity: 30 }, 'ko'), entry.render({ capacity: 30 }))
  t.same(entry.render({ capacity: 30 }, 'fr'), entry.render({ capacity: 30 }), 'an undeclared locale gets the default')
  t.same(entry.textOf('en'), {
    message: 'The session is full (capacity {capacity}).',
    suggestions: ['Try to join again when a seat becomes free.'],
    description: 'The number of participants has reached the session\'s capacity.',
    deprecated: undefined,
    details: {}
  })
  t.equal(entry.textOf('en'), entry.textOf('en'), 'a locale\'s texts are made once')
  t.equal(catalog.categories.session, '세션')
  t.equal(catalog.categoriesIn('en').session, 'Sessions')
  t.equal(catalog.categoriesIn('en').quiz, '퀴즈', 'a title without a translation falls back to the default')
  t.equal(catalog.categoriesIn('en')['common-request'], 'Common request errors', 'builtin titles are translated')
  t.equal(catalog.get('NOT_FOUND')?.render(undefined, 'en').message, 'The requested resource was not found.', 'builtin codes answer in English')
  t.equal(catalog.get('NOT_FOUND')?.message, '요청한 리소스를 찾을 수 없습니다.')
  t.same({ ...catalog.validation.messages }, { required: '{label}{은/는} 꼭 입력하세요.', minLength: '{label}{은/는} {limit}자 이상이어야 합니다.' })
  t.same({ ...catalog.validation.translations.en }, { required: '{label} is required.' }, 'only what is written in English; the rest is the library table\'s')
  t.same({ ...catalog.validation.translations.ko }, { ...catalog.validation.messages })
})

t.test('a missing translation falls back to the default locale and is a lint warning, not a problem', async (t) => {
  const catalog = compile(TWO_LOCALES)
  t.same(catalog.get('QUIZ_CLOSED')?.render(undefined, 'en'), { message: '퀴즈가 마감되었습니다.', suggestions: [] })
  const problems = lintCatalogDocument(parseCatalogText(TWO_LOCALES, 'c.yaml'))
  t.same(problems.map((problem) => [problem.line, problem.col, problem.pointer, problem.rule, problem.severity]), [
    [5, 9, '/categories/quiz', 'missing-translation', 'warning'],
    [23, 14, '/errors/QUIZ_CLOSED/message', 'missing-translation', 'warning']
  ])
  t.match(problems[1].message, 'no en translation: the ko text is sent instead')
})

t.test('lint checks each locale by its own rules: Korean ones for ko, sentence case, a final period and no Hangul for en', async (t) => {
  const text = `version: 1
locales: [ko, en]
errors:
  SESSION_GONE:
    status: 410
    message:
      ko: 세션이 끝났어요
      en: the session has ended
    description: { ko: 세션이 끝난 경우, en: 세션이 끝난 경우 }
    suggestions:
      ko: [다시 참여하세요.]
      en: [다시 참여하세요.]
`
  const found = lintCatalogDocument(parseCatalogText(text, 'c.yaml')).map((problem) => `${problem.line}:${problem.col} ${problem.pointer} ${problem.rule}`)
  t.same(found, [
    '7:11 /errors/SESSION_GONE/message/ko final-punctuation',
    '8:11 /errors/SESSION_GONE/message/en final-punctuation',
    '8:11 /errors/SESSION_GONE/message/en sentence-case',
    '9:39 /errors/SESSION_GONE/description/en hangul-in-translation',
    '12:12 /errors/SESSION_GONE/suggestions/en/0 hangul-in-translation'
  ])
})

t.test('a translation whose placeholders differ fails to load, at the translation', async (t) => {
  const text = TWO_LOCALES.replace('en: The session is full (capacity {capacity}).', 'en: The session is full.')
  t.same(refused(text), ['11:11  /errors/SESSION_FULL/message/en  the en translation\'s placeholders (none) differ from ko\'s ({capacity}) [translation-placeholders]'])
  const extra = TWO_LOCALES.replace('en: [Try to join again when a seat becomes free.]', "en: ['Try again in {minutes} minutes.']")
  t.same(refused(extra), [
    '18:11  /errors/SESSION_FULL/suggestions/en  the en translation\'s placeholders ({minutes}) differ from ko\'s (none) [translation-placeholders]',
    '18:12  /errors/SESSION_FULL/suggestions/en/0  placeholder {minutes} names no detail [unknown-placeholder]'
  ])
  const validation = TWO_LOCALES.replace("en: '{label} is required.'", "en: 'This field is required.'")
  t.same(refused(validation), ['27:50  /validation/messages/required/en  the en translation\'s placeholders (none) differ from ko\'s ({label}) [translation-placeholders]'])
})

t.test('particle markers are not placeholders: a translation without them matches', async (t) => {
  const text = `version: 1
locales: [ko, en]
errors:
  LECTURE_NOT_FOUND:
    status: 404
    message:
      ko: '{title}{을/를} 찾을 수 없습니다.'
      en: '{title} was not found.'
    details:
      title: { type: string }
`
  const entry = compile(text).get('LECTURE_NOT_FOUND')
  t.equal(entry?.render({ title: '자료구조' }).message, '자료구조를 찾을 수 없습니다.')
  t.equal(entry?.render({ title: 'Data structures' }, 'en').message, 'Data structures was not found.')
})

t.test('a locale the catalog does not declare, a map without the default, and disagreeing locale settings are problems', async (t) => {
  const text = `version: 1
locale: en
locales: [ko, en, ko]
categories:
  session: { en: Sessions }
errors:
  SESSION_FULL:
    status: 409
    message:
      ko: 세션이 가득 찼습니다.
      ja: セッションは満員です。
    category: session
`
  t.same(refused(text), [
    '2:9  /locale  locale en is not the first of locales (ko) [locales]',
    '3:19  /locales/2  ko is listed twice [locales]',
    '5:12  /categories/session  no ko text: a map of translations needs the default locale\'s [missing-default-locale]',
    '11:7  /errors/SESSION_FULL/message/ja  locale ja is not declared in `locales` [unknown-locale]'
  ])
  // A single-locale catalog declares only its `locale`.
  t.same(refused(KOREAN_ONLY.replace('message: 세션 정원({capacity}명)이 모두 찼습니다.', 'message:\n      ko: 세션 정원({capacity}명)이 모두 찼습니다.\n      en: The session is full.')), [
    '10:7  /errors/SESSION_FULL/message/en  locale en is not declared in `locales` [unknown-locale]',
    '10:11  /errors/SESSION_FULL/message/en  the en translation\'s placeholders (none) differ from ko\'s ({capacity}) [translation-placeholders]'
  ])
})

t.test('the sample catalogs carry English for every code, with the Korean unchanged', async (t) => {
  for (const name of ['example', 'builtin']) {
    const file = here(`../../catalog/${name}.yaml`)
    // The builtin's English is its sibling file, merged for a catalog that declares en.
    const document = name === 'builtin' ? builtinDocument({ locales: ['ko', 'en'] }) : parseCatalogText(readFileSync(file, 'utf8'), file)
    const catalog = compileCatalog(document, { builtin: name !== 'builtin' })
    t.same(catalog.locales, ['ko', 'en'], name)
    for (const code of catalog.codes) {
      const entry = catalog.get(code)
      if (entry === undefined) continue
      const english = entry.textOf('en')
      t.notMatch([english.message, ...english.suggestions, english.description ?? ''].join(' '), HANGUL, `${name} ${code} has English`)
      t.match(entry.message, HANGUL, `${name} ${code} keeps its Korean message`)
    }
    for (const title of Object.values(catalog.categoriesIn('en'))) t.notMatch(title, HANGUL, `${name} category ${title}`)
    const warnings = lintCatalogDocument(document)
    t.same(warnings, [], `${name} lints clean in both locales`)
  }
  const example = compileCatalog(parseCatalogText(readFileSync(here('../../catalog/example.yaml'), 'utf8'), 'example.yaml'))
  t.equal(example.get('SESSION_FULL')?.render({ capacity: 30 }).message, '세션 정원(30명)이 모두 찼습니다.')
  t.equal(example.get('SESSION_FULL')?.render({ capacity: 30 }, 'en').message, 'The session is full (capacity 30).')
})

t.test('diff reports a changed translation as a compatible change', async (t) => {
  const checked = (text: string): Parameters<typeof diffCatalogs>[0] => {
    const document = parseCatalogText(text, 'c.yaml')
    const { catalog } = checkCatalogDocument(document)
    if (catalog === undefined) throw new Error('not a catalog')
    return { document, catalog }
  }
  const changed = TWO_LOCALES.replace('en: The session is full (capacity {capacity}).', 'en: This session is full (capacity {capacity}).')
  const changes = diffCatalogs(checked(TWO_LOCALES), checked(changed))
  t.same(changes.map((change) => [change.kind, change.breaking, change.code]), [['translation-changed', false, 'SESSION_FULL']])
})

t.test('the Languages example of docs/catalog-format.md compiles and renders both locales', async (t) => {
  const doc = readFileSync(here('../../docs/catalog-format.md'), 'utf8')
  const section = doc.slice(doc.indexOf('## Languages'))
  const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1]
  if (yaml === undefined) return t.fail('no example')
  const entry = compile(yaml).get('SESSION_NOT_FOUND')
  t.equal(entry?.render({ sessionCode: 'AB12CD' }, 'en').message, 'Session AB12CD was not found.')
  t.equal(entry?.render({ sessionCode: 'AB12CD' }).message, '세션을 찾을 수 없습니다. (세션 코드 AB12CD)')
})

t.test('detail descriptions (at any depth) and deprecation reasons take translations too', async (t) => {
  const text = `version: 1
locales: [ko, en]
errors:
  OLD_CODE:
    status: 410
    message: { ko: 더 이상 쓰지 않는 코드입니다., en: This code is no longer used. }
    deprecated:
      ko: 대신 NEW_CODE를 사용하세요.
      en: Use NEW_CODE instead.
    details:
      seat: { type: integer, description: { ko: 좌석 번호, en: Seat number } }
      plan:
        type: object
        description: 좌석 배치
        properties:
          rows: { type: array, items: { type: integer, description: { ko: 줄 번호, en: Row number } } }
  NEW_CODE:
    status: 410
    message: { ko: 새 코드입니다., en: This is the new code. }
`
  const catalog = compile(text)
  const entry = catalog.get('OLD_CODE')
  if (entry === undefined) throw new Error('OLD_CODE compiles')
  t.equal(entry.deprecated, '대신 NEW_CODE를 사용하세요.', 'the entry keeps the default locale\'s reason')
  t.equal(entry.details.seat.description, '좌석 번호', 'and plain descriptions in the default locale, for schemas and codegen')
  t.match(entry.detailsSchema, { properties: { seat: { description: '좌석 번호' }, plan: { description: '좌석 배치', properties: { rows: { items: { description: '줄 번호' } } } } } })
  // What docs/catalog-format.md promises: generated types and OpenAPI carry the default locale's descriptions.
  const generated = renderModule(catalog, { source: 'c.yaml' })
  t.match(generated, '좌석 번호')
  t.match(generated, '줄 번호')
  t.notMatch(generated, /Seat number|Row number|\[object Object\]/)
  const paths = { '/seats': { get: { responses: {}, [CODES_EXTENSION]: ['OLD_CODE'] } } }
  const document = addCatalogErrors({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths }, catalog, defaultFormat)
  const openapi = JSON.stringify(document)
  t.match(openapi, '"description":"좌석 번호"')
  t.notMatch(openapi, /Seat number|Row number/)
  t.same(entry.textOf('en').details, { seat: 'Seat number', plan: '좌석 배치' }, 'English where given, else the default')
  t.equal(entry.textOf('en').deprecated, 'Use NEW_CODE instead.')
  t.same(entry.textOf('ko').details, { seat: '좌석 번호', plan: '좌석 배치' })
  t.equal(entry.textOf('ko').deprecated, '대신 NEW_CODE를 사용하세요.')
  const findings = lintCatalogDocument(parseCatalogText(text, 'c.yaml')).map((finding) => finding.rule)
  t.notOk(findings.includes('deprecated-replacement'), 'a translated reason that names the replacement is enough')
  t.notOk(findings.includes('unused-detail'), 'a translated description describes the detail')

  t.same(refused(text.replace('en: Seat number', 'ja: 座席番号').replace('en: Row number', 'fr: Rang').replace('en: Use NEW_CODE instead.', 'de: Nutzen Sie NEW_CODE.')), [
    '9:7  /errors/OLD_CODE/deprecated/de  locale de is not declared in `locales` [unknown-locale]',
    '11:56  /errors/OLD_CODE/details/seat/description/ja  locale ja is not declared in `locales` [unknown-locale]',
    '16:81  /errors/OLD_CODE/details/plan/properties/rows/items/description/fr  locale fr is not declared in `locales` [unknown-locale]'
  ])
  t.same(refused(text.replace('{ ko: 좌석 번호, en: Seat number }', '{ en: Seat number }')), [
    '11:43  /errors/OLD_CODE/details/seat/description  no ko text: a map of translations needs the default locale\'s [missing-default-locale]'
  ])
})
