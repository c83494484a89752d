/** Test helper: the problems a catalog file is refused with, as `line:col  pointer  message` lines. */
import { loadCatalog, type CatalogProblem } from '../../src/index.js'
import { formatProblem } from '../../src/tooling.js'

/** Loads a file that must fail; returns its problems as lines (file name and hint stripped), the problems and the error. */
export async function problemsOf (file: string): Promise<{ lines: string[], problems: CatalogProblem[], error: Error & { problems?: CatalogProblem[], code?: string } }> {
  try {
    await loadCatalog(file)
  } catch (error) {
    const problems = (error as { problems?: CatalogProblem[] }).problems ?? []
    return {
      lines: problems.map((problem) => formatProblem({ ...problem, hint: undefined }).replace(`${file}:`, '')),
      problems,
      error: error as Error
    }
  }
  throw new Error(`${file} loaded without problems`)
}
