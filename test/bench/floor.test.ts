// The bench's floor rows send exactly what the catalog scenario they record sends: the `× floor` column compares
// the same bytes, so that it measures the plugin's own work and nothing else.
import { test } from 'tap'
import { buildScenarioApp } from '../../bench/servers/apps.js'
import { injectOptionsOf, SCENARIOS, scenarioNamed, type Scenario } from '../../bench/scenarios.js'

async function answerOf (scenario: Scenario): Promise<{ status: number, body: string, headers: Record<string, unknown> }> {
  const app = await buildScenarioApp(scenario)
  try {
    const response = await app.inject(injectOptionsOf(scenario))
    const { date, connection, ...headers } = response.headers
    return { status: response.statusCode, body: response.body, headers }
  } finally {
    await app.close()
  }
}

const floors = SCENARIOS.filter((scenario) => scenario.server === 'floor')

test('every floor row records a catalog scenario that names it as its floor', async (t) => {
  t.same(floors.map((floor) => floor.name), ['floor-404', 'floor-400x10'])
  for (const floor of floors) {
    const recorded = scenarioNamed(floor.records ?? '')
    t.equal(recorded.server, 'catalog', `${floor.name} records a catalog scenario`)
    t.equal(recorded.floor, floor.name, `${recorded.name} compares itself with ${floor.name}`)
  }
})

for (const floor of floors) {
  test(`${floor.name} answers the bytes of ${floor.records}`, async (t) => {
    const [mine, theirs] = await Promise.all([answerOf(floor), answerOf(scenarioNamed(floor.records ?? ''))])
    t.equal(mine.status, floor.status)
    t.equal(mine.body, theirs.body)
    t.same(mine.headers, theirs.headers)
    t.match(mine.body, /"code":"(SESSION_NOT_FOUND|VALIDATION_ERROR)"/)
  })
}
