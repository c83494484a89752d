/**
 * The one place that knows which files come from a catalog and how: every generator is a pure function
 * (catalog → text); `syncGeneratedFiles` either writes the texts or, for `check`, compares them with the files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { compileCatalog, type CompiledCatalog } from '../catalog/compile.js'
import type { CatalogProblem } from '../catalog/problems.js'
import { renderCatalogSchema } from '../codegen/catalog-schema.js'
import { renderModule } from '../codegen/module.js'
import { renderErrorGuide } from '../docs/error-guide.js'
import { catalogFormat } from '../codegen/body-types.js'
import type { WireFormat } from '../envelope/format.js'
import { renderHtmlGuide } from '../docs/html-guide.js'
import { exportFiles, type ExportKind, type ExportTargets } from '../export/files.js'
import { readCatalogInput } from './catalog-input.js'
import { declaredFormat } from '../envelope/declared.js'
import { problemTypeOf } from '../envelope/problem.js'
import { readEnvelopeOption, readTypeBase } from './envelope-option.js'
import { UsageError } from './io.js'

/** The kinds of generated file. */
export type GeneratedKind = 'module' | 'docs' | 'schema' | ExportKind

/** One generated file: where it goes and what it must contain. */
export interface GeneratedFile {
  readonly kind: GeneratedKind
  /** As given on the command line (relative to the working directory). */
  readonly path: string
  readonly content: string
}

/** What became of a generated file: written, already right, or (check) stale or missing. */
export type SyncStatus = 'written' | 'unchanged' | 'stale' | 'missing'

/** The outcome for one file. */
export interface SyncResult { readonly kind: GeneratedKind, readonly path: string, readonly status: SyncStatus }

/** Which files to generate from a catalog. */
export interface GenerateTargets {
  module?: string | undefined
  docs?: string | undefined
  schema?: string | undefined
  /** Module specifier the generated module imports and augments (default `fastify-error-catalog`). */
  importFrom?: string | undefined
  /** Leave the `app.errors` augmentation out of the module. */
  noAugment?: boolean | undefined
  /** Title of the docs. */
  title?: string | undefined
  /** Write the docs as one HTML page instead of Markdown (`docs --html`). */
  html?: boolean | undefined
  /** The locale of the docs, one of the catalog's (`docs --locale`; default its default locale). */
  locale?: string | undefined
  /** Merge the builtin catalog (default true). */
  builtin?: boolean | undefined
  /** Files for app clients (`error-catalog export`). */
  exports?: ExportTargets | undefined
  /** `--envelope`: the app's `envelope` option, a built-in format's name or a declaration file (default: the catalog's own). */
  envelope?: string | undefined
  /** `--type-base`: the app's `typeBase` option, the base of `type` URIs (`problem`, `$type`). */
  typeBase?: string | undefined
}

/**
 * Loads and compiles a catalog for generation, and reads `--envelope` (`format`); `problems` is set instead when
 * either has errors.
 */
export function compileForGeneration (spec: string, cwd: string, builtin = true, envelope?: string, typeBase?: string): { catalog?: CompiledCatalog, format?: WireFormat | undefined, source: string, problems: CatalogProblem[] } {
  const document = readCatalogInput(spec, cwd)
  const base = readTypeBase(typeBase)
  const option = envelope === undefined ? undefined : readEnvelopeOption(envelope, cwd, base)
  try {
    const catalog = compileCatalog(document, { builtin })
    if (option !== undefined && option.problems.length > 0) return { source: document.file, problems: [...option.problems] }
    // The catalog's own `envelope:`, with `type` URIs under --type-base as the plugin makes it.
    const own = option === undefined && base !== undefined && catalog.envelope !== undefined ? declaredFormat(catalog.envelope, { name: 'catalog', typeOf: problemTypeOf(base) }) : undefined
    return { catalog, format: option?.format ?? own, source: document.file, problems: [] }
  } catch (error) {
    const problems = (error as { problems?: CatalogProblem[] }).problems
    if (problems === undefined) throw error
    return { source: document.file, problems: [...problems, ...(option?.problems ?? [])] }
  }
}

/**
 * The generated files of a catalog (pure: nothing is read or written), with bodies in `format` (`--envelope`),
 * else in the catalog's own `envelope:`, else in the default format.
 */
export function generatedFiles (catalog: CompiledCatalog | undefined, source: string, targets: GenerateTargets, format?: WireFormat): GeneratedFile[] {
  const files: GeneratedFile[] = []
  if (catalog !== undefined && targets.module !== undefined) {
    files.push({ kind: 'module', path: targets.module, content: renderModule(catalog, { source, importFrom: targets.importFrom, augment: targets.noAugment !== true, format }) })
  }
  if (catalog !== undefined && targets.docs !== undefined) {
    const render = targets.html === true ? renderHtmlGuide : renderErrorGuide
    // The guide shows the bodies of `--envelope`, else those the catalog's own `envelope:` declares.
    if (targets.locale !== undefined && !catalog.locales.includes(targets.locale)) {
      throw new UsageError(`--locale ${targets.locale}: the catalog declares no such locale (it declares ${catalog.locales.join(', ')})`)
    }
    const locale = targets.locale === undefined ? {} : { locale: targets.locale }
    files.push({ kind: 'docs', path: targets.docs, content: render(catalog, { source, ...(targets.title === undefined ? {} : { title: targets.title }), format: format ?? catalogFormat(catalog), ...locale }) })
  }
  if (targets.schema !== undefined) files.push({ kind: 'schema', path: targets.schema, content: renderCatalogSchema() })
  if (catalog !== undefined && targets.exports !== undefined) files.push(...exportFiles(catalog, source, targets.exports))
  return files
}

/** Writes the files (`write`) or compares them with what is on disk (`check`); never writes in check mode. */
export function syncGeneratedFiles (files: readonly GeneratedFile[], mode: 'write' | 'check', cwd: string): SyncResult[] {
  return files.map((file) => {
    const path = resolve(cwd, file.path)
    let current: string | undefined
    try {
      current = readFileSync(path, 'utf8')
    } catch {
      current = undefined
    }
    if (current === file.content) return { kind: file.kind, path: file.path, status: 'unchanged' }
    if (mode === 'check') return { kind: file.kind, path: file.path, status: current === undefined ? 'missing' : 'stale' }
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, file.content)
    return { kind: file.kind, path: file.path, status: 'written' }
  })
}

/** The line of a stale or missing file where it first differs from what it should be (1 when missing). */
export function firstDifference (path: string, expected: string): number {
  let current: string
  try {
    current = readFileSync(path, 'utf8')
  } catch {
    return 1
  }
  const a = current.split('\n')
  const b = expected.split('\n')
  let line = 0
  while (line < a.length && line < b.length && a[line] === b[line]) line++
  return line + 1
}
