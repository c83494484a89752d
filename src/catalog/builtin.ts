/**
 * The builtin catalog (catalog/builtin.yaml): the codes the plugin itself answers with. It is merged under
 * every user catalog unless `builtin: false`. The file ships in the package and is read once, on first use.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseCatalogText, type CatalogDocument } from './source.js'

// The codes the plugin needs are a table of roles (roles.ts); these two names stay importable from here.
export { REQUIRED_CODES, VALIDATION_CODE } from './roles.js'

let cached: CatalogDocument | undefined

/** The path of catalog/builtin.yaml, found from this module (src/catalog/ in development, dist/ when installed). */
export function builtinCatalogPath (): string {
  let directory = dirname(fileURLToPath(import.meta.url))
  for (let depth = 0; depth < 4; depth++) {
    const candidate = join(directory, 'catalog', 'builtin.yaml')
    if (existsSync(candidate)) return candidate
    directory = dirname(directory)
  }
  throw new Error('fastify-error-catalog: catalog/builtin.yaml is missing from the installed package')
}

/** The parsed builtin catalog. */
export function builtinDocument (): CatalogDocument {
  if (cached === undefined) {
    const file = builtinCatalogPath()
    cached = parseCatalogText(readFileSync(file, 'utf8'), file)
  }
  return cached
}
