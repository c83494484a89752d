/**
 * `npm run bench:profile -- <scenario> [seconds]`: one scenario's server under `--cpu-prof` while autocannon
 * loads it, then the functions with the most self time (the profile is kept in bench/profiles/ for DevTools).
 */
import autocannon from 'autocannon'
import { fork } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { requestHeadersOf, scenarioNamed } from './scenarios.js'
import type { ServerMessage } from './servers/start.js'

interface ProfileNode { id: number, callFrame: { functionName: string, url: string, lineNumber: number }, hitCount?: number }
interface Profile { nodes: ProfileNode[], samples: number[] }

const DIR = fileURLToPath(new URL('./profiles', import.meta.url))
const START = fileURLToPath(new URL('./servers/start.ts', import.meta.url))

/** Self time per function, as a share of all samples. */
export function topFunctions (profile: Profile, count: number): Array<{ name: string, share: number }> {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]))
  const hits = new Map<string, number>()
  for (const id of profile.samples) {
    const node = byNode.get(id)
    if (node === undefined) continue
    const { functionName, url, lineNumber } = node.callFrame
    const file = url.replace(/^.*node_modules\//, '').replace(/^.*\/work\/main\//, '').replace(/^file:\/\//, '')
    const name = `${functionName || '(anonymous)'} ${file === '' ? '' : `${file}:${lineNumber + 1}`}`.trim()
    hits.set(name, (hits.get(name) ?? 0) + 1)
  }
  const total = profile.samples.length
  return [...hits].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, n]) => ({ name, share: n / total }))
}

async function main (): Promise<void> {
  const scenario = scenarioNamed(process.argv[2] ?? '')
  const seconds = Number(process.argv[3] ?? 5)
  mkdirSync(DIR, { recursive: true })
  const began = Date.now()
  const child = fork(START, [scenario.name], { execArgv: ['--cpu-prof', `--cpu-prof-dir=${DIR}`, '--import', 'tsx'] })
  const port = await new Promise<number>((resolve) => child.once('message', (message: ServerMessage) => {
    if (message.type === 'ready') resolve(message.port)
  }))
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${scenario.path}`,
    method: scenario.method,
    duration: seconds,
    headers: requestHeadersOf(scenario),
    ...(scenario.body === undefined ? {} : { body: scenario.body })
  })
  await new Promise((resolve) => { child.once('exit', resolve); child.send({ type: 'close' }) })
  const file = readdirSync(DIR).filter((name) => name.endsWith('.cpuprofile')).map((name) => join(DIR, name))
    .filter((path) => statSync(path).mtimeMs >= began)
    // tsx's loader thread writes a profile of its own: the server's main thread is the biggest one.
    .sort((a, b) => statSync(a).size - statSync(b).size).pop()
  if (file === undefined) throw new Error('no profile written')
  console.log(`${scenario.name}: ${Math.round(result.requests.average)} req/s under the profiler; ${file}`)
  for (const { name, share } of topFunctions(JSON.parse(readFileSync(file, 'utf8')) as Profile, 30)) {
    console.log(`${(share * 100).toFixed(1).padStart(5)}%  ${name}`)
  }
}

await main()
