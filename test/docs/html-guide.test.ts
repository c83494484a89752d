import t from 'tap'
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadCatalogSync } from '../../src/catalog/load.js'
import { compileCatalog } from '../../src/catalog/compile.js'
import { EXIT, type CliIo } from '../../src/cli/io.js'
import { runCli } from '../../src/cli/run.js'
import { anchorOf } from '../../src/text/anchors.js'
import { renderHtmlGuide } from '../../src/docs/html-guide.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const catalog = loadCatalogSync(join(root, 'catalog/example.yaml'))
const html = renderHtmlGuide(catalog, { source: 'catalog/example.yaml' })

/** Every value of an attribute in the page. */
const attributes = (page: string, name: string): string[] => [...page.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((match) => match[1])

t.test('one Korean UTF-8 page that needs nothing from elsewhere', async (t) => {
  t.match(html, /^<!doctype html>\n/)
  t.match(html, '<html lang="ko">')
  t.match(html, '<meta charset="utf-8">')
  t.match(html, "font-family: Pretendard, 'Apple SD Gothic Neo', 'Noto Sans KR', 'Malgun Gothic', NanumGothic, sans-serif")
  t.notMatch(html, /<link\b/i, 'no linked style sheet or font')
  t.notMatch(html, /<script\b[^>]*\bsrc=/i, 'no external script')
  t.notMatch(html, /@import|url\(/i, 'no style or font fetched from CSS')
  t.equal(attributes(html, 'src').length, 0)
})

t.test('every code of the sample catalog has a section whose id is the Markdown guide\'s anchor', async (t) => {
  const ids = attributes(html, 'id')
  t.equal(new Set(ids).size, ids.length, 'ids are unique')
  for (const code of catalog.codes) {
    t.equal(ids.filter((id) => id === anchorOf(code)).length, 1, code)
    t.match(html, `<article id="${anchorOf(code)}"`, `${code}: the section itself, where a type URI's fragment lands`)
    t.match(html, `<a href="#${anchorOf(code)}">`, `${code}: linked from its category's table`)
  }
  const markdown = readFileSync(join(root, 'docs/errors.md'), 'utf8')
  const markdownAnchors = [...markdown.matchAll(/<a id="([^"]+)"><\/a>/g)].map((match) => match[1])
  t.same(markdownAnchors.filter((anchor) => !ids.includes(anchor)), [], 'every anchor of the Markdown guide exists in the page')
})

t.test('the same content as the Markdown guide: categories, table cells, lines and example responses', async (t) => {
  for (const title of Object.values(catalog.categories)) t.match(html, `<h2>${title}</h2>`)
  t.match(html, '<td>429</td><td>답안을 너무 자주 제출했습니다. {waitSeconds}초 뒤에 다시 제출할 수 있습니다.</td><td>같은 퀴즈에 짧은 간격으로 답안을 여러 번 제출한 경우</td><td>예 (10초 뒤)</td>')
  t.match(html, '<li>재시도: 예 (10초 뒤)</li>')
  t.match(html, 'Retry-After: 10')
  t.match(html, '<h3><code>LECTURE_CLOSED</code> (사용 중단)</h3>')
  t.match(html, '<strong>사용 중단</strong>: 대신 ENROLLMENT_CLOSED를 사용하세요.')
  t.match(html, /<pre><code>HTTP\/1\.1 404 Not Found\nContent-Type: application\/json; charset=utf-8\n\n\{\n {2}&quot;code&quot;: &quot;SESSION_NOT_FOUND&quot;/)
})

t.test('links go only to the page itself: no http(s) in href or src unless the catalog gives it', async (t) => {
  const hrefs = attributes(html, 'href')
  t.ok(hrefs.length > catalog.codes.length)
  t.same(hrefs.filter((href) => !href.startsWith('#')), [])
  t.notMatch([...hrefs, ...attributes(html, 'src')].join(' '), /https?:/)
})

t.test('everything from the catalog is escaped: hostile text stays text', async (t) => {
  const hostile = compileCatalog({
    version: 1,
    categories: { evil: '<img src=x onerror=alert(1)>' },
    errors: {
      EVIL_CODE: {
        status: 400,
        message: '<script>alert("메시지")</script>',
        description: '</td></tr><script>alert(\'설명\')</script>',
        category: 'evil',
        deprecated: '<b onmouseover=x>중단</b>',
        suggestions: ['"><svg onload=alert(1)>'],
        details: { note: { type: 'string', enum: ['<i>'], description: '<iframe src="https://evil.example">' } }
      }
    }
  }, { builtin: false })
  const page = renderHtmlGuide(hostile, { source: '<evil>--.yaml', title: '<title>' })
  const script = page.indexOf('<script>')
  t.equal(page.indexOf('<script>', script + 1), -1, 'one script element: the page\'s own')
  t.notMatch(page, /<(img|svg|iframe|b|i)\b/, 'no element from the catalog')
  const tags = page.match(/<[a-z][^>]*>/gi) ?? []
  t.same(tags.filter((tag) => /\son\w+=/i.test(tag)), [], 'no event handler attribute in any tag')
  t.match(page, '&lt;script&gt;alert(&quot;메시지&quot;)&lt;/script&gt;')
  t.match(page, '&lt;/td&gt;&lt;/tr&gt;&lt;script&gt;alert(&#39;설명&#39;)&lt;/script&gt;')
  t.match(page, 'data-search="evil_code &lt;script&gt;alert(&quot;메시지&quot;)&lt;/script&gt;"')
  t.match(page, '<title>&lt;title&gt;</title>')
  t.notMatch(page.slice(0, page.indexOf('<html')), /--\.yaml/, 'the source cannot end the header comment early')
  t.same(attributes(page, 'href').filter((href) => !href.startsWith('#')), [])
  t.same(attributes(page, 'src'), [])
})

/** Runs the CLI in this process. */
async function cli (args: string[], cwd: string): Promise<{ code: number, stdout: string, stderr: string }> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = { stdout: (text) => { stdout += text }, stderr: (text) => { stderr += text }, cwd }
  return { code: await runCli(args, io), stdout, stderr }
}

t.test('error-catalog docs --html writes the page, --check compares it, and without --out it goes to standard output', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'error-catalog-html-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  copyFileSync(join(root, 'catalog/example.yaml'), join(dir, 'catalog.yaml'))
  const written = await cli(['docs', 'catalog.yaml', '--html', '--out', 'site/errors.html'], dir)
  t.equal(written.code, EXIT.ok, written.stderr)
  t.equal(written.stdout, 'wrote site/errors.html\n')
  t.equal(readFileSync(join(dir, 'site/errors.html'), 'utf8'), renderHtmlGuide(catalog, { source: 'catalog.yaml' }))
  t.equal((await cli(['docs', 'catalog.yaml', '--html', '--out', 'site/errors.html', '--check'], dir)).code, EXIT.ok)
  t.equal((await cli(['docs', 'catalog.yaml', '--out', 'site/errors.html', '--check'], dir)).code, EXIT.problems, 'the Markdown guide is another file')
  const printed = await cli(['docs', 'catalog.yaml', '--html'], dir)
  t.equal(printed.stdout, renderHtmlGuide(catalog, { source: 'catalog.yaml' }))
  t.match((await cli(['docs', '--help'], dir)).stdout, '--html')
})
