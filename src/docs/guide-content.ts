/**
 * What the error guide says, once, for both of its renderings: Markdown (error-guide.ts, `error-catalog docs`) and
 * one HTML page (html-guide.ts, `error-catalog docs --html`). Sections follow the catalog: categories in document
 * order, codes in document order inside each, except that the sections holding the team's own codes
 * (uncategorized ones under 기타 included) come before those that hold builtin codes only. Each code's fields come
 * from the members table (src/catalog/members.ts). Plain text throughout: each rendering escapes it.
 *
 * A guide is written in one of the catalog's locales (`locale`, default the catalog's default): the catalog's texts
 * in that locale (a missing translation falls back to the default locale's), the guide's own words in its language
 * (src/catalog/guide-words.ts), the example answers as the server sends them in that locale. Anchors are the same
 * in every locale (they are the `type` URIs of problem+json).
 */
import { STATUS_CODES } from 'node:http'
import type { CompiledCatalog, CompiledEntry } from '../catalog/compile.js'
import type { DetailSpec } from '../catalog/format.js'
import { guideLanguageOf } from '../catalog/locales.js'
import { isGuideField, MEMBER_ROWS, type GuideText, type MemberGuideField } from '../catalog/members.js'
import { defaultFormat } from '../envelope/default.js'
import { exampleBody, exampleParts } from '../envelope/example.js'
import type { FormatGuide, WireFormat } from '../envelope/format.js'
import { anchorOf, categoryAnchorOf } from '../text/anchors.js'
import { GUIDE_WORDS, type CodeText, type GuideWords } from '../catalog/guide-words.js'

export type { CodeText, GuideText, GuideWords }

/** Options of the guide renderers. */
export interface ErrorGuideOptions {
  /** The catalog file, as named in the header. */
  source: string
  /** The document title (default `오류 코드 안내`, in English `Error codes`). */
  title?: string
  /** The wire format whose bodies the guide shows (default: the default format). */
  format?: WireFormat
  /** One of the catalog's locales (default its default locale): the guide's language. */
  locale?: string
}

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
  /** The message template as written in the guide's locale (what the HTML guide's search matches, with the code). */
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
  /** The catalog locale it is written in (the HTML page's `lang`). */
  readonly locale: string
  /** The guide's own words, in its language. */
  readonly words: GuideWords
  readonly title: string
  readonly source: string
  /** The paragraphs under the title (Markdown code spans in backticks). */
  readonly intro: readonly string[]
  /** What the format says about its body (Markdown code spans in backticks). */
  readonly format: FormatGuide
  /** The column labels of every category's table, after the code's. */
  readonly columns: readonly string[]
  readonly groups: readonly GuideGroup[]
}

/** The content of the guide of a catalog (pure). Throws a RangeError for a locale the catalog does not declare. */
export function guideContent (catalog: CompiledCatalog, options: ErrorGuideOptions): GuideContent {
  const format = options.format ?? defaultFormat
  const locale = options.locale ?? catalog.locale
  if (!catalog.locales.includes(locale)) throw new RangeError(`the catalog has no locale ${JSON.stringify(locale)}; it declares ${catalog.locales.join(', ')}`)
  const language = guideLanguageOf(locale)
  const words = GUIDE_WORDS[language]
  // The gRPC columns, like seed 003's tables, only for a catalog that writes `grpc` or `number` somewhere.
  const grpc = Object.values(catalog.entries).some((entry) => entry.grpcDeclared || entry.number !== undefined)
  const fields = MEMBER_ROWS.map(([, row]) => row.guide).filter(isGuideField).filter((field) => grpc || field.grpcOnly !== true)
  const guide: Guide = { catalog, format, locale, words, fields }
  return {
    locale,
    words,
    title: options.title ?? words.title,
    source: options.source,
    intro: words.intro(options.source),
    format: format.guideIn(locale),
    columns: fields.map((field) => field.label[language]),
    groups: groupByCategory(catalog, locale, words.other).map((group) => ({ ...group, entries: group.entries.map((entry) => entryContent(guide, entry)) }))
  }
}

/** What every entry's section is written from. */
interface Guide {
  readonly catalog: CompiledCatalog
  readonly format: WireFormat
  readonly locale: string
  readonly words: GuideWords
  readonly fields: readonly MemberGuideField[]
}

function entryContent ({ catalog, format, locale, words, fields }: Guide, entry: CompiledEntry): GuideEntry {
  const language = guideLanguageOf(locale)
  const text = entry.textOf(locale)
  const lines: Array<{ label: string, text: GuideText }> = []
  for (const field of fields) {
    const text = field.line(entry, locale)
    if (text !== undefined) lines.push({ label: field.label[language], text })
  }
  const head = [`HTTP/1.1 ${entry.status} ${STATUS_CODES[entry.status] ?? ''}`.trimEnd(), `Content-Type: ${format.contentType}`]
  if (entry.retryAfter !== undefined) head.push(`Retry-After: ${entry.retryAfter}`)
  return {
    code: entry.code,
    anchor: anchorOf(entry.code),
    message: text.message,
    deprecated: text.deprecated,
    cells: fields.map((field) => field.cell(entry, locale)),
    lines,
    details: Object.entries(entry.details).map(([name, spec]) => ({ name, type: typeText(spec, words.types), required: spec.optional !== true, description: text.details[name] ?? '' })),
    example: [...head, '', JSON.stringify(exampleBody(format, exampleParts(catalog, entry, {}, locale)), null, 2)].join('\n')
  }
}

function groupByCategory (catalog: CompiledCatalog, locale: string, otherTitle: string): Array<{ title: string, anchor: string, entries: CompiledEntry[] }> {
  type Group = { title: string, anchor: string, entries: CompiledEntry[] }
  const groups = new Map<string, Group>()
  for (const [id, title] of Object.entries(catalog.categoriesIn(locale))) groups.set(id, { title, anchor: categoryAnchorOf(id), entries: [] })
  const other: Group = { title: otherTitle, anchor: categoryAnchorOf('other'), entries: [] }
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

/** A detail's type in the guide's words: `문자열 (date-time)`, `정수 목록`, or its enum members as code. */
function typeText (spec: DetailSpec, types: GuideWords['types']): CodeText {
  switch (spec.type) {
    case 'string':
      if (spec.enum !== undefined) return spec.enum.flatMap((member, index) => index === 0 ? [{ code: member }] : [' | ', { code: member }])
      return [spec.format === undefined ? types.string : `${types.string} (${spec.format})`]
    case 'integer': return [types.integer]
    case 'number': return [types.number]
    case 'boolean': return [types.boolean]
    case 'array': return types.list(typeText(spec.items, types))
    case 'object': return [types.object]
  }
}
