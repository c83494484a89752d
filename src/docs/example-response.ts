/**
 * The example response of a code, made the way the server makes it: the code's real factory renders message and
 * suggestions from example details, `renderEnvelope` orders the members, and the code's own body schema
 * serializes it (as src/plugin/respond.ts does), so the guide shows the exact bytes a client receives.
 */
import buildSerializer from 'fast-json-stringify'
import { VALIDATION_CODE } from '../catalog/builtin.js'
import type { CompiledEntry } from '../catalog/compile.js'
import type { DetailSpec } from '../catalog/format.js'
import { renderEnvelope } from '../envelope/default.js'

/** The request id shown in examples (Fastify's first generated id). */
export const EXAMPLE_REQUEST_ID = 'req-1'

/** An example value of a detail: its `example`, else a value of its type. */
export function exampleValue (name: string, spec: DetailSpec): unknown {
  if (spec.example !== undefined) return spec.example
  switch (spec.type) {
    case 'string':
      if (spec.enum !== undefined) return spec.enum[0]
      return FORMAT_EXAMPLES[spec.format ?? ''] ?? `<${name}>`
    case 'integer': return spec.minimum ?? 1
    case 'number': return spec.minimum ?? 1.5
    case 'boolean': return true
    case 'array': return [exampleValue(name, spec.items)]
    case 'object': return exampleDetails(spec.properties)
  }
}

const FORMAT_EXAMPLES: Record<string, string> = {
  'date-time': '2026-01-01T09:00:00+09:00',
  date: '2026-01-01',
  email: 'user@example.com',
  uri: 'https://example.com/',
  uuid: '0b6f3a52-4c1e-4d7a-9f0e-2f1c3b4a5d6e'
}

/** Example details: every required detail, and optional ones that have an `example`. */
export function exampleDetails (details: Readonly<Record<string, DetailSpec>>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, spec] of Object.entries(details)) {
    if (spec.optional === true && spec.example === undefined) continue
    out[name] = exampleValue(name, spec)
  }
  return out
}

/** The example body of a code, as the server would serialize it, pretty-printed. */
export function exampleResponse (entry: CompiledEntry): string {
  const details = exampleDetails(entry.details)
  const error = entry.create(details, { captureStack: false })
  const body = renderEnvelope({
    code: error.code,
    status: error.statusCode,
    message: error.message,
    retryable: error.retryable,
    suggestions: error.suggestions,
    details: Object.keys(details).length > 0 ? details : undefined,
    fieldErrors: entry.code === VALIDATION_CODE ? { email: ['<필드별 메시지>'] } : undefined,
    docsUrl: entry.docsUrl,
    requestId: EXAMPLE_REQUEST_ID
  })
  const wire = buildSerializer(entry.schema)(body)
  return JSON.stringify(JSON.parse(wire), null, 2)
}
