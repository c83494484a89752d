/** The `error-catalog` command line: dispatches to a command and turns every failure into an exit code. */
import { checkCommand } from './commands/check.js'
import { diffCommand } from './commands/diff.js'
import { docsCommand } from './commands/docs.js'
import { exportCommand } from './commands/export.js'
import { generateCommand } from './commands/generate.js'
import { initCommand } from './commands/init.js'
import { lintCommand } from './commands/lint.js'
import { schemaCommand } from './commands/schema.js'
import { EXIT, UsageError, type CliIo } from './io.js'

/** A command: arguments after its name → exit code. */
export type Command = (argv: readonly string[], io: CliIo) => Promise<number>

/** Every command, by name. */
export const COMMANDS: Readonly<Record<string, Command>> = Object.freeze({
  init: initCommand,
  generate: generateCommand,
  check: checkCommand,
  lint: lintCommand,
  docs: docsCommand,
  diff: diffCommand,
  schema: schemaCommand,
  export: exportCommand
})

export const USAGE = `Usage: error-catalog <command> [options]

Commands:
  init                 write a starter catalog and its typed module; print the lines to paste
  generate <catalog>   write the typed TypeScript module (--watch regenerates on save)
  check <catalog>      fail when a generated module, guide or schema is stale
  lint <file...>       report every problem of a catalog, with rule ids and fix hints
  docs <catalog>       write the Korean Markdown error guide
  diff <old> <new>     classify changes as breaking or compatible (files or REF:path)
  schema               write the JSON Schema of the catalog format
  export <catalog>     write the catalog for app clients: JSON, Android, iOS, Kotlin

Every command takes --json and --help. Exit codes: 0 ok, 1 problems found, 2 usage error.
See docs/cli.md.
`

/** Runs the CLI with the arguments after the program name; resolves to the exit code. */
export async function runCli (argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE)
    return name === undefined ? EXIT.usage : EXIT.ok
  }
  const command = COMMANDS[name]
  if (command === undefined) {
    io.stderr(`error-catalog: unknown command ${JSON.stringify(name)}\n\n${USAGE}`)
    return EXIT.usage
  }
  try {
    return await command(rest, io)
  } catch (error) {
    if (error instanceof UsageError) {
      if (rest.includes('--json')) io.stdout(JSON.stringify({ ok: false, error: error.message }, null, 2) + '\n')
      io.stderr(`error-catalog ${name}: ${error.message}\n`)
      return EXIT.usage
    }
    throw error
  }
}
