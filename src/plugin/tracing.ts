/**
 * OpenTelemetry: the answered code and status on the active span, as the HTTP semantic conventions name them
 * (`error.type`, `http.response.status_code`), and the span's status Error only for a 5xx (a server span's 4xx is
 * not its own failure). @opentelemetry/api is an optional peer, loaded only when the `tracing` option is on;
 * without an SDK the API has no active span and nothing happens. Only attributes and the status are set, never an
 * exception event, so beside an instrumentation that records the exception (@fastify/otel) nothing is recorded twice.
 */
import { FEC_ERR_OPTIONS_INVALID } from '../errors.js'
import type { Observer } from './observe.js'

/** The observer annotating the active span, or undefined when the option is off. */
export async function tracingObserver (option: boolean | undefined): Promise<Observer | undefined> {
  if (option !== true) return undefined
  let api: typeof import('@opentelemetry/api')
  try {
    api = await import('@opentelemetry/api')
  } catch (cause) {
    throw Object.assign(new FEC_ERR_OPTIONS_INVALID('tracing', 'needs the optional peer dependency @opentelemetry/api (npm i @opentelemetry/api)'), { cause })
  }
  const { trace, SpanStatusCode } = api
  return (_request, entry) => {
    const span = trace.getActiveSpan()
    if (span === undefined || !span.isRecording()) return
    span.setAttribute('error.type', entry.code)
    span.setAttribute('http.response.status_code', entry.status)
    if (entry.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: entry.code })
  }
}
