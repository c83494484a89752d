/**
 * `--envelope <default|problem|file>` of `generate`, `check` and `docs`: the format the app passes as the plugin's
 * `envelope` option, which the CLI cannot otherwise see. A built-in name, or a YAML/JSON file holding the declaration
 * (`{ contentType?, body, fieldError? }`, or the same under `envelope:` as a catalog writes it). A broken file is
 * reported like a catalog: every problem at `file:line:col`, with its code frame.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseEnvelopeDeclaration } from '../catalog/envelope-syntax.js'
import { didYouMean } from '../catalog/did-you-mean.js'
import { sortProblems, toPointer, type CatalogProblem } from '../catalog/problems.js'
import { parseCatalogText, syntaxOf } from '../catalog/source.js'
import { declaredFormat } from '../envelope/declared.js'
import { defaultFormat } from '../envelope/default.js'
import type { WireFormat } from '../envelope/format.js'
import { isTypeBase, problemFormat, problemTypeOf } from '../envelope/problem.js'
import type { BUILTIN_FORMATS } from '../plugin/formats.js'
import { displayPath } from './catalog-input.js'
import { rememberSource } from './code-frame.js'
import { UsageError } from './io.js'

/** The flag, for a command's flag spec. */
export const ENVELOPE_FLAG = { envelope: { type: 'string' }, 'type-base': { type: 'string' } } as const

/** The plugin's built-in formats as the CLI makes them, `type` URIs under `--type-base` as the plugin's `typeBase` option. */
const BUILTIN: Readonly<Record<typeof BUILTIN_FORMATS[number], (typeBase: string | undefined) => WireFormat>> = {
  default: () => defaultFormat,
  problem: (typeBase) => problemFormat(typeBase)
}

/** `--type-base`, checked as the plugin checks its `typeBase` option: an absolute URI without a fragment. */
export function readTypeBase (value: string | undefined): string | undefined {
  if (value !== undefined && !isTypeBase(value)) {
    throw new UsageError(`--type-base: expected an absolute URI without a fragment (where the error guide is hosted), got ${JSON.stringify(value)}`)
  }
  return value
}

/** The flag's format, or the problems of its file. */
export interface EnvelopeOptionResult {
  readonly format?: WireFormat | undefined
  readonly problems: readonly CatalogProblem[]
}

/** The file `--envelope` names, or undefined for a built-in name or no flag (what `generate --watch` also watches). */
export function envelopeFileOf (spec: string | undefined): string | undefined {
  return spec === undefined || Object.hasOwn(BUILTIN, spec) ? undefined : spec
}

/** Resolves `--envelope`: a built-in name or a declaration file (relative to `cwd`). Throws UsageError when it is neither. */
export function readEnvelopeOption (spec: string, cwd: string, typeBase?: string): EnvelopeOptionResult {
  if (Object.hasOwn(BUILTIN, spec)) return { format: BUILTIN[spec as keyof typeof BUILTIN](typeBase), problems: [] }
  const syntax = syntaxOf(spec)
  if (syntax === undefined) {
    const near = didYouMean(spec, Object.keys(BUILTIN))
    throw new UsageError(`--envelope: expected ${Object.keys(BUILTIN).join(' or ')}, or a .yaml/.json file holding a declaration, got ${JSON.stringify(spec)}${near === undefined ? '' : ` (did you mean ${near}?)`}`)
  }
  let text: string
  try {
    text = readFileSync(resolve(cwd, spec), 'utf8')
  } catch (error) {
    throw new UsageError(`--envelope ${spec}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`)
  }
  const file = displayPath(spec, cwd)
  rememberSource(file, text)
  const document = parseCatalogText(text, file, syntax)
  if (document.problems.length > 0) return { problems: document.problems }
  const data = document.data
  // The declaration itself, or a catalog-like file that holds it under `envelope:`.
  const base = typeof data === 'object' && data !== null && !Array.isArray(data) && 'envelope' in data ? ['envelope'] : []
  const problems: CatalogProblem[] = []
  const declaration = parseEnvelopeDeclaration(base.length === 0 ? data : (data as { envelope: unknown }).envelope, (path, message) => {
    const at = [...base, ...path]
    // A variable written as a key is reported at the key, as the catalog check does.
    const { line, col } = document.locate(at, String(path[path.length - 1] ?? '').startsWith('$'))
    problems.push({ file, line, col, pointer: toPointer(at), message, severity: 'error', rule: 'envelope' })
  })
  if (declaration === undefined) return { problems: sortProblems(problems) }
  return { format: declaredFormat(declaration, { name: 'custom', typeOf: problemTypeOf(typeBase) }), problems: [] }
}
