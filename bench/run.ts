/**
 * `npm run bench`: every load scenario against its own server process, autocannon in this process.
 *
 * One server process per scenario (forked, so the load generator never shares an event loop with the server;
 * on 2 cores that is one core each). After a warm-up, rounds alternate the scenario order (forward, then
 * backward) so that machine drift cancels out of the ratios, which are taken per round against the Fastify-default
 * scenario of the same kind and reported as the median over rounds.
 *
 * Environment: BENCH_DURATION (seconds per scenario per round, default 3), BENCH_ROUNDS (3), BENCH_WARMUP (1),
 * BENCH_CONNECTIONS (10), BENCH_PIPELINING (1), BENCH_ONLY (comma-separated scenario names; baselines are added), BENCH_LOG_LEVEL (warn).
 * BENCH_PIN=1 (Linux, `taskset`): the load generator on CPU 0 and every server on CPU 1, so that neither is moved
 * onto the other's core between rounds.
 *
 * BENCH_PAIRED=1: each baseline and every row measured against it are loaded at the same time (one autocannon per
 * server, all from this process) instead of one after another. With BENCH_PIN they share CPU 1, so a slow phase of
 * the VM (they last seconds here and moved sequential ratios by ±10%) hits every row of a round alike. Each server
 * gets its share of one core, so req/s are smaller; the ratios are what to read. The footer says how busy the load
 * generator was: near its whole core, it would be what limits every row, and the ratios would shrink towards 1.
 *
 * BENCH_COMPARE=<dir>: another checkout of this repository (with its node_modules), e.g. a `git worktree` of the
 * previous commit. Each of our scenarios also runs from that checkout's servers, as `<name>@before`, in the same
 * rounds, and a `× before` column gives the per-round ratio: a change measured before/after in one run.
 */
import autocannon from 'autocannon'
import { fork, spawnSync, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { batchesOf, requestHeadersOf, SCENARIOS, type Scenario } from './scenarios.js'
import type { ServerMessage } from './servers/start.js'

const DURATION = positive('BENCH_DURATION', 3)
const ROUNDS = positive('BENCH_ROUNDS', 3)
const WARMUP = positive('BENCH_WARMUP', 1)
const CONNECTIONS = positive('BENCH_CONNECTIONS', 10)
const PIPELINING = positive('BENCH_PIPELINING', 1)
const START = fileURLToPath(new URL('./servers/start.ts', import.meta.url))

interface Server { scenario: Scenario, label: string, child: ChildProcess, port: number }

const COMPARE = process.env.BENCH_COMPARE
const PIN = process.env.BENCH_PIN === '1'
const PAIRED = process.env.BENCH_PAIRED === '1'

/** Pins a process to one CPU with `taskset` (BENCH_PIN); fails loudly rather than measuring unpinned. */
function pin (pid: number | undefined, cpu: number): void {
  if (!PIN || pid === undefined) return
  const result = spawnSync('taskset', ['-p', '-c', String(cpu), String(pid)], { stdio: 'ignore' })
  if (result.status !== 0) throw new Error(`BENCH_PIN: taskset could not pin ${pid} to CPU ${cpu}`)
}
pin(process.pid, 0)
const BEFORE = '@before'
interface Sample { rps: number, p50: number, p99: number, cpuPerRequest: number }

function positive (name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`)
  return value
}

function selected (): Scenario[] {
  const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim()).filter(Boolean)
  if (only === undefined || only.length === 0) return [...SCENARIOS]
  const names = new Set(only)
  for (const name of only) {
    const scenario = SCENARIOS.find((s) => s.name === name)
    if (scenario === undefined) throw new Error(`unknown scenario ${name}`)
    if (scenario.baseline !== undefined) names.add(scenario.baseline)
    if (scenario.sameIn !== undefined) names.add(scenario.sameIn)
    if (scenario.floor !== undefined) names.add(scenario.floor)
  }
  return SCENARIOS.filter((scenario) => names.has(scenario.name))
}

function startServer (scenario: Scenario, compare?: string): Promise<Server> {
  const start = compare === undefined ? START : `${compare}/bench/servers/start.ts`
  const label = compare === undefined ? scenario.name : scenario.name + BEFORE
  const child = fork(start, [scenario.name], { ...(compare === undefined ? {} : { cwd: compare }), execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  pin(child.pid, 1)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${scenario.name}: server did not start in 30 s`)), 30_000)
    child.once('exit', (code) => reject(new Error(`${scenario.name}: server exited with ${code}`)))
    child.once('message', (message: ServerMessage) => {
      clearTimeout(timer)
      if (message.type === 'ready') resolve({ scenario, label, child, port: message.port })
    })
  })
}

/** The server's RSS and the CPU time (µs) it has used so far. */
function usageOf (server: Server): Promise<{ rss: number, cpu: number }> {
  return new Promise((resolve) => {
    server.child.once('message', (message: ServerMessage) => resolve(message.type === 'usage' ? message : { rss: NaN, cpu: NaN }))
    server.child.send({ type: 'usage' })
  })
}

/** One request, to check the scenario answers what it claims before loading it. */
async function probe (server: Server): Promise<string> {
  const { scenario } = server
  const response = await fetch(`http://127.0.0.1:${server.port}${scenario.path}`, {
    method: scenario.method,
    headers: requestHeadersOf(scenario),
    ...(scenario.body === undefined ? {} : { body: scenario.body })
  })
  const body = await response.text()
  if (response.status !== scenario.status) throw new Error(`${scenario.name}: expected ${scenario.status}, got ${response.status}: ${body}`)
  const language = response.headers.get('content-language')
  if (scenario.contentLanguage !== undefined && language !== scenario.contentLanguage) {
    throw new Error(`${scenario.name}: expected Content-Language ${scenario.contentLanguage}, got ${String(language)}: ${body}`)
  }
  return body
}

async function load (server: Server, seconds: number): Promise<Sample> {
  const { scenario } = server
  const before = await usageOf(server)
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}${scenario.path}`,
    method: scenario.method,
    connections: CONNECTIONS,
    pipelining: PIPELINING,
    duration: seconds,
    headers: requestHeadersOf(scenario),
    ...(scenario.body === undefined ? {} : { body: scenario.body }),
    ...(scenario.bodies === undefined ? {} : { requests: [{ setupRequest: inTurn(scenario.bodies) }] })
  })
  const wrong = Object.keys(result.statusCodeStats ?? {}).filter((status) => Number(status) !== scenario.status)
  if (result.errors > 0 || result.timeouts > 0 || wrong.length > 0) {
    throw new Error(`${scenario.name}: ${result.errors} errors, ${result.timeouts} timeouts, unexpected statuses ${wrong.join(',')}`)
  }
  const after = await usageOf(server)
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpuPerRequest: (after.cpu - before.cpu) / result.requests.total }
}

/**
 * Gives each request the next of `bodies`, counted across all connections: the server sees them in turn, so no
 * failure repeats the one before it (a per-connection list would let ten connections in step send the same body).
 */
function inTurn (bodies: readonly string[]): (request: autocannon.Request) => autocannon.Request {
  let next = 0
  return (request) => {
    request.body = bodies[next++ % bodies.length]
    return request
  }
}

function median (values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function table (rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)))
  const line = (row: string[]): string => '| ' + row.map((cell, column) => column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])).join(' | ') + ' |'
  return [line(rows[0]), '|' + widths.map((width, column) => (column === 0 ? ':' : '') + '-'.repeat(width) + (column === 0 ? '-' : ':')).join('|') + '|', ...rows.slice(1).map(line)].join('\n')
}

async function main (): Promise<void> {
  const began = Date.now()
  const scenarios = selected()
  console.error(`bench: ${scenarios.length} scenarios, ${ROUNDS} rounds × ${DURATION} s after a ${WARMUP} s warm-up, ${CONNECTIONS} connections`)
  const servers: Server[] = []
  try {
    for (const scenario of scenarios) servers.push(await startServer(scenario))
    if (COMPARE !== undefined) {
      // Only our own scenarios: the Fastify baselines are the same code in both checkouts.
      for (const scenario of scenarios) if (scenario.baseline !== undefined && scenario.server !== 'floor') servers.push(await startServer(scenario, COMPARE))
    }
    for (const server of servers) {
      const body = await probe(server)
      if (process.env.BENCH_VERBOSE !== undefined) console.error(`${server.scenario.name}: ${body}`)
    }
    for (const server of servers) await load(server, WARMUP)

    const samples = new Map<string, Sample[]>(servers.map((server) => [server.label, []]))
    // Sequential: one server at a time. Paired: a group at a time, its servers loaded at once.
    const batches = batchesOf(servers, PAIRED)
    // The share of its core the load generator used while a batch ran, at most (paired mode's check).
    let generatorBusy = 0
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? batches : [...batches].reverse()
      for (const batch of order) {
        const cpu = process.cpuUsage()
        const started = performance.now()
        const results = await Promise.all(batch.map((server) => load(server, DURATION)))
        const used = process.cpuUsage(cpu)
        generatorBusy = Math.max(generatorBusy, (used.user + used.system) / 1000 / (performance.now() - started))
        batch.forEach((server, index) => {
          samples.get(server.label)?.push(results[index])
          console.error(`round ${round + 1}/${ROUNDS} ${server.label.padEnd(18)} ${Math.round(results[index].rps)} req/s`)
        })
      }
    }
    const rss = new Map<string, number>()
    for (const server of servers) rss.set(server.label, (await usageOf(server)).rss)

    /** Median over rounds of this round's ratio: req/s over the baseline's, or the baseline's server CPU per request over ours. */
    const ratio = (name: string, baseline: string | undefined, of: (mine: Sample, theirs: Sample) => number = (mine, theirs) => mine.rps / theirs.rps): number => {
      if (baseline === undefined || !samples.has(baseline)) return NaN
      const mine = samples.get(name) ?? []
      const theirs = samples.get(baseline) ?? []
      return median(mine.map((sample, round) => of(sample, theirs[round])))
    }
    const cpuRatio = (mine: Sample, theirs: Sample): number => theirs.cpuPerRequest / mine.cpuPerRequest
    const ceiling = samples.has('ceiling-200') ? 'ceiling-200' : undefined
    const rows = [['scenario', 'req/s', 'p50 ms', 'p99 ms', 'server CPU µs/req', 'RSS MB', '× Fastify default', '× ceiling', 'CPU × default', '× default format', '× floor', ...(COMPARE === undefined ? [] : ['× before'])]]
    for (const server of servers) {
      const { baseline } = server.scenario
      const name = server.label
      const mine = samples.get(name) ?? []
      const fixed = (value: number, digits: number): string => Number.isNaN(value) ? '–' : value.toFixed(digits)
      rows.push([
        name,
        String(Math.round(median(mine.map((sample) => sample.rps)))),
        fixed(median(mine.map((sample) => sample.p50)), 0),
        fixed(median(mine.map((sample) => sample.p99)), 0),
        fixed(median(mine.map((sample) => sample.cpuPerRequest)), 1),
        fixed((rss.get(name) ?? NaN) / 1048576, 0),
        baseline === undefined ? '1.00' : fixed(ratio(name, baseline), 2),
        name === ceiling ? '1.00' : fixed(ratio(name, ceiling), 2),
        baseline === undefined ? '1.00' : fixed(ratio(name, baseline, cpuRatio), 2),
        server.scenario.sameIn === undefined ? '–' : fixed(ratio(name, server.scenario.sameIn + (name.endsWith(BEFORE) ? BEFORE : '')), 2),
        server.scenario.floor === undefined ? '–' : fixed(ratio(name, server.scenario.floor), 2),
        ...(COMPARE === undefined ? [] : [name.endsWith(BEFORE) || baseline === undefined ? '–' : fixed(ratio(name, name + BEFORE), 2)])
      ])
    }
    console.log(table(rows))
    console.log('\n× columns: req/s over the baseline\'s (Fastify default of the same kind, or the 200 ceiling); ' +
      'CPU × default: the baseline\'s server CPU time per response over this one\'s (> 1: cheaper than Fastify\'s own); ' +
      '× default format: req/s over the same request answered in the default wire format; ' +
      '× floor: req/s over the floor row of the same request (its answer recorded once and sent as constant bytes by a bare error handler: ' +
      'what any error handler could reach on this machine with these bytes).')
    console.log(`${ROUNDS} alternating rounds of ${DURATION} s per scenario, ${CONNECTIONS} connections, Node ${process.version}; ` +
      `ratios are medians of per-round ratios; ${Math.round((Date.now() - began) / 1000)} s in all.` +
      (PAIRED ? ` Paired: each baseline loaded at the same time as its rows${PIN ? ', all on CPU 1' : ''}; the load generator was busy ${Math.round(generatorBusy * 100)}% of a core at most.` : ''))
  } finally {
    for (const server of servers) {
      server.child.removeAllListeners('exit')
      server.child.send({ type: 'close' })
    }
  }
}

await main()
