/** prom-client and @opentelemetry/api are optional peers: without them the library loads; their options say what is missing. */
import t from 'tap'
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
const dir = fileURLToPath(new URL('../fixtures/optional-peers/', import.meta.url))

t.test('the root entry loads and answers without the optional peers', async (t) => {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--import', `${dir}register.mjs`, `${dir}app.mts`])
  const got = JSON.parse(stdout.trim().split('\n').at(-1) as string)
  t.same(got, {
    status: 404,
    code: 'NOT_FOUND',
    refused: {
      metrics: 'FEC_ERR_OPTIONS_INVALID: ' + got.refused.metrics.slice('FEC_ERR_OPTIONS_INVALID: '.length),
      tracing: 'FEC_ERR_OPTIONS_INVALID: ' + got.refused.tracing.slice('FEC_ERR_OPTIONS_INVALID: '.length)
    }
  })
  t.match(got.refused.metrics, 'needs the optional peer dependency prom-client (npm i prom-client)')
  t.match(got.refused.tracing, 'needs the optional peer dependency @opentelemetry/api (npm i @opentelemetry/api)')
})
