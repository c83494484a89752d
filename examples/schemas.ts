/** The demo's request and response schemas (TypeBox). */
import { Type } from '@sinclair/typebox'

/** `Authorization: Bearer <token>`. */
export const TAuthHeaders = Type.Object({
  authorization: Type.String({ title: '인증 토큰', description: '`Bearer student-1`, `Bearer instructor-1` 또는 만료된 토큰 `Bearer expired`' })
})

/** Login request. */
export const TLoginBody = Type.Object({
  email: Type.String({ format: 'email', title: '이메일' }),
  password: Type.String({ minLength: 8, title: '비밀번호' })
}, { additionalProperties: false })

/** Login answer. */
export const TToken = Type.Object({ accessToken: Type.String() })

/** A lecture. */
export const TLecture = Type.Object({
  id: Type.Integer({ description: '강의 번호' }),
  title: Type.String({ description: '강의 이름' }),
  enrollmentClosesAt: Type.String({ format: 'date-time', description: '수강 신청 마감 시각' })
})

/** `:lectureId`. */
export const TLectureParams = Type.Object({ lectureId: Type.Integer({ minimum: 1, title: '강의 번호' }) })

/** An enrollment. */
export const TEnrollment = Type.Object({ lectureId: Type.Integer(), enrolledAt: Type.String({ format: 'date-time' }) })

/** A session. */
export const TSession = Type.Object({
  code: Type.String({ description: '세션 코드' }),
  lectureId: Type.Integer({ description: '강의 번호' }),
  title: Type.String({ description: '세션 이름' }),
  startsAt: Type.String({ format: 'date-time', description: '시작 시각' }),
  capacity: Type.Integer({ description: '정원' }),
  participants: Type.Integer({ description: '참여 인원' })
})

/** `:sessionCode`. */
export const TSessionParams = Type.Object({ sessionCode: Type.String({ pattern: '^[A-Z0-9]{6}$', title: '세션 코드', description: '영문 대문자와 숫자 6자리' }) })

/** Starting a session. */
export const TNewSession = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 50, title: '세션 이름' }),
  capacity: Type.Integer({ minimum: 1, maximum: 500, title: '정원' })
}, { additionalProperties: false })

/** Joining a session needs the device ID. */
export const TJoinHeaders = Type.Object({
  authorization: Type.String({ title: '인증 토큰' }),
  'x-device-id': Type.Optional(Type.String({ title: '기기 ID', description: '앱이 발급한 기기 ID' }))
})

/** A quiz answer. */
export const TAnswerParams = Type.Object({ sessionCode: Type.String({ pattern: '^[A-Z0-9]{6}$', title: '세션 코드' }), quizId: Type.Integer({ minimum: 1, title: '퀴즈 번호' }) })

/** A quiz answer body. */
export const TAnswerBody = Type.Object({ choice: Type.Integer({ minimum: 1, maximum: 5, title: '보기 번호', description: '1~5 중 하나' }) }, { additionalProperties: false })

/** An accepted answer. */
export const TAnswerReceipt = Type.Object({ quizId: Type.Integer(), choice: Type.Integer(), receivedAt: Type.String({ format: 'date-time' }) })

/** Listing lectures: a page of the list, optionally filtered by title. */
export const TLectureQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1, title: '페이지', description: '1부터 시작합니다.' })),
  size: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10, title: '페이지 크기', description: '한 페이지의 강의 수 (최대 50)' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 30, title: '검색어', description: '강의 이름에 들어 있는 말' }))
})

/** A page of lectures. */
export const TLecturePage = Type.Object({
  items: Type.Array(TLecture),
  page: Type.Integer({ description: '페이지' }),
  size: Type.Integer({ description: '페이지 크기' }),
  total: Type.Integer({ description: '조건에 맞는 강의 수' })
})

/** The failures the demo can show on request. */
export const FAILURE_KINDS = ['exception', 'string', 'library', 'timeout'] as const

/** `:kind` of the failure route. */
export const TFailureParams = Type.Object({
  // One `enum` rather than a union of literals: Ajv then reports one error for a wrong kind.
  kind: Type.Unsafe<typeof FAILURE_KINDS[number]>({ type: 'string', enum: [...FAILURE_KINDS], title: '실패 종류', description: '`exception`: 처리되지 않은 예외, `string`: Error가 아닌 값, `library`: 다른 라이브러리의 409 오류, `timeout`: 처리 시간 초과' })
})
