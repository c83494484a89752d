/**
 * Catalog text → data with source positions. YAML and JSON both go through `yaml`'s parser (JSON is YAML 1.2),
 * so every key and value can be located as `line:col`; JSON is also checked strictly with JSON.parse. A catalog
 * without problems is read by js-yaml alone (see parseCatalogText).
 */
import { load as loadYaml } from 'js-yaml'
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml'
import { toPointer, type CatalogProblem } from './problems.js'
import { openingOf } from './syntax-position.js'

/** A 1-based position in a catalog file; `file` when it is not the document's own (a document merged from several files). */
export interface SourcePosition { line: number, col: number, file?: string }

/** A parsed catalog file: its data, and a way to find where any member of it stands. */
export interface CatalogDocument {
  /** The file name used in problem reports. */
  readonly file: string
  /** The parsed data (last value wins for duplicate keys; the duplicates are in `problems`). */
  readonly data: unknown
  /** Problems of the text itself: syntax errors, duplicate keys. */
  readonly problems: readonly CatalogProblem[]
  /**
   * Where the member at `path` stands: its key when `key` is true, otherwise its value.
   * A path that does not exist resolves to the nearest existing ancestor.
   */
  locate (path: ReadonlyArray<string | number>, key?: boolean): SourcePosition
  /**
   * The same text read by `yaml`, when the data came from the quick reader: a catalog with problems is checked
   * again on it, so that every report reads the data exactly as the positions do.
   */
  positioned?: () => CatalogDocument
}

/** Format of a catalog file, from its extension. */
export type CatalogSyntax = 'yaml' | 'json'

/** `yaml` for .yaml/.yml, `json` for .json, undefined otherwise. */
export function syntaxOf (file: string): CatalogSyntax | undefined {
  const lower = file.toLowerCase()
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml'
  if (lower.endsWith('.json')) return 'json'
  return undefined
}

/**
 * The largest catalog text read, in UTF-8 bytes (16 MiB, about 250,000 codes). A larger file is reported as
 * one problem instead of being parsed: parsing it would take long and hold much memory.
 */
export const MAX_CATALOG_BYTES = 16 * 1024 * 1024

/** The most aliases `yaml` expands (its default): more is an alias bomb, reported instead of expanded. */
const MAX_ALIAS_COUNT = 100

/**
 * Parses catalog text; never throws: problems come back in `problems`.
 *
 * Two parsers, one result. `yaml` keeps every node's position, which problem reports need, but builds a whole
 * syntax tree (about 7 s of CPU for 100,000 codes); js-yaml builds the data alone, about six times faster. So
 * the data comes from js-yaml whenever it takes the text without a doubt (no aliases, no tags, no duplicate
 * keys, one document: anything else throws there), and `yaml` runs only when a position is first asked for,
 * that is, when the catalog has a problem. Text js-yaml refuses goes through `yaml` at once, which reports it.
 */
export function parseCatalogText (text: string, file: string, syntax: CatalogSyntax = syntaxOf(file) ?? 'yaml'): CatalogDocument {
  // A UTF-8 byte order mark (some Windows editors write one) is not part of the catalog; JSON.parse rejects it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const refused = refuse(text)
  if (refused !== undefined) return failedDocument(file, refused)

  const data = quickData(text, syntax)
  if (data === NOT_QUICK) return parseWithPositions(text, file, syntax)
  let positioned: CatalogDocument | undefined
  const precise = (): CatalogDocument => (positioned ??= parseWithPositions(text, file, syntax))
  return {
    file,
    data,
    problems: [],
    locate: (path, key) => precise().locate(path, key),
    positioned: precise
  }
}

const NOT_QUICK = Symbol('not quick')

/** The data of text that both parsers read alike, or NOT_QUICK when `yaml` must read it (and report why). */
function quickData (text: string, syntax: CatalogSyntax): unknown {
  // js-yaml's plain objects would treat the key `__proto__` as the prototype; `yaml` reports it.
  if (text.includes('__proto__')) return NOT_QUICK
  try {
    if (syntax === 'json') JSON.parse(text)
    // maxAliases 0: any alias throws (`yaml` expands them, and stops alias bombs); the default schema is YAML
    // 1.2 core, as `yaml`'s is; duplicate keys, tags and several documents throw too.
    const data = loadYaml(text, { maxAliases: 0, json: false })
    return data === undefined ? NOT_QUICK : data
  } catch {
    return NOT_QUICK
  }
}

/** Parses with `yaml`, keeping positions. */
function parseWithPositions (text: string, file: string, syntax: CatalogSyntax): CatalogDocument {
  const lineCounter = new LineCounter()
  // `uniqueKeys` would compare every pair of keys of a map (quadratic); duplicates are found in one pass below.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false })
  const problems: CatalogProblem[] = []
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, col }
  }

  for (const error of doc.errors) {
    // An unclosed quote or bracket is reported where it opened, not where the text ran out.
    const opening = openingOf(text, error)
    const { line, col } = at(opening?.offset ?? error.pos[0])
    problems.push({ file, line, col, pointer: '', message: opening?.message ?? firstLine(error.message), severity: 'error', rule: 'syntax' })
  }
  if (problems.length === 0) {
    for (const { pointer, offset, key } of duplicateKeys(doc.contents)) {
      const { line, col } = at(offset)
      problems.push({ file, line, col, pointer, message: `duplicate key ${JSON.stringify(key)}: the value above it would be silently lost`, severity: 'error', rule: 'duplicate-key' })
    }
  }

  if (syntax === 'json' && problems.every((problem) => problem.rule === 'duplicate-key')) {
    try {
      JSON.parse(text)
    } catch (error) {
      const match = /position (\d+)/.exec((error as Error).message)
      const { line, col } = match === null ? { line: 1, col: 1 } : at(Number(match[1]))
      problems.push({ file, line, col, pointer: '', message: firstLine((error as Error).message), severity: 'error', rule: 'syntax' })
    }
  }

  let data: unknown
  if (!problems.some((problem) => problem.rule === 'syntax')) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
    } catch (error) {
      // yaml stops an alias bomb with a plain ReferenceError that says nowhere where it is.
      if (!(error instanceof ReferenceError)) throw error
      const alias = amplifyingAlias(doc)
      problems.push({
        file,
        ...(alias === undefined ? { line: 1, col: 1 } : at(alias.offset)),
        pointer: alias?.pointer ?? '',
        message: `aliases expand to too much data (more than ${MAX_ALIAS_COUNT} alias expansions): an alias bomb?`,
        severity: 'error',
        rule: 'alias-bomb',
        hint: 'write the repeated values out, or use fewer aliases of aliases'
      })
    }
  }

  const keys = new KeyIndex()
  return {
    file,
    data,
    problems,
    locate (path, key = false) {
      const range = locateRange(doc, keys, path, key)
      return range === undefined ? { line: 1, col: 1 } : at(range)
    }
  }
}

/** A problem with the text as a whole (too large, binary), found before parsing. */
function refuse (text: string): Omit<CatalogProblem, 'file'> | undefined {
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > MAX_CATALOG_BYTES) {
    return {
      line: 1,
      col: 1,
      pointer: '',
      message: `the file is ${(bytes / 1048576).toFixed(1)} MiB; a catalog may be at most ${MAX_CATALOG_BYTES / 1048576} MiB`,
      severity: 'error',
      rule: 'too-large',
      hint: 'is this the catalog file? A catalog of 100,000 codes is about 6 MiB'
    }
  }
  const nul = text.indexOf('\0')
  if (nul >= 0) {
    const before = text.slice(0, nul)
    const line = before.split('\n').length
    return {
      line,
      col: nul - before.lastIndexOf('\n'),
      pointer: '',
      message: 'the file holds a NUL byte: a catalog is UTF-8 text, this looks like a binary file',
      severity: 'error',
      rule: 'binary'
    }
  }
  return undefined
}

function failedDocument (file: string, problem: Omit<CatalogProblem, 'file'>): CatalogDocument {
  return { file, data: undefined, problems: [{ file, ...problem }], locate: () => ({ line: problem.line, col: problem.col }) }
}

/** Wraps data that has no source text (a catalog passed as an object). */
export function objectDocument (data: unknown, file = '<inline>'): CatalogDocument {
  return { file, data, problems: [], locate: () => ({ line: 0, col: 0 }) }
}

/** Per map node, its keys → their last pair (built on first use, so that locating is linear overall). */
class KeyIndex {
  private readonly maps = new WeakMap<YAMLMap, Map<string, Pair>>()

  pair (map: YAMLMap, key: string): Pair | undefined {
    let index = this.maps.get(map)
    if (index === undefined) {
      index = new Map()
      // The last pair wins, as it does in the data (duplicates are reported separately).
      for (const item of map.items) if (isScalar(item.key)) index.set(keyName(item.key), item)
      this.maps.set(map, index)
    }
    return index.get(key)
  }
}

function locateRange (doc: Document, keys: KeyIndex, path: ReadonlyArray<string | number>, key: boolean): number | undefined {
  let node: unknown = doc.contents
  let best: number | undefined = rangeStart(node)
  // Where a missing member is reported: the key of the member that should hold it.
  let parentKey = best
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]
    const last = i === path.length - 1
    if (isMap(node)) {
      const pair = keys.pair(node, String(segment))
      if (pair === undefined) return parentKey
      const keyStart = rangeStart(pair.key)
      if (last && key) return keyStart ?? best
      node = pair.value
      best = rangeStart(node) ?? keyStart ?? best
      parentKey = keyStart ?? best
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)]
      if (item === undefined) return parentKey
      node = item
      best = rangeStart(node) ?? best
      parentKey = best
    } else {
      return best
    }
  }
  return best
}

function rangeStart (node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range
  return Array.isArray(range) ? range[0] : undefined
}

/** Every key that repeats an earlier key of its map (as the data sees keys: `1` and `"1"` are one), in one pass. */
function duplicateKeys (root: unknown): Array<{ pointer: string, offset: number, key: string }> {
  const found: Array<{ pointer: string, offset: number, key: string }> = []
  const path: Array<string | number> = []
  const visit = (node: unknown): void => {
    if (isMap(node)) {
      const seen = new Set<string>()
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue
        const key = keyName(pair.key)
        path.push(key)
        const offset = rangeStart(pair.key)
        if (seen.has(key) && offset !== undefined) found.push({ pointer: toPointer(path), offset, key })
        seen.add(key)
        visit(pair.value)
        path.pop()
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        path.push(index)
        visit(item)
        path.pop()
      })
    }
  }
  visit(root)
  return found
}

/**
 * Where to report an alias bomb: the first alias whose anchored node itself holds aliases (the one that
 * multiplies), else the first alias.
 */
function amplifyingAlias (doc: Document): { offset: number, pointer: string } | undefined {
  let first: { offset: number, pointer: string } | undefined
  let amplifying: { offset: number, pointer: string } | undefined
  visit(doc, {
    Alias (_key, alias, ancestors) {
      const offset = rangeStart(alias)
      if (offset === undefined) return
      const here = { offset, pointer: toPointer(pathOf([...ancestors, alias])) }
      first ??= here
      const target = alias.resolve(doc)
      let nested = false
      if (target !== undefined && !isScalar(target)) visit(target, { Alias () { nested = true; return visit.BREAK } })
      if (nested) {
        amplifying = here
        return visit.BREAK
      }
    }
  })
  return amplifying ?? first
}

/** The data path of a node from its ancestors as `visit` gives them. */
function pathOf (ancestors: readonly unknown[]): Array<string | number> {
  const path: Array<string | number> = []
  for (let i = 0; i < ancestors.length; i++) {
    const node = ancestors[i]
    const child = ancestors[i + 1]
    if (isPair(node) && isScalar(node.key)) path.push(keyName(node.key))
    else if (isSeq(node) && child !== undefined) path.push(node.items.indexOf(child as never))
  }
  return path
}

/** A map key as the data names it; YAML 1.1's merge key `<<` is a symbol in the node, named by its source. */
function keyName (key: Scalar): string {
  return typeof key.value === 'symbol' ? key.source ?? '<<' : String(key.value)
}

function firstLine (message: string): string {
  return message.split('\n')[0]
}
