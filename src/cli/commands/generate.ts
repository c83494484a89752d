/** `error-catalog generate <catalog>`: the typed module (and, on request, the docs and the schema). */
import { resolve } from 'node:path'
import { parseCommandArgs, stringFlag, type ParsedArgs } from '../args.js'
import { EXIT, type CliIo } from '../io.js'
import { printGenerated, runGenerators } from '../run-generators.js'
import type { GenerateTargets } from '../generated-files.js'
import { watchFiles } from '../watch.js'
import { ENVELOPE_FLAG, envelopeFileOf } from '../envelope-option.js'

/** Flags shared by `generate` and `check`: which files to make from the catalog. */
export const TARGET_FLAGS = {
  out: { type: 'string', short: 'o' },
  docs: { type: 'string' },
  schema: { type: 'string' },
  'import-from': { type: 'string' },
  'no-augment': { type: 'boolean' },
  title: { type: 'string' },
  'no-builtin': { type: 'boolean' },
  ...ENVELOPE_FLAG
} as const

export const GENERATE_HELP = `Usage: error-catalog generate <catalog> [--out file.ts] [--docs file.md] [--schema file.json]
                               [--import-from specifier] [--no-augment] [--title text] [--no-builtin]
                               [--envelope default|problem|file] [--type-base url] [--watch] [--json]

Writes the typed TypeScript module of the catalog to --out (to standard output without --out),
and the Markdown guide and JSON Schema when --docs and --schema name files.
  --import-from  module the generated code imports and augments (default fastify-error-catalog)
  --no-augment   leave out the declaration that types app.errors (it is global to a program)
  --no-builtin   leave out the builtin catalog's codes
  --envelope     the wire format of the body types and the guide's examples, as the app passes it to the
                 plugin: default, problem, or a .yaml/.json file with the declaration (default: the catalog's
                 own envelope:, else default)
  --type-base    the plugin's typeBase option: problem's type URIs are <url>#<anchor> (default: docsUrl or about:blank)
  --watch        generate again whenever the catalog file or the --envelope file changes (until interrupted)
`

/** The targets named by the flags. */
export function targetsOf (args: ParsedArgs): GenerateTargets {
  return {
    module: stringFlag(args, 'out'),
    docs: stringFlag(args, 'docs'),
    schema: stringFlag(args, 'schema'),
    importFrom: stringFlag(args, 'import-from'),
    noAugment: args.values['no-augment'] === true,
    title: stringFlag(args, 'title'),
    builtin: args.values['no-builtin'] !== true,
    envelope: stringFlag(args, 'envelope'),
    typeBase: stringFlag(args, 'type-base')
  }
}

/** Runs `generate`. */
export async function generateCommand (argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, { ...TARGET_FLAGS, watch: { type: 'boolean', short: 'w' } }, { min: 1, max: 1, names: 'one catalog file' })
  if (args.values.help === true) {
    io.stdout(GENERATE_HELP)
    return EXIT.ok
  }
  const catalog = args.positionals[0]
  const targets = targetsOf(args)
  const json = args.values.json === true

  if (targets.module === undefined && targets.docs === undefined && targets.schema === undefined) {
    return printGenerated(io, catalog, targets, 'module')
  }

  if (args.values.watch !== true) return runGenerators({ catalog, targets, mode: 'write', json }, io)
  let last: number = EXIT.ok
  const envelopeFile = envelopeFileOf(targets.envelope)
  const watched = [resolve(io.cwd, catalog), ...(envelopeFile === undefined ? [] : [resolve(io.cwd, envelopeFile)])]
  await watchFiles(watched, () => {
    try {
      last = runGenerators({ catalog, targets, mode: 'write', json }, io)
    } catch (error) {
      // A half-saved or deleted catalog (or envelope file) must not end the watch.
      io.stderr(`${(error as Error).message}\n`)
      last = EXIT.problems
    }
  }, io.signal)
  return last
}
