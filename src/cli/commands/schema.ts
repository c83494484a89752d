/** `error-catalog schema`: the catalog format as JSON Schema, for editors (`# yaml-language-server: $schema=...`). */
import { renderCatalogSchema } from '../../codegen/catalog-schema.js'
import { parseCommandArgs, stringFlag } from '../args.js'
import { EXIT, type CliIo } from '../io.js'
import { runGenerators } from '../run-generators.js'

export const SCHEMA_HELP = `Usage: error-catalog schema [--out catalog.schema.json] [--check] [--json]

Writes the JSON Schema of the catalog format to --out (to standard output without --out).
  --check  compare with --out instead of writing it
`

/** Runs `schema`. */
export async function schemaCommand (argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, { out: { type: 'string', short: 'o' }, check: { type: 'boolean' } }, { min: 0, max: 0, names: 'no arguments' })
  if (args.values.help === true) {
    io.stdout(SCHEMA_HELP)
    return EXIT.ok
  }
  const out = stringFlag(args, 'out')
  if (out === undefined) {
    io.stdout(renderCatalogSchema())
    return EXIT.ok
  }
  return runGenerators({ targets: { schema: out }, mode: args.values.check === true ? 'check' : 'write', json: args.values.json === true }, io)
}
