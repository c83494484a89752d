/**
 * The languages of a catalog and its translatable members (format.ts `Localized`): a plain value is the default
 * locale's text, a map gives it by locale. The checker, the compiler and lint read translations through here.
 */
import type { Localized } from './format.js'

/** The locale of a catalog that declares none. */
export const DEFAULT_LOCALE = 'ko'

/** The declared locales of a catalog's raw data, the default first: `locales`, else `[locale]`, else `[ko]`. */
export function declaredLocales (data: { locale?: unknown, locales?: unknown }): readonly string[] {
  if (Array.isArray(data.locales) && data.locales.length > 0 && data.locales.every((item) => typeof item === 'string')) {
    return data.locales as string[]
  }
  return [typeof data.locale === 'string' ? data.locale : DEFAULT_LOCALE]
}

/** True for the map form of a translatable member (`{ ko: …, en: … }`); false for a plain value (a string or a list). */
export function isTranslationMap<T> (value: Localized<T> | undefined): value is Readonly<Record<string, T>> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/**
 * A member's text in a locale: a plain value is the default locale's and stands for every locale; a map gives the
 * locale's, else the first of `fallbacks` it has (the catalog's default locale, then the builtin catalog's), else
 * its first. A missing translation is never an error here: lint warns about it (`missing-translation`).
 */
export function textIn (value: Localized<string>, locale: string, fallbacks: readonly string[]): string
export function textIn (value: Localized<string> | undefined, locale: string, fallbacks: readonly string[]): string | undefined
export function textIn (value: Localized<readonly string[]> | undefined, locale: string, fallbacks: readonly string[]): readonly string[] | undefined
export function textIn<T> (value: Localized<T> | undefined, locale: string, fallbacks: readonly string[]): T | undefined {
  if (!isTranslationMap(value)) return value
  if (Object.hasOwn(value, locale)) return value[locale]
  for (const fallback of fallbacks) if (Object.hasOwn(value, fallback)) return value[fallback]
  const first = Object.keys(value)[0]
  return first === undefined ? undefined : value[first]
}

/** The translations a member gives, as `[locale, text]` pairs; a plain value is the default locale's. */
export function translationsOf<T> (value: Localized<T>, defaultLocale: string): Array<[string, T]> {
  return isTranslationMap(value) ? Object.entries(value) : [[defaultLocale, value]]
}

/** The languages the generated guide writes its own words in (headings, labels, notes); catalog text is the catalog's. */
export type GuideLanguage = 'ko' | 'en'

/** One piece of the guide's own wording, Korean and English side by side. */
export type Wording<T> = { readonly [L in GuideLanguage]: T }

/** The guide's own language for a catalog locale: `ko-KR` → ko, `en-US` → en; any other language reads English. */
export function guideLanguageOf (locale: string): GuideLanguage {
  const primary = locale.split(/[-_]/)[0].toLowerCase()
  return primary === 'ko' ? 'ko' : 'en'
}
