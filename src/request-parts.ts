/**
 * The parts of a request Fastify validates against a route's schema, said once: validation messages, the
 * error handler, OpenAPI's implied errors and the examples all read this list.
 */

/** The parts, by the name Fastify gives them in a validation error's `validationContext`. */
export const REQUEST_PARTS = Object.freeze(['body', 'querystring', 'params', 'headers'] as const)

/** One validated part of a request. */
export type RequestPart = typeof REQUEST_PARTS[number]

/** The keys a route schema may give each part under: Fastify accepts `query` for `querystring`. */
export const ROUTE_SCHEMA_KEYS: Readonly<Record<RequestPart, readonly string[]>> = Object.freeze({
  body: Object.freeze(['body']),
  querystring: Object.freeze(['querystring', 'query']),
  params: Object.freeze(['params']),
  headers: Object.freeze(['headers'])
})

const PARTS: ReadonlySet<string> = new Set(REQUEST_PARTS)

/** Whether a value (a thrown error's `validationContext`, say) names a request part. */
export function isRequestPart (value: unknown): value is RequestPart {
  return typeof value === 'string' && PARTS.has(value)
}

/**
 * The schema a route gives one part, under its name or its alias; undefined when it gives none. Reads the
 * route options as written (`onRoute`, OpenAPI); Fastify's normalized `request.routeOptions.schema` has the
 * part's own name only.
 */
export function partSchemaOf (routeSchema: unknown, part: RequestPart): unknown {
  if (typeof routeSchema !== 'object' || routeSchema === null) return undefined
  for (const key of ROUTE_SCHEMA_KEYS[part]) {
    const schema = (routeSchema as Record<string, unknown>)[key]
    if (schema !== undefined) return schema
  }
  return undefined
}
