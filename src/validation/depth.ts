/**
 * How deep a request body nests, measured without recursion.
 *
 * JSON.parse is iterative, so a body of 5,000 nested arrays (10 KB of `[`) parses fine; the danger starts in
 * the validator. Ajv validates a recursive schema (a `$ref` to itself) with one call per level of the body and
 * compares `uniqueItems` items with a recursive deep-equal, so such a body overflows the stack inside Ajv,
 * which Fastify reports as a 500 (about 4,400 levels of a recursive schema, 20,000 of `uniqueItems` on Node 20).
 * The walk goes level by level, visits each array and plain object once and stops at the first level past
 * the limit, so a hostile body costs no more than its own size to reject.
 */

/** The pseudo-keyword of a body nested too deep: its message is `VALIDATION_MESSAGES.maxDepth`. */
export const DEPTH_KEYWORD = 'maxDepth'

/**
 * The error of a body nested deeper than `maxDepth`, shaped as Fastify shapes a failed body validation
 * (`FST_ERR_VALIDATION`, 400, `validationContext`, one Ajv-like error at the root), so that any error handler
 * answers it as the client's mistake, and this plugin's as `VALIDATION_ERROR`. No stack: it is a 4xx.
 */
export function bodyTooDeepError (maxDepth: number): Error {
  const message = `must NOT be nested deeper than ${maxDepth} levels`
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  const error = new Error(`body ${message}`)
  Error.stackTraceLimit = limit
  return Object.assign(error, {
    code: 'FST_ERR_VALIDATION',
    statusCode: 400,
    validationContext: 'body',
    validation: [{ keyword: DEPTH_KEYWORD, instancePath: '', schemaPath: `#/${DEPTH_KEYWORD}`, params: { limit: maxDepth }, message }]
  })
}

/** True when `value` nests arrays and plain objects more than `max` levels deep (`{}` and `[]` are one level). */
export function nestsDeeperThan (value: unknown, max: number): boolean {
  if (!isContainer(value)) return false
  let level: object[] = [value]
  let next: object[] = []
  for (let depth = 1; level.length > 0; depth++) {
    if (depth > max) return true
    for (let n = 0; n < level.length; n++) {
      const node = level[n]
      if (Array.isArray(node)) {
        for (let i = 0; i < node.length; i++) {
          const item: unknown = node[i]
          if (typeof item === 'object' && item !== null && isContainer(item)) next.push(item)
        }
      } else {
        for (const key in node) {
          const item: unknown = (node as Record<string, unknown>)[key]
          if (typeof item === 'object' && item !== null && isContainer(item)) next.push(item)
        }
      }
    }
    const done = level
    level = next
    next = done
    next.length = 0
  }
  return false
}

/**
 * An array or a plain object: what a body parser builds from client text. Anything else (a Buffer, a stream,
 * a class instance) is not walked: its depth is not the client's to choose, and a Buffer would be walked byte by byte.
 */
function isContainer (value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false
  if (Array.isArray(value)) return true
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}
