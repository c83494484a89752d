/**
 * `node --import tsx bench/builtin-load.ts`: what loading a Korean-only catalog costs, in milliseconds of CPU time
 * (process.cpuUsage, so that other processes on a shared machine do not count; median of many runs), and what the
 * builtin catalog's part of it is.
 *
 * - `compile`: compileCatalog of the Korean-only sample (bench/korean-only.ts) in a warm process (the builtin files
 *   are parsed once per process, then only checked and merged);
 * - `builtin`: reading, parsing and checking the builtin document that catalog needs (what a fresh process pays);
 * - `first load`: the first compileCatalog of a fresh process (module loading excluded), over BENCH_PROCESSES children.
 *
 * Environment: BENCH_RUNS (runs per in-process figure, default 200), BENCH_PROCESSES (default 15).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { builtinCatalogPath } from '../src/catalog/builtin.js'
import { checkCatalogDocument } from '../src/catalog/check.js'
import { compileCatalog } from '../src/catalog/compile.js'
import { parseCatalogText } from '../src/catalog/source.js'
import { koreanOnlyCatalog } from './korean-only.js'

const RUNS = Number(process.env.BENCH_RUNS ?? 200)
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 15)

function median (values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[sorted.length >> 1]
}

function timed (run: () => unknown): number {
  const start = process.cpuUsage()
  run()
  const { user, system } = process.cpuUsage(start)
  return (user + system) / 1000
}

function measure (run: () => unknown): number {
  for (let i = 0; i < 20; i++) run()
  return median(Array.from({ length: RUNS }, () => timed(run)))
}

const catalog = koreanOnlyCatalog()
if (process.argv[2] === '--first') {
  process.stdout.write(String(timed(() => compileCatalog(catalog))))
} else {
  const builtinFile = builtinCatalogPath()
  const builtin = (): unknown => checkCatalogDocument(parseCatalogText(readFileSync(builtinFile, 'utf8'), builtinFile))
  const here = fileURLToPath(import.meta.url)
  const first = Array.from({ length: PROCESSES }, () => Number(execFileSync(process.execPath, ['--import', 'tsx', here, '--first'], { encoding: 'utf8' })))
  const row = (name: string, ms: number): string => `| ${name.padEnd(10)} | ${ms.toFixed(2).padStart(7)} |`
  console.log(`Korean-only sample catalog (${Object.keys(catalog.errors as object).length} codes), median CPU ms`)
  console.log(['| figure     |  CPU ms |', '|:-----------|--------:|', row('compile', measure(() => compileCatalog(catalog))), row('builtin', measure(builtin)), row('first load', median(first))].join('\n'))
}
