/**
 * `error-catalog lint <file...>`: every loader problem and lint finding of each catalog. Any other text file
 * (a Markdown guide, a .txt export) is scanned for mojibake only.
 */
import { syntaxOf } from '../../catalog/source.js'
import { lintCatalogDocument, lintText, type LintProblem } from '../../lint/lint.js'
import { LINT_RULES, parseRuleSetting, ruleIdProblem, type RuleSetting } from '../../lint/rules.js'
import { parseCommandArgs } from '../args.js'
import { rememberSource } from '../code-frame.js'
import { displayPath, readCatalogInput } from '../catalog-input.js'
import { EXIT, UsageError, type CliIo } from '../io.js'
import { countText, printJson, printProblems } from '../report.js'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

export const LINT_HELP = `Usage: error-catalog lint <file...> [--rule id=level]... [--strict] [--quiet] [--json]

Reports every problem of each catalog (.yaml, .yml, .json) with a rule id and a fix hint.
Other files (.md, .txt) are scanned for mojibake only. Exit 1 only on errors (or on warnings with --strict).
  --rule    set a rule to error, warning (warn) or off, e.g. --rule retryable-status=warn;
            repeatable, wins over the catalog's lint.rules
  --strict  warnings fail too (exit 1)
  --quiet   print errors only

Rules: ${LINT_RULES.map((rule) => rule.id).join(', ')}
`

/** The `--rule id=level` flags as settings; a rule lint does not have, or a level it does not know, is a usage error. */
export function ruleFlags (values: readonly string[]): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {}
  for (const value of values) {
    const equals = value.indexOf('=')
    const id = equals < 0 ? value : value.slice(0, equals)
    const setting = parseRuleSetting(value.slice(equals + 1))
    const problem = ruleIdProblem(id)
    if (problem !== undefined) throw new UsageError(`--rule ${value}: ${problem}`)
    if (equals < 0 || setting === undefined) throw new UsageError(`--rule ${value}: write ${id}=error, ${id}=warning or ${id}=off`)
    settings[id] = setting
  }
  return settings
}

/** Runs `lint`. */
export async function lintCommand (argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, { strict: { type: 'boolean' }, quiet: { type: 'boolean' }, rule: { type: 'string', multiple: true } }, { min: 1, max: Infinity, names: 'at least one file' })
  if (args.values.help === true) {
    io.stdout(LINT_HELP)
    return EXIT.ok
  }
  const rules = ruleFlags((args.values.rule as string[] | undefined) ?? [])
  const problems: LintProblem[] = []
  for (const file of args.positionals) problems.push(...lintFile(file, io.cwd, rules))
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

function lintFile (file: string, cwd: string, rules: Record<string, RuleSetting>): LintProblem[] {
  if (syntaxOf(file) !== undefined) return lintCatalogDocument(readCatalogInput(file, cwd), { rules })
  let text: string
  try {
    text = readFileSync(resolve(cwd, file), 'utf8')
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`)
  }
  const shown = displayPath(file, cwd)
  rememberSource(shown, text)
  return lintText(text, shown, { rules })
}
