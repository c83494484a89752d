/**
 * The Prometheus counter `http_errors_total{code,status,method,route}` through prom-client, an optional peer
 * loaded only when the `metrics` option is on. `route` is the route's pattern (`/sessions/:code`), never the
 * URL, and requests that matched no route share one label value, so the number of series stays bounded.
 */
import type { FastifyRequest } from 'fastify'
import { FEC_ERR_OPTIONS_INVALID } from '../errors.js'
import type { Observer } from './observe.js'

/** The label value of `route` for a request that matched no route (the not-found handler's answers). */
export const UNMATCHED_ROUTE = '(unmatched)'
/** The counter's name. */
export const ERRORS_METRIC = 'http_errors_total'
const LABELS = ['code', 'status', 'method', 'route'] as const

/** The registry part of prom-client the plugin uses (so that the library's types do not need prom-client). */
export interface MetricsRegistry {
  getSingleMetric (name: string): unknown
}

/** The `metrics` option: true for prom-client's default registry, or the registry to count in. */
export type MetricsOption = boolean | { registry?: MetricsRegistry }

/** One label set's count: increments are plain additions; the counter reads them when scraped. */
interface Cell { readonly labels: Record<(typeof LABELS)[number], string>, value: number, reported: number }
interface CounterLike { inc (labels: Record<string, string>, value: number): void }

/** The cells behind each counter this module made, by counter (shared by every app counting in it). */
const cellsOf = new WeakMap<object, Map<string, Cell>>()

/** The observer counting answered errors, or undefined when the option is off. */
export async function metricsObserver (option: MetricsOption | undefined): Promise<Observer | undefined> {
  if (option === undefined || option === false) return undefined
  let client: typeof import('prom-client')
  try {
    client = await import('prom-client')
  } catch (cause) {
    throw Object.assign(new FEC_ERR_OPTIONS_INVALID('metrics', 'needs the optional peer dependency prom-client (npm i prom-client)'), { cause })
  }
  const registry = (option === true ? undefined : option.registry) ?? client.register
  // A second app on the same registry counts in the same counter.
  let counter = registry.getSingleMetric(ERRORS_METRIC) as CounterLike | undefined
  if (counter === undefined) {
    const cells = new Map<string, Cell>()
    counter = new client.Counter({
      name: ERRORS_METRIC,
      help: 'Error responses by catalog code, HTTP status, method and route pattern.',
      labelNames: LABELS,
      registers: [registry as InstanceType<typeof client.Registry>],
      // prom-client hashes the labels on every inc (about 1 µs); counting in plain cells and handing the
      // increments over when the registry is scraped keeps the error path to a Map lookup and an addition.
      collect () {
        for (const cell of cells.values()) {
          if (cell.value === cell.reported) continue
          this.inc(cell.labels, cell.value - cell.reported)
          cell.reported = cell.value
        }
      }
    })
    cellsOf.set(counter, cells)
  }
  const cells = cellsOf.get(counter)
  if (cells === undefined) {
    // A counter of that name registered by someone else: count through its own API.
    const foreign = counter
    return (request: FastifyRequest, entry) => { foreign.inc(labelsOf(request, entry.code, entry.status), 1) }
  }
  return (request: FastifyRequest, entry) => {
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE
    const key = `${entry.code} ${request.method} ${route}`
    const cell = cells.get(key)
    if (cell !== undefined) cell.value++
    else cells.set(key, { labels: labelsOf(request, entry.code, entry.status), value: 1, reported: 0 })
  }
}

function labelsOf (request: FastifyRequest, code: string, status: number): Cell['labels'] {
  return { code, status: String(status), method: request.method, route: request.routeOptions.url ?? UNMATCHED_ROUTE }
}
