/** A problem found in a catalog, located in its file. Loader, compiler and linter all speak this type. */
export interface CatalogProblem {
  /** The file, or `<inline>` for a catalog given as an object. */
  file: string
  /** 1-based; 0 when the catalog has no source positions. */
  line: number
  /** 1-based; 0 when the catalog has no source positions. */
  col: number
  /** RFC 6901 JSON pointer to the member at fault, e.g. `/errors/SESSION_NOT_FOUND/status`. */
  pointer: string
  message: string
  /** `error` problems stop the catalog from loading; lint adds `warning`s. */
  severity: 'error' | 'warning'
  /** A stable id of the rule that found it (lint rules, `schema`, `yaml`, …). */
  rule: string
  /** How to fix it, when there is a clear fix. */
  hint?: string
}

/** `file:line:col  pointer  message`, the one line format every tool prints. */
export function formatProblem (problem: CatalogProblem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}:${problem.col}` : problem.file
  const hint = problem.hint === undefined ? '' : ` (${problem.hint})`
  return `${where}  ${problem.pointer || '/'}  ${problem.message}${hint}`
}

/** Sorts problems by file position so a report reads top to bottom. */
export function sortProblems (problems: readonly CatalogProblem[]): CatalogProblem[] {
  return [...problems].sort((a, b) =>
    a.file === b.file ? a.line - b.line || a.col - b.col : a.file < b.file ? -1 : 1)
}

/** Encodes one JSON pointer segment (RFC 6901 §3). */
export function escapePointer (segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1')
}

/** Builds a JSON pointer from path segments. */
export function toPointer (path: ReadonlyArray<string | number>): string {
  return path.map((segment) => '/' + escapePointer(segment)).join('')
}

/** Splits a JSON pointer into its segments. */
export function fromPointer (pointer: string): string[] {
  if (pointer === '') return []
  return pointer.slice(1).split('/').map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
}
