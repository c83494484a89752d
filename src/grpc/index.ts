/**
 * `fastify-error-catalog/grpc`: one catalog for a gRPC service and the HTTP gateway in front of it (docs/grpc.md).
 * Loads @grpc/grpc-js and protobufjs (optional peers); the root entry never does.
 */
export { toGrpcError, DEFAULT_DOMAIN, NUMBER_KEY, type GrpcErrorOptions } from './to-grpc-error.js'
export { withGrpcErrors, type GrpcHandlerOptions } from './handlers.js'
export { fromGrpcError, type FromGrpcErrorOptions } from './from-grpc-error.js'
export { decodeStatus, STATUS_DETAILS_KEY, type BadRequest, type ErrorInfo, type Help, type LocalizedMessage, type RetryInfo, type RpcStatus, type StatusDetails } from './rpc-status.js'
export {
  contradictsTable,
  GRPC_STATUS_NAMES,
  grpcStatusName,
  grpcStatusNumber,
  grpcStatusOfHttp,
  httpStatusOfGrpc,
  isGrpcStatusName,
  type GrpcStatusName
} from '../catalog/grpc-status.js'
