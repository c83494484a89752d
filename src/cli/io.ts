/** What a CLI command talks to: two output streams, a working directory and a stop signal (for --watch). */

/** The command's environment; tests pass their own to run commands in-process. */
export interface CliIo {
  stdout (text: string): void
  stderr (text: string): void
  /** Paths on the command line are relative to this directory. */
  readonly cwd: string
  /** Stops a long-running command (`generate --watch`). */
  readonly signal?: AbortSignal | undefined
  /** Colour the output (default false). */
  readonly color?: boolean | undefined
}

/**
 * Whether to colour: `FORCE_COLOR` (other than `0`/`false`) forces it, as in Node itself; otherwise a non-empty
 * `NO_COLOR` (https://no-color.org) turns it off; otherwise colour when the stream is a terminal that is not `dumb`.
 */
export function colorEnabled (env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR
  if (force !== undefined) return force !== '0' && force !== 'false'
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  return isTTY && env.TERM !== 'dumb'
}

/** Exit codes of every command: 0 all good, 1 the command found problems, 2 it could not run (usage, unreadable file). */
export const EXIT = Object.freeze({ ok: 0, problems: 1, usage: 2 })

/** A mistake in how the command was called; reported with exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** The process's own streams. */
export function processIo (signal?: AbortSignal): CliIo {
  return {
    stdout: (text) => { process.stdout.write(text) },
    stderr: (text) => { process.stderr.write(text) },
    cwd: process.cwd(),
    signal,
    color: colorEnabled(process.env, process.stdout.isTTY === true)
  }
}
