/**
 * The Fastify side of labels: the schema a request part was validated with, read from the route.
 * `request.routeOptions.schema` holds the route's schemas after Fastify normalized them (`query` aliased to
 * `querystring`); shared schemas referenced by `$id` are found through the route's instance.
 */
import type { FastifyRequest } from 'fastify'
import type { RequestPart } from '../request-parts.js'
import type { ValidationSchemaSource } from '../validation/schema-lookup.js'

/** The schema source of one validated part of a request, or undefined when the route has none. */
export function routeSchemaSource (request: FastifyRequest, location: RequestPart): ValidationSchemaSource | undefined {
  const schemas = request.routeOptions?.schema as Record<string, unknown> | undefined
  let schema = schemas?.[location]
  if (schema === undefined || schema === null) return undefined
  if (location === 'body') schema = bodySchemaFor(schema, request.headers['content-type'])
  const server = request.server
  return {
    schema,
    resolve: (id) => server.getSchema(id),
    // Fastify compiles a lower-cased copy of a headers schema: its schemaPaths name lower-case properties.
    caseInsensitive: location === 'headers'
  }
}

/** A body schema given per content type (`body: { content: { 'application/json': { schema } } }`): the request's. */
function bodySchemaFor (schema: unknown, contentType: string | undefined): unknown {
  const content = (schema as { content?: unknown }).content
  if (typeof content !== 'object' || content === null) return schema
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase()
  const entry = (content as Record<string, { schema?: unknown } | undefined>)[type]
  return entry?.schema
}
