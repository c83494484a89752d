/**
 * The benchmark scenarios: what each server process serves and what autocannon asks of it.
 * Each scenario runs in its own server process (bench/servers/start.ts); `baseline` names the scenario
 * of Fastify's own error path that a ratio is taken against.
 */

/** The kind of server a scenario starts (see bench/servers/apps.ts). */
export type ServerKind = 'ceiling' | 'fastify' | 'catalog' | 'floor'

/** One load scenario. */
export interface Scenario {
  /** Short id, used on the command line and in the table. */
  name: string
  /** What the row means. */
  label: string
  server: ServerKind
  /** Start Fastify with Ajv `allErrors` (the ten-field validation scenarios). */
  allErrors?: boolean
  /** Register the plugin with `stacklessValidationErrors: false`: Fastify's default schema error formatter (stack and all). */
  fastifyFormatter?: boolean
  /** Register the plugin with `metrics: true` (prom-client counter) and, with `tracing`, `tracing: true` (OpenTelemetry API, no SDK). */
  metrics?: boolean
  tracing?: boolean
  /**
   * The wire format: `problem`, or a recipe of docs/wire-formats.md by its marker (`seed-000`), passed as the
   * plugin's `envelope` option; the default format when left out.
   */
  envelope?: 'problem' | Recipe
  /** The same request in the default format (the scenario a format's `× default format` is taken against). */
  sameIn?: string
  /** The catalog served: the sample (catalog/example.yaml, or BENCH_CATALOG), default; or its Korean-only copy (bench/korean-only.ts). */
  catalog?: 'sample' | 'korean-only'
  method: 'GET' | 'POST'
  path: string
  body?: string
  /**
   * Bodies sent in turn instead of `body` (autocannon's `requests`), so that consecutive requests fail differently:
   * what a validation answer costs when no failure repeats the one before it.
   */
  bodies?: readonly string[]
  /** Request headers (besides the body's content type), e.g. `accept-language`. */
  headers?: Readonly<Record<string, string>>
  /** The Content-Language every answer must have, when the scenario is about a language. */
  contentLanguage?: string
  /** The status every response must have (a scenario that answers otherwise is reported as broken). */
  status: number
  /** The Fastify-default scenario this one is compared with; undefined for the baselines themselves. */
  baseline?: string
  /**
   * A `floor` server's source: the catalog scenario whose answer it records once at start-up and then sends as
   * constant bytes (same status, headers and body) from a bare error handler: what any error handler could reach
   * on this machine for those bytes. A catalog scenario names its floor in `floor`.
   */
  records?: string
  /** The floor scenario of this request (the `× floor` column). */
  floor?: string
}

/** The recipes of docs/wire-formats.md the bench loads, by their `<!-- recipe: … -->` marker. */
export type Recipe = 'seed-000' | 'seed-001' | 'seed-002' | 'seed-004'

/** Ten fields, every one of them valid. */
const VALID = {
  lectureId: 42,
  sessionCode: 'AB12CD',
  email: 'student@example.com',
  name: '김하늘',
  seat: 7,
  device: 'ios',
  nickname: 'sky',
  capacity: 30,
  startsAt: '2026-11-22T10:00:00+09:00',
  agree: true
}

/** The same body with one invalid field, and with all ten invalid. */
export const ONE_INVALID = JSON.stringify({ ...VALID, seat: 'seven' })
export const TEN_INVALID = JSON.stringify({
  lectureId: 'x',
  sessionCode: 'a',
  email: 'not-an-email',
  name: '',
  seat: -1,
  device: 'fax',
  nickname: 'x',
  capacity: 0,
  startsAt: 'tomorrow',
  agree: 'yes'
})

/**
 * Thirty-six bodies, each the ten-invalid one with two of the last nine fields made valid again: eight field errors,
 * always led by lectureId, and no body like the one before it (the reuse of a repeated failure's body never applies).
 */
export const EIGHT_INVALID_VARIED: readonly string[] = (() => {
  const invalid: Record<string, unknown> = JSON.parse(TEN_INVALID)
  const fields = Object.keys(VALID).slice(1) as Array<keyof typeof VALID>
  const bodies: string[] = []
  for (let a = 0; a < fields.length; a++) {
    for (let b = a + 1; b < fields.length; b++) bodies.push(JSON.stringify({ ...invalid, [fields[a]]: VALID[fields[a]], [fields[b]]: VALID[fields[b]] }))
  }
  return Object.freeze(bodies)
})()

const CATALOG_404: Scenario = { name: 'catalog-404', label: 'catalog SESSION_NOT_FOUND (details + placeholder)', server: 'catalog', method: 'GET', path: '/sessions/AB12CD', status: 404, baseline: 'default-404', floor: 'floor-404' }
const CATALOG_400X10: Scenario = { name: 'catalog-400x10', label: 'catalog VALIDATION_ERROR fieldErrors, ten (allErrors)', server: 'catalog', allErrors: true, method: 'POST', path: '/enroll', body: TEN_INVALID, status: 400, baseline: 'default-400x10', floor: 'floor-400x10' }

export const SCENARIOS: readonly Scenario[] = [
  { name: 'ceiling-200', label: '200 JSON with response schema (ceiling)', server: 'ceiling', method: 'GET', path: '/sessions/AB12CD', status: 200, baseline: 'default-404' },
  { name: 'default-404', label: 'Fastify default handler, @fastify/error 404', server: 'fastify', method: 'GET', path: '/sessions/AB12CD', status: 404 },
  CATALOG_404,
  floorOf(CATALOG_404),
  { ...CATALOG_404, name: 'catalog-404-ko', label: 'same, Korean-only catalog (the sample without translations)', catalog: 'korean-only', floor: undefined },
  { ...CATALOG_404, name: 'catalog-404-en', label: 'same, two-language sample, Accept-Language: en', headers: { 'accept-language': 'en' }, contentLanguage: 'en', floor: undefined },
  { name: 'catalog-404-metrics', label: 'catalog 404 with metrics (http_errors_total)', server: 'catalog', metrics: true, method: 'GET', path: '/sessions/AB12CD', status: 404, baseline: 'default-404' },
  { name: 'catalog-404-observed', label: 'catalog 404 with metrics and tracing (OTel API, no SDK)', server: 'catalog', metrics: true, tracing: true, method: 'GET', path: '/sessions/AB12CD', status: 404, baseline: 'default-404' },
  ...inFormats(CATALOG_404),
  { name: 'default-400x1', label: 'Fastify default 400, one invalid field', server: 'fastify', method: 'POST', path: '/enroll', body: ONE_INVALID, status: 400 },
  { name: 'catalog-400x1', label: 'catalog VALIDATION_ERROR fieldErrors, one field', server: 'catalog', method: 'POST', path: '/enroll', body: ONE_INVALID, status: 400, baseline: 'default-400x1' },
  { name: 'catalog-400x1-stack', label: 'same, with Fastify\'s default formatter (stacklessValidationErrors: false)', server: 'catalog', fastifyFormatter: true, method: 'POST', path: '/enroll', body: ONE_INVALID, status: 400, baseline: 'default-400x1' },
  { name: 'default-400x10', label: 'Fastify default 400, ten invalid (allErrors)', server: 'fastify', allErrors: true, method: 'POST', path: '/enroll', body: TEN_INVALID, status: 400 },
  CATALOG_400X10,
  floorOf(CATALOG_400X10),
  { ...CATALOG_400X10, name: 'catalog-400x10-ko', label: 'same, Korean-only catalog (the sample without translations)', catalog: 'korean-only', floor: undefined },
  ...inFormats(CATALOG_400X10),
  { name: 'default-400x8-varied', label: 'Fastify default 400, eight invalid fields, a different set on each request', server: 'fastify', allErrors: true, method: 'POST', path: '/enroll', body: EIGHT_INVALID_VARIED[0], bodies: EIGHT_INVALID_VARIED, status: 400 },
  { name: 'catalog-400x8-varied', label: 'catalog VALIDATION_ERROR, eight fields, a different set on each request (no reuse)', server: 'catalog', allErrors: true, method: 'POST', path: '/enroll', body: EIGHT_INVALID_VARIED[0], bodies: EIGHT_INVALID_VARIED, status: 400, baseline: 'default-400x8-varied' },
  { name: 'default-route404', label: 'Fastify default unknown route 404', server: 'fastify', method: 'GET', path: '/nowhere/123', status: 404 },
  { name: 'catalog-route404', label: 'catalog NOT_FOUND for an unknown route', server: 'catalog', method: 'GET', path: '/nowhere/123', status: 404, baseline: 'default-route404' },
  { name: 'default-500', label: 'Fastify default 500 for a throw (logged)', server: 'fastify', method: 'GET', path: '/boom', status: 500 },
  { name: 'catalog-500', label: 'catalog INTERNAL_ERROR for a throw (logged)', server: 'catalog', method: 'GET', path: '/boom', status: 500, baseline: 'default-500' }
]

/** The floor of a catalog scenario: its answer, recorded at start-up, sent as constant bytes (`floor-404`). */
function floorOf (scenario: Scenario): Scenario {
  const name = scenario.floor ?? `floor-${scenario.name}`
  return { ...scenario, name, label: `${scenario.name}'s answer as constant bytes from a bare error handler (the floor)`, server: 'floor', records: scenario.name, floor: undefined }
}

/** A default-format scenario again in `problem` and in each recipe (`catalog-404-problem`, `catalog-404-seed-000`, …). */
function inFormats (scenario: Scenario): Scenario[] {
  return (['problem', 'seed-000', 'seed-001', 'seed-002', 'seed-004'] as const).map((envelope) => ({
    ...scenario, name: `${scenario.name}-${envelope}`, label: `${scenario.label}, in ${envelope}`, envelope, sameIn: scenario.name, floor: undefined
  }))
}

/** The request headers of a scenario: its own, and the body's content type. */
export function requestHeadersOf (scenario: Scenario): Record<string, string> {
  return { ...scenario.headers, ...(scenario.body === undefined ? {} : { 'content-type': 'application/json' }) }
}

/** A scenario's request as `app.inject` takes it (its first body, for a scenario with several). */
export function injectOptionsOf (scenario: Scenario): { method: Scenario['method'], url: string, headers: Record<string, string>, payload?: string } {
  return { method: scenario.method, url: scenario.path, headers: requestHeadersOf(scenario), ...(scenario.body === undefined ? {} : { payload: scenario.body }) }
}

/** A scenario by name. */
export function scenarioNamed (name: string): Scenario {
  const found = SCENARIOS.find((scenario) => scenario.name === name)
  if (found === undefined) throw new Error(`unknown scenario ${name}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`)
  return found
}

/**
 * What one step of a bench round loads at once: each server alone, or (paired) a baseline together with every
 * server measured against it, so that the ratios of a round come from the same seconds of the machine.
 */
export function batchesOf<T extends { scenario: Scenario }> (servers: readonly T[], paired: boolean): T[][] {
  if (!paired) return servers.map((server) => [server])
  const groups = new Map<string, T[]>()
  for (const server of servers) {
    const key = server.scenario.baseline ?? server.scenario.name
    const group = groups.get(key)
    if (group === undefined) groups.set(key, [server])
    else group.push(server)
  }
  return [...groups.values()]
}
