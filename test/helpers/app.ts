/** Test helpers: a real Fastify app with the plugin and a catalog. */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { fileURLToPath } from 'node:url'
import { errorCatalog, type ErrorCatalogOptions } from '../../src/index.js'

/** Absolute path of a file under test/fixtures/. */
export function fixture (name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url))
}

/** Absolute path of a file under catalog/. */
export function catalogFile (name: string): string {
  return fileURLToPath(new URL(`../../catalog/${name}`, import.meta.url))
}

/** A Fastify app with the plugin registered (routes are added by `routes`), ready. */
export async function buildApp (
  options: Partial<ErrorCatalogOptions> = {},
  routes: (app: FastifyInstance) => void | Promise<void> = () => {},
  server: FastifyServerOptions = {}
): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, ...server })
  await app.register(errorCatalog, { catalog: catalogFile('example.yaml'), ...options })
  await routes(app)
  await app.ready()
  return app
}
