/**
 * Example values for the document: the details of each code from the catalog's `example`s (or a plausible
 * value of the detail's type), and the body the server would send with them, Korean message included.
 * Each code's example is one Example Object under `components.examples`, which responses reference.
 */
import type { CompiledEntry } from '../catalog/compile.js'
import { VALIDATION_CODE } from '../catalog/builtin.js'
import type { DetailSpec } from '../catalog/format.js'
import { renderEnvelope, type ErrorBody } from '../envelope/default.js'

/** The request ID shown in examples. */
export const EXAMPLE_REQUEST_ID = 'req-1'

const FORMAT_EXAMPLES: Readonly<Record<string, string>> = {
  'date-time': '2026-03-02T09:00:00+09:00',
  date: '2026-03-02',
  time: '09:00:00+09:00',
  email: 'student@example.com',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  uuid: '3f2b8c1e-7a4d-4e0b-9c61-2d5e8f9a0b1c',
  ipv4: '192.0.2.1'
}

/** An example value of one detail: its `example`, else a value of its type. */
export function exampleValue (spec: DetailSpec): unknown {
  if (spec.example !== undefined) return spec.example
  switch (spec.type) {
    case 'string': {
      if (spec.enum !== undefined) return spec.enum[0]
      const text = FORMAT_EXAMPLES[spec.format ?? ''] ?? '예시'
      return spec.minLength !== undefined && text.length < spec.minLength ? text.padEnd(spec.minLength, '0') : text
    }
    case 'integer': return spec.minimum ?? 1
    case 'number': return spec.minimum ?? 1.5
    case 'boolean': return false
    case 'array': return [exampleValue(spec.items)]
    case 'object': return exampleDetailsOf(spec.properties)
  }
}

/** Example details of an entry: every required detail, and optional ones that carry an `example`. */
export function exampleDetails (entry: CompiledEntry): Record<string, unknown> {
  return exampleDetailsOf(entry.details)
}

function exampleDetailsOf (details: Readonly<Record<string, DetailSpec>>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, spec] of Object.entries(details)) {
    if (spec.optional === true && spec.example === undefined) continue
    out[name] = exampleValue(spec)
  }
  return out
}

/** The body the server sends for this code with the example details, as plain JSON. */
export function exampleBody (entry: CompiledEntry): ErrorBody {
  const details = exampleDetails(entry)
  const { message, suggestions } = entry.render(details)
  const body = renderEnvelope({
    code: entry.code,
    status: entry.status,
    message,
    retryable: entry.retryable,
    suggestions,
    details: Object.keys(details).length > 0 ? details : undefined,
    fieldErrors: entry.code === VALIDATION_CODE ? { email: ['올바른 이메일 형식이 아닙니다.'] } : undefined,
    docsUrl: entry.docsUrl,
    requestId: EXAMPLE_REQUEST_ID
  })
  return JSON.parse(JSON.stringify(body)) as ErrorBody
}

/** An OpenAPI Example Object. */
export interface ExampleObject {
  summary: string
  description?: string
  value: ErrorBody
}

/** The reference to a code's component example. */
export function exampleRef (code: string): string {
  return `#/components/examples/${code}`
}

/** The component example of one code: `CODE: message` as its summary (Swagger UI's example picker), the body as value. */
export function componentExample (entry: CompiledEntry): ExampleObject {
  const value = exampleBody(entry)
  return {
    summary: `${entry.code}: ${value.message}`,
    ...(entry.description === undefined ? {} : { description: entry.description }),
    value
  }
}
