/**
 * `error-catalog diff`: every change between two versions of a catalog, classified for API clients.
 * Breaking: a code removed or renamed, its status, gRPC status, `number` or `retryable` changed, a number reused
 * for another code, a detail removed, narrowed or made newly required. Compatible: a code added, copy edited, a
 * number given to a code that had none, an optional detail added, a detail widened.
 */
import type { CatalogEntrySource, CatalogFile } from '../catalog/format.js'
import { fromPointer } from '../catalog/problems.js'
import type { CatalogDocument } from '../catalog/source.js'
import { compareDetails } from './detail-changes.js'
import { grpcStatusOfHttp, isGrpcStatusName } from '../grpc/status.js'

/** The kinds of change, each breaking or not (see BREAKING). */
export type ChangeKind =
  | 'code-removed' | 'code-renamed' | 'code-added' | 'status-changed' | 'retryable-changed'
  | 'detail-removed' | 'detail-type-changed' | 'detail-narrowed' | 'detail-added-required' | 'detail-now-required' | 'detail-now-optional'
  | 'detail-added-optional' | 'detail-widened'
  | 'message-changed' | 'suggestions-changed' | 'description-changed' | 'category-changed' | 'deprecated-changed'
  | 'retry-after-changed' | 'docs-url-changed' | 'categories-changed' | 'reserved-added' | 'reserved-removed' | 'validation-changed'
  | 'grpc-changed' | 'number-changed' | 'number-reused' | 'number-added'

/** Whether each kind of change breaks API clients or callers of the factories. */
export const BREAKING: Readonly<Record<ChangeKind, boolean>> = Object.freeze({
  'code-removed': true,
  'code-renamed': true,
  'status-changed': true,
  'retryable-changed': true,
  'detail-removed': true,
  'detail-type-changed': true,
  'detail-narrowed': true,
  'detail-added-required': true,
  'detail-now-required': true,
  'detail-now-optional': true,
  'reserved-removed': true,
  'grpc-changed': true,
  'number-changed': true,
  'number-reused': true,
  'code-added': false,
  'number-added': false,
  'detail-added-optional': false,
  'detail-widened': false,
  'message-changed': false,
  'suggestions-changed': false,
  'description-changed': false,
  'category-changed': false,
  'deprecated-changed': false,
  'retry-after-changed': false,
  'docs-url-changed': false,
  'categories-changed': false,
  'reserved-added': false,
  'validation-changed': false
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

  // A removed code whose entry reappears unchanged under a new code was renamed.
  const renamed = new Map<string, string>()
  for (const code of removed) {
    const twin = added.find((candidate) => ![...renamed.values()].includes(candidate) && sameMeaning(oldErrors[code], newErrors[candidate]))
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
    const at = `/errors/${code}`
    if (old.status !== now.status) add('new', 'status-changed', `${at}/status`, `${code} status changed from ${old.status} to ${now.status}`, { code, hint: 'clients and proxies act on the status; keep it, or add a new code' })
    if ((old.retryable ?? false) !== (now.retryable ?? false)) add('new', 'retryable-changed', `${at}/retryable`, `${code} retryable changed from ${String(old.retryable ?? false)} to ${String(now.retryable ?? false)}`, { code, hint: 'clients decide whether to retry from it' })
    for (const finding of compareDetails(old.details ?? {}, now.details ?? {})) {
      const pointer = `${at}/details${finding.path}`
      const side = finding.kind === 'detail-removed' ? 'old' : 'new'
      add(side, finding.kind, pointer, `${code}: ${finding.message}`, { code, key: side === 'old' })
    }
    copyChange(code, 'message', old.message, now.message, 'message-changed', add)
    copyChange(code, 'suggestions', old.suggestions, now.suggestions, 'suggestions-changed', add)
    copyChange(code, 'description', old.description, now.description, 'description-changed', add)
    copyChange(code, 'category', old.category, now.category, 'category-changed', add)
    copyChange(code, 'deprecated', old.deprecated, now.deprecated, 'deprecated-changed', add)
    copyChange(code, 'retryAfter', old.retryAfter, now.retryAfter, 'retry-after-changed', add)
    copyChange(code, 'docsUrl', old.docsUrl, now.docsUrl, 'docs-url-changed', add)
    const [grpcBefore, grpcAfter] = [grpcOf(old), grpcOf(now)]
    // A gRPC status that only follows a changed HTTP status is part of that change (status-changed, breaking).
    if (grpcBefore !== grpcAfter && (old.status === now.status || old.grpc !== undefined || now.grpc !== undefined)) {
      add('new', 'grpc-changed', now.grpc === undefined ? `${at}/status` : `${at}/grpc`, `${code} gRPC status changed from ${grpcBefore} to ${grpcAfter}`, { code, hint: 'gRPC clients branch on the status; keep it, or add a new code' })
    }
  }
  diffNumbers(before.catalog, after.catalog, renamed, add)

  if (!same(before.catalog.categories, after.catalog.categories)) add('new', 'categories-changed', '/categories', 'categories changed')
  if (!same(before.catalog.validation, after.catalog.validation)) add('new', 'validation-changed', '/validation', 'validation messages changed')
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
function diffNumbers (before: CatalogFile, after: CatalogFile, renamed: ReadonlyMap<string, string>, add: (side: 'old' | 'new', kind: ChangeKind, pointer: string, message: string, extra?: { code?: string, hint?: string }) => void): void {
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

function copyChange (code: string, member: keyof CatalogEntrySource, before: unknown, after: unknown, kind: ChangeKind, add: (side: 'old' | 'new', kind: ChangeKind, pointer: string, message: string, extra?: { code?: string }) => void): void {
  if (same(before, after)) return
  add(after === undefined ? 'old' : 'new', kind, `/errors/${code}/${member}`, `${code} ${member} ${before === undefined ? 'added' : after === undefined ? 'removed' : 'changed'}`, { code })
}

/** Same status, retryable, details and message: the same error under another name. */
function sameMeaning (a: CatalogEntrySource, b: CatalogEntrySource): boolean {
  return a.status === b.status && (a.retryable ?? false) === (b.retryable ?? false) && a.message === b.message && same(a.details ?? {}, b.details ?? {}) &&
    a.number === b.number && grpcOf(a) === grpcOf(b)
}

/** Reserved codes and reserved numbers (as text), for reserved-added and reserved-removed. */
function reservedCodes (catalog: CatalogFile): Set<string> {
  return new Set((catalog.reserved ?? []).map((item) => typeof item === 'string' ? item : typeof item === 'number' ? String(item) : 'code' in item ? item.code : String(item.number)))
}

function same (a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
