/**
 * A detail spec → the TypeBox expression that builds the same schema as src/catalog/details.ts does at run
 * time (test/codegen/module.test.ts compares the two), with the tightest static type: enums become literal unions.
 */
import type { DetailSpec } from '../catalog/format.js'
import { key, literal, quote } from './literal.js'

/** The TypeBox expression of one detail. */
export function detailSource (spec: DetailSpec, indent = ''): string {
  const options: Record<string, unknown> = {}
  if (spec.description !== undefined) options.description = spec.description
  if (spec.example !== undefined) options.examples = [spec.example]
  switch (spec.type) {
    case 'string': {
      if (spec.enum !== undefined) {
        return `Type.Unsafe<${spec.enum.map(quote).join(' | ')}>(${literal({ type: 'string', enum: spec.enum, ...options })})`
      }
      return `Type.String(${optionsSource({ ...options, format: spec.format, minLength: spec.minLength, maxLength: spec.maxLength })})`
    }
    case 'integer': return `Type.Integer(${optionsSource({ ...options, minimum: spec.minimum, maximum: spec.maximum })})`
    case 'number': return `Type.Number(${optionsSource({ ...options, minimum: spec.minimum, maximum: spec.maximum })})`
    case 'boolean': return `Type.Boolean(${optionsSource(options)})`
    case 'array': return `Type.Array(${detailSource(spec.items, indent)}${optionsSource(options, ', ')})`
    case 'object': return objectSource(spec.properties, options, indent)
  }
}

/** The TypeBox expression of a `details` object (closed to unknown members). */
export function objectSource (properties: Readonly<Record<string, DetailSpec>>, options: Record<string, unknown>, indent = ''): string {
  const closed = literal({ ...options, additionalProperties: false })
  const names = Object.keys(properties)
  if (names.length === 0) return `Type.Object({}, ${closed})`
  const inner = indent + '  '
  const members = names.map((name) => {
    const spec = properties[name]
    const source = detailSource(spec, inner)
    return `${inner}${key(name)}: ${spec.optional === true ? `Type.Optional(${source})` : source}`
  })
  return `Type.Object({\n${members.join(',\n')}\n${indent}}, ${closed})`
}

function optionsSource (options: Record<string, unknown>, prefix = ''): string {
  const present = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined))
  return Object.keys(present).length === 0 ? '' : prefix + literal(present)
}
