/**
 * `lint`: the loader's checks plus the rules of rules.ts, over one catalog document, in one sorted report.
 * Rules read the raw data defensively, so that a catalog with schema errors still gets every other finding.
 */
import { builtinDocument } from '../catalog/builtin.js'
import { checkCatalogDocument } from '../catalog/check.js'
import { escapePointer, fromPointer, sortProblems, toPointer, type CatalogProblem } from '../catalog/problems.js'
import type { CatalogDocument } from '../catalog/source.js'
import { placeholdersOf } from '../text/template.js'
import { findMojibake, type MojibakeReport } from './mojibake.js'
import { lintRule, parseRuleSetting, ruleIdProblem, type RuleSetting } from './rules.js'
import { speechLevelsOf, type SpeechLevel } from './speech-level.js'
import { ALWAYS_RETRYABLE, NEVER_RETRYABLE } from './status-sense.js'
import { contradictsTable, grpcStatusOfHttp, httpStatusOfGrpc, isGrpcStatusName } from '../catalog/grpc-status.js'
import { declaredLocales, isTranslationMap, translationsOf } from '../catalog/locales.js'

/** A lint finding: a catalog problem, with the repaired text when the fix is certain. */
export interface LintProblem extends CatalogProblem {
  /** The replacement text, when lint knows it for sure (mojibake). */
  fix?: string
}

/** Options of `lintCatalogDocument`. */
export interface LintOptions {
  /** Codes a deprecation may point to besides the catalog's own (default: the builtin catalog's). */
  knownCodes?: readonly string[]
  /** Rule settings that win over the catalog's own `lint.rules` (the `--rule` flag). */
  rules?: Readonly<Record<string, RuleSetting>>
}

type Report = (pointer: string, rule: string, message: string, extra?: { hint?: string, fix?: string, key?: boolean }) => void
type Entry = Record<string, unknown>

const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7A3]/u
const SENTENCE_END = /[.!?…](?:["'”’)\]]*|\s*\([^()]*\))$/u

/** Lints a parsed catalog: every loader problem and every lint finding, sorted by position. */
export function lintCatalogDocument (document: CatalogDocument, options: LintOptions = {}): LintProblem[] {
  const problems: LintProblem[] = [...checkCatalogDocument(document).problems]
  const report: Report = (pointer, id, message, extra = {}) => {
    const { line, col } = document.locate(fromPointer(pointer), extra.key)
    const severity = lintRule(id)?.severity ?? 'error'
    problems.push({ file: document.file, line, col, pointer, message, severity, rule: id, ...defined({ hint: extra.hint, fix: extra.fix }) })
  }
  const data = document.data
  if (isRecord(data)) {
    lintStrings(data, [], report)
    const errors = isRecord(data.errors) ? data.errors : {}
    const known = new Set([...Object.keys(errors), ...(options.knownCodes ?? builtinCodes())])
    const locales = declaredLocales(data)
    for (const [code, entry] of Object.entries(errors)) {
      if (isRecord(entry)) lintEntry(code, entry, report, { known, locales })
    }
    lintSpeechLevel(errors, locales[0], report)
    if (isRecord(data.categories)) {
      for (const [id, title] of Object.entries(data.categories)) lintTranslated(title, `/categories/${escapePointer(id)}`, locales, report, 'title')
    }
  }
  // A status out of range is also a schema error; the lint rule says it better, so keep one of the two.
  const ranged = new Set(problems.filter((problem) => problem.rule === 'status-range').map((problem) => problem.pointer))
  const settings = { ...catalogSettings(data, report), ...options.rules }
  return sortProblems(applySettings(problems.filter((problem) => !(problem.rule === 'schema' && ranged.has(problem.pointer))), settings))
}

/** The catalog's `lint.rules`, the valid part; a rule lint does not have (or cannot change) is reported. */
function catalogSettings (data: unknown, report: Report): Record<string, RuleSetting> {
  const rules = isRecord(data) && isRecord(data.lint) && isRecord(data.lint.rules) ? data.lint.rules : {}
  const settings: Record<string, RuleSetting> = {}
  for (const [id, value] of Object.entries(rules)) {
    const problem = ruleIdProblem(id)
    const setting = parseRuleSetting(value)
    if (problem !== undefined) report(`/lint/rules/${escapePointer(id)}`, 'lint-config', problem, { key: true, hint: 'name a rule of `error-catalog lint --help`' })
    else if (setting !== undefined) settings[id] = setting
  }
  return settings
}

/** Each problem at the severity its rule is set to; rules set to `off` are dropped. */
function applySettings<T extends CatalogProblem> (problems: readonly T[], settings: Readonly<Record<string, RuleSetting>>): T[] {
  const out: T[] = []
  for (const problem of problems) {
    const setting = lintRule(problem.rule)?.fixed === false ? settings[problem.rule] : undefined
    if (setting === 'off') continue
    out.push(setting === undefined ? problem : { ...problem, severity: setting })
  }
  return out
}

/** Scans any text file (a Markdown error guide, say) for mojibake, line by line. */
export function lintText (text: string, file: string, options: Pick<LintOptions, 'rules'> = {}): LintProblem[] {
  const problems: LintProblem[] = []
  text.split(/\r?\n/).forEach((line, index) => {
    const found = findMojibake(line)
    if (found === undefined) return
    const col = found.spans[0].start + 1
    problems.push({ file, line: index + 1, col, pointer: '', severity: 'error', rule: 'mojibake', ...mojibakeMessage(found) })
  })
  return applySettings(problems, options.rules ?? {})
}

function mojibakeMessage (found: MojibakeReport): { message: string, hint: string, fix?: string } {
  if (found.certain) return { message: 'mojibake: UTF-8 text decoded as Windows-1252/Latin-1', hint: `replace with: ${found.repaired}`, fix: found.repaired }
  const ranked = found.guesses.map((guess) => guess.candidates.length === 1 ? guess.candidates[0] : `${guess.candidates[0]} (or ${guess.candidates.slice(1, 3).join(', ')})`)
  return {
    message: 'mojibake: UTF-8 text decoded as Windows-1252/Latin-1; some bytes were lost, so the repair is not certain',
    hint: `check and retype it; best guess: ${found.repaired}${ranked.length === 0 ? '' : `; guessed: ${ranked.join(', ')}`}`
  }
}

function lintStrings (value: unknown, path: Array<string | number>, report: Report): void {
  if (typeof value === 'string') {
    const found = findMojibake(value)
    if (found !== undefined) {
      const { message, hint, fix } = mojibakeMessage(found)
      report(toPointer(path), 'mojibake', message, defined({ hint, fix }))
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => lintStrings(item, [...path, index], report))
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      const found = findMojibake(key)
      if (found !== undefined) report(toPointer([...path, key]), 'mojibake', mojibakeMessage(found).message, { key: true, hint: `key ${JSON.stringify(key)} reads ${JSON.stringify(found.repaired)}` })
      lintStrings(item, [...path, key], report)
    }
  }
}

function lintEntry (code: string, entry: Entry, report: Report, context: { known: ReadonlySet<string>, locales: readonly string[] }): void {
  const at = `/errors/${code}`
  const status = entry.status

  if (typeof status === 'number' && (status < 400 || status > 599)) {
    report(`${at}/status`, 'status-range', `status ${status} is not an error status`, { hint: 'use a 4xx status for client errors and a 5xx status for server errors' })
  }
  if (typeof status === 'number') {
    if (entry.retryable === true && NEVER_RETRYABLE.has(status)) {
      report(`${at}/retryable`, 'retryable-status', `retryable: true on ${status}: the same request will fail again`, { hint: 'remove `retryable` (clients would retry in vain), or use 429/503 if the error is temporary' })
    }
    if (entry.retryable !== true && ALWAYS_RETRYABLE.has(status)) {
      report(at, 'retryable-missing', `${code} answers ${status} but does not say retryable: true`, { key: true, hint: 'add `retryable: true` (and `retryAfter` when the wait is known)' })
    }
  }
  if (entry.retryAfter !== undefined && entry.retryable !== true) {
    report(`${at}/retryAfter`, 'retry-after-not-retryable', 'retryAfter on an error that is not retryable', { hint: 'add `retryable: true`, or remove `retryAfter`' })
  }
  if (typeof status === 'number' && isGrpcStatusName(entry.grpc) && contradictsTable(status, entry.grpc)) {
    report(`${at}/grpc`, 'grpc-status-mismatch', `HTTP ${status} with gRPC ${entry.grpc}: the table maps ${entry.grpc} to ${httpStatusOfGrpc(entry.grpc)}`, { hint: `for ${status} the table gives ${grpcStatusOfHttp(status)}; a gateway that maps by status answers ${httpStatusOfGrpc(entry.grpc)}` })
  }
  // A reason in several languages names the replacement if one of its texts does.
  const reasons = entry.deprecated === true ? [] : typeof entry.deprecated === 'string' ? [entry.deprecated] : isRecord(entry.deprecated) ? Object.values(entry.deprecated).filter((text) => typeof text === 'string') : undefined
  if (reasons !== undefined && !reasons.some((text) => namesCode(text, code, context.known))) {
    report(`${at}/deprecated`, 'deprecated-replacement', `${code} is deprecated without naming a replacement code`, { hint: 'write the replacement into `deprecated`, e.g. "대신 NEW_CODE를 사용하세요."' })
  }
  // Copy is linted per locale: the Korean rules for ko text, sentence case and no Hangul for the others.
  const used = new Set<string>()
  for (const { locale, message, messageAt, suggestions, suggestionsAt } of localeTexts(entry, at, context.locales)) {
    const korean = isKorean(locale)
    if (message !== undefined) {
      for (const name of placeholdersOf(message)) used.add(name)
      if (korean && !HANGUL.test(message) && findMojibake(message) === undefined) {
        report(messageAt, 'no-hangul', 'the message has no Hangul: users of a Korean catalog read this text', { hint: 'write the message in Korean' })
      }
      if (!SENTENCE_END.test(message.trim()) && (speechLevelsOf(message).length > 0 || !korean)) {
        report(messageAt, 'final-punctuation', 'the message does not end with . ? or !', { hint: 'end the sentence with a period' })
      }
      if (!korean) lintForeign(message, messageAt, locale, report, 'message')
    }
    suggestions.forEach((suggestion, index) => {
      const itemPointer = `${suggestionsAt}/${index}`
      for (const name of placeholdersOf(suggestion)) used.add(name)
      if (!SENTENCE_END.test(suggestion.trim()) && (speechLevelsOf(suggestion).length > 0 || !korean)) {
        report(itemPointer, 'final-punctuation', 'the suggestion does not end with . ? or !', { hint: 'end the sentence with a period' })
      }
      if (message !== undefined && repeats(suggestion, message)) {
        report(itemPointer, 'suggestion-repeats-message', 'the suggestion repeats the message', { hint: 'say what to do next: check an input, wait, sign in again, contact support' })
      }
      if (!korean) lintForeign(suggestion, itemPointer, locale, report, 'suggestion')
    })
  }
  for (const member of ['message', 'suggestions', 'description'] as const) {
    if (entry[member] !== undefined) lintTranslated(entry[member], `${at}/${member}`, context.locales, report, member === 'description' ? 'description' : undefined)
  }
  if (isRecord(entry.details)) {
    for (const [name, spec] of Object.entries(entry.details)) {
      if (used.has(name) || (isRecord(spec) && describes(spec.description))) continue
      report(`${at}/details/${name}`, 'unused-detail', `detail ${name} is used by no message or suggestion and has no description`, { key: true, hint: `use {${name}} in the message, describe it for clients, or remove it` })
    }
  }
}

/** True for a description with some text: a plain one, or a map by locale with one. */
function describes (description: unknown): boolean {
  if (typeof description === 'string') return description.trim() !== ''
  return isRecord(description) && Object.values(description).some((text) => typeof text === 'string' && text.trim() !== '')
}

/** True when the deprecation text names another code the catalog knows. */
function namesCode (text: string, code: string, known: ReadonlySet<string>): boolean {
  for (const match of text.matchAll(/[A-Z][A-Z0-9_]*[A-Z0-9]/g)) {
    if (match[0] !== code && known.has(match[0])) return true
  }
  return false
}

/** A locale whose text the Korean rules (Hangul, speech level) apply to. */
function isKorean (locale: string): boolean {
  return locale === 'ko' || locale.startsWith('ko-')
}

/** An entry's message and suggestions in one locale, with the pointer of each (a map's `/en` or a plain text's own). */
interface LocaleCopy { locale: string, message: string | undefined, messageAt: string, suggestions: string[], suggestionsAt: string }

/** An entry's message and suggestions per locale it gives them in (a plain text is the default locale's). */
function localeTexts (entry: Entry, at: string, locales: readonly string[]): LocaleCopy[] {
  const copies = new Map<string, LocaleCopy>()
  const copyOf = (locale: string): LocaleCopy => {
    let found = copies.get(locale)
    if (found === undefined) copies.set(locale, (found = { locale, message: undefined, messageAt: `${at}/message`, suggestions: [], suggestionsAt: `${at}/suggestions` }))
    return found
  }
  const within = (value: unknown, locale: string): string => isTranslationMap(value as Record<string, unknown>) ? `/${escapePointer(locale)}` : ''
  if (typeof entry.message === 'string' || isRecord(entry.message)) {
    for (const [locale, text] of translationsOf(entry.message as string | Record<string, unknown>, locales[0])) {
      if (typeof text !== 'string') continue
      const copy = copyOf(locale)
      copy.message = text
      copy.messageAt += within(entry.message, locale)
    }
  }
  if (Array.isArray(entry.suggestions) || isRecord(entry.suggestions)) {
    for (const [locale, list] of translationsOf(entry.suggestions as unknown[] | Record<string, unknown>, locales[0])) {
      if (!Array.isArray(list)) continue
      const copy = copyOf(locale)
      copy.suggestions = list.filter((item): item is string => typeof item === 'string')
      copy.suggestionsAt += within(entry.suggestions, locale)
    }
  }
  return [...copies.values()]
}

/** Rules for a text in a language other than Korean: no Hangul, and (for a script with case) a capital first letter. */
function lintForeign (text: string, pointer: string, locale: string, report: Report, what: string): void {
  if (HANGUL.test(text) && findMojibake(text) === undefined) {
    report(pointer, 'hangul-in-translation', `the ${locale} ${what} has Hangul`, { hint: `write it in ${locale}; Korean text belongs under \`ko\`` })
  }
  // A text that starts with a {placeholder} or a digit is left alone; one that starts with a lower-case letter is not.
  const start = text.trimStart()
  if (/^\p{Ll}/u.test(start)) {
    report(pointer, 'sentence-case', `the ${locale} ${what} does not start with a capital letter`, { hint: `write it in sentence case: ${start.charAt(0).toUpperCase()}${start.slice(1)}` })
  }
}

/**
 * A translatable member (`message`, `suggestions`, `description`, a category title) in a catalog of several
 * locales: each declared locale it lacks is a warning (the default locale's text is sent instead). Descriptions
 * and titles in other languages get the non-Korean rules here (messages and suggestions got them with their copy).
 */
function lintTranslated (value: unknown, pointer: string, locales: readonly string[], report: Report, foreign?: 'description' | 'title'): void {
  const map = isTranslationMap(value as Record<string, unknown>) ? value as Record<string, unknown> : undefined
  if (foreign !== undefined) {
    for (const [locale, text] of translationsOf(value as string | Record<string, unknown>, locales[0])) {
      if (typeof text === 'string' && !isKorean(locale)) lintForeign(text, map === undefined ? pointer : `${pointer}/${escapePointer(locale)}`, locale, report, foreign)
    }
  }
  if (locales.length < 2) return
  const missing = locales.slice(1).filter((locale) => map === undefined || !Object.hasOwn(map, locale))
  if (missing.length === 0) return
  report(pointer, 'missing-translation', `no ${missing.join(', ')} translation: the ${locales[0]} text is sent instead`, {
    hint: `give it by locale: \`{ ${[locales[0], ...missing].map((locale) => `${locale}: …`).join(', ')} }\``
  })
}

/** The catalog's speech level is what most of its Korean messages use; the others are reported. */
function lintSpeechLevel (errors: Record<string, unknown>, defaultLocale: string, report: Report): void {
  const levels: Array<[string, SpeechLevel[]]> = []
  const count: Record<SpeechLevel, number> = { 합니다체: 0, 해요체: 0 }
  for (const [code, entry] of Object.entries(errors)) {
    if (!isRecord(entry)) continue
    for (const [locale, message] of translationsOf(entry.message as string | Record<string, unknown>, defaultLocale)) {
      if (typeof message !== 'string' || !isKorean(locale)) continue
      const found = speechLevelsOf(message)
      levels.push([isTranslationMap(entry.message as Record<string, unknown>) ? `${code}/message/${escapePointer(locale)}` : `${code}/message`, found])
      for (const level of found) count[level]++
    }
  }
  // On a tie the catalog format's own convention wins: messages in 합니다체.
  const main: SpeechLevel = count.해요체 > count.합니다체 ? '해요체' : '합니다체'
  const example = main === '합니다체' ? '찾을 수 없습니다.' : '찾을 수 없어요.'
  for (const [code, found] of levels) {
    if (found.some((level) => level !== main)) {
      report(`/errors/${code}`, 'speech-level', `the message is in ${found.find((level) => level !== main) as string}; the catalog's messages are in ${main}`, { hint: `write it in ${main}, e.g. "${example}"` })
    }
  }
}

function repeats (suggestion: string, message: string): boolean {
  const a = normalize(suggestion)
  const b = normalize(message)
  return a.length > 0 && (a === b || (a.length >= 4 && b.includes(a)) || (b.length >= 4 && a.includes(b)))
}

function normalize (text: string): string {
  return text.replace(/[\s.,!?…'"()[\]{}]/gu, '')
}

let builtin: string[] | undefined
function builtinCodes (): string[] {
  if (builtin === undefined) {
    const data = builtinDocument().data
    builtin = isRecord(data) && isRecord(data.errors) ? Object.keys(data.errors) : []
  }
  return builtin
}

function isRecord (value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function defined<T extends Record<string, unknown>> (values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = value
  return out as { [K in keyof T]?: Exclude<T[K], undefined> }
}
