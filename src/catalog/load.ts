/** Reading catalog files: `loadCatalog(path)` and `readCatalogDocument(path)`. */
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { FEC_ERR_CATALOG_READ } from '../errors.js'
import { compileCatalog, type CompiledCatalog, type CompileOptions } from './compile.js'
import { parseCatalogText, syntaxOf, type CatalogDocument } from './source.js'

/** Reads and parses a catalog file (YAML or JSON, by extension), keeping source positions. */
export async function readCatalogDocument (path: string): Promise<CatalogDocument> {
  const syntax = syntaxOrThrow(path)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw Object.assign(new FEC_ERR_CATALOG_READ(path, (error as Error).message), { cause: error })
  }
  return parseCatalogText(text, path, syntax)
}

/** Synchronous `readCatalogDocument`, for tools that cannot await. */
export function readCatalogDocumentSync (path: string): CatalogDocument {
  const syntax = syntaxOrThrow(path)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw Object.assign(new FEC_ERR_CATALOG_READ(path, (error as Error).message), { cause: error })
  }
  return parseCatalogText(text, path, syntax)
}

/** Reads, checks and compiles a catalog file. Throws FEC_ERR_CATALOG_INVALID listing every problem. */
export async function loadCatalog (path: string, options?: CompileOptions): Promise<CompiledCatalog> {
  return compileCatalog(await readCatalogDocument(path), options)
}

/** Synchronous `loadCatalog`. */
export function loadCatalogSync (path: string, options?: CompileOptions): CompiledCatalog {
  return compileCatalog(readCatalogDocumentSync(path), options)
}

function syntaxOrThrow (path: string): 'yaml' | 'json' {
  const syntax = syntaxOf(path)
  if (syntax === undefined) throw new FEC_ERR_CATALOG_READ(path, 'a catalog file must end in .yaml, .yml or .json')
  return syntax
}
