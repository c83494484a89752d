/**
 * `error-catalog lint <file...>`: every loader problem and lint finding of each catalog. Any other text file
 * (a Markdown guide, a .txt export) is scanned for mojibake only.
 */
import { syntaxOf } from '../../catalog/source.js'
import { lintCatalogDocument, lintText, type LintProblem } from '../../lint/lint.js'
import { parseCommandArgs } from '../args.js'
import { displayPath, readCatalogInput } from '../catalog-input.js'
import { EXIT, UsageError, type CliIo } from '../io.js'
import { countText, printJson, printProblems } from '../report.js'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

export const LINT_HELP = `Usage: error-catalog lint <file...> [--strict] [--quiet] [--json]

Reports every problem of each catalog (.yaml, .yml, .json) with a rule id and a fix hint.
Other files (.md, .txt) are scanned for mojibake only.
  --strict  warnings fail too (exit 1)
  --quiet   print errors only
`

/** Runs `lint`. */
export async function lintCommand (argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, { strict: { type: 'boolean' }, quiet: { type: 'boolean' } }, { min: 1, max: Infinity, names: 'at least one file' })
  if (args.values.help === true) {
    io.stdout(LINT_HELP)
    return EXIT.ok
  }
  const problems: LintProblem[] = []
  for (const file of args.positionals) problems.push(...lintFile(file, io.cwd))
  const errors = problems.filter((problem) => problem.severity === 'error').length
  const warnings = problems.length - errors
  const ok = errors === 0 && (args.values.strict !== true || warnings === 0)
  const shown = args.values.quiet === true ? problems.filter((problem) => problem.severity === 'error') : problems

  if (args.values.json === true) {
    printJson(io, { ok, errors, warnings, problems: shown })
  } else {
    printProblems(io, shown)
    io.stderr(`${countText(errors, warnings)} in ${args.positionals.length} file(s)\n`)
  }
  return ok ? EXIT.ok : EXIT.problems
}

function lintFile (file: string, cwd: string): LintProblem[] {
  if (syntaxOf(file) !== undefined) return lintCatalogDocument(readCatalogInput(file, cwd))
  let text: string
  try {
    text = readFileSync(resolve(cwd, file), 'utf8')
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`)
  }
  return lintText(text, displayPath(file, cwd))
}
