/**
 * The sample catalog as a Korean-only team writes it: catalog/example.yaml with every translation map reduced to
 * its default locale's text and no `locale` or `locales`. Made from the sample at run time, so the Korean-only bench rows need
 * nothing outside the repository and follow the sample when it changes.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { load } from 'js-yaml'
import { declaredLocales, isTranslationMap } from '../src/catalog/locales.js'

/** The two-language sample catalog. */
export const SAMPLE_CATALOG = fileURLToPath(new URL('../catalog/example.yaml', import.meta.url))

/** The catalog object of `file` in its default locale only (a plain text where it had a map by locale). */
export function koreanOnlyCatalog (file = SAMPLE_CATALOG): Record<string, unknown> {
  const { locales, locale: _locale, ...data } = load(readFileSync(file, 'utf8')) as Record<string, unknown>
  const declared = declaredLocales({ locales })
  const reduce = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(reduce)
    if (value === null || typeof value !== 'object') return value
    // A translation map: every key a declared locale, the default's among them (a details spec never looks so).
    if (isTranslationMap(value) && Object.hasOwn(value, declared[0]) && Object.keys(value).every((key) => declared.includes(key))) return value[declared[0]]
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, reduce(inner)]))
  }
  return reduce(data) as Record<string, unknown>
}
