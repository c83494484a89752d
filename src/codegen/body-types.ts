/**
 * The generated module's error bodies: per code the TypeScript type of the body the server sends in one wire format,
 * written from that format's JSON Schema of the code (src/envelope/format.ts), so the types say exactly what the
 * serializer writes; their union; and guards that read the code where the format puts it (`error.code` too).
 */
import type { CompiledCatalog, CompiledEntry } from '../catalog/compile.js'
import { declaredFormat } from '../envelope/declared.js'
import { defaultFormat } from '../envelope/default.js'
import { bodySchemaOf, type WireFormat } from '../envelope/format.js'
import { literal } from './literal.js'
import { bodyName } from './names.js'
import { schemaType } from './schema-type.js'

/** The format a catalog's bodies are written in when nothing else is said: its own `envelope:`, else `default`. */
export function catalogFormat (catalog: CompiledCatalog): WireFormat {
  return catalog.envelope === undefined ? defaultFormat : declaredFormat(catalog.envelope, { name: 'catalog' })
}

/** The lines of the body section (the module declares `ERROR_CODES` and `ErrorCode` before it). */
export function bodyTypeLines (entries: readonly CompiledEntry[], format: WireFormat): string[] {
  const out: string[] = []
  const line = (text = ''): void => { out.push(text) }
  const described = `the ${format.name} format (${format.mediaType})`
  for (const entry of entries) {
    line()
    const type = schemaType(bodySchemaOf(format, entry))
    line(`/** ${entry.code} (${entry.status}): the body in ${described}. */`)
    line(type.startsWith('{') ? `export interface ${bodyName(entry.code)} ${type}` : `export type ${bodyName(entry.code)} = ${type}`)
  }
  line()
  line(`/** The body of each code's answer in ${described}. */`)
  line('export interface ErrorBodies {')
  for (const entry of entries) line(`  ${entry.code}: ${bodyName(entry.code)}`)
  line('}')
  line()
  const path = format.codePath
  line(`/** The body of any error answer${path === undefined ? '' : ': narrow it with `isErrorBodyOf`'}. */`)
  line('export type ErrorBodyUnion = ErrorBodies[ErrorCode]')
  if (path === undefined) return out
  line()
  line(`/** Where the format puts the code: ${path.join('.')}. */`)
  line(`const CODE_PATH = ${literal(path)} as const`)
  line()
  line('function bodyCodeOf (value: unknown): unknown {')
  line('  let at = value')
  line('  for (const key of CODE_PATH) {')
  line('    if (typeof at !== \'object\' || at === null) return undefined')
  line('    at = (at as Record<string, unknown>)[key]')
  line('  }')
  line('  return at')
  line('}')
  line()
  line(`/** True for a body whose ${path.join('.')} is a code of the catalog (the rest of the body is not checked). */`)
  line('export function isAnyErrorBody (value: unknown): value is ErrorBodyUnion {')
  line('  return (ERROR_CODES as readonly unknown[]).includes(bodyCodeOf(value))')
  line('}')
  line()
  line(`/** True for a body of the given code (read at ${path.join('.')}): narrows it to that code's body. */`)
  line('export function isErrorBodyOf<Code extends ErrorCode> (value: unknown, code: Code): value is ErrorBodies[Code] {')
  line('  return bodyCodeOf(value) === code')
  line('}')
  return out
}
