/**
 * The error responses of one operation: one response per status, its codes as a `oneOf` of component
 * references discriminated by `code`, a named example per code (a reference to the code's component
 * example, which holds the real Korean message), and `Retry-After` where a code sets one.
 */
import type { CompiledCatalog, CompiledEntry } from '../catalog/compile.js'
import { componentRef } from './components.js'
import { exampleRef } from './examples.js'

/** An OpenAPI Response Object, as far as this module writes it. */
export interface ResponseObject {
  description: string
  headers?: Record<string, unknown>
  content?: Record<string, { schema?: Record<string, unknown>, examples?: Record<string, unknown>, example?: unknown }>
  [extension: `x-${string}`]: unknown
}

const MEDIA_TYPE = 'application/json'

/** Korean titles of the statuses the builtin catalog uses; others get a generic one. */
const STATUS_TITLES: Readonly<Record<number, string>> = {
  400: '잘못된 요청',
  401: '인증 필요',
  402: '결제 필요',
  403: '권한 없음',
  404: '찾을 수 없음',
  405: '허용되지 않는 메서드',
  406: '제공할 수 없는 응답 형식',
  408: '요청 시간 초과',
  409: '상태 충돌',
  410: '더 이상 제공되지 않음',
  411: '길이 필요',
  412: '전제 조건 실패',
  413: '본문이 너무 큼',
  414: '주소가 너무 긺',
  415: '지원하지 않는 콘텐츠 형식',
  416: '범위를 제공할 수 없음',
  422: '처리할 수 없는 내용',
  423: '잠김',
  428: '전제 조건 필요',
  429: '요청 한도 초과',
  431: '요청 헤더가 너무 큼',
  451: '법적 사유로 제공 불가',
  500: '서버 오류',
  501: '구현되지 않음',
  502: '게이트웨이 오류',
  503: '서비스 이용 불가',
  504: '게이트웨이 시간 초과'
}

/** The Korean title of a status, e.g. `404 찾을 수 없음`. */
export function statusTitle (status: number): string {
  return `${status} ${STATUS_TITLES[status] ?? (status >= 500 ? '서버 오류' : '요청 오류')}`
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

/** The response of one status for the given entries (all of that status); `examples` names another component example for a code. */
export function errorResponse (status: number, entries: readonly CompiledEntry[], examples: Readonly<Record<string, string>> = {}): ResponseObject {
  const schemaRefs = entries.map((entry) => ({ $ref: componentRef(entry.code) }))
  const schema = entries.length === 1
    ? schemaRefs[0]
    : {
        oneOf: schemaRefs,
        discriminator: {
          propertyName: 'code',
          mapping: Object.fromEntries(entries.map((entry) => [entry.code, componentRef(entry.code)]))
        }
      }
  const refs: Record<string, unknown> = {}
  for (const entry of entries) refs[entry.code] = { $ref: exampleRef(examples[entry.code] ?? entry.code) }
  const response: ResponseObject = {
    description: describeStatus(status, entries),
    content: { [MEDIA_TYPE]: { schema, examples: refs } },
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
 * Puts an error response beside what the route declared for the same status: the route's own schema
 * stays, as one more member of the `oneOf` (without a discriminator: it may have no `code`).
 */
export function mergeResponse (existing: ResponseObject | undefined, ours: ResponseObject): ResponseObject {
  const theirs = existing?.content?.[MEDIA_TYPE]
  if (existing === undefined) return ours
  if (theirs?.schema === undefined) return { ...existing, ...ours, description: `${existing.description}\n\n${ours.description}` }
  const media = ours.content?.[MEDIA_TYPE] ?? {}
  const oursSchema = media.schema ?? {}
  const members = Array.isArray(oursSchema.oneOf) ? oursSchema.oneOf as unknown[] : [oursSchema]
  return {
    ...existing,
    ...ours,
    headers: { ...existing.headers, ...ours.headers },
    description: `${existing.description}\n\n${ours.description}`,
    content: {
      ...existing.content,
      [MEDIA_TYPE]: {
        schema: { oneOf: [theirs.schema, ...members] },
        examples: { ...(theirs.example === undefined ? {} : { route: { value: theirs.example } }), ...theirs.examples, ...media.examples }
      }
    }
  }
}
