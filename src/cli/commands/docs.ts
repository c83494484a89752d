/** `error-catalog docs <catalog>`: the error guide, in Markdown or (--html) as one HTML page, in one of the catalog's locales (--locale). */
import { parseCommandArgs, stringFlag } from '../args.js'
import { EXIT, type CliIo } from '../io.js'
import { printGenerated, runGenerators } from '../run-generators.js'
import { ENVELOPE_FLAG } from '../envelope-option.js'

export const DOCS_HELP = `Usage: error-catalog docs <catalog> [--out file.md] [--html] [--locale tag] [--title text] [--no-builtin]
                          [--envelope default|problem|file] [--type-base url] [--check] [--json]

Writes the Markdown error guide of the catalog to --out (to standard output without --out).
  --html    write the guide as one self-contained, searchable HTML page instead
  --locale  write it in this locale of the catalog (default: its first, e.g. --locale en for [ko, en])
  --check   compare with --out instead of writing it
  --envelope  show example bodies in this wire format, as the app passes it to the plugin: default, problem,
              or a .yaml/.json file with the declaration (default: the catalog's own envelope:, else default)
  --type-base the plugin's typeBase option: problem's type URIs are <url>#<anchor> (default: docsUrl or about:blank)
`

/** Runs `docs`. */
export async function docsCommand (argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, {
    out: { type: 'string', short: 'o' },
    title: { type: 'string' },
    'no-builtin': { type: 'boolean' },
    html: { type: 'boolean' },
    locale: { type: 'string' },
    check: { type: 'boolean' },
    ...ENVELOPE_FLAG
  }, { min: 1, max: 1, names: 'one catalog file' })
  if (args.values.help === true) {
    io.stdout(DOCS_HELP)
    return EXIT.ok
  }
  const catalog = args.positionals[0]
  const targets = { docs: stringFlag(args, 'out'), title: stringFlag(args, 'title'), builtin: args.values['no-builtin'] !== true, html: args.values.html === true, locale: stringFlag(args, 'locale'), envelope: stringFlag(args, 'envelope'), typeBase: stringFlag(args, 'type-base') }
  if (targets.docs === undefined) return printGenerated(io, catalog, targets, 'docs')
  return runGenerators({ catalog, targets, mode: args.values.check === true ? 'check' : 'write', json: args.values.json === true }, io)
}
