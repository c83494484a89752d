/** Which files `error-catalog export` makes, as generated files (written or checked by the CLI's one path). */
import type { CompiledCatalog } from '../catalog/compile.js'
import { renderAndroidStrings } from './android.js'
import { renderBundle } from './bundle.js'
import { renderIosStrings } from './ios.js'
import { renderKotlin } from './kotlin.js'

/** The kinds of exported file. */
export type ExportKind = 'bundle' | 'android' | 'ios' | 'kotlin'

/** Where to write each exported file (only those named are made). */
export interface ExportTargets {
  bundle?: string | undefined
  android?: string | undefined
  ios?: string | undefined
  kotlin?: string | undefined
  /** The Kotlin file's package (default `errorcatalog`). */
  kotlinPackage?: string | undefined
}

/** The exported files of a catalog (pure). */
export function exportFiles (catalog: CompiledCatalog, source: string, targets: ExportTargets): Array<{ kind: ExportKind, path: string, content: string }> {
  const render: Record<ExportKind, () => string> = {
    bundle: () => renderBundle(catalog, source),
    android: () => renderAndroidStrings(catalog, source),
    ios: () => renderIosStrings(catalog, source),
    kotlin: () => renderKotlin(catalog, source, targets.kotlinPackage ?? 'errorcatalog')
  }
  return (Object.keys(render) as ExportKind[]).flatMap((kind) => {
    const path = targets[kind]
    return path === undefined ? [] : [{ kind, path, content: render[kind]() }]
  })
}
