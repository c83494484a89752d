/** How commands print: one `file:line:col  pointer  message (hint)` line per problem, or one JSON document. */
import { formatProblem, type CatalogProblem } from '../catalog/problems.js'
import type { CliIo } from './io.js'

/** Prints problems, one line each, prefixed by severity and rule id. */
export function printProblems (io: CliIo, problems: readonly CatalogProblem[]): void {
  for (const problem of problems) io.stdout(`${formatProblem(problem)}  [${problem.severity} ${problem.rule}]\n`)
}

/** Prints a JSON result (the `--json` output of every command). */
export function printJson (io: CliIo, value: unknown): void {
  io.stdout(JSON.stringify(value, null, 2) + '\n')
}

/** `1 error, 2 warnings`. */
export function countText (errors: number, warnings: number): string {
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`
}
