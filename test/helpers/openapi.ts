/** Test helpers for the OpenAPI side: the demo's real document, dereferenced, and a strict Ajv over it. */
import { AjvCompiler } from '@fastify/ajv-compiler'
import { dereference, validate } from '@readme/openapi-parser'
import type { FastifyInstance } from 'fastify'
import { buildDemoApp, type DemoOptions } from '../../examples/app.js'

/** A plain OpenAPI document. */
export type Document = Record<string, any>

/** The demo app, ready, and its document (as /docs/json serves it). */
export async function demoDocument (options: DemoOptions = {}, extra?: (app: FastifyInstance) => void): Promise<{ app: FastifyInstance, document: Document }> {
  const app = await buildDemoApp(options)
  extra?.(app)
  await app.ready()
  const response = await app.inject('/docs/json')
  if (response.statusCode !== 200) throw new Error(`/docs/json answered ${response.statusCode}: ${response.body}`)
  return { app, document: response.json() }
}

/**
 * A value with its local `$ref`s followed (`#/components/responses/X` → the response), as a reader of the
 * document would; a value without `$ref` is returned as it is. A dangling reference throws.
 */
export function resolveRef (document: Document, value: Document): Document {
  let current = value
  for (let hops = 0; typeof current?.$ref === 'string'; hops++) {
    const ref: string = current.$ref
    if (!ref.startsWith('#/') || hops > 10) throw new Error(`cannot follow ${ref}`)
    let target: any = document
    for (const part of ref.slice(2).split('/')) target = target?.[decodeURIComponent(part).replaceAll('~1', '/').replaceAll('~0', '~')]
    if (target === undefined) throw new Error(`dangling reference ${ref}`)
    current = target
  }
  return current
}

/** Validates a document with @readme/openapi-parser; returns the error text, or '' when valid. */
export async function openapiProblems (document: Document): Promise<string> {
  const result = await validate(structuredClone(document) as never)
  return result.valid ? '' : JSON.stringify(result.errors, null, 2)
}

/** The document with every `$ref` replaced by its target. */
export async function dereferenced (document: Document): Promise<Document> {
  return await dereference(structuredClone(document) as never) as Document
}

/**
 * Validates a value against a JSON schema with Fastify's own Ajv compiler, made strict for checking:
 * no coercion, no removal of extra members, every error. Unknown keywords (`x-…`, `example`) are annotations.
 */
export function checkerOf (schema: unknown): (value: unknown) => string {
  const build = AjvCompiler()({}, {
    customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: true, strict: false, discriminator: true }
  } as never) as (input: { schema: unknown }) => ((value: unknown) => boolean) & { errors?: unknown }
  const validateValue = build({ schema: withoutMappings(structuredClone(schema)) })
  return (value) => validateValue(structuredClone(value)) ? '' : JSON.stringify(validateValue.errors)
}

/** Ajv's `discriminator` reads the `code` constants of the `oneOf` members itself and rejects OpenAPI's `mapping`. */
function withoutMappings (schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null) return schema
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'discriminator' && typeof value === 'object' && value !== null) delete (value as { mapping?: unknown }).mapping
    else withoutMappings(value)
  }
  return schema
}
