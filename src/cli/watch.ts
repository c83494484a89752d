/**
 * `--watch`: runs a job now and again after every change of a file. The directory is watched, not the file,
 * because editors save by writing a new file and renaming it over the old one.
 */
import { watch } from 'node:fs'
import { basename, dirname } from 'node:path'

/** Runs `job` now and after each change of `file`, until `signal` aborts (resolves then). */
export async function watchFile (file: string, job: () => void, signal: AbortSignal | undefined, delay = 50): Promise<void> {
  const name = basename(file)
  let timer: NodeJS.Timeout | undefined
  // Armed before the first run: a save that lands while the first run is still reporting is not lost.
  const watcher = watch(dirname(file), { persistent: true }, (_event, changed) => {
    if (changed !== null && changed.toString() !== name) return
    // Editors fire several events per save; one run after they settle.
    clearTimeout(timer)
    timer = setTimeout(job, delay)
  })
  job()
  await new Promise<void>((resolve) => {
    if (signal?.aborted === true) resolve()
    signal?.addEventListener('abort', () => resolve(), { once: true })
  })
  clearTimeout(timer)
  watcher.close()
}
