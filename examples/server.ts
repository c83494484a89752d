/** Starts the demo on 127.0.0.1:3000 (PORT to change it); Swagger UI at /docs. */
import { buildDemoApp } from './app.js'

const port = Number(process.env.PORT ?? 3000)
const app = await buildDemoApp({ server: { logger: { level: process.env.LOG_LEVEL ?? 'info' } } })
const address = await app.listen({ host: '127.0.0.1', port })
app.log.info(`강의·세션 API 데모: ${address}  (Swagger UI: ${address}/docs)`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => { app.close().then(() => process.exit(0), () => process.exit(1)) })
}
