/**
 * `--watch`: runs a job now and again after every change of its files. Directories are watched, not the files,
 * because editors save by writing a new file and renaming it over the old one.
 */
import { watch, type FSWatcher } from 'node:fs'
import { basename, dirname } from 'node:path'

/** Runs `job` now and after each change of any of `files`, until `signal` aborts (resolves then). */
export async function watchFiles (files: readonly string[], job: () => void, signal: AbortSignal | undefined, delay = 50): Promise<void> {
  // The names to look for in each directory: one watcher per directory, however many files it holds.
  const names = new Map<string, Set<string>>()
  for (const file of files) {
    const directory = dirname(file)
    let inDirectory = names.get(directory)
    if (inDirectory === undefined) names.set(directory, inDirectory = new Set())
    inDirectory.add(basename(file))
  }
  let timer: NodeJS.Timeout | undefined
  // Armed before the first run: a save that lands while the first run is still reporting is not lost.
  const watchers: FSWatcher[] = [...names].map(([directory, watched]) => watch(directory, { persistent: true }, (_event, changed) => {
    if (changed !== null && !watched.has(changed.toString())) return
    // Editors fire several events per save; one run after they settle.
    clearTimeout(timer)
    timer = setTimeout(job, delay)
  }))
  job()
  await new Promise<void>((resolve) => {
    if (signal?.aborted === true) resolve()
    signal?.addEventListener('abort', () => resolve(), { once: true })
  })
  clearTimeout(timer)
  for (const watcher of watchers) watcher.close()
}
