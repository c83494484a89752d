/**
 * What the error guide says, once, for both of its renderings: Markdown (error-guide.ts, `error-catalog docs`) and
 * one HTML page (html-guide.ts, `error-catalog docs --html`). Sections follow the catalog: categories in document
 * order, codes in document order inside each, except that the sections holding the team's own codes
 * (uncategorized ones under 기타 included) come before those that hold builtin codes only. Each code's fields come
 * from the members table (src/catalog/members.ts). Plain text throughout: each rendering escapes it.
 */
import { STATUS_CODES } from 'node:http'
import type { CompiledCatalog, CompiledEntry } from '../catalog/compile.js'
import type { DetailSpec } from '../catalog/format.js'
import { isGuideField, MEMBER_ROWS, type GuideText, type MemberGuideField } from '../catalog/members.js'
import { defaultFormat } from '../envelope/default.js'
import { exampleBody, exampleParts } from '../envelope/example.js'
import type { FormatGuide, WireFormat } from '../envelope/format.js'
import { anchorOf, categoryAnchorOf } from '../text/anchors.js'

export type { GuideText }

/** Options of the guide renderers. */
export interface ErrorGuideOptions {
  /** The catalog file, as named in the header. */
  source: string
  /** The document title (default `오류 코드 안내`). */
  title?: string
  /** The wire format whose bodies the guide shows (default: the default format). */
  format?: WireFormat
}

/** Text with inline code: plain strings and `{ code }` pieces. */
export type CodeText = ReadonlyArray<string | { readonly code: string }>

/** One row of a code's details table. */
export interface GuideDetail {
  readonly name: string
  readonly type: CodeText
  readonly required: boolean
  readonly description: string
}

/** One code's section. */
export interface GuideEntry {
  readonly code: string
  readonly anchor: string
  /** The message template as written (what the HTML guide's search matches, with the code). */
  readonly message: string
  readonly deprecated: true | string | undefined
  /** The cells of its row in the category's table, after the code (one per column of `GuideContent.columns`). */
  readonly cells: readonly GuideText[]
  /** Its labelled lines, in table order. */
  readonly lines: ReadonlyArray<{ readonly label: string, readonly text: GuideText }>
  readonly details: readonly GuideDetail[]
  /** The example answer: status line, headers, a blank line and the body (JSON, indented). */
  readonly example: string
}

/** One category's section. */
export interface GuideGroup {
  readonly title: string
  readonly anchor: string
  readonly entries: readonly GuideEntry[]
}

/** The whole guide. */
export interface GuideContent {
  readonly title: string
  readonly source: string
  /** The paragraphs under the title (Markdown code spans in backticks). */
  readonly intro: readonly string[]
  /** What the format says about its body (Markdown code spans in backticks). */
  readonly format: FormatGuide
  /** The column labels of every category's table, after 코드. */
  readonly columns: readonly string[]
  readonly groups: readonly GuideGroup[]
}

/** Headings and labels both renderings use. */
export const GUIDE_WORDS = Object.freeze({
  title: '오류 코드 안내',
  body: '오류 응답 형식',
  contents: '목차',
  bodyColumns: ['필드', '설명'],
  code: '코드',
  example: '응답 예시:',
  count: (count: number): string => `${count}개`
})
/** Marks a deprecated code in the table and in its heading. */
export const DEPRECATED_MARK = '(사용 중단)'
/** The deprecation line of a code whose `deprecated` gives no reason. */
export const DEPRECATED_NO_REASON = '이 코드는 더 이상 쓰지 않습니다.'
/** Column labels of the details table. */
export const DETAIL_COLUMNS = ['`details` 항목', '형식', '필수', '설명'] as const
const OTHER = '기타'

/** The content of the guide of a catalog (pure). */
export function guideContent (catalog: CompiledCatalog, options: ErrorGuideOptions): GuideContent {
  const format = options.format ?? defaultFormat
  // The gRPC columns, like seed 003's tables, only for a catalog that writes `grpc` or `number` somewhere.
  const grpc = Object.values(catalog.entries).some((entry) => entry.grpcDeclared || entry.number !== undefined)
  const fields = MEMBER_ROWS.map(([, row]) => row.guide).filter(isGuideField).filter((field) => grpc || field.grpcOnly !== true)
  return {
    title: options.title ?? GUIDE_WORDS.title,
    source: options.source,
    intro: [
      `이 문서는 \`${options.source}\` 카탈로그에서 생성되었습니다. API가 돌려주는 모든 오류 코드와 그 처리 방법을 설명합니다.`,
      '카탈로그를 고친 뒤 문서를 다시 생성하며, 이 파일을 직접 고치지 않습니다.'
    ],
    format: format.guide,
    columns: fields.map((field) => field.label),
    groups: groupByCategory(catalog).map((group) => ({ ...group, entries: group.entries.map((entry) => entryContent(catalog, format, entry, fields)) }))
  }
}

function entryContent (catalog: CompiledCatalog, format: WireFormat, entry: CompiledEntry, fields: readonly MemberGuideField[]): GuideEntry {
  const lines: Array<{ label: string, text: GuideText }> = []
  for (const field of fields) {
    const text = field.line(entry)
    if (text !== undefined) lines.push({ label: field.label, text })
  }
  const head = [`HTTP/1.1 ${entry.status} ${STATUS_CODES[entry.status] ?? ''}`.trimEnd(), `Content-Type: ${format.contentType}`]
  if (entry.retryAfter !== undefined) head.push(`Retry-After: ${entry.retryAfter}`)
  return {
    code: entry.code,
    anchor: anchorOf(entry.code),
    message: entry.message,
    deprecated: entry.deprecated,
    cells: fields.map((field) => field.cell(entry)),
    lines,
    details: Object.entries(entry.details).map(([name, spec]) => ({ name, type: typeText(spec), required: spec.optional !== true, description: spec.description ?? '' })),
    example: [...head, '', JSON.stringify(exampleBody(format, exampleParts(catalog, entry)), null, 2)].join('\n')
  }
}

function groupByCategory (catalog: CompiledCatalog): Array<{ title: string, anchor: string, entries: CompiledEntry[] }> {
  type Group = { title: string, anchor: string, entries: CompiledEntry[] }
  const groups = new Map<string, Group>()
  for (const [id, title] of Object.entries(catalog.categories)) groups.set(id, { title, anchor: categoryAnchorOf(id), entries: [] })
  const other: Group = { title: OTHER, anchor: categoryAnchorOf('other'), entries: [] }
  for (const code of catalog.codes) {
    const entry = catalog.entries[code]
    const group = entry.category === undefined ? undefined : groups.get(entry.category)
    ;(group ?? other).entries.push(entry)
  }
  // The team's own codes first: groups holding a code of the user's catalog, then those of builtin codes only.
  const filled = [...groups.values(), other].filter((group) => group.entries.length > 0)
  const own = (group: Group): boolean => group.entries.some((entry) => !entry.builtin)
  return [...filled.filter(own), ...filled.filter((group) => !own(group))]
}

/** A detail's type in Korean: `문자열 (date-time)`, `정수 목록`, or its enum members as code. */
function typeText (spec: DetailSpec): CodeText {
  switch (spec.type) {
    case 'string':
      if (spec.enum !== undefined) return spec.enum.flatMap((member, index) => index === 0 ? [{ code: member }] : [' | ', { code: member }])
      return [spec.format === undefined ? '문자열' : `문자열 (${spec.format})`]
    case 'integer': return ['정수']
    case 'number': return ['숫자']
    case 'boolean': return ['참/거짓']
    case 'array': return [...typeText(spec.items), ' 목록']
    case 'object': return ['객체']
  }
}
