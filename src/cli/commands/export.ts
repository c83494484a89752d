/** `error-catalog export <catalog>`: the catalog for app clients that cannot import TypeScript (docs/client.md). */
import { KOTLIN_PACKAGE } from '../../export/kotlin.js'
import { parseCommandArgs, stringFlag } from '../args.js'
import { EXIT, UsageError, type CliIo } from '../io.js'
import { runGenerators } from '../run-generators.js'

export const EXPORT_HELP = `Usage: error-catalog export <catalog> [--bundle file.json] [--android strings.xml] [--ios Localizable.strings]
                             [--kotlin ErrorCode.kt] [--kotlin-package name] [--no-builtin] [--check] [--json]

Writes the catalog for app clients: a JSON bundle (status, retryable, messages per locale), Android strings.xml,
iOS Localizable.strings and a Kotlin enum of the codes. Name at least one file.
  --kotlin-package  the Kotlin file's package (default errorcatalog)
  --check           compare with the named files instead of writing them (exit 1 when stale)
`

/** Runs `export`. */
export async function exportCommand (argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, {
    bundle: { type: 'string' },
    android: { type: 'string' },
    ios: { type: 'string' },
    kotlin: { type: 'string' },
    'kotlin-package': { type: 'string' },
    'no-builtin': { type: 'boolean' },
    check: { type: 'boolean' }
  }, { min: 1, max: 1, names: 'one catalog file' })
  if (args.values.help === true) {
    io.stdout(EXPORT_HELP)
    return EXIT.ok
  }
  const exports = {
    bundle: stringFlag(args, 'bundle'),
    android: stringFlag(args, 'android'),
    ios: stringFlag(args, 'ios'),
    kotlin: stringFlag(args, 'kotlin'),
    kotlinPackage: stringFlag(args, 'kotlin-package')
  }
  if (exports.bundle === undefined && exports.android === undefined && exports.ios === undefined && exports.kotlin === undefined) {
    throw new UsageError('name at least one file: --bundle, --android, --ios or --kotlin')
  }
  if (exports.kotlinPackage !== undefined && !KOTLIN_PACKAGE.test(exports.kotlinPackage)) {
    throw new UsageError(`--kotlin-package must be dot-separated identifiers, got ${JSON.stringify(exports.kotlinPackage)}`)
  }
  const targets = { exports, builtin: args.values['no-builtin'] !== true }
  return runGenerators({ catalog: args.positionals[0], targets, mode: args.values.check === true ? 'check' : 'write', json: args.values.json === true }, io)
}
