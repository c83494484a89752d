/**
 * OpenTelemetry: with the SDK's in-memory exporter, the active span carries `error.type` (the catalog code) and
 * `http.response.status_code`; its status is Error only for 5xx. Beside @fastify/otel the same request span gets
 * the attributes once, and the exception is recorded once (by @fastify/otel; the catalog records none).
 */
import t from 'tap'
import Fastify, { type FastifyInstance } from 'fastify'
import { context, SpanStatusCode, trace } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import { FastifyOtelInstrumentation } from '@fastify/otel'
import { errorCatalog } from '../../src/index.js'

const exporter = new InMemorySpanExporter()
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable())
trace.setGlobalTracerProvider(provider)
const tracer = trace.getTracer('test')

async function routes (app: FastifyInstance, tracing: boolean) {
  await app.register(errorCatalog, {
    catalog: { version: 1, errors: { SESSION_NOT_FOUND: { status: 404, message: '세션을 찾을 수 없습니다.' } } },
    tracing,
    logLevels: { server: 'silent', client: 'silent' }
  })
  app.get('/sessions/:code', async () => { throw app.errors.SESSION_NOT_FOUND() })
  app.get('/boom', async () => { throw new Error('db down') })
  await app.ready()
}

/** One request inside an active server span (what an HTTP instrumentation would start). */
async function traced (app: FastifyInstance, url: string) {
  return await tracer.startActiveSpan(`GET ${url}`, async (span) => {
    try {
      return await app.inject(url)
    } finally {
      span.end()
    }
  })
}

t.beforeEach(() => exporter.reset())

t.test('error.type and the status code on the active span; Error status only for 5xx', async (t) => {
  const app = Fastify()
  await routes(app, true)
  t.teardown(() => app.close())
  await traced(app, '/sessions/A1')
  await traced(app, '/boom')
  await traced(app, '/nowhere')
  const spans = exporter.getFinishedSpans()
  t.same(spans.map((span) => [span.name, span.attributes['error.type'], span.attributes['http.response.status_code'], span.status.code]), [
    ['GET /sessions/A1', 'SESSION_NOT_FOUND', 404, SpanStatusCode.UNSET],
    ['GET /boom', 'INTERNAL_ERROR', 500, SpanStatusCode.ERROR],
    ['GET /nowhere', 'NOT_FOUND', 404, SpanStatusCode.UNSET]
  ])
  t.same(spans.flatMap((span) => span.events), [], 'no exception events from the catalog')
})

t.test('tracing off: the span is left alone', async (t) => {
  const app = Fastify()
  await routes(app, false)
  t.teardown(() => app.close())
  await traced(app, '/boom')
  const [span] = exporter.getFinishedSpans()
  t.equal(span.attributes['error.type'], undefined)
  t.equal(span.status.code, SpanStatusCode.UNSET)
})

t.test('beside @fastify/otel: its request span gets error.type, nothing is recorded twice', async (t) => {
  const instrumentation = new FastifyOtelInstrumentation()
  instrumentation.setTracerProvider(provider)
  const app = Fastify()
  await app.register(instrumentation.plugin())
  await routes(app, true)
  t.teardown(() => app.close())
  await app.inject('/sessions/A1')
  await app.inject('/boom')
  const requests = exporter.getFinishedSpans().filter((span) => span.name === 'request')
  t.equal(requests.length, 2)
  const [notFound, boom] = requests
  t.equal(notFound.attributes['error.type'], 'SESSION_NOT_FOUND')
  t.equal(notFound.attributes['http.response.status_code'], 404)
  t.equal(boom.attributes['error.type'], 'INTERNAL_ERROR')
  t.equal(boom.attributes['http.response.status_code'], 500)
  t.equal(boom.status.code, SpanStatusCode.ERROR)
  t.equal(boom.events.filter((event) => event.name === 'exception').length, 1, 'one exception event (@fastify/otel\'s)')
  t.equal(notFound.events.filter((event) => event.name === 'exception').length, 1, 'one exception event (@fastify/otel\'s)')
})
