#!/usr/bin/env node
/** The `error-catalog` executable (package `bin`, built to dist/cli.js). Development: `npx tsx src/cli/main.ts`. */
import { processIo } from './io.js'
import { runCli } from './run.js'

runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code
}, (error: unknown) => {
  process.stderr.write(`error-catalog: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 70
})
