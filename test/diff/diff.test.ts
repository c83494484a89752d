import t from 'tap'
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { checkCatalogDocument } from '../../src/catalog/check.js'
import { readCatalogDocumentSync } from '../../src/catalog/load.js'
import { objectDocument } from '../../src/catalog/source.js'
import { compareDetails } from '../../src/diff/detail-changes.js'
import { BREAKING, diffCatalogs, type ChangeKind } from '../../src/diff/diff.js'

const dir = fileURLToPath(new URL('../fixtures/cli/diff/', import.meta.url))
/** The pairs whose base has translations (translation-changed, translation-removed). */
const localesDir = fileURLToPath(new URL('../fixtures/cli/diff-locales/', import.meta.url))
const checked = (name: string, folder = dir): Parameters<typeof diffCatalogs>[0] => {
  const document = readCatalogDocumentSync(folder + name)
  const { catalog, problems } = checkCatalogDocument(document)
  if (catalog === undefined) throw new Error(`${name}: ${problems.map((problem) => problem.message).join('; ')}`)
  return { document, catalog }
}

t.test('each fixture pair shows exactly its one kind of change, classified as the issue says', async (t) => {
  const pairsIn = (folder: string): ChangeKind[] => readdirSync(folder).filter((name) => name !== 'base.yaml').map((name) => name.replace(/\.yaml$/, '') as ChangeKind)
  t.same([...pairsIn(dir), ...pairsIn(localesDir)].sort(), Object.keys(BREAKING).sort(), 'there is a pair for every kind of change')
  for (const folder of [dir, localesDir]) {
    const base = checked('base.yaml', folder)
    for (const kind of pairsIn(folder)) {
      const changes = diffCatalogs(base, checked(`${kind}.yaml`, folder))
      t.same(changes.map((change) => [change.kind, change.breaking]), [[kind, BREAKING[kind]]], kind)
      t.ok(changes.every((change) => change.line > 0 && change.col > 0), `${kind} is located`)
    }
  }
})

t.test('translations: a plain text written as a map with the same default text is no change; other locales are translation changes', async (t) => {
  const added = diffCatalogs(checked('base.yaml'), checked('translation-added.yaml'))
  t.match(added, [{ kind: 'translation-added', breaking: false, code: 'SESSION_NOT_FOUND', pointer: '/errors/SESSION_NOT_FOUND/message/en', line: 11, col: 11, message: 'SESSION_NOT_FOUND message: en translation added' }])
  const changed = diffCatalogs(checked('base.yaml', localesDir), checked('translation-changed.yaml', localesDir))
  t.match(changed, [{ kind: 'translation-changed', breaking: false, pointer: '/errors/SESSION_NOT_FOUND/message/en', line: 13, message: 'SESSION_NOT_FOUND message: en translation changed' }])
  const removed = diffCatalogs(checked('base.yaml', localesDir), checked('translation-removed.yaml', localesDir))
  t.match(removed, [{ kind: 'translation-removed', breaking: false, pointer: '/categories/session/en', file: localesDir + 'base.yaml', line: 7, message: 'category session: en translation removed: answers in en fall back to the ko text' }])

  // Every translatable member, category titles and validation templates, from plain texts to maps.
  const plain = {
    version: 1,
    categories: { session: '세션' },
    validation: { messages: { required: '{label}{을/를} 입력하세요.' } },
    errors: { SESSION_FULL: { status: 409, message: '정원이 찼습니다.', description: '정원 초과', category: 'session', suggestions: ['다른 세션을 고르세요.'] } }
  }
  const both = (ko: unknown, en: unknown): Record<string, unknown> => ({ ko, en })
  const maps = {
    version: 1,
    locales: ['ko', 'en'],
    categories: { session: both('세션', 'Sessions') },
    validation: { messages: { required: both('{label}{을/를} 입력하세요.', '{label} is required.') } },
    errors: { SESSION_FULL: { status: 409, message: both('정원이 찼습니다.', 'The session is full.'), description: both('정원 초과', 'Full.'), category: 'session', suggestions: both(['다른 세션을 고르세요.'], ['Choose another session.']) } }
  }
  const of = (data: object): Parameters<typeof diffCatalogs>[0] => checkedData(data)
  t.same(diffCatalogs(of(plain), of(maps)).map((change) => `${change.kind} ${change.pointer}`), [
    'translation-added /errors/SESSION_FULL/message/en',
    'translation-added /errors/SESSION_FULL/description/en',
    'translation-added /errors/SESSION_FULL/suggestions/en',
    'translation-added /categories/session/en',
    'translation-added /validation/messages/required/en'
  ])
  t.same(diffCatalogs(of({ ...maps, locales: ['ko'], categories: plain.categories, validation: plain.validation, errors: plain.errors }), of(plain)), [], 'ko-only maps and plain texts are the same catalog')

  const reworded = { ...maps, errors: { SESSION_FULL: { ...maps.errors.SESSION_FULL, message: both('세션 정원이 찼습니다.', 'The session is full.') } } }
  t.same(diffCatalogs(of(maps), of(reworded)).map((change) => change.kind), ['message-changed'], 'the default text changed inside a map is the member\'s own change')
  const renamed = { ...maps, errors: { SESSION_CAPACITY_REACHED: plain.errors.SESSION_FULL } }
  t.same(diffCatalogs(of(maps), of(renamed)).map((change) => change.kind), ['code-renamed'], 'a rename is found across plain texts and maps (its texts are the new code\'s own)')
})

function checkedData (data: object): Parameters<typeof diffCatalogs>[0] {
  const document = objectDocument(data)
  const { catalog, problems } = checkCatalogDocument(document)
  if (catalog === undefined) throw new Error(problems.map((problem) => problem.message).join('; '))
  return { document, catalog }
}

t.test('breaking: removed, renamed, status, gRPC status, number changed or reused, retryable, detail removed or narrowed, new required detail', async (t) => {
  const breaking = Object.entries(BREAKING).filter(([, value]) => value).map(([kind]) => kind).sort()
  t.same(breaking, ['code-removed', 'code-renamed', 'detail-added-required', 'detail-narrowed', 'detail-now-optional', 'detail-now-required', 'detail-removed', 'detail-type-changed', 'grpc-changed', 'number-changed', 'number-reused', 'reserved-removed', 'retryable-changed', 'status-changed'])
})

t.test('a removed code is reported where it stood in the old file, with the reserved hint unless reserved', async (t) => {
  const [removed] = diffCatalogs(checked('base.yaml'), checked('code-removed.yaml'))
  t.match(removed, { file: dir + 'base.yaml', line: 19, col: 3, code: 'SESSION_FULL', hint: /add SESSION_FULL to `reserved:`/ })
  const renamed = diffCatalogs(checked('base.yaml'), checked('code-renamed.yaml'))
  t.match(renamed, [{ kind: 'code-renamed', message: 'SESSION_FULL was renamed to SESSION_CAPACITY_REACHED: clients that branch on SESSION_FULL break' }])
  // Reserving the removed code answers the hint.
  const before = checked('base.yaml')
  const after = checked('code-removed.yaml')
  const reserved = { ...after, catalog: { ...after.catalog, reserved: [...(after.catalog.reserved ?? []), { code: 'SESSION_FULL', reason: '정원 오류를 없앴습니다.' }] } }
  const changes = diffCatalogs(before, reserved)
  t.match(changes, [{ kind: 'code-removed', message: 'SESSION_FULL was removed (it is reserved now)', hint: 'clients that branch on it must be updated first' }, { kind: 'reserved-added', code: 'SESSION_FULL' }])
})

t.test('detail comparison: types, enums, formats, bounds, nesting', async (t) => {
  const cases: Array<[string, { before: Record<string, any>, after: Record<string, any>, want: string[] }]> = [
    ['integer → number widens', { before: { n: { type: 'integer' } }, after: { n: { type: 'number' } }, want: ['detail-widened /n'] }],
    ['number → integer narrows', { before: { n: { type: 'number' } }, after: { n: { type: 'integer' } }, want: ['detail-narrowed /n'] }],
    ['a format added narrows, removed widens', { before: { s: { type: 'string' }, t: { type: 'string', format: 'email' } }, after: { s: { type: 'string', format: 'uuid' }, t: { type: 'string' } }, want: ['detail-narrowed /s', 'detail-widened /t'] }],
    ['an enum added narrows, removed widens', { before: { s: { type: 'string' }, t: { type: 'string', enum: ['a'] } }, after: { s: { type: 'string', enum: ['a'] }, t: { type: 'string' } }, want: ['detail-narrowed /s', 'detail-widened /t'] }],
    ['tighter bounds narrow, looser widen', { before: { i: { type: 'integer', minimum: 1, maximum: 9 }, s: { type: 'string', minLength: 2, maxLength: 5 } }, after: { i: { type: 'integer', minimum: 2 }, s: { type: 'string', minLength: 1, maxLength: 4 } }, want: ['detail-narrowed /i', 'detail-widened /i', 'detail-narrowed /s', 'detail-widened /s'] }],
    ['array items compare inside', { before: { a: { type: 'array', items: { type: 'string' } } }, after: { a: { type: 'array', items: { type: 'integer' } } }, want: ['detail-type-changed /a/items'] }],
    ['object properties compare inside', { before: { o: { type: 'object', properties: { x: { type: 'string' } } } }, after: { o: { type: 'object', properties: { y: { type: 'string', optional: true } } } }, want: ['detail-removed /o/properties/x', 'detail-added-optional /o/properties/y'] }],
    ['unchanged', { before: { s: { type: 'string', minLength: 1 } }, after: { s: { type: 'string', minLength: 1 } }, want: [] }]
  ]
  for (const [name, { before, after, want }] of cases) {
    t.same(compareDetails(before, after).map((finding) => `${finding.kind} ${finding.path}`), want, name)
  }
})
