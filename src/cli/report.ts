/** How commands print: one `file:line:col  pointer  message (hint)` line per problem and its code frame, or one JSON document. */
import { formatProblem, type CatalogProblem } from '../catalog/problems.js'
import { createColors } from 'picocolors'
import { codeFrame } from './code-frame.js'
import type { CliIo } from './io.js'

/** Prints problems, one line each, followed by severity and rule id, with the code frame of the line under it. */
export function printProblems (io: CliIo, problems: readonly CatalogProblem[]): void {
  const colors = createColors(io.color === true)
  for (const problem of problems) {
    const line = formatProblem(problem)
    const where = line.indexOf('  ')
    const tag = `[${problem.severity} ${problem.rule}]`
    io.stdout(`${colors.bold(line.slice(0, where))}${line.slice(where)}  ${problem.severity === 'error' ? colors.red(tag) : colors.yellow(tag)}\n`)
    const frame = codeFrame(problem.file, problem.line, problem.col, colors)
    if (frame !== undefined) io.stdout(frame + '\n')
  }
}

/** Prints a JSON result (the `--json` output of every command). */
export function printJson (io: CliIo, value: unknown): void {
  io.stdout(JSON.stringify(value, null, 2) + '\n')
}

/** `1 error, 2 warnings`. */
export function countText (errors: number, warnings: number): string {
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`
}
