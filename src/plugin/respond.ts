/**
 * Sends an error body. Each code's body is serialized by fast-json-stringify from the code's own schema,
 * compiled on first use and cached, so the error path does no schema work per request and the bytes are
 * exactly the envelope (a route's response schema cannot drop or coerce members of a string payload).
 */
import buildSerializer from 'fast-json-stringify'
import type { FastifyReply } from 'fastify'
import type { CompiledCatalog, CompiledEntry } from '../catalog/compile.js'
import type { ErrorBody } from '../envelope/default.js'

const JSON_TYPE = 'application/json; charset=utf-8'

/** Serializes the body of one code. */
export type BodySerializer = (body: ErrorBody) => string

/** What to send: a catalog entry and the parts of its body that vary per error. */
export interface ErrorReply {
  entry: CompiledEntry
  message: string
  suggestions: readonly string[]
  details?: Readonly<Record<string, unknown>> | undefined
  fieldErrors?: Readonly<Record<string, readonly string[]>> | undefined
  retryAfter?: number | undefined
  headers?: Readonly<Record<string, string>> | undefined
}

/** A code's body when nothing in it varies but the request id: the bytes up to the id's value. */
interface ConstantBody {
  message: string
  suggestions: readonly string[]
  /** `{"code":…,"docsUrl":…,"requestId":` exactly as the code's serializer writes it. */
  prefix: string
}

/** Serializes a request id as the envelope's serializers do (fast-json-stringify's string rule). */
const serializeId = buildSerializer({ type: 'string' }) as (id: string) => string
const ID_SAMPLE = 'x'

/** A sender bound to one catalog, with its serializer cache. */
export interface Responder {
  send (reply: FastifyReply, error: ErrorReply): void
  /** The serializer of a code's body (compiled on first use). */
  serializerOf (entry: CompiledEntry): BodySerializer
}

/** Creates the sender of a catalog's error responses. */
export function createResponder (catalog: CompiledCatalog): Responder {
  const serializers = new Map<string, BodySerializer>()
  const constants = new Map<CompiledEntry, ConstantBody | null>()

  function serializerOf (entry: CompiledEntry): BodySerializer {
    let serializer = serializers.get(entry.code)
    if (serializer === undefined) {
      serializer = buildSerializer(entry.schema) as BodySerializer
      serializers.set(entry.code, serializer)
    }
    return serializer
  }

  /**
   * The constant part of a code's body without details (NOT_FOUND, INTERNAL_ERROR, …), cut from a body its own
   * serializer wrote, so that the fast path's bytes are the serializer's by construction. Null when the code
   * cannot be sent without details (its schema requires them) or the cut does not match.
   */
  function constantOf (entry: CompiledEntry): ConstantBody | null {
    let constant = constants.get(entry)
    if (constant !== undefined) return constant
    constant = null
    const { message, suggestions } = entry.render(undefined)
    const tail = `"requestId":${serializeId(ID_SAMPLE)}}`
    try {
      const sample = serializerOf(entry)(envelopeOf(entry, message, suggestions, undefined, undefined, ID_SAMPLE))
      if (sample.endsWith(tail)) constant = { message, suggestions, prefix: sample.slice(0, sample.length - tail.length) + '"requestId":' }
    } catch {
      // Required details: every answer of this code goes through the serializer.
    }
    constants.set(entry, constant)
    return constant
  }

  function send (reply: FastifyReply, error: ErrorReply): void {
    const { entry } = error
    const id = reply.request.id
    const details = hasMembers(error.details) ? error.details : undefined
    if (error.fieldErrors === undefined && details === undefined && typeof id === 'string') {
      // Nothing varies but the request id: prebuilt bytes, no envelope object, no serializer call.
      const constant = constantOf(entry)
      if (constant !== null && error.message === constant.message && error.suggestions === constant.suggestions) {
        finish(reply, error, constant.prefix + serializeId(id) + '}')
        return
      }
    }
    let payload: string
    try {
      payload = serializerOf(entry)(envelopeOf(entry, error.message, error.suggestions, details, error.fieldErrors, id))
    } catch (failure) {
      // Details the code's schema cannot hold (a string for an integer, say): a bug of the server, not the client.
      sendUnserializable(reply, entry, failure)
      return
    }
    finish(reply, error, payload)
  }

  function finish (reply: FastifyReply, error: ErrorReply, payload: string): void {
    const { entry } = error
    if (error.headers !== undefined) reply.headers(error.headers)
    const retryAfter = error.retryAfter ?? entry.retryAfter
    if (retryAfter !== undefined) reply.header('retry-after', retryAfter)
    reply.code(entry.status).header('content-type', JSON_TYPE).send(payload)
  }

  function sendUnserializable (reply: FastifyReply, entry: CompiledEntry, failure: unknown): void {
    const internal = catalog.get('INTERNAL_ERROR') as CompiledEntry
    reply.log.error({ err: failure, code: internal.code, statusCode: internal.status, failedCode: entry.code },
      `${entry.code} could not be serialized with its catalog schema; answered ${internal.code}`)
    const { message, suggestions } = internal.render(undefined)
    const body = serializerOf(internal)(envelopeOf(internal, message, suggestions, undefined, undefined, reply.request.id))
    reply.code(internal.status).header('content-type', JSON_TYPE).send(body)
  }

  return { send, serializerOf }
}

/** One body, built directly in the envelope's member order (no intermediate copy on the error path). */
function envelopeOf (entry: CompiledEntry, message: string, suggestions: readonly string[], details: ErrorBody['details'], fieldErrors: ErrorBody['fieldErrors'], requestId: string): ErrorBody {
  return { code: entry.code, status: entry.status, message, retryable: entry.retryable, suggestions, details, fieldErrors, docsUrl: entry.docsUrl, requestId }
}

function hasMembers (value: object | undefined): boolean {
  if (value === undefined || value === null) return false
  // Cheaper than Object.keys(value).length: stops at the first member.
  // eslint-disable-next-line no-unreachable-loop
  for (const _ in value) return true
  return false
}
