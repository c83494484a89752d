/**
 * The gRPC status table: the 17 canonical codes of google/rpc/code.proto with their numbers and the HTTP status
 * each maps to (the mapping grpc-gateway and AIP-193 use), and the way back, HTTP status → gRPC code, which
 * the catalog uses for an entry without `grpc`. The one table of the library; docs/grpc.md prints it.
 * Pure data: the catalog, lint, diff and docs import it without loading @grpc/grpc-js.
 */

/** google/rpc/code.proto: name → [number, HTTP status]. */
const CANONICAL = {
  OK: [0, 200],
  CANCELLED: [1, 499],
  UNKNOWN: [2, 500],
  INVALID_ARGUMENT: [3, 400],
  DEADLINE_EXCEEDED: [4, 504],
  NOT_FOUND: [5, 404],
  ALREADY_EXISTS: [6, 409],
  PERMISSION_DENIED: [7, 403],
  RESOURCE_EXHAUSTED: [8, 429],
  FAILED_PRECONDITION: [9, 400],
  ABORTED: [10, 409],
  OUT_OF_RANGE: [11, 400],
  UNIMPLEMENTED: [12, 501],
  INTERNAL: [13, 500],
  UNAVAILABLE: [14, 503],
  DATA_LOSS: [15, 500],
  UNAUTHENTICATED: [16, 401]
} as const

/** One of the 17 canonical gRPC status names. */
export type GrpcStatusName = keyof typeof CANONICAL

/** The 17 names, in number order. */
export const GRPC_STATUS_NAMES = Object.freeze(Object.keys(CANONICAL)) as readonly GrpcStatusName[]

/**
 * HTTP status → gRPC code where several codes share a status (400, 409, 500): the general one. Every other
 * status of the table has exactly one code.
 */
const PREFERRED: Readonly<Record<number, GrpcStatusName>> = { 400: 'INVALID_ARGUMENT', 409: 'ALREADY_EXISTS', 500: 'INTERNAL' }

/**
 * Statuses the table does not name take the code of their class (4xx → FAILED_PRECONDITION, which maps back to
 * 400; 5xx → INTERNAL), except 502, which gRPC's own HTTP mapping (doc/http-grpc-status-mapping.md) reads as
 * UNAVAILABLE.
 */
const UNNAMED: Readonly<Record<number, GrpcStatusName>> = { 502: 'UNAVAILABLE' }

const BY_NUMBER = new Map<number, GrpcStatusName>(GRPC_STATUS_NAMES.map((name) => [CANONICAL[name][0], name]))
const BY_HTTP = new Map<number, GrpcStatusName>()
for (const name of GRPC_STATUS_NAMES) {
  const http = CANONICAL[name][1]
  if (!BY_HTTP.has(http)) BY_HTTP.set(http, PREFERRED[http] ?? name)
}

/** True for one of the 17 canonical names. */
export function isGrpcStatusName (value: unknown): value is GrpcStatusName {
  return typeof value === 'string' && Object.hasOwn(CANONICAL, value)
}

/** The number of a gRPC status (UNAUTHENTICATED → 16). */
export function grpcStatusNumber (name: GrpcStatusName): number {
  return CANONICAL[name][0]
}

/** The name of a gRPC status number, if it is one of the 17. */
export function grpcStatusName (number: number): GrpcStatusName | undefined {
  return BY_NUMBER.get(number)
}

/** The HTTP status a gRPC status maps to (code.proto's "HTTP Mapping"). */
export function httpStatusOfGrpc (name: GrpcStatusName): number {
  return CANONICAL[name][1]
}

/** The gRPC status an HTTP error status maps to: the table read backwards, then the class rule for unnamed statuses. */
export function grpcStatusOfHttp (status: number): GrpcStatusName {
  return BY_HTTP.get(status) ?? UNNAMED[status] ?? (status < 500 ? 'FAILED_PRECONDITION' : 'INTERNAL')
}

/**
 * Whether a declared HTTP/gRPC pair contradicts the table: the gRPC status maps to another HTTP status, and the
 * entry's status is one the table names (else: is of another class, 4xx against 5xx).
 */
export function contradictsTable (status: number, grpc: GrpcStatusName): boolean {
  const http = httpStatusOfGrpc(grpc)
  if (http === status) return false
  return BY_HTTP.has(status) || Math.floor(http / 100) !== Math.floor(status / 100)
}
