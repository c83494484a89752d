/**
 * The default wire format of an error response: one JSON object per error, the same for every code.
 *
 *   { code, status, message, retryable, suggestions, details?, fieldErrors?, docsUrl?, requestId }
 *
 * `details` is present only when it has members; `fieldErrors` only on validation errors. The schema of each
 * code's body is built here, so that serialization and OpenAPI describe the same thing.
 */
import { Type, type TObject, type TSchema } from '@sinclair/typebox'

/** Field path → Korean messages, e.g. `{ "email": ["올바른 이메일 형식이 아닙니다."] }`. */
export const TFieldErrors = Type.Record(Type.String(), Type.Array(Type.String()), {
  description: '필드별 오류 메시지 (필드 경로 → 메시지 목록)'
})

/** The body of an error response, as the client receives it. */
export interface ErrorBody {
  code: string
  status: number
  message: string
  retryable: boolean
  suggestions: readonly string[]
  details?: Readonly<Record<string, unknown>>
  fieldErrors?: Readonly<Record<string, readonly string[]>>
  docsUrl?: string
  requestId?: string
}

/** What the envelope needs to know of a catalog entry. */
export interface EnvelopeEntry {
  code: string
  status: number
  docsUrl?: string | undefined
  detailsSchema: TObject
  /** Whether this code's responses carry `fieldErrors` (validation errors). */
  fieldErrors?: boolean
}

/** The TypeBox schema of one code's response body. */
export function envelopeSchema (entry: EnvelopeEntry): TObject {
  const required = (entry.detailsSchema.required ?? []).length > 0
  const details: TSchema = { ...entry.detailsSchema, description: '오류의 상세 정보' }
  const properties: Record<string, TSchema> = {
    code: Type.Literal(entry.code, { description: '오류 코드: 클라이언트는 이 값으로 분기합니다.' }),
    status: Type.Literal(entry.status, { description: 'HTTP 상태 코드' }),
    message: Type.String({ description: '사용자에게 보여 줄 한국어 메시지' }),
    retryable: Type.Boolean({ description: '같은 요청을 나중에 다시 보내면 성공할 수 있는지 여부' }),
    suggestions: Type.Array(Type.String(), { description: '처리 방법' }),
    details: required ? details : Type.Optional(details)
  }
  if (entry.fieldErrors === true) properties.fieldErrors = Type.Optional(TFieldErrors)
  if (entry.docsUrl !== undefined) properties.docsUrl = Type.Literal(entry.docsUrl, { description: '이 오류의 문서' })
  properties.requestId = Type.Optional(Type.String({ description: '요청 ID: 문의할 때 알려 주세요.' }))
  return Type.Object(properties, { title: entry.code, additionalProperties: false })
}

/** Builds the body object in the envelope's member order. Members left undefined are omitted by the serializer. */
export function renderEnvelope (parts: ErrorBody): ErrorBody {
  return {
    code: parts.code,
    status: parts.status,
    message: parts.message,
    retryable: parts.retryable,
    suggestions: parts.suggestions,
    details: parts.details,
    fieldErrors: parts.fieldErrors,
    docsUrl: parts.docsUrl,
    requestId: parts.requestId
  }
}
