/**
 * Every member of a catalog entry (format.ts's `TEntry`), said once: how `error-catalog diff` compares it and what
 * it reports, which OpenAPI keyword or `x-` extension of the code's component schema shows it, and how the error
 * guides (Markdown and HTML) show it. src/diff/diff.ts, src/openapi/components.ts and src/docs/ iterate over this
 * table, so a new member is one row here; test/catalog/members.test.ts fails on a TEntry member without a row.
 *
 * Row order is output order: the guide's columns and lines, the OpenAPI keywords, then the extensions, and the
 * diff's changes to one code all follow it.
 */
import { STATUS_CODES } from 'node:http'
import { grpcStatusNumber } from './grpc-status.js'
import type { CompiledCatalog, CompiledEntry } from './compile.js'
import type { CatalogEntrySource } from './format.js'
import { GUIDE_WORDS } from './guide-words.js'
import { guideLanguageOf, type Wording } from './locales.js'

/** A member of a catalog entry. */
export type EntryMember = keyof CatalogEntrySource

/**
 * How `error-catalog diff` compares a member between two versions of one code:
 * - `value`: the value (or `fallback` when left out) changed: one change "from A to B", with a hint;
 * - `copy`: added, removed or changed, compared as written;
 * - `details`: detail by detail (src/diff/detail-changes.ts);
 * - `grpc`: the effective gRPC status (declared, or derived from `status`); a change that only follows a changed
 *   `status` is part of that change;
 * - `number`: across the whole catalog, since a number can move to another code or be reserved;
 * - `ignored`: not compared (`reason` says why).
 */
export type MemberComparison = 'value' | 'copy' | 'details' | 'grpc' | 'number' | 'ignored'

/** What `error-catalog diff` does with a member. */
export interface MemberDiff {
  readonly compare: MemberComparison
  /** The change kinds it reports, each breaking (true) or compatible (false); `value` and `copy` report one. */
  readonly changes: Readonly<Record<string, boolean>>
  /** The value of the member when the entry leaves it out, if it has one (`retryable`: false). */
  readonly fallback?: unknown
  /** What to do about a change (`value`). */
  readonly hint?: string
  /** Part of what the error means: a removed code whose entry reappears with these unchanged was renamed. */
  readonly meaning?: boolean
  /** Why the member is not compared (`ignored`). */
  readonly reason?: string
}

/** The value an OpenAPI keyword or extension takes for a code; undefined leaves it out. */
export type OpenapiShow = (entry: CompiledEntry, catalog: CompiledCatalog) => unknown

/** How the code's OpenAPI component schema shows a member (besides the body schema, which is the format's). */
export interface MemberOpenapi {
  /** Schema Object keywords (`deprecated`, `externalDocs`), written before every extension. */
  readonly keywords?: Readonly<Record<string, OpenapiShow>>
  /** `x-` extensions, for what OpenAPI has no keyword for. */
  readonly extensions?: Readonly<Record<`x-${string}`, OpenapiShow>>
  /** Where else it shows, when not here. */
  readonly note?: string
}

/** Text of the guide: a line, or a list (one line or list item each). Plain text: each guide escapes it. */
export type GuideText = string | readonly string[]

/**
 * A member the guide shows as a column of each category's table of codes and as a line of the code's section.
 * `locale` is the guide's locale (one of the catalog's): catalog text in it through `entry.textOf`, the guide's own
 * words in its language.
 */
export interface MemberGuideField {
  /** Column header and line label. */
  readonly label: Wording<string>
  /** Shown only in a catalog that uses gRPC (writes `grpc` or `number` somewhere), like seed 003's tables. */
  readonly grpcOnly?: boolean
  /** The table cell. */
  readonly cell: (entry: CompiledEntry, locale: string) => GuideText
  /** The section's line (a list: an indented list under the label); undefined: no line for this code. */
  readonly line: (entry: CompiledEntry, locale: string) => GuideText | undefined
}

/** How the guides show a member: as a field, or as the layout says (`note`). */
export type MemberGuide = MemberGuideField | { readonly note: string }

/** One row of the table. */
export interface MemberRow {
  readonly diff: MemberDiff
  readonly openapi: MemberOpenapi
  readonly guide: MemberGuide
}

/** `예 (10초 뒤)`, `Yes (after 10 seconds)`: retryable, with Retry-After when the entry has one. */
function retryText (entry: CompiledEntry, locale: string): string {
  const words = GUIDE_WORDS[guideLanguageOf(locale)]
  if (!entry.retryable) return words.no
  return entry.retryAfter === undefined ? words.yes : `${words.yes} (${words.after(entry.retryAfter)})`
}

const nonEmpty = (list: readonly string[]): readonly string[] | undefined => list.length === 0 ? undefined : list

const grpcText = (entry: CompiledEntry): string => `${entry.grpc} (${grpcStatusNumber(entry.grpc)})`

/** The table: one row per member of TEntry, in output order. */
export const ENTRY_MEMBERS = {
  number: {
    diff: { compare: 'number', changes: { 'number-changed': true, 'number-reused': true, 'number-added': false }, meaning: true },
    openapi: { note: 'not shown (ErrorInfo metadata of gRPC answers, docs/grpc.md)' },
    guide: { label: { ko: '번호', en: 'Number' }, grpcOnly: true, cell: (entry) => `${entry.number ?? ''}`, line: (entry) => entry.number === undefined ? undefined : `${entry.number}` }
  },
  status: {
    diff: { compare: 'value', changes: { 'status-changed': true }, hint: 'clients and proxies act on the status; keep it, or add a new code', meaning: true },
    openapi: { extensions: { 'x-status': (entry) => entry.status } },
    guide: { label: { ko: 'HTTP 상태', en: 'HTTP status' }, cell: (entry) => `${entry.status}`, line: (entry) => `${entry.status} ${STATUS_CODES[entry.status] ?? ''}`.trimEnd() }
  },
  grpc: {
    diff: { compare: 'grpc', changes: { 'grpc-changed': true }, hint: 'gRPC clients branch on the status; keep it, or add a new code', meaning: true },
    openapi: { note: 'not shown (docs/grpc.md)' },
    guide: { label: { ko: 'gRPC 상태', en: 'gRPC status' }, grpcOnly: true, cell: grpcText, line: (entry, locale) => `${grpcText(entry)}${entry.grpcDeclared ? '' : ` (${GUIDE_WORDS[guideLanguageOf(locale)].grpcFromStatus})`}` }
  },
  message: {
    diff: { compare: 'copy', changes: { 'message-changed': false }, meaning: true },
    openapi: { extensions: { 'x-message': (entry) => entry.message } },
    guide: { label: { ko: '메시지', en: 'Message' }, cell: (entry, locale) => entry.textOf(locale).message, line: (entry, locale) => entry.textOf(locale).message }
  },
  description: {
    diff: { compare: 'copy', changes: { 'description-changed': false } },
    openapi: { note: 'the component schema\'s `description` (the message when left out), set with the body schema' },
    guide: { label: { ko: '설명', en: 'Description' }, cell: (entry, locale) => entry.textOf(locale).description ?? '', line: (entry, locale) => entry.textOf(locale).description }
  },
  retryable: {
    diff: { compare: 'value', changes: { 'retryable-changed': true }, fallback: false, hint: 'clients decide whether to retry from it', meaning: true },
    openapi: { extensions: { 'x-retryable': (entry) => entry.retryable } },
    guide: { label: { ko: '재시도', en: 'Retryable' }, cell: retryText, line: retryText }
  },
  retryAfter: {
    diff: { compare: 'copy', changes: { 'retry-after-changed': false } },
    openapi: { extensions: { 'x-retry-after': (entry) => entry.retryAfter } },
    guide: { note: 'with 재시도 (`예 (10초 뒤)`), and as the Retry-After header of the example response' }
  },
  suggestions: {
    diff: { compare: 'copy', changes: { 'suggestions-changed': false } },
    openapi: { extensions: { 'x-suggestions': (entry) => [...entry.suggestions] } },
    guide: {
      label: { ko: '처리 방법', en: 'What to do' },
      cell: (entry, locale) => entry.textOf(locale).suggestions,
      line: (entry, locale) => nonEmpty(entry.textOf(locale).suggestions)
    }
  },
  details: {
    diff: {
      compare: 'details',
      changes: {
        'detail-removed': true,
        'detail-type-changed': true,
        'detail-narrowed': true,
        'detail-added-required': true,
        'detail-now-required': true,
        'detail-now-optional': true,
        'detail-added-optional': false,
        'detail-widened': false
      },
      fallback: {},
      meaning: true
    },
    openapi: { note: 'in the body schema (the format\'s `details` member)' },
    guide: { note: 'a table of the code\'s details (name, type, required, description) under its lines' }
  },
  category: {
    diff: { compare: 'copy', changes: { 'category-changed': false } },
    openapi: {
      extensions: {
        'x-category': (entry) => entry.category,
        'x-category-title': (entry, catalog) => entry.category === undefined ? undefined : catalog.categories[entry.category]
      }
    },
    guide: { note: 'the section the code is listed in (기타 when left out)' }
  },
  deprecated: {
    diff: { compare: 'copy', changes: { 'deprecated-changed': false } },
    openapi: {
      keywords: { deprecated: (entry) => entry.deprecated === undefined ? undefined : true },
      extensions: { 'x-deprecated': (entry) => entry.deprecated }
    },
    guide: { note: '(사용 중단) after the code, struck through in the table, and the reason above the section\'s lines' }
  },
  docsUrl: {
    diff: { compare: 'copy', changes: { 'docs-url-changed': false } },
    openapi: { keywords: { externalDocs: (entry) => entry.docsUrl === undefined ? undefined : { url: entry.docsUrl } } },
    guide: { note: 'in the example response (the guide is where it usually points)' }
  },
  maps: {
    diff: { compare: 'ignored', changes: {}, reason: 'which foreign errors the server answers with the code; clients see the code, not the mapping' },
    openapi: { note: 'not shown (server side only)' },
    guide: { note: 'not shown (server side only)' }
  }
} as const satisfies { readonly [M in EntryMember]-?: MemberRow }

/** The rows, in output order. */
export const MEMBER_ROWS: ReadonlyArray<readonly [EntryMember, MemberRow]> = Object.entries(ENTRY_MEMBERS) as Array<[EntryMember, MemberRow]>

/** The change kinds `error-catalog diff` reports about members. */
export type MemberChangeKind = { [M in EntryMember]: keyof (typeof ENTRY_MEMBERS)[M]['diff']['changes'] }[EntryMember] & string

/** Whether the guide shows a member as a field (a column and a line). */
export function isGuideField (guide: MemberGuide): guide is MemberGuideField {
  return 'label' in guide
}
