/**
 * The handler wrapper: every method of a grpc-js service implementation, wrapped so that whatever it throws,
 * rejects with or passes to its callback reaches the client through `toGrpcError`. grpc-js itself catches none
 * of these: a synchronous throw escapes its stream handler, a rejected promise is unhandled, and an error given
 * to the callback is sent with its own message.
 */
import type { ServiceDefinition, ServiceError, UntypedServiceImplementation } from '@grpc/grpc-js'
import type { CompiledCatalog } from '../catalog/compile.js'
import { toGrpcError, type GrpcErrorOptions } from './to-grpc-error.js'

/** Options of `withGrpcErrors`. */
export interface GrpcHandlerOptions extends GrpcErrorOptions {
  catalog: CompiledCatalog
  /**
   * Called with each thrown value and the error sent for it (log the thrown value here: it never reaches the
   * client). An exception inside is ignored.
   */
  onError?: ((thrown: unknown, sent: ServiceError) => void) | undefined
}

type Callback = (error: unknown, value?: unknown, trailer?: unknown, flags?: unknown) => void
type Handler = (this: unknown, call: { emit: (event: 'error', error: unknown) => unknown }, callback?: Callback) => unknown

/**
 * Wraps each method of `implementation` (found by name or by `originalName`, as `server.addService` looks
 * them up) for the service definition: unary and client-streaming methods answer through their callback,
 * server-streaming and bidi methods by an `error` on the call.
 */
export function withGrpcErrors<Implementation extends UntypedServiceImplementation> (
  service: ServiceDefinition,
  implementation: Implementation,
  options: GrpcHandlerOptions
): Implementation {
  const convert = (thrown: unknown): ServiceError => {
    const sent = toGrpcError(thrown, options)
    try {
      options.onError?.(thrown, sent)
    } catch {}
    return sent
  }
  const wrapped: Record<string, unknown> = {}
  for (const [name, method] of Object.entries(service)) {
    const original = method.originalName
    const handler = implementation[name] ?? (original === undefined ? undefined : implementation[original])
    if (typeof handler !== 'function') continue
    wrapped[name] = method.responseStream ? wrapStreaming(handler as Handler, convert) : wrapUnary(handler as Handler, convert)
  }
  return wrapped as Implementation
}

function wrapUnary (handler: Handler, convert: (thrown: unknown) => ServiceError): Handler {
  return function (this: unknown, call, callback) {
    let settled = false
    const fail = (thrown: unknown): void => {
      if (settled) return
      settled = true
      ;(callback as Callback)(convert(thrown))
    }
    const respond: Callback = (error, value, trailer, flags) => {
      if (error !== null && error !== undefined) return fail(error)
      if (settled) return
      settled = true
      ;(callback as Callback)(null, value, trailer, flags)
    }
    run(this, handler, call, respond, fail)
  }
}

function wrapStreaming (handler: Handler, convert: (thrown: unknown) => ServiceError): Handler {
  return function (this: unknown, call) {
    let failed = false
    const fail = (thrown: unknown): void => {
      if (failed) return
      failed = true
      call.emit('error', convert(thrown))
    }
    run(this, handler, call, undefined, fail)
  }
}

function run (self: unknown, handler: Handler, call: Parameters<Handler>[0], callback: Callback | undefined, fail: (thrown: unknown) => void): void {
  try {
    const result = handler.call(self, call, callback)
    // An async handler: its rejection is the thrown value. A `then` getter that throws counts as a throw.
    const then = readThen(result)
    if (then !== undefined) then.call(result, undefined, fail)
  } catch (thrown) {
    fail(thrown)
  }
}

function readThen (value: unknown): ((onFulfilled: undefined, onRejected: (reason: unknown) => void) => unknown) | undefined {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined
  const then = (value as Record<string, unknown>).then
  return typeof then === 'function' ? then as never : undefined
}
