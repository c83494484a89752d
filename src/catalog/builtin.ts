/**
 * The builtin catalog (catalog/builtin.yaml): the codes the plugin itself answers with. It is merged under every
 * user catalog unless `builtin: false`. Its text is Korean; each other language is a sibling file,
 * `builtin.<locale>.yaml`, holding only translations, each at the path of the member it translates. A sibling is
 * read, checked and merged only for a catalog that declares its locale, so a Korean-only catalog parses and checks
 * no English. The files ship in the package and each is read once, on first use.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { declaredLocales, isTranslationMap } from './locales.js'
import { parseCatalogText, type CatalogDocument, type SourcePosition } from './source.js'

// The codes the plugin needs are a table of roles (roles.ts); these two names stay importable from here.
export { REQUIRED_CODES, VALIDATION_CODE } from './roles.js'

let base: CatalogDocument | undefined
/** Sibling files by locale (from one listing of the folder, so no path is ever built from a catalog's text). */
let siblings: ReadonlyMap<string, string> | undefined
const translations = new Map<string, CatalogDocument>()
const merged = new Map<string, CatalogDocument>()

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

/**
 * The parsed builtin catalog, with its translations into the locales that `catalog` (a user catalog's data)
 * declares and no others; without `catalog`, in its own locale only.
 */
export function builtinDocument (catalog?: unknown): CatalogDocument {
  const document = baseDocument()
  if (catalog === null || typeof catalog !== 'object') return document
  const own = declaredLocales(document.data as object)[0]
  const wanted = declaredLocales(catalog).filter((locale) => locale !== own)
  if (wanted.length === 0) return document
  const files = siblingFiles()
  const locales = [...new Set(wanted.filter((locale) => files.has(locale)))].sort()
  if (locales.length === 0) return document
  const key = locales.join(',')
  let found = merged.get(key)
  if (found === undefined) {
    found = locales.reduce((into, locale) => withTranslations(into, locale, translationDocument(locale, files.get(locale) as string)), document)
    merged.set(key, found)
  }
  return found
}

/**
 * `document` with the translations of `translation` (a document of translations only) into `locale`: each text
 * there becomes the `locale` text of the member at the same path (a plain text becomes a map by locale). Problems
 * keep their file: a member that came from `translation` is located in it, with its file.
 */
export function withTranslations (document: CatalogDocument, locale: string, translation: CatalogDocument): CatalogDocument {
  const translated = new Set<string>()
  const added = new Set<string>()
  const data = translation.data === undefined ? document.data : mergeText(document.data, translation.data, [])
  if (data !== document.data && data !== null && typeof data === 'object') {
    (data as Record<string, unknown>).locales = [...declaredLocales(document.data as object), locale]
  }

  function mergeText (into: unknown, text: unknown, path: string[]): unknown {
    if (text !== null && typeof text === 'object' && !Array.isArray(text)) {
      const record = isRecord(into) ? into : undefined
      if (record === undefined) added.add(pathKey(path))
      const out: Record<string, unknown> = { ...record }
      for (const [name, inner] of Object.entries(text)) out[name] = mergeText(record?.[name], inner, [...path, name])
      return out
    }
    translated.add(pathKey(path))
    if (into === undefined) return { [locale]: text }
    // A map by locale already (a member of the first file written as one, or another sibling's): one more locale.
    if (isTranslationMap(into as Record<string, unknown>)) return { ...into as object, [locale]: text }
    return { [declaredLocales(document.data as object)[0]]: into, [locale]: text }
  }

  const locate = (path: ReadonlyArray<string | number>, key?: boolean): SourcePosition => {
    for (let length = 0; length <= path.length; length++) {
      const prefix = pathKey(path.slice(0, length))
      if (length < path.length && translated.has(prefix) && path[length] === locale) {
        return { file: translation.file, ...translation.locate([...path.slice(0, length), ...path.slice(length + 1)], key) }
      }
      if (added.has(prefix)) return { file: translation.file, ...translation.locate(path, key) }
    }
    return document.locate(path, key)
  }
  let positioned: CatalogDocument | undefined
  return {
    file: document.file,
    data,
    problems: [...document.problems, ...translation.problems],
    locate,
    ...(document.positioned === undefined && translation.positioned === undefined
      ? {}
      : { positioned: () => (positioned ??= withTranslations(document.positioned?.() ?? document, locale, translation.positioned?.() ?? translation)) })
  }
}

function baseDocument (): CatalogDocument {
  if (base === undefined) {
    const file = builtinCatalogPath()
    base = parseCatalogText(readFileSync(file, 'utf8'), file)
  }
  return base
}

function siblingFiles (): ReadonlyMap<string, string> {
  if (siblings === undefined) {
    const directory = dirname(builtinCatalogPath())
    const found = new Map<string, string>()
    for (const name of readdirSync(directory).sort()) {
      const match = /^builtin\.([^.]+)\.yaml$/.exec(name)
      if (match !== null) found.set(match[1], join(directory, name))
    }
    siblings = found
  }
  return siblings
}

function translationDocument (locale: string, file: string): CatalogDocument {
  let document = translations.get(locale)
  if (document === undefined) translations.set(locale, (document = parseCatalogText(readFileSync(file, 'utf8'), file)))
  return document
}

function pathKey (path: ReadonlyArray<string | number>): string {
  return JSON.stringify(path)
}

function isRecord (value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
