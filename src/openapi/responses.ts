/**
 * The error responses of one operation: one response per status, its codes as a `oneOf` of component
 * references discriminated by `code`, a named example per code and locale (a reference to the code's component
 * example, which holds the real Korean message, or another locale's), and `Retry-After` where a code sets one.
 */
import type { CompiledCatalog, CompiledEntry } from '../catalog/compile.js'
import { statusTitle } from '../envelope/status-titles.js'
import { componentRef } from './components.js'
import { exampleRef } from './examples.js'
import type { DocumentedFormat, DocumentedMediaType } from './formats.js'

/** An OpenAPI Response Object, as far as this module writes it. */
export interface ResponseObject {
  description: string
  headers?: Record<string, unknown>
  content?: Record<string, { schema?: Record<string, unknown>, examples?: Record<string, unknown>, example?: unknown }>
  [extension: `x-${string}`]: unknown
}

/** Groups codes by status (ascending), keeping the given order within a status. */
export function groupByStatus (catalog: CompiledCatalog, codes: readonly string[]): Map<number, CompiledEntry[]> {
  const groups = new Map<number, CompiledEntry[]>()
  for (const code of codes) {
    const entry = catalog.get(code)
    if (entry === undefined) continue
    const group = groups.get(entry.status)
    if (group === undefined) groups.set(entry.status, [entry])
    else group.push(entry)
  }
  return new Map([...groups].sort(([a], [b]) => a - b))
}

/**
 * The name of the shared response of these codes (all of one status) under `components.responses`: the
 * code itself, or the codes joined by `-or-` (`SESSION_NOT_STARTED-or-SESSION_FULL`), in their order.
 */
export function responseName (entries: readonly CompiledEntry[]): string {
  return entries.map((entry) => entry.code).join('-or-')
}

/** The reference to a shared response. */
export function responseRef (name: string): string {
  return `#/components/responses/${name}`
}

/**
 * The response of one status for the given entries (all of that status): one content entry per media type of the
 * formats (src/openapi/formats.ts), each with its own schema and examples; `examples` names another component
 * example for a code (without the format's suffix). Several codes are a `oneOf`, discriminated where the format
 * puts the code at the top; formats that share a media type are an `anyOf` of their schemas. Each code's example
 * is listed once per locale suffix (`''` for the default locale, `.en`), the default locale's first.
 */
export function errorResponse (
  mediaTypes: readonly DocumentedMediaType[],
  status: number,
  entries: readonly CompiledEntry[],
  examples: Readonly<Record<string, string>> = {},
  localeSuffixes: readonly string[] = ['']
): ResponseObject {
  const content: NonNullable<ResponseObject['content']> = {}
  for (const { mediaType, formats } of mediaTypes) {
    const schemas = formats.map((documented) => codesSchema(documented, entries))
    const refs: Record<string, unknown> = {}
    for (const { suffix } of formats) {
      for (const entry of entries) {
        for (const inLocale of localeSuffixes) refs[entry.code + suffix + inLocale] = { $ref: exampleRef((examples[entry.code] ?? entry.code) + suffix + inLocale) }
      }
    }
    content[mediaType] = { schema: schemas.length === 1 ? schemas[0] : { anyOf: schemas }, examples: refs }
  }
  const response: ResponseObject = {
    description: describeStatus(status, entries),
    content,
    'x-error-codes': entries.map((entry) => entry.code)
  }
  const waits = entries.filter((entry) => entry.retryAfter !== undefined)
  if (waits.length > 0) {
    response.headers = {
      'Retry-After': {
        description: `다시 요청하기 전에 기다려야 하는 시간(초)입니다. ${waits.map((entry) => `${entry.code}: ${entry.retryAfter}초`).join(', ')}`,
        schema: { type: 'integer', minimum: 0 }
      }
    }
  }
  return response
}

/** The schema of a body of one of these codes in one format: its component, or a `oneOf` of them. */
function codesSchema ({ format, suffix }: DocumentedFormat, entries: readonly CompiledEntry[]): Record<string, unknown> {
  const schemaRefs = entries.map((entry) => ({ $ref: componentRef(entry.code + suffix) }))
  if (entries.length === 1) return schemaRefs[0]
  if (format.discriminator === undefined) return { oneOf: schemaRefs }
  return {
    oneOf: schemaRefs,
    discriminator: {
      propertyName: format.discriminator,
      mapping: Object.fromEntries(entries.map((entry) => [entry.code, componentRef(entry.code + suffix)]))
    }
  }
}

/** `404 찾을 수 없음` and one Markdown line per code: `` `CODE` `` and when it happens. */
function describeStatus (status: number, entries: readonly CompiledEntry[]): string {
  const lines = entries.map((entry) => {
    const deprecated = entry.deprecated === undefined ? '' : ` (사용 중단${typeof entry.deprecated === 'string' ? `: ${entry.deprecated}` : ''})`
    return `- \`${entry.code}\`: ${entry.description ?? entry.message}${deprecated}`
  })
  const lead = entries.length === 1 ? '오류 코드:' : `다음 ${entries.length}가지 오류 코드 중 하나를 돌려줍니다.`
  return `${statusTitle(status)}. ${lead}\n\n${lines.join('\n')}`
}

/**
 * Puts an error response beside what the route declared for the same status: for each of our media types where
 * the route has a schema, the route's own schema stays, as one more member of the `oneOf` (without a
 * discriminator: it may have no `code`); the route's other media types stay as they are.
 */
export function mergeResponse (existing: ResponseObject | undefined, ours: ResponseObject): ResponseObject {
  if (existing === undefined) return ours
  const content: NonNullable<ResponseObject['content']> = { ...existing.content }
  for (const [mediaType, media] of Object.entries(ours.content ?? {})) {
    const theirs = existing.content?.[mediaType]
    if (theirs?.schema === undefined) {
      content[mediaType] = media
      continue
    }
    const oursSchema = media.schema ?? {}
    const members = Array.isArray(oursSchema.oneOf) ? oursSchema.oneOf as unknown[] : [oursSchema]
    content[mediaType] = {
      schema: { oneOf: [theirs.schema, ...members] },
      examples: { ...(theirs.example === undefined ? {} : { route: { value: theirs.example } }), ...theirs.examples, ...media.examples }
    }
  }
  const headers = existing.headers === undefined && ours.headers === undefined ? {} : { headers: { ...existing.headers, ...ours.headers } }
  return { ...existing, ...ours, ...headers, description: `${existing.description}\n\n${ours.description}`, content }
}
