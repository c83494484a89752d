/**
 * BENCH_PAIRED (bench/run.ts): a baseline is loaded at the same time as every row measured against it. The
 * batches are checked on the real scenario list, and one short paired run must print every row with its ratios.
 */
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { test } from 'tap'
import { batchesOf, SCENARIOS, scenarioNamed } from '../../bench/scenarios.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

test('a paired batch is a baseline with every row measured against it; sequential batches hold one server', async (t) => {
  const servers = SCENARIOS.map((scenario) => ({ scenario }))
  const batches = batchesOf(servers, true)
  t.same(batches.flat().map(({ scenario }) => scenario.name).sort(), SCENARIOS.map(({ name }) => name).sort(), 'every scenario once')
  for (const batch of batches) {
    const baselines = batch.filter(({ scenario }) => scenario.baseline === undefined)
    t.equal(baselines.length, 1, `one baseline in the batch of ${batch[0].scenario.name}`)
    for (const { scenario } of batch) {
      if (scenario.baseline !== undefined) t.equal(scenario.baseline, baselines[0].scenario.name, `${scenario.name} with its baseline`)
      if (scenario.sameIn !== undefined) t.ok(batch.some((server) => server.scenario.name === scenario.sameIn), `${scenario.name} with ${scenario.sameIn}`)
      if (scenario.floor !== undefined) t.ok(batch.some((server) => server.scenario.name === scenario.floor), `${scenario.name} with ${scenario.floor}`)
    }
  }
  const the404 = batches.find((batch) => batch.some(({ scenario }) => scenario.name === 'default-404'))
  t.ok(the404?.some(({ scenario }) => scenario.name === 'catalog-404-seed-002'), 'the formats of the 404 are loaded with it')
  t.same(batchesOf(servers, false).map((batch) => batch.length), SCENARIOS.map(() => 1))
  t.equal(scenarioNamed('floor-404').baseline, 'default-404')
})

test('a short paired run prints every row with its ratios and says how busy the load generator was', async (t) => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/run.ts'], {
    cwd: ROOT,
    env: { ...process.env, BENCH_PAIRED: '1', BENCH_ONLY: 'catalog-404', BENCH_ROUNDS: '1', BENCH_DURATION: '1', BENCH_WARMUP: '1' },
    timeout: 120_000
  })
  for (const name of ['default-404', 'catalog-404', 'floor-404']) {
    const row = stdout.split('\n').find((line) => line.startsWith(`| ${name} `))
    t.ok(row, `${name} row`)
    const ratio = Number(row?.split('|')[7])
    t.ok(ratio > 0, `${name}: × Fastify default is a number (${ratio})`)
  }
  t.match(stdout, /Paired: each baseline loaded at the same time as its rows; the load generator was busy \d+% of a core at most\./)
})
