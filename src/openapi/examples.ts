/**
 * The document's examples, all built by the one example builder (src/envelope/example.ts): one Example Object
 * per code under `components.examples`, named by the code, and for routes whose validation example comes from
 * their own schema, one more per distinct example (`VALIDATION_ERROR.body.email`). Responses reference them.
 */
import type { CompiledCatalog, CompiledEntry } from '../catalog/compile.js'
import type { ErrorBody } from '../envelope/default.js'
import { exampleBody, type ExampleParts } from '../envelope/example.js'

/** The operation extension that carries a route's own validation example from `transform` to `transformObject`. */
export const VALIDATION_EXAMPLE_EXTENSION = 'x-error-catalog-validation'

/** An OpenAPI Example Object. */
export interface ExampleObject {
  summary: string
  description?: string
  value: ErrorBody
}

/** The reference to a component example. */
export function exampleRef (name: string): string {
  return `#/components/examples/${name}`
}

/** The component example of one code: `CODE: message` as its summary (Swagger UI's example picker), the body as value. */
export function componentExample (catalog: CompiledCatalog, entry: CompiledEntry, parts?: ExampleParts): ExampleObject {
  const value = exampleBody(catalog, entry, parts)
  return {
    summary: `${entry.code}: ${value.message}${parts?.fieldErrors === undefined ? '' : ` (${Object.keys(parts.fieldErrors).join(', ')})`}`,
    ...(entry.description === undefined ? {} : { description: entry.description }),
    value
  }
}

/**
 * Names the route-specific validation examples of one document: `VALIDATION_ERROR.<location>.<field>`
 * (characters outside OpenAPI's component-name set become `_`), numbered when two routes' examples differ
 * under one name. The same example always gets the same name, so routes share it.
 */
export function variantNamer (code: string): (parts: ExampleParts) => { name: string, isNew: boolean } {
  const names = new Map<string, string>()
  const taken = new Set<string>()
  return (parts) => {
    const key = JSON.stringify(parts)
    const known = names.get(key)
    if (known !== undefined) return { name: known, isNew: false }
    const location = String(parts.details?.location ?? 'request')
    const field = Object.keys(parts.fieldErrors ?? {})[0] ?? 'field'
    const base = `${code}.${location}.${field}`.replace(/[^A-Za-z0-9._-]/g, '_')
    let name = base
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`
    taken.add(name)
    names.set(key, name)
    return { name, isNew: true }
  }
}
