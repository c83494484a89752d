/**
 * The shared body of `generate`, `docs`, `schema` and `check`: compile the catalog, render the requested files,
 * write them or compare them, and report every outcome as `path:line:1` lines or one JSON document.
 */
import { resolve } from 'node:path'
import type { CatalogProblem } from '../catalog/problems.js'
import { compileForGeneration, firstDifference, generatedFiles, syncGeneratedFiles, type GenerateTargets, type SyncResult } from './generated-files.js'
import { EXIT, type CliIo } from './io.js'
import { printJson, printProblems } from './report.js'

/** What a generator command was asked to do. */
export interface GeneratorRun {
  /** The catalog to compile (none for `schema`). */
  catalog?: string | undefined
  targets: GenerateTargets
  mode: 'write' | 'check'
  json: boolean
}

/** The result of one run, also the `--json` output. */
export interface GeneratorResult {
  ok: boolean
  files: SyncResult[]
  problems: CatalogProblem[]
}

/** Runs the generators once; returns the exit code. */
export function runGenerators (run: GeneratorRun, io: CliIo): number {
  const compiled = run.catalog === undefined ? { source: '', problems: [] } : compileForGeneration(run.catalog, io.cwd, run.targets.builtin, run.targets.envelope, run.targets.typeBase)
  const files = generatedFiles(compiled.catalog, compiled.source, run.targets, compiled.format)
  const results = compiled.problems.length > 0 ? [] : syncGeneratedFiles(files, run.mode, io.cwd)
  const stale = results.filter((result) => result.status === 'stale' || result.status === 'missing')
  const result: GeneratorResult = { ok: compiled.problems.length === 0 && stale.length === 0, files: results, problems: compiled.problems }

  if (run.json) {
    printJson(io, result)
  } else {
    printProblems(io, compiled.problems)
    for (const file of results) {
      if (file.status === 'written') io.stdout(`wrote ${file.path}\n`)
      else if (file.status === 'unchanged') io.stdout(`${run.mode === 'check' ? 'fresh' : 'unchanged'} ${file.path}\n`)
      else {
        const expected = files.find((candidate) => candidate.path === file.path)?.content ?? ''
        const line = firstDifference(resolve(io.cwd, file.path), expected)
        io.stdout(`${file.path}:${line}:1  ${file.status === 'missing' ? 'missing' : 'stale'}: the ${file.kind} does not match the catalog (run the generate command again)\n`)
      }
    }
    if (compiled.problems.length > 0) io.stderr(`${compiled.source}: ${compiled.problems.length} problem(s); nothing was ${run.mode === 'check' ? 'checked' : 'written'}\n`)
  }
  return result.ok ? EXIT.ok : EXIT.problems
}

/** With no file named, one generated file goes to standard output (for piping and a quick look). */
export function printGenerated (io: CliIo, catalog: string, targets: GenerateTargets, target: 'module' | 'docs'): number {
  const compiled = compileForGeneration(catalog, io.cwd, targets.builtin, targets.envelope, targets.typeBase)
  if (compiled.catalog === undefined) {
    printProblems(io, compiled.problems)
    return EXIT.problems
  }
  io.stdout(generatedFiles(compiled.catalog, compiled.source, { ...targets, [target]: '-' }, compiled.format)[0].content)
  return EXIT.ok
}
