/**
 * `npm run bench:scale`: how the catalog and the OpenAPI document scale.
 * - compileCatalog for 100, 1,000 and 10,000 generated codes: time and retained heap (target: 10,000 < 1 s);
 * - the OpenAPI document (@fastify/swagger `swagger()`) of 500 routes declaring 5 catalog errors each, with the
 *   plugin's `errorCatalogSwagger` options, against the same 500 routes without the plugin (target: ≤ 1.5×).
 * Run with --expose-gc (the npm script does) so that retained heap is measured after a full collection.
 *
 * Knobs: BENCH_SCALE_ONLY=compile|openapi runs one part; BENCH_SCALE_BUILDS (default 3) sets the builds per
 * variant; BENCH_SCALE_BASELINE=<dir> adds a third OpenAPI variant built from another checkout's src/index.ts
 * (e.g. `git archive <commit> src catalog | tar -x -C <dir>` plus a node_modules symlink), in the same
 * alternating run, to compare a change with what it replaces.
 */
import swagger from '@fastify/swagger'
import Fastify, { type FastifyInstance } from 'fastify'
import { resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { compileCatalog, errorCatalog, loadCatalog, type CompiledCatalog } from '../src/index.js'

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})
const EXAMPLE = fileURLToPath(new URL('../catalog/example.yaml', import.meta.url))

/** A catalog of `count` codes, each with a placeholder, a suggestion and two details. */
export function generatedCatalog (count: number): Record<string, unknown> {
  const errors: Record<string, unknown> = {}
  for (let i = 0; i < count; i++) {
    errors[`GENERATED_ERROR_${String(i).padStart(5, '0')}`] = {
      status: 400 + (i % 30),
      message: `항목 {itemId}을(를) 처리할 수 없습니다. (${i}번 규칙)`,
      description: `생성된 오류 ${i}`,
      category: 'generated',
      suggestions: ['항목 번호를 확인한 뒤 다시 시도하세요.'],
      details: {
        itemId: { type: 'integer', description: '항목 번호', example: 7 },
        reason: { type: 'string', optional: true, description: '사유' }
      }
    }
  }
  return { version: 1, locale: 'ko', categories: { generated: '생성된 오류' }, errors }
}

function median (values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[sorted.length >> 1]
}

function compileScaling (): Array<{ codes: number, ms: number, heapMB: number }> {
  const rows = []
  for (const count of [100, 1_000, 10_000]) {
    const source = generatedCatalog(count)
    const times: number[] = []
    let heap = 0
    for (let run = 0; run < (count >= 10_000 ? 3 : 5); run++) {
      gc()
      const before = process.memoryUsage().heapUsed
      const began = performance.now()
      let catalog: CompiledCatalog | undefined = compileCatalog(source)
      times.push(performance.now() - began)
      gc()
      heap = process.memoryUsage().heapUsed - before
      if (catalog.codes.length < count) throw new Error('codes went missing')
      catalog = undefined
    }
    rows.push({ codes: count, ms: median(times), heapMB: heap / 1048576 })
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
if (only !== undefined && only !== 'compile' && only !== 'openapi') throw new Error(`BENCH_SCALE_ONLY must be compile or openapi, got ${only}`)

if (only !== 'openapi') {
  const compile = compileScaling()
  console.log('compileCatalog (generated codes, builtin merged; median of runs; retained heap after GC):')
  console.table(compile.map((row) => ({ codes: row.codes, 'compile ms': row.ms.toFixed(1), 'heap MB': row.heapMB.toFixed(1) })))
}

if (only !== 'compile') {
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
