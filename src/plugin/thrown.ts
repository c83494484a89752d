/**
 * The one place that reads a thrown value. Anything can be thrown: a getter or a Proxy trap that throws, a
 * revoked Proxy, a Symbol where a string belongs, a cycle. Every read here is guarded, and a read that throws
 * counts as "nothing there", so the handler can always answer and never echoes what it could not read.
 */
import { catalogPartsOf, type CatalogErrorInit } from '../catalog/catalog-error.js'

/** A property of a thrown value, or undefined when it is absent or reading it throws. */
export function readProperty (value: unknown, key: PropertyKey): unknown {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined
  try {
    return (value as Record<PropertyKey, unknown>)[key]
  } catch {
    return undefined
  }
}

/** `Array.isArray`, which throws for a revoked Proxy. */
export function isArray (value: unknown): value is readonly unknown[] {
  try {
    return Array.isArray(value)
  } catch {
    return false
  }
}

/** `Object.keys`, which runs a Proxy's `ownKeys` trap: none when it throws. */
export function ownKeys (value: object): string[] {
  try {
    return Object.keys(value)
  } catch {
    return []
  }
}

/** `instanceof Error`, which runs a Proxy's `getPrototypeOf` trap. */
function isError (value: unknown): value is Error {
  try {
    return value instanceof Error
  } catch {
    return false
  }
}

/** The parts a genuine catalog error was made from (kept when it was constructed), if the value is one. */
export function catalogPartsOfThrown (value: unknown): CatalogErrorInit<string, unknown> | undefined {
  try {
    return catalogPartsOf(value)
  } catch {
    return undefined
  }
}

/** A string property, or undefined. */
export function readString (value: unknown, key: PropertyKey): string | undefined {
  const found = readProperty(value, key)
  return typeof found === 'string' ? found : undefined
}

/** The HTTP status an error of another library carries (`statusCode`, else `status`), if it is 400–599. */
export function statusOf (value: unknown): number | undefined {
  const statusCode = readProperty(value, 'statusCode')
  const candidate = typeof statusCode === 'number' ? statusCode : readProperty(value, 'status')
  return typeof candidate === 'number' && Number.isInteger(candidate) && candidate >= 400 && candidate <= 599 ? candidate : undefined
}

// RFC 9110 §5.1 token, and a field value without control characters other than tab (what Node accepts).
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/
const MAX_HEADERS = 32
const MAX_HEADER_VALUE = 8192

/**
 * Headers an http-errors or @fastify/sensible error asks for (e.g. WWW-Authenticate), as Fastify's default
 * handler applies them. Only own string or number values that Node would accept are kept, and only a few.
 */
export function headersOf (value: unknown): Record<string, string> | undefined {
  const headers = readProperty(value, 'headers')
  if (typeof headers !== 'object' || headers === null) return undefined
  const names = ownKeys(headers)
  const out: Record<string, string> = Object.create(null)
  let count = 0
  for (const name of names) {
    if (count === MAX_HEADERS) break
    const found = readProperty(headers, name)
    if (typeof found !== 'string' && typeof found !== 'number') continue
    const text = String(found)
    if (text.length <= MAX_HEADER_VALUE && HEADER_NAME.test(name) && HEADER_VALUE.test(text)) {
      out[name] = text
      count++
    }
  }
  return out
}

const MAX_DESCRIPTION = 2000
const MAX_CAUSES = 3
const MAX_LOGGED_MEMBERS = 16
const MAX_LOGGED_ITEMS = 20
const MAX_DATA_DEPTH = 3
/** Members set from their own reads, or that a serializer would call or follow. */
const UNCOPIED = new Set(['message', 'stack', 'name', 'cause', 'toJSON', 'constructor', '__proto__'])

/** A one-line description of a thrown value for the log; never throws, bounded in length. */
export function describeThrown (value: unknown): string {
  let text: string
  if (typeof value === 'string') text = value
  else if (typeof value === 'object' && value !== null) text = readString(value, 'message') ?? tagOf(value)
  else if (typeof value === 'symbol') text = 'a Symbol'
  else if (typeof value === 'function') text = 'a function'
  else text = String(value)
  return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION)}…` : text
}

function tagOf (value: object): string {
  try {
    return Object.prototype.toString.call(value)
  } catch {
    return '[object]'
  }
}

/**
 * A plain Error standing for the thrown value in a log line: message, name, stack, code and primitive own
 * members copied through guarded reads, causes likewise (a few levels). pino's serializer then reads only
 * this copy, so a hostile getter on `stack`, `cause`, `toJSON` or `constructor` cannot throw while logging.
 * A thrown non-Error has no stack of its own: the copy keeps the handler's.
 */
export function loggableError (value: unknown, depth = 0): Error {
  if (!isError(value)) {
    const copy = new Error(`non-error value thrown: ${describeThrown(value)}`)
    return Object.assign(copy, { thrown: describeThrown(value) })
  }
  // The copy carries the original's stack: capturing one of its own would cost more than the rest together.
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  const copy = new Error(describeThrown(value))
  Error.stackTraceLimit = limit
  copy.name = readString(value, 'name') ?? 'Error'
  const stack = readString(value, 'stack')
  if (stack !== undefined) copy.stack = stack
  Object.assign(copy, membersOf(value, 0))
  const cause = readProperty(value, 'cause')
  if (cause !== undefined && depth < MAX_CAUSES) copy.cause = loggableError(cause, depth + 1)
  return copy
}

/**
 * Plain data for a log line (a validation list, details): strings clipped, arrays and objects cut to a few
 * members and levels, everything read through guarded reads; anything else (functions, symbols) is dropped.
 */
function loggableData (value: unknown, depth: number): unknown {
  if (typeof value === 'string') return value.length > MAX_DESCRIPTION ? `${value.slice(0, MAX_DESCRIPTION)}…` : value
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value
  if (typeof value !== 'object' || depth === MAX_DATA_DEPTH) return undefined
  if (isArray(value)) {
    const items: unknown[] = []
    const length = readProperty(value, 'length')
    const count = typeof length === 'number' ? Math.min(length, MAX_LOGGED_ITEMS) : 0
    for (let index = 0; index < count; index++) items.push(loggableData(readProperty(value, index), depth + 1) ?? null)
    return items
  }
  return membersOf(value, depth + 1)
}

/** The first own members of an object as loggable data, at `depth` (members that are set apart are left out). */
function membersOf (value: object, depth: number): Record<string, unknown> {
  const copy: Record<string, unknown> = {}
  for (const key of ownKeys(value).slice(0, MAX_LOGGED_MEMBERS)) {
    if (UNCOPIED.has(key)) continue
    const member = loggableData(readProperty(value, key), depth)
    if (member !== undefined) copy[key] = member
  }
  return copy
}
