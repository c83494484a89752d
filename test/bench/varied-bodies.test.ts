// The varied validation scenario (bench/scenarios.ts): every body fails with eight field errors led by lectureId,
// and no body fails like the one sent before it, so the reuse of a repeated failure's body never applies.
import { test } from 'tap'
import { buildScenarioApp } from '../../bench/servers/apps.js'
import { EIGHT_INVALID_VARIED, scenarioNamed } from '../../bench/scenarios.js'

test('each varied body fails with eight fields led by lectureId, each unlike the one before', async (t) => {
  const scenario = scenarioNamed('catalog-400x8-varied')
  t.equal(scenario.bodies, EIGHT_INVALID_VARIED)
  t.equal(new Set(EIGHT_INVALID_VARIED).size, 36)
  const app = await buildScenarioApp(scenario)
  t.teardown(() => app.close())
  const seen: string[] = []
  for (const body of EIGHT_INVALID_VARIED) {
    const response = await app.inject({ method: 'POST', url: scenario.path, headers: { 'content-type': 'application/json' }, payload: body })
    t.equal(response.statusCode, 400)
    const fields = Object.keys(response.json().fieldErrors)
    t.equal(fields.length, 8)
    t.equal(fields[0], 'lectureId')
    seen.push(fields.join())
  }
  t.ok(seen.every((fields, i) => fields !== seen[(i + 1) % seen.length]), 'no failure like the one before it, around the cycle too')
})
