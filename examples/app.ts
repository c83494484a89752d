/**
 * The demo: a small Korean lecture and live-quiz API on fastify-error-catalog and catalog/example.yaml.
 * Every route declares the catalog codes it can answer with (`schema.errors`); Swagger UI at /docs shows them.
 */
import createError from '@fastify/error'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { ajvOptions, clientErrorHandler, errorCatalog, frameworkErrors } from '../src/index.js'
import { ACCOUNTS, createDemoData, PASSWORDS } from './data.js'
import {
  TAnswerBody, TAnswerParams, TAnswerReceipt, TAuthHeaders, TEnrollment, TFailureParams, TJoinHeaders, TLecture, TLecturePage,
  TLectureParams, TLectureQuery, TLoginBody, TNewSession, TSession, TSessionParams, TToken
} from './schemas.js'
import { Type } from '@sinclair/typebox'

/** The sample catalog the demo serves. */
export const DEMO_CATALOG = fileURLToPath(new URL('../catalog/example.yaml', import.meta.url))

/** Options of the demo app. */
export interface DemoOptions {
  /** Fastify server options (logger, …). */
  server?: FastifyServerOptions
  /** The OpenAPI version of /docs/json: `3.0.3` (default) or `3.1.0`. */
  openapi?: string
  /** Milliseconds between two answers to the same quiz (default 10 s, as the catalog's retryAfter). */
  answerInterval?: number
  /** Milliseconds before `GET /failures/timeout` gives up (Fastify's `handlerTimeout`, default 1 s). */
  failureTimeout?: number
}

/** What another library throws: an error with a status but no catalog code (here a @fastify/error 409). */
const LegacySyncConflict = createError('LEGACY_SYNC_CONFLICT', 'The record was changed by another client', 409)

/** Builds the demo app (routes registered, not yet ready). */
export async function buildDemoApp (options: DemoOptions = {}): Promise<FastifyInstance> {
  // Every failing field at once (bounded by the plugin), x-error-message accepted, and malformed URLs answered
  // by the catalog too.
  const app = Fastify({ logger: false, ajv: ajvOptions(), frameworkErrors, clientErrorHandler, ...options.server }).withTypeProvider<TypeBoxTypeProvider>()
  const data = createDemoData()
  const answerInterval = options.answerInterval ?? 10_000

  // Order: the plugin first (awaited), then @fastify/swagger with the plugin's options, then the routes.
  await app.register(errorCatalog, { catalog: DEMO_CATALOG })
  await app.register(swagger, app.errorCatalogSwagger({
    openapi: {
      openapi: options.openapi ?? '3.0.3',
      info: {
        title: '강의·세션 API (fastify-error-catalog 데모)',
        description: '모든 오류는 같은 JSON 형식으로 응답합니다. 각 API의 오류 응답에서 오류 코드와 실제 한국어 메시지 예시를 확인하세요. ' +
          '`Accept-Language: en` 헤더를 보내면 영어로 응답하며, 오류 예시도 영어로 함께 보여 줍니다(예: `SESSION_FULL.en`).',
        version: '1.0.0'
      },
      tags: [
        { name: '인증', description: '로그인' },
        { name: '강의', description: '강의 조회와 수강 신청' },
        { name: '세션', description: '실시간 퀴즈 세션' },
        { name: '퀴즈', description: '퀴즈 답안 제출' },
        { name: '오류 시연', description: '일부러 실패해서 오류 응답을 보여 주는 API' }
      ]
    }
  }))
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } })

  /** The account of the request's bearer token (401 without one, TOKEN_EXPIRED for an expired one). */
  function account (request: FastifyRequest): { user: string, role: 'student' | 'instructor' } {
    const token = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1]
    const found = token === undefined ? undefined : ACCOUNTS[token]
    if (found === undefined) throw app.errors.UNAUTHORIZED()
    if (found.expiredAt !== undefined) throw app.errors.TOKEN_EXPIRED({ expiredAt: found.expiredAt })
    return found
  }

  function lectureOf (lectureId: number) {
    const lecture = data.lectures.get(lectureId)
    if (lecture === undefined) throw app.errors.LECTURE_NOT_FOUND({ lectureId })
    return lecture
  }

  function sessionOf (sessionCode: string) {
    const session = data.sessions.get(sessionCode)
    if (session === undefined) throw app.errors.SESSION_NOT_FOUND({ sessionCode })
    return session
  }

  function requireEnrollment (user: string, lectureId: number): void {
    if (data.enrollments.get(user)?.has(lectureId) !== true) throw app.errors.NOT_ENROLLED({ lectureId })
  }

  const sessionView = (session: ReturnType<typeof sessionOf>) => ({
    code: session.code,
    lectureId: session.lectureId,
    title: session.title,
    startsAt: session.startsAt,
    capacity: session.capacity,
    participants: session.participants.size
  })

  app.post('/auth/login', {
    schema: {
      tags: ['인증'],
      summary: '로그인',
      body: TLoginBody,
      response: { 200: TToken },
      errors: ['AUTH_FAILED']
    }
  }, async (request) => {
    const found = PASSWORDS[request.body.email]
    if (found === undefined || found.password !== request.body.password) throw app.errors.AUTH_FAILED()
    return { accessToken: found.token }
  })

  app.get('/lectures', {
    schema: {
      tags: ['강의'],
      summary: '강의 목록',
      description: '강의를 페이지 단위로 돌려줍니다. `page`는 1 이상, `size`는 1~50이어야 합니다.',
      querystring: TLectureQuery,
      response: { 200: TLecturePage }
    }
  }, async (request) => {
    const { page = 1, size = 10, q } = request.query
    const found = [...data.lectures.values()].filter((lecture) => q === undefined || lecture.title.includes(q))
    const items = found.slice((page - 1) * size, page * size).map(({ id, title, enrollmentClosesAt }) => ({ id, title, enrollmentClosesAt }))
    return { items, page, size, total: found.length }
  })

  app.get('/lectures/:lectureId', {
    schema: {
      tags: ['강의'],
      summary: '강의 조회',
      params: TLectureParams,
      response: { 200: TLecture },
      errors: ['LECTURE_NOT_FOUND']
    }
  }, async (request) => {
    const { id, title, enrollmentClosesAt } = lectureOf(request.params.lectureId)
    return { id, title, enrollmentClosesAt }
  })

  app.post('/lectures/:lectureId/enrollments', {
    schema: {
      tags: ['강의'],
      summary: '수강 신청',
      headers: TAuthHeaders,
      params: TLectureParams,
      response: { 201: TEnrollment },
      errors: ['UNAUTHORIZED', 'TOKEN_EXPIRED', 'LECTURE_NOT_FOUND', 'ALREADY_ENROLLED', 'ENROLLMENT_CLOSED', 'LECTURE_CLOSED']
    }
  }, async (request, reply) => {
    const { user } = account(request)
    const lecture = lectureOf(request.params.lectureId)
    if (lecture.legacyClosed === true) throw app.errors.LECTURE_CLOSED({ lectureId: lecture.id })
    const mine = data.enrollments.get(user) ?? new Map<number, string>()
    const enrolledAt = mine.get(lecture.id)
    if (enrolledAt !== undefined) throw app.errors.ALREADY_ENROLLED({ lectureId: lecture.id, enrolledAt })
    if (Date.parse(lecture.enrollmentClosesAt) < Date.now()) {
      throw app.errors.ENROLLMENT_CLOSED({ lectureId: lecture.id, closedAt: lecture.enrollmentClosesAt })
    }
    const now = new Date().toISOString()
    mine.set(lecture.id, now)
    data.enrollments.set(user, mine)
    return reply.code(201).send({ lectureId: lecture.id, enrolledAt: now })
  })

  app.post('/lectures/:lectureId/sessions', {
    schema: {
      tags: ['세션'],
      summary: '세션 시작 (강사 전용)',
      headers: TAuthHeaders,
      params: TLectureParams,
      body: TNewSession,
      response: { 201: TSession },
      errors: ['UNAUTHORIZED', 'TOKEN_EXPIRED', 'INSTRUCTOR_ONLY', 'LECTURE_NOT_FOUND']
    }
  }, async (request, reply) => {
    const { role } = account(request)
    if (role !== 'instructor') throw app.errors.INSTRUCTOR_ONLY()
    const lecture = lectureOf(request.params.lectureId)
    const code = Math.random().toString(36).slice(2, 8).toUpperCase().padEnd(6, '0')
    const session = { code, lectureId: lecture.id, title: request.body.title, startsAt: new Date().toISOString(), capacity: request.body.capacity, participants: new Set<string>() }
    data.sessions.set(code, session)
    return reply.code(201).send(sessionView(session))
  })

  app.get('/sessions/:sessionCode', {
    schema: {
      tags: ['세션'],
      summary: '세션 조회',
      params: TSessionParams,
      response: { 200: TSession },
      errors: ['SESSION_NOT_FOUND']
    }
  }, async (request) => sessionView(sessionOf(request.params.sessionCode)))

  app.post('/sessions/:sessionCode/participants', {
    schema: {
      tags: ['세션'],
      summary: '세션 참여',
      description: '수강 신청한 학생이 진행 중인 세션에 참여합니다. `X-Device-Id` 헤더가 필요합니다.',
      headers: TJoinHeaders,
      params: TSessionParams,
      response: { 200: TSession },
      errors: ['UNAUTHORIZED', 'TOKEN_EXPIRED', 'DEVICE_ID_REQUIRED', 'NOT_ENROLLED', 'SESSION_NOT_FOUND', 'SESSION_NOT_STARTED', 'SESSION_FULL', 'SESSION_ENDED']
    }
  }, async (request) => {
    const { user } = account(request)
    if (request.headers['x-device-id'] === undefined) throw app.errors.DEVICE_ID_REQUIRED()
    const session = sessionOf(request.params.sessionCode)
    requireEnrollment(user, session.lectureId)
    if (session.endedAt !== undefined) throw app.errors.SESSION_ENDED({ sessionCode: session.code, endedAt: session.endedAt })
    if (Date.parse(session.startsAt) > Date.now()) throw app.errors.SESSION_NOT_STARTED({ sessionCode: session.code, startsAt: session.startsAt })
    if (!session.participants.has(user) && session.participants.size >= session.capacity) {
      throw app.errors.SESSION_FULL({ sessionCode: session.code, capacity: session.capacity })
    }
    session.participants.add(user)
    return sessionView(session)
  })

  app.post('/sessions/:sessionCode/quizzes/:quizId/answers', {
    schema: {
      tags: ['퀴즈'],
      summary: '퀴즈 답안 제출',
      headers: TAuthHeaders,
      params: TAnswerParams,
      body: TAnswerBody,
      response: { 201: TAnswerReceipt },
      errors: ['UNAUTHORIZED', 'TOKEN_EXPIRED', 'SESSION_NOT_FOUND', 'NOT_ENROLLED', 'SESSION_ENDED', 'QUIZ_SUBMIT_TOO_FAST']
    }
  }, async (request, reply) => {
    const { user } = account(request)
    const session = sessionOf(request.params.sessionCode)
    requireEnrollment(user, session.lectureId)
    if (session.endedAt !== undefined) throw app.errors.SESSION_ENDED({ sessionCode: session.code, endedAt: session.endedAt })
    const { quizId } = request.params
    const key = `${user}:${session.code}:${quizId}`
    const last = data.answers.get(key)
    const now = Date.now()
    if (last !== undefined && now - last < answerInterval) {
      const waitSeconds = Math.ceil((answerInterval - (now - last)) / 1000)
      throw app.errors.QUIZ_SUBMIT_TOO_FAST({ quizId, waitSeconds }, { retryAfter: waitSeconds })
    }
    data.answers.set(key, now)
    return reply.code(201).send({ quizId, choice: request.body.choice, receivedAt: new Date(now).toISOString() })
  })

  // Failures on request, so that each kind of answer in the README's table can be tried on the demo.
  app.get('/failures/:kind', {
    handlerTimeout: options.failureTimeout ?? 1000,
    schema: {
      tags: ['오류 시연'],
      summary: '일부러 실패하기',
      description: '`exception`과 `string`은 처리되지 않은 예외로 500 `INTERNAL_ERROR`를, `library`는 다른 라이브러리의 409 오류로 `CONFLICT`를, ' +
        '`timeout`은 처리 시간 초과로 503 `SERVICE_UNAVAILABLE`을 돌려줍니다. 예외의 내용은 응답에 담기지 않고 로그에만 남습니다.',
      params: TFailureParams,
      errors: ['CONFLICT', 'SERVICE_UNAVAILABLE']
    }
  }, async (request, reply) => {
    switch (request.params.kind) {
      case 'exception': throw new Error('강의 통계 캐시에 연결할 수 없습니다 (redis://10.0.0.7:6379)')
      // eslint-disable-next-line no-throw-literal -- a thrown non-Error is what this shows
      case 'string': throw 'quota exceeded'
      case 'library': throw new LegacySyncConflict()
      case 'timeout':
        // Never answers by itself: Fastify's handlerTimeout aborts the request signal and answers with the error.
        await once(request.signal, 'abort')
        return reply
    }
  })

  app.get('/health', { schema: { hide: true, response: { 200: Type.Object({ ok: Type.Boolean() }) } } }, async () => ({ ok: true }))

  return app
}
