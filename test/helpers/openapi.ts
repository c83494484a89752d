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
