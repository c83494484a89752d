import t from 'tap'
import { TEntry } from '../../src/catalog/format.js'
import { ENTRY_MEMBERS, isGuideField, MEMBER_ROWS } from '../../src/catalog/members.js'
import { BREAKING } from '../../src/diff/diff.js'

t.test('every member of a catalog entry (TEntry) has one row in the members table, and no row is left over', async (t) => {
  t.same(Object.keys(ENTRY_MEMBERS).sort(), Object.keys(TEntry.properties).sort())
})

t.test('each change kind a row reports is classified in BREAKING as the row says, and said by one row only', async (t) => {
  const seen = new Map<string, string>()
  for (const [member, row] of MEMBER_ROWS) {
    for (const [kind, breaking] of Object.entries(row.diff.changes)) {
      t.equal(BREAKING[kind as keyof typeof BREAKING], breaking, `${member}: ${kind}`)
      t.notOk(seen.has(kind), `${kind} is reported by ${member} only`)
      seen.set(kind, member)
    }
    if (row.diff.compare === 'value' || row.diff.compare === 'copy') t.equal(Object.keys(row.diff.changes).length, 1, `${member} reports one kind`)
    if (row.diff.compare === 'ignored') t.type(row.diff.reason, 'string', `${member} says why it is not compared`)
  }
})

t.test('OpenAPI extensions are x- names and each is written by one row', async (t) => {
  const names = MEMBER_ROWS.flatMap(([, row]) => Object.keys(row.openapi.extensions ?? {}))
  t.ok(names.length > 0)
  t.ok(names.every((name) => name.startsWith('x-')), names.join(' '))
  t.equal(new Set(names).size, names.length)
})

t.test('every row tells how the guide shows the member: as a labelled field or in a note', async (t) => {
  for (const [member, { guide }] of MEMBER_ROWS) {
    if (isGuideField(guide)) for (const label of Object.values(guide.label)) t.match(label, /\S/, member)
    else t.match(guide.note, /\S/, member)
  }
})
