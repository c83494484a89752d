/**
 * The languages the library ships validation wording for (messages.ts, messages-en.ts), by locale: a new language
 * is its table beside messages.ts plus a row here. The formatter picks its words here, and `ajvOptions` declares
 * each language's label and message keywords (`x-title-en`, `x-error-message-en`).
 */
import { VALIDATION_WORDS, type ValidationWords } from './messages.js'
import { VALIDATION_WORDS_EN } from './messages-en.js'

/** The library's wording of each language it ships; a catalog's other locales use its default locale's. */
export const LIBRARY_WORDS: Readonly<Record<string, ValidationWords>> = Object.freeze({ ko: VALIDATION_WORDS, en: VALIDATION_WORDS_EN })

/** The locales of `LIBRARY_WORDS`. */
export const LIBRARY_LOCALES: readonly string[] = Object.freeze(Object.keys(LIBRARY_WORDS))

/** The library's words of a locale (`en-GB` reads `en`), if it ships them. */
export function libraryWords (locale: string): ValidationWords | undefined {
  const primary = locale.split('-')[0].toLowerCase()
  return Object.hasOwn(LIBRARY_WORDS, primary) ? LIBRARY_WORDS[primary] : undefined
}
