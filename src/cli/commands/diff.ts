/** `error-catalog diff <old> <new>`: classifies every change; exit 1 on a breaking one unless --allow-breaking. */
import { checkCatalogDocument } from '../../catalog/check.js'
import type { CatalogProblem } from '../../catalog/problems.js'
import { diffCatalogs, type CatalogChange } from '../../diff/diff.js'
import { parseCommandArgs } from '../args.js'
import { readCatalogInput } from '../catalog-input.js'
import { EXIT, type CliIo } from '../io.js'
import { printJson, printProblems } from '../report.js'

export const DIFF_HELP = `Usage: error-catalog diff <old> <new> [--allow-breaking] [--json]

Classifies every change between two versions of a catalog as breaking or compatible.
<old> and <new> are files, or REF:path for a file in a git revision (HEAD:catalog/example.yaml).
  --allow-breaking  report breaking changes but exit 0
`

/** `file:line:col  pointer  breaking code-removed: message (hint)`. */
export function formatChange (change: CatalogChange): string {
  const hint = change.hint === undefined ? '' : ` (${change.hint})`
  return `${change.file}:${change.line}:${change.col}  ${change.pointer}  ${change.breaking ? 'breaking' : 'compatible'} ${change.kind}: ${change.message}${hint}`
}

/** Runs `diff`. */
export async function diffCommand (argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, { 'allow-breaking': { type: 'boolean' } }, { min: 2, max: 2, names: 'two catalogs: <old> <new>' })
  if (args.values.help === true) {
    io.stdout(DIFF_HELP)
    return EXIT.ok
  }
  const json = args.values.json === true
  const [before, after] = args.positionals.map((spec) => {
    const document = readCatalogInput(spec, io.cwd)
    return { document, ...checkCatalogDocument(document) }
  })
  const problems: CatalogProblem[] = [...before.problems, ...after.problems]
  if (before.catalog === undefined || after.catalog === undefined) {
    if (json) printJson(io, { ok: false, breaking: 0, compatible: 0, changes: [], problems })
    else {
      printProblems(io, problems)
      io.stderr('cannot compare catalogs with errors\n')
    }
    return EXIT.problems
  }
  const changes = diffCatalogs({ document: before.document, catalog: before.catalog }, { document: after.document, catalog: after.catalog })
  const breaking = changes.filter((change) => change.breaking).length
  const ok = breaking === 0 || args.values['allow-breaking'] === true
  if (json) {
    printJson(io, { ok, breaking, compatible: changes.length - breaking, changes, problems: [] })
  } else {
    for (const change of changes) io.stdout(formatChange(change) + '\n')
    io.stderr(`${breaking} breaking, ${changes.length - breaking} compatible change(s)${breaking > 0 && ok ? ' (allowed)' : ''}\n`)
  }
  return ok ? EXIT.ok : EXIT.problems
}
