/**
 * Catalog text → data with source positions. YAML and JSON both go through `yaml`'s parser (JSON is YAML 1.2),
 * so every key and value can be located as `line:col`; JSON is also checked strictly with JSON.parse.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml'
import { toPointer, type CatalogProblem } from './problems.js'

/** A 1-based position in a catalog file. */
export interface SourcePosition { line: number, col: number }

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

/** Parses catalog text; never throws: problems come back in `problems`. */
export function parseCatalogText (text: string, file: string, syntax: CatalogSyntax = syntaxOf(file) ?? 'yaml'): CatalogDocument {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false })
  const problems: CatalogProblem[] = []
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, col }
  }

  for (const error of doc.errors) {
    const { line, col } = at(error.pos[0])
    const duplicate = error.code === 'DUPLICATE_KEY'
    const pointer = duplicate ? pointerAt(doc, error.pos[0]) : ''
    problems.push({
      file,
      line,
      col,
      pointer,
      message: duplicate ? `duplicate key ${JSON.stringify(lastSegment(pointer))}: the value above it would be silently lost` : firstLine(error.message),
      severity: 'error',
      rule: duplicate ? 'duplicate-key' : 'syntax'
    })
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

  const data = problems.some((problem) => problem.rule === 'syntax') ? undefined : doc.toJS({ maxAliasCount: 100 })

  return {
    file,
    data,
    problems,
    locate (path, key = false) {
      const range = locateRange(doc, path, key)
      return range === undefined ? { line: 1, col: 1 } : at(range)
    }
  }
}

/** Wraps data that has no source text (a catalog passed as an object). */
export function objectDocument (data: unknown, file = '<inline>'): CatalogDocument {
  return { file, data, problems: [], locate: () => ({ line: 0, col: 0 }) }
}

function locateRange (doc: Document, path: ReadonlyArray<string | number>, key: boolean): number | undefined {
  let node: unknown = doc.contents
  let best: number | undefined = rangeStart(node)
  // Where a missing member is reported: the key of the member that should hold it.
  let parentKey = best
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]
    const last = i === path.length - 1
    if (isMap(node)) {
      // The last pair wins, as it does in the data (duplicates are reported separately).
      const pair = node.items.findLast((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment))
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

/** The pointer of the map member that starts at `offset` (for duplicate-key reports). */
function pointerAt (doc: Document, offset: number): string {
  const path: Array<string | number> = []
  let node: unknown = doc.contents
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((item) => {
        const k = rangeStart(item.key)
        const end = (item.value as Node | null)?.range?.[2] ?? (item.key as Node | null)?.range?.[2]
        return k !== undefined && end !== undefined && k <= offset && offset <= end
      })
      if (pair === undefined || !isScalar(pair.key)) break
      path.push(String(pair.key.value))
      if (rangeStart(pair.key) === offset) break
      node = pair.value
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => {
        const range = (item as Node | null)?.range
        return range != null && range[0] <= offset && offset <= range[2]
      })
      if (index < 0) break
      path.push(index)
      node = node.items[index]
    } else {
      break
    }
  }
  return toPointer(path)
}

function lastSegment (pointer: string): string {
  return pointer.slice(pointer.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~')
}

function firstLine (message: string): string {
  return message.split('\n')[0]
}
