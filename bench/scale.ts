/**
 * `npm run bench:scale`: how the catalog and the OpenAPI document scale.
 * - compileCatalog for 100, 1,000 and 10,000 generated codes: time and retained heap (target: 10,000 < 1 s);
 * - the OpenAPI document (@fastify/swagger `swagger()`) of 500 routes declaring 5 catalog errors each, with the
 *   plugin's `errorCatalogSwagger` options, against the same 500 routes without the plugin (target: ≤ 1.5×).
 * Run with --expose-gc (the npm script does) so that retained heap is measured after a full collection.
 */
import swagger from '@fastify/swagger'
import Fastify, { type FastifyInstance } from 'fastify'
import { fileURLToPath } from 'node:url'
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

/** 500 routes with a params schema and a 200 response; with the plugin, each declares 5 catalog codes. */
async function documentApp (withPlugin: boolean, catalog: CompiledCatalog): Promise<FastifyInstance> {
  const app = Fastify({ logger: false })
  const info = { openapi: { info: { title: 'bench', version: '1.0.0' } } }
  if (withPlugin) {
    await app.register(errorCatalog, { catalog })
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
    if (withPlugin) schema.errors = DECLARED
    app.get(`/resources${i}/:id`, { schema }, async () => ({}))
  }
  await app.ready()
  return app
}

interface DocumentRow { variant: string, readyMs: number, documentMs: number, bytes: number }

async function documentScaling (catalog: CompiledCatalog): Promise<DocumentRow[]> {
  const rows: DocumentRow[] = []
  for (const withPlugin of [false, true, false, true, false, true]) {
    gc()
    const began = performance.now()
    const app = await documentApp(withPlugin, catalog)
    const ready = performance.now()
    const document = app.swagger()
    const done = performance.now()
    rows.push({ variant: withPlugin ? 'with plugin, 5 codes/route' : 'without plugin', readyMs: ready - began, documentMs: done - ready, bytes: JSON.stringify(document).length })
    await app.close()
  }
  // Three builds of each, alternating; the median of each.
  return ['without plugin', 'with plugin, 5 codes/route'].map((variant) => {
    const mine = rows.filter((row) => row.variant === variant)
    return { variant, readyMs: median(mine.map((row) => row.readyMs)), documentMs: median(mine.map((row) => row.documentMs)), bytes: mine[0].bytes }
  })
}

const compile = compileScaling()
console.log('compileCatalog (generated codes, builtin merged; median of runs; retained heap after GC):')
console.table(compile.map((row) => ({ codes: row.codes, 'compile ms': row.ms.toFixed(1), 'heap MB': row.heapMB.toFixed(1) })))

const documents = await documentScaling(await loadCatalog(EXAMPLE))
const [without, withPlugin] = documents
console.log(`OpenAPI document for ${ROUTES} routes (median of 3 builds each, alternating):`)
console.table(documents.map((row) => ({ variant: row.variant, 'ready ms': row.readyMs.toFixed(0), 'swagger() ms': row.documentMs.toFixed(1), 'document KB': (row.bytes / 1024).toFixed(0) })))
console.log(`swagger() with plugin / without: ${(withPlugin.documentMs / without.documentMs).toFixed(2)}×; ` +
  `ready + swagger(): ${((withPlugin.readyMs + withPlugin.documentMs) / (without.readyMs + without.documentMs)).toFixed(2)}×`)
