/**
 * The Fastify apps the load scenarios run against. Every app logs through a real pino logger at `warn` into
 * /dev/null: Fastify's per-request lines and every handler's 4xx line (all `info`) are off on every side
 * alike, while the 5xx line of an unexpected throw is formatted and written by each side (see RESULTS.md).
 */
import createError from '@fastify/error'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { fileURLToPath } from 'node:url'
import { errorCatalog } from '../../src/index.js'
import { koreanOnlyCatalog } from '../korean-only.js'
import { injectOptionsOf, scenarioNamed, type Scenario } from '../scenarios.js'
// The recipes as docs/wire-formats.md prints them (one reader, shared with the recipe tests).
import { recipe } from '../../test/helpers/recipes.js'

/** The sample catalog; BENCH_CATALOG names another (e.g. a single-language copy, to compare with a checkout from before `locales`). */
const EXAMPLE_CATALOG = process.env.BENCH_CATALOG ?? fileURLToPath(new URL('../../catalog/example.yaml', import.meta.url))

/** The message Fastify's and the peer's 404 carry: the catalog's SESSION_NOT_FOUND wording. */
const SESSION_MESSAGE = '세션을 찾을 수 없습니다. (세션 코드 %s)'
const SessionNotFound = createError('SESSION_NOT_FOUND', SESSION_MESSAGE, 404)

/** The request body of /enroll: ten fields, each with one rule. */
export const ENROLL_BODY = {
  type: 'object',
  required: ['lectureId', 'sessionCode', 'email', 'name', 'seat', 'device', 'nickname', 'capacity', 'startsAt', 'agree'],
  properties: {
    lectureId: { type: 'integer', minimum: 1 },
    sessionCode: { type: 'string', pattern: '^[A-Z0-9]{6}$' },
    email: { type: 'string', format: 'email' },
    name: { type: 'string', minLength: 1 },
    seat: { type: 'integer', minimum: 1 },
    device: { type: 'string', enum: ['ios', 'android', 'web'] },
    nickname: { type: 'string', minLength: 2 },
    capacity: { type: 'integer', minimum: 1 },
    startsAt: { type: 'string', format: 'date-time' },
    agree: { type: 'boolean' }
  }
} as const

const SESSION_200 = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    title: { type: 'string' },
    capacity: { type: 'integer' },
    startsAt: { type: 'string' },
    open: { type: 'boolean' }
  }
} as const

/** The server options every app shares: the same logger, and `allErrors` when the scenario asks for it. */
function serverOptions (scenario: Scenario): FastifyServerOptions {
  return {
    logger: { level: process.env.BENCH_LOG_LEVEL ?? 'warn', file: '/dev/null' },
    ...(scenario.allErrors === true ? { ajv: { customOptions: { allErrors: true } } } : {})
  }
}

/** The routes every error server has; `notFound` builds the thrown 404 for a session code. */
function errorRoutes (app: FastifyInstance, notFound: (code: string) => Error): void {
  app.get<{ Params: { code: string } }>('/sessions/:code', async (request) => {
    throw notFound(request.params.code)
  })
  app.post('/enroll', { schema: { body: ENROLL_BODY } }, async () => ({ ok: true }))
  app.get('/boom', async () => {
    throw new Error('database connection lost')
  })
}

/** The response headers a recorded answer repeats (the server writes Content-Length, Date and the connection's own). */
const RECORDED_HEADERS = new Set(['content-type', 'content-language', 'vary', 'retry-after', 'allow'])

/** A catalog scenario's answer to its request (status, headers, body), recorded once through `inject`. */
async function recordedAnswer (scenario: Scenario): Promise<{ status: number, headers: Record<string, string>, body: string }> {
  const app = await buildScenarioApp(scenario)
  const response = await app.inject(injectOptionsOf(scenario))
  await app.close()
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(response.headers)) if (RECORDED_HEADERS.has(name)) headers[name] = String(value)
  return { status: response.statusCode, headers, body: response.body }
}

/** Builds the app of a scenario, ready to listen. */
export async function buildScenarioApp (scenario: Scenario): Promise<FastifyInstance> {
  const app = Fastify(serverOptions(scenario))
  switch (scenario.server) {
    case 'ceiling':
      app.get<{ Params: { code: string } }>('/sessions/:code', { schema: { response: { 200: SESSION_200 } } }, async (request) => ({
        code: request.params.code, title: '자료구조 3주차', capacity: 30, startsAt: '2026-11-22T10:00:00+09:00', open: true
      }))
      break
    case 'fastify':
      errorRoutes(app, (code) => new SessionNotFound(code))
      break
    case 'floor': {
      const answer = await recordedAnswer(scenarioNamed(scenario.records ?? ''))
      // One error made at start-up: the route's throw and Ajv's failure both hand it to the handler, which does no work.
      const thrown = new Error('the floor')
      app.setSchemaErrorFormatter(() => thrown)
      app.setErrorHandler((_error, _request, reply) => {
        reply.code(answer.status).headers(answer.headers).send(answer.body)
      })
      errorRoutes(app, () => thrown)
      break
    }
    case 'catalog':
      await app.register(errorCatalog, {
        catalog: scenario.catalog === 'korean-only' ? koreanOnlyCatalog(EXAMPLE_CATALOG) : EXAMPLE_CATALOG,
        ...(scenario.envelope === undefined ? {} : { envelope: scenario.envelope === 'problem' ? 'problem' : recipe(scenario.envelope) }),
        ...(scenario.fastifyFormatter === true ? { stacklessValidationErrors: false } : {}),
        ...(scenario.metrics === true ? { metrics: true } : {}),
        ...(scenario.tracing === true ? { tracing: true } : {})
      })
      errorRoutes(app, (code) => app.errors.SESSION_NOT_FOUND({ sessionCode: code }))
      break
  }
  await app.ready()
  return app
}
