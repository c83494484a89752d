/**
 * `npm run bench:scale`: how the catalog and the OpenAPI document scale.
 * - loadCatalog of a generated YAML file of 1,000, 10,000 and 100,000 codes (read, parse, check, compile, builtin
 *   merged), each in a fresh child process so that its peak RSS is its own (targets: 10,000 < 0.5 s, 100,000 < 5 s,
 *   memory < 1 GB). Wall time and the process's CPU time (user + system, GC threads included) are both printed:
 *   on a shared machine the CPU time is the steadier of the two;
 * - the OpenAPI document (@fastify/swagger `swagger()`) of 500 routes declaring 5 catalog errors each, with the
 *   plugin's `errorCatalogSwagger` options, against the same 500 routes without the plugin (target: ≤ 1.5×).
 * Run with --expose-gc (the npm script does) so that retained heap is measured after a full collection.
 *
 * Knobs: BENCH_SCALE_ONLY=load|openapi runs one part; BENCH_SCALE_LOADS (default 3) sets the runs per size (the
 * median is shown); BENCH_SCALE_BUILDS (default 3) sets the builds per OpenAPI variant; BENCH_SCALE_BASELINE=<dir>
 * adds a third OpenAPI variant built from another checkout's src/index.ts (e.g. `git archive <commit> src catalog |
 * tar -x -C <dir>` plus a node_modules symlink), in the same alternating run, to compare a change with what it replaces.
 */
import swagger from '@fastify/swagger'
import Fastify, { type FastifyInstance } from 'fastify'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { errorCatalog, loadCatalog, type CompiledCatalog } from '../src/index.js'
import { generatedCatalogYaml } from '../test/helpers/generated-catalog.js'

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})
const EXAMPLE = fileURLToPath(new URL('../catalog/example.yaml', import.meta.url))

function median (values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[sorted.length >> 1]
}

interface LoadRun { codes: number, wallMs: number, cpuMs: number, peakRssMB: number, heapMB: number }

/** In the child: loads one file, prints one LoadRun as JSON. */
async function loadOnce (file: string): Promise<void> {
  const cpu = process.cpuUsage()
  const began = performance.now()
  let catalog: CompiledCatalog | undefined = await loadCatalog(file)
  const wallMs = performance.now() - began
  const used = process.cpuUsage(cpu)
  const codes = catalog.codes.length
  gc()
  const heapMB = process.memoryUsage().heapUsed / 1048576
  catalog = undefined
  const run: LoadRun = { codes, wallMs, cpuMs: (used.user + used.system) / 1000, peakRssMB: process.resourceUsage().maxRSS / 1024, heapMB }
  process.stdout.write(JSON.stringify(run))
}

function loadScaling (runs: number): Array<{ codes: number, fileMB: number, run: LoadRun }> {
  const directory = mkdtempSync(join(tmpdir(), 'fec-scale-'))
  const rows = []
  try {
    for (const count of [1_000, 10_000, 100_000]) {
      const file = join(directory, `catalog-${count}.yaml`)
      const text = generatedCatalogYaml(count)
      writeFileSync(file, text)
      const results: LoadRun[] = []
      for (let i = 0; i < runs; i++) {
        const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
          env: { ...process.env, BENCH_SCALE_LOAD_FILE: file },
          encoding: 'utf8',
          maxBuffer: 1 << 20
        })
        results.push(JSON.parse(out) as LoadRun)
      }
      if (results.some((run) => run.codes < count)) throw new Error('codes went missing')
      const pick = results.find((run) => run.wallMs === median(results.map((r) => r.wallMs))) as LoadRun
      rows.push({ codes: count, fileMB: Buffer.byteLength(text) / 1048576, run: { ...pick, cpuMs: median(results.map((r) => r.cpuMs)), peakRssMB: Math.max(...results.map((r) => r.peakRssMB)) } })
    }
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
  return rows
}

const ROUTES = 500
const DECLARED = ['AUTH_FAILED', 'INSTRUCTOR_ONLY', 'SESSION_NOT_FOUND', 'SESSION_FULL', 'QUIZ_SUBMIT_TOO_FAST']
const ITEM = { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' }, capacity: { type: 'integer' } } } as const

type SwaggerOptionsOf = (options: object) => object

/** The plugin's exports the OpenAPI part uses: this checkout's, or a baseline checkout's. */
interface PluginModule { errorCatalog: typeof errorCatalog, loadCatalog: typeof loadCatalog }

interface Variant { name: string, plugin?: { module: PluginModule, catalog: CompiledCatalog } }

/** 500 routes with a params schema and a 200 response; with the plugin, each declares 5 catalog codes. */
async function documentApp (variant: Variant): Promise<FastifyInstance> {
  const app = Fastify({ logger: false })
  const info = { openapi: { info: { title: 'bench', version: '1.0.0' } } }
  if (variant.plugin !== undefined) {
    await app.register(variant.plugin.module.errorCatalog, { catalog: variant.plugin.catalog })
    const swaggerOptions = (app as unknown as { errorCatalogSwagger?: SwaggerOptionsOf }).errorCatalogSwagger
    if (swaggerOptions === undefined) throw new Error('the plugin has no errorCatalogSwagger (OpenAPI part missing)')
    await app.register(swagger, swaggerOptions(info))
  } else {
    await app.register(swagger, info)
  }
  for (let i = 0; i < ROUTES; i++) {
    const schema: Record<string, unknown> = {
      params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
      response: { 200: ITEM }
    }
    if (variant.plugin !== undefined) schema.errors = DECLARED
    app.get(`/resources${i}/:id`, { schema }, async () => ({}))
  }
  await app.ready()
  return app
}

interface DocumentRow { variant: string, readyMs: number, documentMs: number, documentCpuMs: number, yamlMs: number, bytes: number, yamlBytes: number }

async function documentScaling (variants: Variant[], builds: number): Promise<DocumentRow[]> {
  const rows: DocumentRow[] = []
  for (let build = 0; build < builds; build++) {
    // Alternating: forward, then backward, so that drift falls on every variant alike.
    for (const variant of build % 2 === 0 ? variants : [...variants].reverse()) {
      gc()
      const began = performance.now()
      const app = await documentApp(variant)
      const ready = performance.now()
      const cpu = process.cpuUsage()
      const document = app.swagger()
      const done = performance.now()
      const used = process.cpuUsage(cpu)
      // The YAML document is built anew (its own cache) and stringified by the `yaml` package.
      const yaml = app.swagger({ yaml: true })
      const yamlDone = performance.now()
      rows.push({
        variant: variant.name,
        readyMs: ready - began,
        documentMs: done - ready,
        documentCpuMs: (used.user + used.system) / 1000,
        yamlMs: yamlDone - done,
        bytes: Buffer.byteLength(JSON.stringify(document)),
        yamlBytes: Buffer.byteLength(yaml)
      })
      await app.close()
    }
  }
  // The median of each variant's builds.
  return variants.map(({ name }) => {
    const mine = rows.filter((row) => row.variant === name)
    const of = (key: 'readyMs' | 'documentMs' | 'documentCpuMs' | 'yamlMs'): number => median(mine.map((row) => row[key]))
    return {
      variant: name,
      readyMs: of('readyMs'),
      documentMs: of('documentMs'),
      documentCpuMs: of('documentCpuMs'),
      yamlMs: of('yamlMs'),
      bytes: mine[0].bytes,
      yamlBytes: mine[0].yamlBytes
    }
  })
}

const only = process.env.BENCH_SCALE_ONLY
const child = process.env.BENCH_SCALE_LOAD_FILE
if (only !== undefined && only !== 'load' && only !== 'openapi') throw new Error(`BENCH_SCALE_ONLY must be load or openapi, got ${only}`)

if (child !== undefined) {
  await loadOnce(child)
} else if (only !== 'openapi') {
  const runs = Number(process.env.BENCH_SCALE_LOADS ?? 3)
  const load = loadScaling(runs)
  console.log(`loadCatalog of a generated YAML file (builtin merged; fresh process per run, median of ${runs}; peak RSS is the largest):`)
  console.table(load.map(({ codes, fileMB, run }) => ({
    codes,
    'file MB': fileMB.toFixed(1),
    'load ms': run.wallMs.toFixed(0),
    'CPU ms': run.cpuMs.toFixed(0),
    'peak RSS MB': run.peakRssMB.toFixed(0),
    'heap after GC MB': run.heapMB.toFixed(0)
  })))
  for (const [codes, limit] of [[10_000, 500], [100_000, 5_000]]) {
    const row = load.find((entry) => entry.codes === codes)
    if (row !== undefined) console.log(`${codes.toLocaleString('en')} codes: ${row.run.wallMs.toFixed(0)} ms (target < ${limit} ms: ${row.run.wallMs < limit ? 'met' : 'NOT met'})`)
  }
}

if (child === undefined && only !== 'load') {
  const here: PluginModule = { errorCatalog, loadCatalog }
  const variants: Variant[] = [
    { name: 'without plugin' },
    { name: 'with plugin, 5 codes/route', plugin: { module: here, catalog: await loadCatalog(EXAMPLE) } }
  ]
  const baselineDir = process.env.BENCH_SCALE_BASELINE
  if (baselineDir !== undefined && baselineDir !== '') {
    const module = await import(pathToFileURL(resolve(baselineDir, 'src/index.ts')).href) as PluginModule
    variants.push({ name: `baseline (${baselineDir})`, plugin: { module, catalog: await module.loadCatalog(EXAMPLE) } })
  }
  const builds = Number(process.env.BENCH_SCALE_BUILDS ?? 3)
  const documents = await documentScaling(variants, builds)
  const [without] = documents
  console.log(`OpenAPI document for ${ROUTES} routes (median of ${builds} builds each, alternating; sizes in UTF-8 bytes):`)
  console.table(documents.map((row) => ({
    variant: row.variant,
    'ready ms': row.readyMs.toFixed(0),
    'swagger() ms': row.documentMs.toFixed(1),
    'swagger() / without': (row.documentMs / without.documentMs).toFixed(2),
    'swagger() CPU ms': row.documentCpuMs.toFixed(1),
    'CPU / without': (row.documentCpuMs / without.documentCpuMs).toFixed(2),
    'ready + swagger() / without': ((row.readyMs + row.documentMs) / (without.readyMs + without.documentMs)).toFixed(2),
    'JSON KB': (row.bytes / 1024).toFixed(0),
    'YAML ms': row.yamlMs.toFixed(0),
    'YAML KB': (row.yamlBytes / 1024).toFixed(0)
  })))
}
