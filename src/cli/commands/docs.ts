/** `error-catalog docs <catalog>`: the Korean error guide, in Markdown or (--html) as one HTML page. */
import { parseCommandArgs, stringFlag } from '../args.js'
import { EXIT, type CliIo } from '../io.js'
import { printGenerated, runGenerators } from '../run-generators.js'

export const DOCS_HELP = `Usage: error-catalog docs <catalog> [--out file.md] [--html] [--title text] [--no-builtin] [--check] [--json]

Writes the Korean Markdown error guide of the catalog to --out (to standard output without --out).
  --html   write the guide as one self-contained, searchable HTML page instead
  --check  compare with --out instead of writing it
`

/** Runs `docs`. */
export async function docsCommand (argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, {
    out: { type: 'string', short: 'o' },
    title: { type: 'string' },
    'no-builtin': { type: 'boolean' },
    html: { type: 'boolean' },
    check: { type: 'boolean' }
  }, { min: 1, max: 1, names: 'one catalog file' })
  if (args.values.help === true) {
    io.stdout(DOCS_HELP)
    return EXIT.ok
  }
  const catalog = args.positionals[0]
  const targets = { docs: stringFlag(args, 'out'), title: stringFlag(args, 'title'), builtin: args.values['no-builtin'] !== true, html: args.values.html === true }
  if (targets.docs === undefined) return printGenerated(io, catalog, targets, 'docs')
  return runGenerators({ catalog, targets, mode: args.values.check === true ? 'check' : 'write', json: args.values.json === true }, io)
}
