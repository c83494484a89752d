/** The error guide in another locale of the catalog (issue 12: `error-catalog docs --locale en`). */
import t from 'tap'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadCatalogSync } from '../../src/catalog/load.js'
import type { CompiledCatalog } from '../../src/catalog/compile.js'
import { renderErrorGuide } from '../../src/docs/error-guide.js'
import { renderHtmlGuide } from '../../src/docs/html-guide.js'
import { exampleBody, exampleParts } from '../../src/envelope/example.js'
import { problemFormat } from '../../src/envelope/problem.js'
import { declaredFormat } from '../../src/envelope/declared.js'
import { anchorOf } from '../../src/text/anchors.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const catalog = loadCatalogSync(join(root, 'catalog/example.yaml'))
const source = 'catalog/example.yaml'
const korean = renderErrorGuide(catalog, { source })
const english = renderErrorGuide(catalog, { source, locale: 'en' })
const HANGUL = /\p{Script=Hangul}/u

/**
 * The catalog's texts that stay Korean in English: what the catalog gives in no English (a missing translation falls
 * back to the default locale, a detail's description and a deprecation reason included).
 */
function untranslated (catalog: CompiledCatalog): string[] {
  const texts: string[] = Object.values(catalog.categoriesIn('en'))
  for (const entry of Object.values(catalog.entries)) {
    const { message, suggestions, description, details, deprecated } = entry.textOf('en')
    texts.push(message, ...suggestions, description ?? '', ...Object.values(details))
    if (typeof deprecated === 'string') texts.push(deprecated)
  }
  return texts.filter((text) => HANGUL.test(text))
}

/** The guide without the catalog's untranslated texts (as written and as a cell or HTML escapes them). */
function withoutUntranslated (guide: string): string {
  let rest = guide
  for (const text of untranslated(catalog).sort((a, b) => b.length - a.length)) {
    for (const form of [text, text.replace(/\|/g, '\\|'), text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')]) rest = rest.replaceAll(form, '')
  }
  return rest
}

const ids = (page: string): string[] => [...page.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]).filter((id) => !id.startsWith('_'))

t.test('the Korean guide is the same as before, with or without locale ko; the English one is another text', async (t) => {
  t.equal(korean, readFileSync(join(root, 'docs/errors.md'), 'utf8'))
  t.equal(renderErrorGuide(catalog, { source, locale: 'ko' }), korean)
  t.not(english, korean)
})

t.test('the English guide has no Hangul but in what the catalog gives in no English', async (t) => {
  const left = withoutUntranslated(english).split('\n').filter((line) => HANGUL.test(line))
  t.same(left, [], 'every Korean line left comes from an untranslated catalog text')
  t.ok(untranslated(catalog).every((text) => HANGUL.test(text)))
  for (const word of ['# Error codes', '## Error response format', '## Contents', '| Field | Description |', 'Example response:', '| `details` member | Type | Required | Description |']) {
    t.ok(english.includes(word), word)
  }
  t.match(english, '| Code | HTTP status | Message | Description | Retryable | What to do |')
  t.match(english, '- [Authentication](#category-auth) (3 codes)')
  t.match(english, '- [Lectures](#category-lecture) (1 code)')
  t.match(english, /\| `expiredAt` \| string \(date-time\) \| Yes \|/)
  t.match(english, '> **Deprecated**: ')
})

t.test('the English guide says each code in the catalog\'s English: message, suggestions, description, category titles', async (t) => {
  for (const [id, title] of Object.entries(catalog.categoriesIn('en'))) {
    if (english.includes(`<a id="category-${id}"></a>`)) t.match(english, `\n## ${title}\n`, id)
  }
  t.match(english, '\n## Sessions\n')
  for (const code of catalog.codes) {
    const { message, suggestions } = catalog.entries[code].textOf('en')
    const section = english.slice(english.indexOf(`\n### ${code}`), english.indexOf('```http', english.indexOf(`\n### ${code}`)))
    t.ok(section.includes(`- Message: ${message.replace(/</g, '&lt;')}\n`), `${code}: ${message}`)
    for (const suggestion of suggestions) t.ok(section.includes(`  - ${suggestion.replace(/</g, '&lt;')}\n`), `${code}: ${suggestion}`)
  }
  const entry = catalog.entries.SESSION_NOT_FOUND
  t.match(english, `- Message: ${entry.textOf('en').message}`)
  t.notMatch(english, `- Message: ${entry.message}`, 'not the Korean message')
})

t.test('anchors are the same in every locale: they are the problem+json type URIs', async (t) => {
  const anchors = (guide: string): string[] => [...guide.matchAll(/<a id="([^"]+)"><\/a>/g)].map((match) => match[1])
  t.same(anchors(english), anchors(korean))
  t.ok(anchors(english).includes(anchorOf('SESSION_NOT_FOUND')))
  t.ok(anchors(english).includes('session-not-found'))
  t.match(english, '<a id="category-auth"></a>\n\n## Authentication\n', 'the English section under the same anchor')
  t.same(ids(renderHtmlGuide(catalog, { source, locale: 'en' })), ids(renderHtmlGuide(catalog, { source })))
})

t.test('example answers are built by the one example builder in the guide\'s locale', async (t) => {
  const entry = catalog.entries.SESSION_NOT_FOUND
  const body = JSON.stringify(exampleBody(problemFormat(), exampleParts(catalog, entry, {}, 'en')), null, 2)
  const guide = renderErrorGuide(catalog, { source, locale: 'en', format: problemFormat() })
  t.ok(guide.includes(body), 'the example is exampleBody of exampleParts in en')
  t.match(body, `"detail": "${entry.render({ sessionCode: 'AB12CD' }, 'en').message}"`)
  // A declared format that writes $locale says en in the English guide.
  const dir = mkdtempSync(join(tmpdir(), 'guide-locale-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'catalog.yaml')
  writeFileSync(file, readFileSync(join(root, 'catalog/example.yaml'), 'utf8') + '\nenvelope:\n  body:\n    code: $code\n    message: $message\n    language: $locale\n')
  const declared = loadCatalogSync(file)
  const format = declaredFormat(declared.envelope!, { name: 'catalog' })
  const en = renderErrorGuide(declared, { source, locale: 'en', format })
  t.match(en, '"language": "en"')
  t.notMatch(en, '"language": "ko"')
  t.match(renderErrorGuide(declared, { source, format }), '"language": "ko"')
  t.match(en, '`language` | The language of the message. |')
  // The validation example's field messages are English too.
  t.match(english, /"email must be a valid email address\."/)
})

t.test('the HTML guide in English: lang="en", English words, no Hangul but untranslated catalog text', async (t) => {
  const html = renderHtmlGuide(catalog, { source, locale: 'en' })
  t.match(html, '<html lang="en">')
  t.match(renderHtmlGuide(catalog, { source }), '<html lang="ko">')
  t.match(html, 'placeholder="Search by code or message"')
  t.match(html, '<h2>Error response format</h2>')
  t.match(html, '<th>Code</th><th>HTTP status</th><th>Message</th>')
  const left = withoutUntranslated(html).split('\n').filter((line) => HANGUL.test(line))
  t.same(left, [], 'every Korean line left comes from an untranslated catalog text')
  const search = [...html.matchAll(/<article id="session-not-found" data-search="([^"]*)"/g)].map((match) => match[1])
  t.same(search, [`session_not_found ${catalog.entries.SESSION_NOT_FOUND.textOf('en').message.toLowerCase()}`.replace(/'/g, '&#39;')], 'search matches the English message')
})

t.test('a locale the catalog does not declare is an error naming the declared ones', async (t) => {
  t.throws(() => renderErrorGuide(catalog, { source, locale: 'fr' }), { name: 'RangeError', message: /"fr".*ko, en/ })
  t.throws(() => renderHtmlGuide(catalog, { source, locale: 'fr' }), RangeError)
  const koOnly = loadCatalogSync(join(root, 'test/fixtures/envelope/declared.yaml'))
  t.throws(() => renderErrorGuide(koOnly, { source, locale: 'en' }), { message: /declares ko$/ })
})

t.test('detail descriptions and the deprecation reason are in the guide\'s language', async (t) => {
  t.match(english, '> **Deprecated**: Use ENROLLMENT_CLOSED instead.')
  t.match(korean, '> **사용 중단**: 대신 ENROLLMENT_CLOSED를 사용하세요.')
  t.match(english, /\| `sessionCode` \| [^|]+ \| [^|]+ \| Session code \|/)
  t.match(korean, '| `sessionCode` | 문자열 | 예 | 세션 코드 |')
  const html = renderHtmlGuide(catalog, { source, locale: 'en' })
  t.match(html, '<td>Seconds until the quiz can be submitted again</td>')
  t.notMatch(english, '다시 제출할 수 있을 때까지 남은 시간', 'no Korean detail description left in the English guide')
})
