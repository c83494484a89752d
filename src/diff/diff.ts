/**
 * `error-catalog diff`: every change between two versions of a catalog, classified for API clients.
 * Breaking: a code removed or renamed, its status, gRPC status, `number` or `retryable` changed, a number reused
 * for another code, a detail removed, narrowed or made newly required. Compatible: a code added, copy edited, a
 * number given to a code that had none, an optional detail added, a detail widened, a translation added, changed or
 * removed. A translatable text is compared by locale (a plain text is the default locale's): written as a map with
 * the same default-locale text it is not a change; the default locale's text is the member's own change, another
 * locale's is a `translation-*` change.
 */
import type { CatalogEntrySource, CatalogFile, Localized } from '../catalog/format.js'
import { declaredLocales, translationsOf } from '../catalog/locales.js'
import { escapePointer, fromPointer } from '../catalog/problems.js'
import type { CatalogDocument } from '../catalog/source.js'
import { compareDetails } from './detail-changes.js'
import { grpcStatusOfHttp, isGrpcStatusName } from '../catalog/grpc-status.js'
import { MEMBER_ROWS, type EntryMember, type MemberChangeKind, type MemberDiff } from '../catalog/members.js'

/** Changes of the catalog as a whole or of a code's existence; a member's changes are in its row (src/catalog/members.ts). */
type CatalogChangeKind = 'code-removed' | 'code-renamed' | 'code-added' | 'categories-changed' | 'reserved-added' | 'reserved-removed' | 'validation-changed' |
  'translation-added' | 'translation-changed' | 'translation-removed'

/** A translation into a locale other than the default added, changed or removed (that locale falls back to the default's text). */
type TranslationChangeKind = Extract<CatalogChangeKind, `translation-${string}`>

/** The kinds of change, each breaking or not (see BREAKING). */
export type ChangeKind = CatalogChangeKind | MemberChangeKind

/** Whether each kind of change breaks API clients or callers of the factories. */
export const BREAKING: Readonly<Record<ChangeKind, boolean>> = Object.freeze({
  'code-removed': true,
  'code-renamed': true,
  'reserved-removed': true,
  'code-added': false,
  'categories-changed': false,
  'reserved-added': false,
  'validation-changed': false,
  'translation-added': false,
  'translation-changed': false,
  'translation-removed': false,
  ...Object.assign({}, ...MEMBER_ROWS.map(([, row]) => row.diff.changes)) as Record<MemberChangeKind, boolean>
})

/** One change, located in the new file (or in the old one, for what was removed). */
export interface CatalogChange {
  kind: ChangeKind
  breaking: boolean
  /** The code concerned, if any. */
  code?: string
  file: string
  line: number
  col: number
  pointer: string
  message: string
  hint?: string
}

/** Compares two checked catalogs. */
export function diffCatalogs (before: { document: CatalogDocument, catalog: CatalogFile }, after: { document: CatalogDocument, catalog: CatalogFile }): CatalogChange[] {
  const changes: CatalogChange[] = []
  const add = (side: 'old' | 'new', kind: ChangeKind, pointer: string, message: string, extra: { code?: string, hint?: string, key?: boolean } = {}): void => {
    const document = side === 'old' ? before.document : after.document
    const { line, col } = document.locate(fromPointer(pointer), extra.key)
    changes.push({
      kind,
      breaking: BREAKING[kind],
      ...(extra.code === undefined ? {} : { code: extra.code }),
      file: document.file,
      line,
      col,
      pointer,
      message,
      ...(extra.hint === undefined ? {} : { hint: extra.hint })
    })
  }
  const oldErrors = before.catalog.errors
  const newErrors = after.catalog.errors
  const newReserved = reservedCodes(after.catalog)
  const removed = Object.keys(oldErrors).filter((code) => !(code in newErrors))
  const added = Object.keys(newErrors).filter((code) => !(code in oldErrors))

  const locales: Locales = { old: declaredLocales(before.catalog)[0], now: declaredLocales(after.catalog)[0] }
  // A removed code whose entry reappears unchanged under a new code was renamed.
  const renamed = new Map<string, string>()
  for (const code of removed) {
    const twin = added.find((candidate) => ![...renamed.values()].includes(candidate) && sameMeaning(oldErrors[code], newErrors[candidate], locales))
    if (twin !== undefined) renamed.set(code, twin)
  }

  for (const code of removed) {
    const reservedHint = newReserved.has(code) ? undefined : `add ${code} to \`reserved:\` so that it is never reused with another meaning`
    const to = renamed.get(code)
    if (to !== undefined) {
      add('new', 'code-renamed', `/errors/${to}`, `${code} was renamed to ${to}: clients that branch on ${code} break`, {
        code,
        key: true,
        hint: `keep ${code} as a deprecated code next to ${to}${reservedHint === undefined ? '' : `, or ${reservedHint}`}`
      })
    } else {
      add('old', 'code-removed', `/errors/${code}`, `${code} was removed${newReserved.has(code) ? ' (it is reserved now)' : ''}`, {
        code,
        key: true,
        ...(reservedHint === undefined ? { hint: 'clients that branch on it must be updated first' } : { hint: reservedHint })
      })
    }
  }
  for (const code of added) {
    if ([...renamed.values()].includes(code)) continue
    add('new', 'code-added', `/errors/${code}`, `${code} was added`, { code, key: true })
  }

  for (const [code, now] of Object.entries(newErrors)) {
    const old = oldErrors[code]
    if (old === undefined) continue
    for (const [member, row] of MEMBER_ROWS) compareMember(code, member, row.diff, old, now, locales, add)
  }
  diffNumbers(before.catalog, after.catalog, renamed, add)

  diffTextTable(before.catalog.categories ?? {}, after.catalog.categories ?? {}, {}, { section: '/categories', table: '', label: 'category' }, 'categories-changed', 'categories changed', locales, add)
  const { messages: oldMessages, ...oldValidation } = before.catalog.validation ?? {}
  const { messages: newMessages, ...newValidation } = after.catalog.validation ?? {}
  diffTextTable(oldMessages ?? {}, newMessages ?? {}, { old: oldValidation, now: newValidation }, { section: '/validation', table: '/messages', label: 'validation message' }, 'validation-changed', 'validation messages changed', locales, add)
  const oldReserved = reservedCodes(before.catalog)
  for (const code of oldReserved) {
    if (!newReserved.has(code)) add('old', 'reserved-removed', '/reserved', `${code} is no longer reserved: it could be reused with another meaning`, { code, hint: `keep ${code} in \`reserved:\`` })
  }
  for (const code of newReserved) if (!oldReserved.has(code)) add('new', 'reserved-added', '/reserved', `${code} is now reserved`, { code })
  return changes
}

/**
 * `number`s: changed or dropped (breaking), given to a code that had none (compatible), or reused: a number that
 * another code had, or that was reserved, in the old catalog (breaking; reported once, where it is used now).
 */
function diffNumbers (before: CatalogFile, after: CatalogFile, renamed: ReadonlyMap<string, string>, add: Add): void {
  const owners = new Map<number, string>()
  for (const [code, entry] of Object.entries(before.errors)) if (entry.number !== undefined) owners.set(entry.number, renamed.get(code) ?? code)
  const retired = reservedNumbers(before)
  const moved = new Set<string>()
  const reused = (code: string, number: number | undefined): boolean => {
    if (number === undefined) return false
    const owner = owners.get(number)
    return owner === undefined ? retired.has(number) : owner !== code
  }
  for (const [code, entry] of Object.entries(after.errors)) {
    const number = entry.number
    if (number === undefined || !reused(code, number)) continue
    const owner = owners.get(number)
    if (owner !== undefined) moved.add(owner)
    add('new', 'number-reused', `/errors/${code}/number`, `${code} takes number ${number}, which ${owner === undefined ? 'was reserved' : `was ${owner}'s`}`, { code, hint: 'clients that read numbers would take it for the old error; choose an unused number' })
  }
  for (const [code, entry] of Object.entries(after.errors)) {
    const old = before.errors[code] ?? before.errors[[...renamed].find(([, to]) => to === code)?.[0] ?? '']
    if (old === undefined || old.number === entry.number) continue
    const at = `/errors/${code}/number`
    if (reused(code, entry.number)) continue
    if (entry.number !== undefined && old.number === undefined) {
      add('new', 'number-added', at, `${code} number ${entry.number} added`, { code })
    } else if (entry.number !== undefined || !moved.has(code)) {
      add(entry.number === undefined ? 'old' : 'new', 'number-changed', entry.number === undefined ? `/errors/${code}` : at, `${code} number ${entry.number === undefined ? `${String(old.number)} removed` : `changed from ${String(old.number)} to ${entry.number}`}`, { code, hint: 'clients that read numbers break; keep it, or add a new code' })
    }
  }
}

function grpcOf (entry: CatalogEntrySource): string {
  return isGrpcStatusName(entry.grpc) ? entry.grpc : grpcStatusOfHttp(entry.status)
}

function reservedNumbers (catalog: CatalogFile): Set<number> {
  return new Set((catalog.reserved ?? []).flatMap((item) => typeof item === 'number' ? [item] : typeof item === 'object' && 'number' in item ? [item.number] : []))
}

type Add = (side: 'old' | 'new', kind: ChangeKind, pointer: string, message: string, extra?: { code?: string, hint?: string, key?: boolean }) => void

/** The default locale of each side. */
interface Locales { readonly old: string, readonly now: string }

/** A translatable text compared by locale: whether the default locale's text changed, and each other locale's change. */
function compareTexts (before: unknown, after: unknown, locales: Locales): { changed: boolean, translations: Array<[TranslationChangeKind, string]> } {
  const old = new Map(translationsOf(before as Localized<unknown>, locales.old))
  const now = new Map(translationsOf(after as Localized<unknown>, locales.now))
  const translations: Array<[TranslationChangeKind, string]> = []
  for (const locale of new Set([...old.keys(), ...now.keys()])) {
    if (locale === locales.now) continue
    if (!old.has(locale)) translations.push(['translation-added', locale])
    else if (!now.has(locale)) translations.push(['translation-removed', locale])
    else if (!same(old.get(locale), now.get(locale))) translations.push(['translation-changed', locale])
  }
  return { changed: !same(old.get(locales.now), now.get(locales.now)), translations }
}

/** Reports the translation changes of the text at `pointer`. */
function addTranslations (translations: Array<[TranslationChangeKind, string]>, pointer: string, what: string, locales: Locales, add: Add, code?: string): void {
  for (const [kind, locale] of translations) {
    const verb = kind === 'translation-added' ? 'added' : kind === 'translation-changed' ? 'changed' : `removed: answers in ${locale} fall back to the ${locales.now} text`
    add(kind === 'translation-removed' ? 'old' : 'new', kind, `${pointer}/${escapePointer(locale)}`, `${what}: ${locale} translation ${verb}`, code === undefined ? {} : { code })
  }
}

/**
 * A table of translatable texts by id (category titles, validation templates) and what else its section holds:
 * `kind` once when an id or a default-locale text or the rest changed, then each translation change.
 */
function diffTextTable (
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  rest: { old?: unknown, now?: unknown },
  where: { section: string, table: string, label: string },
  kind: ChangeKind,
  message: string,
  locales: Locales,
  add: Add
): void {
  let changed = !same(rest.old, rest.now)
  const translated: Array<() => void> = []
  for (const id of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!Object.hasOwn(before, id) || !Object.hasOwn(after, id)) {
      changed = true
      continue
    }
    const texts = compareTexts(before[id], after[id], locales)
    changed ||= texts.changed
    translated.push(() => addTranslations(texts.translations, `${where.section}${where.table}/${escapePointer(id)}`, `${where.label} ${id}`, locales, add))
  }
  if (changed) add('new', kind, where.section, message)
  for (const report of translated) report()
}

/** One member of one code, compared as its row says (src/catalog/members.ts). */
function compareMember (code: string, member: EntryMember, row: MemberDiff, old: CatalogEntrySource, now: CatalogEntrySource, locales: Locales, add: Add): void {
  const at = `/errors/${code}`
  const kind = Object.keys(row.changes)[0] as ChangeKind
  switch (row.compare) {
    case 'value': {
      const [before, after] = [valueOf(member, row, old), valueOf(member, row, now)]
      if (!same(before, after)) add('new', kind, `${at}/${member}`, `${code} ${member} changed from ${String(before)} to ${String(after)}`, { code, ...(row.hint === undefined ? {} : { hint: row.hint }) })
      break
    }
    case 'copy': {
      const [before, after] = [old[member], now[member]]
      if (same(before, after)) return
      if (before === undefined || after === undefined) {
        add(after === undefined ? 'old' : 'new', kind, `${at}/${member}`, `${code} ${member} ${before === undefined ? 'added' : 'removed'}`, { code })
        return
      }
      // A translatable member by locale (any other member is a plain value: its only locale is the default).
      const texts = compareTexts(before, after, locales)
      if (texts.changed) add('new', kind, `${at}/${member}`, `${code} ${member} changed`, { code })
      addTranslations(texts.translations, `${at}/${member}`, `${code} ${member}`, locales, add, code)
      break
    }
    case 'details':
      for (const finding of compareDetails(old.details ?? {}, now.details ?? {})) {
        const side = finding.kind === 'detail-removed' ? 'old' : 'new'
        add(side, finding.kind, `${at}/details${finding.path}`, `${code}: ${finding.message}`, { code, key: side === 'old' })
      }
      break
    case 'grpc': {
      const [before, after] = [grpcOf(old), grpcOf(now)]
      // A gRPC status that only follows a changed HTTP status is part of that change (status-changed, breaking).
      if (before !== after && (old.status === now.status || old.grpc !== undefined || now.grpc !== undefined)) {
        add('new', kind, now.grpc === undefined ? `${at}/status` : `${at}/grpc`, `${code} gRPC status changed from ${before} to ${after}`, { code, ...(row.hint === undefined ? {} : { hint: row.hint }) })
      }
      break
    }
    case 'number': // across the catalog: diffNumbers
    case 'ignored':
      break
  }
}

/** What a member says for comparison: the effective gRPC status, or the value with its fallback. */
function valueOf (member: EntryMember, row: MemberDiff, entry: CatalogEntrySource): unknown {
  return row.compare === 'grpc' ? grpcOf(entry) : entry[member] ?? row.fallback
}

/** The same meaning (every member whose row says `meaning`, texts in the default locale): the same error under another name. */
function sameMeaning (a: CatalogEntrySource, b: CatalogEntrySource, locales: Locales): boolean {
  return MEMBER_ROWS.every(([member, { diff }]) => diff.meaning !== true ||
    (diff.compare === 'copy' ? !compareTexts(a[member], b[member], locales).changed : same(valueOf(member, diff, a), valueOf(member, diff, b))))
}

/** Reserved codes and reserved numbers (as text), for reserved-added and reserved-removed. */
function reservedCodes (catalog: CatalogFile): Set<string> {
  return new Set((catalog.reserved ?? []).map((item) => typeof item === 'string' ? item : typeof item === 'number' ? String(item) : 'code' in item ? item.code : String(item.number)))
}

function same (a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
