/** The `details` section of a catalog entry → a TypeBox schema (the body's `details`, the factory's parameter). */
import { Type, type TObject, type TSchema } from '@sinclair/typebox'
import type { DetailSpec } from './format.js'

/** The TypeBox schema of one detail. */
export function detailSchema (spec: DetailSpec): TSchema {
  const options: Record<string, unknown> = {}
  if (spec.description !== undefined) options.description = spec.description
  if (spec.example !== undefined) options.examples = [spec.example]
  switch (spec.type) {
    case 'string': {
      const { format, enum: members, minLength, maxLength } = spec
      // `enum` on a string schema: one keyword for Ajv, OpenAPI and serializers (a union of literals would be anyOf).
      return Type.String({ ...options, ...defined({ format, enum: members, minLength, maxLength }) })
    }
    case 'integer': return Type.Integer({ ...options, ...defined({ minimum: spec.minimum, maximum: spec.maximum }) })
    case 'number': return Type.Number({ ...options, ...defined({ minimum: spec.minimum, maximum: spec.maximum }) })
    case 'boolean': return Type.Boolean(options)
    case 'array': return Type.Array(detailSchema(spec.items), options)
    case 'object': return objectSchema(spec.properties, options)
  }
}

/** The schema of a `details` object, closed to unknown members. */
export function detailsSchema (details: Readonly<Record<string, DetailSpec>> | undefined): TObject {
  return objectSchema(details ?? {}, {})
}

function objectSchema (properties: Readonly<Record<string, DetailSpec>>, options: Record<string, unknown>): TObject {
  const shape: Record<string, TSchema> = {}
  for (const [name, spec] of Object.entries(properties)) {
    const schema = detailSchema(spec)
    shape[name] = spec.optional === true ? Type.Optional(schema) : schema
  }
  return Type.Object(shape, { ...options, additionalProperties: false })
}

function defined (values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = value
  return out
}
