/** Flag parsing for every command, on node:util parseArgs: unknown flags are usage errors, never ignored. */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from './io.js'

/** The flags of a command, in parseArgs' format. */
export type FlagSpec = NonNullable<ParseArgsConfig['options']>

/** Flags every command takes. */
export const COMMON_FLAGS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const satisfies FlagSpec

/** Parsed flags and positionals of one command. */
export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>
  positionals: string[]
}

/** Parses a command's arguments; throws UsageError for anything the command does not take. */
export function parseCommandArgs (argv: readonly string[], flags: FlagSpec, positionals: { min: number, max: number, names: string }): ParsedArgs {
  let parsed: ParsedArgs
  try {
    const result = parseArgs({ args: [...argv], options: { ...COMMON_FLAGS, ...flags }, allowPositionals: true, strict: true })
    parsed = { values: result.values as ParsedArgs['values'], positionals: result.positionals }
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  if (parsed.values.help === true) return parsed
  const count = parsed.positionals.length
  if (count < positionals.min || count > positionals.max) {
    throw new UsageError(`expected ${positionals.names}, got ${count === 0 ? 'nothing' : parsed.positionals.join(' ')}`)
  }
  return parsed
}

/** A string flag's value, if given. */
export function stringFlag (args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name]
  return typeof value === 'string' ? value : undefined
}
