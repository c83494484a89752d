/**
 * The `google.rpc` messages that travel in the `grpc-status-details-bin` trailer: `Status` holding `Any`s of
 * `ErrorInfo`, `LocalizedMessage`, `RetryInfo`, `BadRequest` and `Help` (google/rpc/status.proto and
 * error_details.proto). protobufjs encodes and decodes them from the definitions below, declared through its
 * reflection API (field numbers as in the .proto files), so no .proto file is read at run time.
 * Field names are protobufjs's camelCase; only the numbers reach the wire.
 */
import protobuf from 'protobufjs/light.js'

const string = (id: number): { type: string, id: number } => ({ type: 'string', id })

const root = protobuf.Root.fromJSON({
  nested: {
    google: {
      nested: {
        protobuf: {
          nested: {
            Any: { fields: { typeUrl: string(1), value: { type: 'bytes', id: 2 } } },
            Duration: { fields: { seconds: { type: 'int64', id: 1 }, nanos: { type: 'int32', id: 2 } } }
          }
        },
        rpc: {
          nested: {
            Status: { fields: { code: { type: 'int32', id: 1 }, message: string(2), details: { rule: 'repeated', type: 'google.protobuf.Any', id: 3 } } },
            ErrorInfo: { fields: { reason: string(1), domain: string(2), metadata: { keyType: 'string', type: 'string', id: 3 } as protobuf.IMapField } },
            RetryInfo: { fields: { retryDelay: { type: 'google.protobuf.Duration', id: 1 } } },
            BadRequest: {
              fields: { fieldViolations: { rule: 'repeated', type: 'FieldViolation', id: 1 } },
              nested: { FieldViolation: { fields: { field: string(1), description: string(2) } } }
            },
            Help: {
              fields: { links: { rule: 'repeated', type: 'Link', id: 1 } },
              nested: { Link: { fields: { description: string(1), url: string(2) } } }
            },
            LocalizedMessage: { fields: { locale: string(1), message: string(2) } }
          }
        }
      }
    }
  }
})

/** The key of the trailer that carries a serialized `google.rpc.Status`. */
export const STATUS_DETAILS_KEY = 'grpc-status-details-bin'

/** google.rpc.ErrorInfo. */
export interface ErrorInfo { reason: string, domain: string, metadata: Record<string, string> }
/** google.rpc.LocalizedMessage. */
export interface LocalizedMessage { locale: string, message: string }
/** google.rpc.RetryInfo, with the delay in seconds. */
export interface RetryInfo { retryDelaySeconds: number }
/** google.rpc.BadRequest. */
export interface BadRequest { fieldViolations: Array<{ field: string, description: string }> }
/** google.rpc.Help. */
export interface Help { links: Array<{ description: string, url: string }> }

/** The error details of a `google.rpc.Status`, by message; details of other types are left out. */
export interface StatusDetails {
  errorInfo?: ErrorInfo
  localizedMessage?: LocalizedMessage
  retryInfo?: RetryInfo
  badRequest?: BadRequest
  help?: Help
}

/** A decoded `google.rpc.Status`. */
export interface RpcStatus extends StatusDetails { code: number, message: string }

const TYPE_PREFIX = 'type.googleapis.com/'
const Status = root.lookupType('google.rpc.Status')
const types = {
  errorInfo: root.lookupType('google.rpc.ErrorInfo'),
  localizedMessage: root.lookupType('google.rpc.LocalizedMessage'),
  retryInfo: root.lookupType('google.rpc.RetryInfo'),
  badRequest: root.lookupType('google.rpc.BadRequest'),
  help: root.lookupType('google.rpc.Help')
}
const byTypeUrl = new Map<string, keyof StatusDetails>(Object.entries(types).map(([key, type]) => [TYPE_PREFIX + type.fullName.slice(1), key as keyof StatusDetails]))

/** A `google.protobuf.Any`: the type URL and the encoded message. */
export interface PackedDetail { readonly typeUrl: string, readonly value: Uint8Array }

/** One detail, packed into an `Any`; constant details are packed once and reused. */
export function packDetail<K extends keyof StatusDetails> (kind: K, value: NonNullable<StatusDetails[K]>): PackedDetail {
  const type = types[kind]
  const message = kind === 'retryInfo'
    ? { retryDelay: { seconds: (value as RetryInfo).retryDelaySeconds, nanos: 0 } }
    : value
  return Object.freeze({ typeUrl: TYPE_PREFIX + type.fullName.slice(1), value: type.encode(type.fromObject(message)).finish() })
}

/** The bytes of a `google.rpc.Status` (the `grpc-status-details-bin` trailer). */
export function encodeStatus (code: number, message: string, details: readonly PackedDetail[]): Buffer {
  const bytes = Status.encode({ code, message, details }).finish()
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/** Decodes a `google.rpc.Status`; throws on bytes that are not one. Unknown detail types are skipped. */
export function decodeStatus (bytes: Uint8Array): RpcStatus {
  const status = Status.toObject(Status.decode(bytes), { longs: Number, defaults: true }) as { code: number, message: string, details: Array<{ typeUrl: string, value: Uint8Array }> }
  const out: RpcStatus = { code: status.code, message: status.message }
  for (const any of status.details) {
    const kind = byTypeUrl.get(any.typeUrl)
    if (kind === undefined || out[kind] !== undefined) continue
    const value = types[kind].toObject(types[kind].decode(any.value), { longs: Number, defaults: true, objects: true, arrays: true })
    if (kind === 'retryInfo') {
      const delay = value.retryDelay as { seconds: number, nanos: number } | undefined
      out.retryInfo = { retryDelaySeconds: delay === undefined ? 0 : delay.seconds + delay.nanos / 1e9 }
    } else {
      out[kind] = value as never
    }
  }
  return out
}
