/**
 * Reading a catalog named on the command line: a file path, or `REF:path` for the file as it is in a git
 * revision (`HEAD:catalog/example.yaml`, `main:catalog/example.yaml`), read with `git show`.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'
import { parseCatalogText, syntaxOf, type CatalogDocument } from '../catalog/source.js'
import { rememberSource } from './code-frame.js'
import { UsageError } from './io.js'

const GIT_REF = /^([^:\\/][^:]*):(.+)$/

/** The name a path is reported under: relative to the working directory, with forward slashes. */
export function displayPath (path: string, cwd: string): string {
  const absolute = resolve(cwd, path)
  const shown = relative(cwd, absolute)
  return (shown === '' || shown.startsWith('..') || isAbsolute(shown) ? absolute : shown).split('\\').join('/')
}

/** Reads and parses a catalog from a path or a git `REF:path`. Throws UsageError when it cannot be read. */
export function readCatalogInput (spec: string, cwd: string): CatalogDocument {
  const path = resolve(cwd, spec)
  const match = GIT_REF.exec(spec)
  if (match !== null && !existsSync(path)) return readFromGit(match[1], match[2], cwd, spec)
  const syntax = syntaxOf(spec)
  if (syntax === undefined) throw new UsageError(`${spec}: a catalog file must end in .yaml, .yml or .json`)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new UsageError(`${spec}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`)
  }
  const shown = displayPath(spec, cwd)
  rememberSource(shown, text)
  return parseCatalogText(text, shown, syntax)
}

function readFromGit (ref: string, file: string, cwd: string, spec: string): CatalogDocument {
  const syntax = syntaxOf(file)
  if (syntax === undefined) throw new UsageError(`${spec}: a catalog file must end in .yaml, .yml or .json`)
  let text: string
  try {
    // `./` makes the path relative to the working directory, as every other path on the command line is.
    text = execFileSync('git', ['show', `${ref}:./${file.replace(/^\.\//, '')}`], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 })
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim().split('\n')[0]
    throw new UsageError(`${spec}: not a file, and git cannot show it${stderr === '' ? '' : ` (${stderr})`}`)
  }
  rememberSource(spec, text)
  return parseCatalogText(text, spec, syntax)
}
