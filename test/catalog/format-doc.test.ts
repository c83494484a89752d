import t from 'tap'
import { readFileSync } from 'node:fs'
import { compileCatalog } from '../../src/index.js'
import { parseCatalogText, TCatalogFile, TEntry } from '../../src/tooling.js'

const page = readFileSync(new URL('../../docs/catalog-format.md', import.meta.url), 'utf8')

/** The first-column keys of the table under a heading. */
function tableKeys (heading: string): string[] {
  const section = page.split(/^## /m).find((part) => part.startsWith(heading)) ?? ''
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1])
}

t.test('docs/catalog-format.md lists every top-level key and every entry key of the format', async (t) => {
  t.same(tableKeys('Top level').sort(), Object.keys(TCatalogFile.properties).sort())
  t.same(tableKeys('An entry').sort(), Object.keys(TEntry.properties).sort())
})

t.test('the example at the top of docs/catalog-format.md compiles', async (t) => {
  const example = /```yaml\n([\s\S]*?)```/.exec(page)?.[1] ?? ''
  const catalog = compileCatalog(parseCatalogText(example, 'docs/catalog-format.md'))
  t.equal(catalog.errors.SESSION_NOT_FOUND({ sessionCode: 'AB12CD' }).message, '세션을 찾을 수 없습니다. (세션 코드 AB12CD)')
  t.same(catalog.reserved, [{ code: 'SERVER_ERROR', reason: 'INTERNAL_ERROR로 바뀌었습니다.' }])
})

t.test('the placeholder example of docs/catalog-format.md reads as documented', async (t) => {
  const catalog = compileCatalog({ version: 1, errors: { SESSION_FULL: { status: 409, message: '세션 정원({capacity}명)이 모두 찼습니다.', details: { capacity: { type: 'integer' } } } } })
  const line = page.split('\n').find((text) => text.startsWith('`errors.SESSION_FULL({ capacity: 30 })`'))
  t.equal(line, `\`errors.SESSION_FULL({ capacity: 30 })\` → \`${catalog.errors.SESSION_FULL({ capacity: 30 }).message}\``)
})

t.test('the particle marker example of docs/catalog-format.md reads as documented', async (t) => {
  const catalog = compileCatalog({ version: 1, errors: { SESSION_NOT_FOUND: { status: 404, message: '{sessionName}{을/를} 찾을 수 없습니다.', details: { sessionName: { type: 'string' } } } } })
  const line = page.split('\n').find((text) => text.startsWith('`errors.SESSION_NOT_FOUND({ sessionName: \'오전 세션\' })`'))
  t.equal(line, `\`errors.SESSION_NOT_FOUND({ sessionName: '오전 세션' })\` → \`${catalog.errors.SESSION_NOT_FOUND({ sessionName: '오전 세션' }).message}\`; with \`React\`,`)
  t.match(page, `\`${catalog.errors.SESSION_NOT_FOUND({ sessionName: 'React' }).message}\``)
})
