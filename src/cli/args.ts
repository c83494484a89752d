/** Flag parsing for every command, on node:util parseArgs: unknown flags are usage errors, never ignored, said in the CLI's words. */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { didYouMean } from '../catalog/did-you-mean.js'
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

/** Parses a command's arguments; throws UsageError, in the CLI's own words, for anything the command does not take. */
export function parseCommandArgs (argv: readonly string[], flags: FlagSpec, positionals: { min: number, max: number, names: string }): ParsedArgs {
  const options: FlagSpec = { ...COMMON_FLAGS, ...flags }
  // A lenient pass first, to name the mistake ourselves; the strict pass after it catches anything left.
  const { tokens } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: false, tokens: true })
  for (const token of tokens) {
    if (token.kind !== 'option') continue
    const spec = options[token.name]
    if (spec === undefined) {
      const near = didYouMean(token.name, Object.keys(options))
      throw new UsageError(`unknown flag ${token.rawName}${near === undefined ? '' : ` (did you mean --${near}?)`}; see --help`)
    }
    if (spec.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))) {
      throw new UsageError(`${token.rawName} needs a value${token.value === undefined ? '' : `, got the flag ${token.value} (write ${token.rawName}=${token.value} if that is the value)`}`)
    }
    if (spec.type === 'boolean' && token.value !== undefined) throw new UsageError(`${token.rawName} takes no value, got ${JSON.stringify(token.value)}`)
  }
  let parsed: ParsedArgs
  try {
    const result = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
    parsed = { values: result.values as ParsedArgs['values'], positionals: result.positionals }
  } catch (error) {
    throw new UsageError(firstLine((error as Error).message))
  }
  if (parsed.values.help === true) return parsed
  const count = parsed.positionals.length
  if (count < positionals.min || count > positionals.max) {
    throw new UsageError(`expected ${positionals.names}, got ${count === 0 ? 'nothing' : parsed.positionals.join(' ')}`)
  }
  return parsed
}

function firstLine (text: string): string {
  return text.split('\n')[0]
}

/** A string flag's value, if given. */
export function stringFlag (args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name]
  return typeof value === 'string' ? value : undefined
}
