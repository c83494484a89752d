/**
 * The builtin catalog's languages: Korean in catalog/builtin.yaml, English in catalog/builtin.en.yaml, read and
 * merged only for a catalog that declares `en` (src/catalog/builtin.ts).
 */
import t from 'tap'
import Fastify from 'fastify'
import { readFileSync } from 'node:fs'
import { builtinDocument, withTranslations } from '../../src/catalog/builtin.js'
import { checkCatalogDocument } from '../../src/catalog/check.js'
import { compileCatalog, type CompiledCatalog } from '../../src/catalog/compile.js'
import { parseCatalogText } from '../../src/catalog/source.js'
import { errorCatalog } from '../../src/index.js'
import { lintCatalogDocument } from '../../src/lint/lint.js'

interface Texts { message: string, suggestions: readonly string[], description: string | undefined }
/** Every builtin code's texts in Korean and English, category titles and validation templates, as compiled before the English moved out. */
const BEFORE = JSON.parse(readFileSync(new URL('../fixtures/builtin/texts-ko-en.json', import.meta.url), 'utf8')) as {
  texts: Record<string, Record<'ko' | 'en', Texts>>
  categories: Record<'ko' | 'en', Record<string, string>>
  validation: CompiledCatalog['validation']
}

const textsOf = (catalog: CompiledCatalog, locale: string): Record<string, Texts> =>
  Object.fromEntries(Object.keys(BEFORE.texts).map((code) => {
    const { message, suggestions, description } = catalog.entries[code].textOf(locale)
    return [code, { message, suggestions, description }]
  }))
const before = (locale: 'ko' | 'en'): Record<string, Texts> =>
  Object.fromEntries(Object.entries(BEFORE.texts).map(([code, texts]) => [code, texts[locale]]))

t.test('every builtin code reads as it did when both languages were in one file', async (t) => {
  for (const locales of [['ko', 'en'], ['en', 'ko']]) {
    const catalog = compileCatalog({ version: 1, locales, errors: {} })
    t.same(catalog.codes.filter((code) => catalog.entries[code].builtin), Object.keys(BEFORE.texts), `${locales}: the same codes`)
    for (const locale of ['ko', 'en'] as const) {
      t.same(textsOf(catalog, locale), before(locale), `${locales}: every code's ${locale} message, suggestions and description`)
      t.same(catalog.categoriesIn(locale), BEFORE.categories[locale], `${locales}: category titles in ${locale}`)
    }
    t.same({ messages: catalog.validation.messages, translations: catalog.validation.translations }, BEFORE.validation)
  }
  t.same(textsOf(compileCatalog({ version: 1, errors: {} }), 'ko'), before('ko'), 'a Korean-only catalog: the Korean texts')
  t.same(textsOf(compileCatalog({ version: 1, locale: 'en', errors: {} }), 'en'), before('en'), 'an English-only catalog: the English texts')
})

t.test('a Korean-only catalog reads no English', async (t) => {
  const korean = builtinDocument({ version: 1, errors: {} })
  t.equal(korean, builtinDocument(), 'the builtin document of a Korean-only catalog is builtin.yaml alone')
  t.equal(korean.file.endsWith('builtin.yaml'), true)
  t.notMatch(JSON.stringify(korean.data), /"en":/, 'no English text in it')
  t.notMatch(readFileSync(korean.file, 'utf8'), /^\s+en:/m, 'builtin.yaml itself holds no English')
  t.equal(builtinDocument({ version: 1, locales: ['ko', 'ja'], errors: {} }), korean, 'a locale without a sibling file reads nothing more')

  const english = builtinDocument({ version: 1, locales: ['ko', 'en'], errors: {} })
  t.not(english, korean)
  t.equal(builtinDocument({ version: 1, locales: ['ko', 'en'], errors: {} }), english, 'merged once per set of locales')
  t.match(english.data, { locales: ['ko', 'en'], errors: { NOT_FOUND: { message: { ko: '요청한 리소스를 찾을 수 없습니다.', en: 'The requested resource was not found.' } } } })
  t.same(lintCatalogDocument(english), [], 'lint passes the English (sentence case, final period, no Hangul) and the Korean')
})

t.test('a catalog that declares en answers the builtin codes in English over Fastify', async (t) => {
  const app = Fastify()
  t.teardown(() => app.close())
  await app.register(errorCatalog, { catalog: { version: 1, locales: ['ko', 'en'], errors: {} } })
  const english = await app.inject({ url: '/nowhere', headers: { 'accept-language': 'en' } })
  t.match(english.json(), { code: 'NOT_FOUND', message: 'The requested resource was not found.' })
  const korean = await app.inject({ url: '/nowhere' })
  t.match(korean.json(), { code: 'NOT_FOUND', message: '요청한 리소스를 찾을 수 없습니다.' })
})

const BASE = `version: 1
locale: ko
categories:
  session: 세션
errors:
  SESSION_NOT_FOUND:
    status: 404
    message: 세션 {sessionCode}을 찾을 수 없습니다.
    category: session
    details:
      sessionCode: { type: string }
`

t.test('a problem in a translation file is reported at its own file:line:col', async (t) => {
  const base = parseCatalogText(BASE, 'base.yaml')
  const translation = parseCatalogText(`categories:
  session: 5
errors:
  SESSION_NOT_FOUND:
    message: Session not found.
  UNKNOWN_CODE:
    message: Not in the base file.
`, 'base.en.yaml')
  const problems = checkCatalogDocument(withTranslations(base, 'en', translation)).problems
    .map((problem) => `${problem.file}:${problem.line}:${problem.col} ${problem.pointer} ${problem.rule}`)
  t.same(problems.sort(), [
    'base.en.yaml:2:12 /categories/session/en schema',
    'base.en.yaml:5:14 /errors/SESSION_NOT_FOUND/message/en translation-placeholders',
    'base.en.yaml:6:3 /errors/UNKNOWN_CODE/status required',
    'base.en.yaml:7:14 /errors/UNKNOWN_CODE/message missing-default-locale'
  ].sort())

  const clean = withTranslations(base, 'en', parseCatalogText('errors:\n  SESSION_NOT_FOUND:\n    message: Session {sessionCode} not found.\n', 'base.en.yaml'))
  t.same(checkCatalogDocument(clean).problems, [], 'a matching translation has no problems')
  t.match(clean.data, { locale: 'ko', locales: ['ko', 'en'], categories: { session: '세션' }, errors: { SESSION_NOT_FOUND: { message: { ko: '세션 {sessionCode}을 찾을 수 없습니다.', en: 'Session {sessionCode} not found.' } } } })
  t.same(clean.locate(['errors', 'SESSION_NOT_FOUND', 'status']), { line: 7, col: 13 }, 'members of the base file stay in it')
})
