/**
 * Reporting each answered error: the `onCatalogError` hook (for Sentry-like reporters), the Prometheus counter
 * (metrics.ts) and the OpenTelemetry span attributes (tracing.ts). One observer is called once per answer, from
 * the handlers' common log step; nothing it calls can break the answer.
 */
import type { FastifyRequest } from 'fastify'
import type { CompiledEntry } from '../catalog/compile.js'
import { describeThrown, loggableError } from './thrown.js'

/** What `onCatalogError` receives. */
export interface CatalogErrorEvent {
  /** The catalog code answered. */
  readonly code: string
  /** The HTTP status answered. */
  readonly status: number
  /** True for a 5xx answer: a fault of the server, worth a report; false for the client's 4xx. */
  readonly serverError: boolean
  readonly request: FastifyRequest
  /**
   * What was thrown, as thrown (never read by the library beyond thrown.ts: read it with care). For answers of the
   * not-found handler, where nothing was thrown, the `METHOD url` string it logs.
   */
  readonly error: unknown
}

/** The `onCatalogError` option. A hook that throws or rejects is logged at `warn` and otherwise ignored. */
export type CatalogErrorHook = (event: CatalogErrorEvent) => void | Promise<void>

/** One reporter of answered errors. */
export type Observer = (request: FastifyRequest, entry: CompiledEntry, thrown: unknown) => void

/** The observers in one, each guarded; undefined when there is none (the answer path then skips it). */
export function observerOf (parts: { onCatalogError?: CatalogErrorHook | undefined, observers?: ReadonlyArray<Observer | undefined> }): Observer | undefined {
  const observers = (parts.observers ?? []).filter((observer): observer is Observer => observer !== undefined)
  const hook = parts.onCatalogError
  if (hook !== undefined) observers.push(hookObserver(hook))
  if (observers.length === 0) return undefined
  const each = observers.map(guarded)
  if (each.length === 1) return each[0]
  return (request, entry, thrown) => {
    for (const observer of each) observer(request, entry, thrown)
  }
}

function hookObserver (hook: CatalogErrorHook): Observer {
  return (request, entry, thrown) => {
    const result = hook({ code: entry.code, status: entry.status, serverError: entry.status >= 500, request, error: thrown })
    if (typeof (result as Promise<void> | undefined)?.then === 'function') {
      (result as Promise<void>).then(undefined, (failure: unknown) => reportFailure(request, failure))
    }
  }
}

function guarded (observer: Observer): Observer {
  return (request, entry, thrown) => {
    try {
      observer(request, entry, thrown)
    } catch (failure) {
      reportFailure(request, failure)
    }
  }
}

function reportFailure (request: FastifyRequest, failure: unknown): void {
  try {
    request.log.warn({ err: loggableError(failure) }, `fastify-error-catalog: an error observer (onCatalogError, metrics or tracing) failed: ${describeThrown(failure)}`)
  } catch {}
}
