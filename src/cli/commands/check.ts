/** `error-catalog check <catalog>`: fails when a generated file is stale, through the same generators as `generate`. */
import { parseCommandArgs } from '../args.js'
import { EXIT, UsageError, type CliIo } from '../io.js'
import { runGenerators } from '../run-generators.js'
import { TARGET_FLAGS, targetsOf } from './generate.js'

export const CHECK_HELP = `Usage: error-catalog check <catalog> [--out file.ts] [--docs file.md] [--schema file.json]
                            [--import-from specifier] [--no-augment] [--title text] [--no-builtin]
                            [--envelope default|problem|file] [--json]

Checks the catalog, then regenerates each named file in memory and compares it with the file on disk.
Nothing is written. Use the same flags as the generate command that made the files.
`

/** Runs `check`. */
export async function checkCommand (argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, TARGET_FLAGS, { min: 1, max: 1, names: 'one catalog file' })
  if (args.values.help === true) {
    io.stdout(CHECK_HELP)
    return EXIT.ok
  }
  const targets = targetsOf(args)
  if (targets.module === undefined && targets.docs === undefined && targets.schema === undefined) {
    throw new UsageError('name at least one generated file: --out, --docs or --schema')
  }
  return runGenerators({ catalog: args.positionals[0], targets, mode: 'check', json: args.values.json === true }, io)
}
