/**
 * A benchmark server process: `node --import tsx bench/servers/start.ts <scenario>`, forked by bench/run.ts.
 * Listens on 127.0.0.1 (a free port), reports the port over IPC, answers usage queries (RSS, CPU time), exits when told to or
 * when its parent goes away.
 */
import type { AddressInfo } from 'node:net'
import { scenarioNamed } from '../scenarios.js'
import { buildScenarioApp } from './apps.js'

/** Messages between the orchestrator and a server process. */
export type ServerMessage =
  | { type: 'ready', port: number }
  | { type: 'usage', rss: number, heapUsed: number, cpu: number }

const send = (message: ServerMessage): void => { process.send?.(message) }

const app = await buildScenarioApp(scenarioNamed(process.argv[2] ?? ''))
await app.listen({ host: '127.0.0.1', port: 0 })
send({ type: 'ready', port: (app.server.address() as AddressInfo).port })

process.on('message', (message: { type: string }) => {
  if (message.type === 'usage') {
    const { rss, heapUsed } = process.memoryUsage()
    const { user, system } = process.cpuUsage()
    send({ type: 'usage', rss, heapUsed, cpu: user + system })
  } else if (message.type === 'close') {
    app.close().then(() => process.exit(0), () => process.exit(1))
  }
})
process.on('disconnect', () => process.exit(0))
