/**
 * `lint`: the loader's checks plus the rules of rules.ts, over one catalog document, in one sorted report.
 * Rules read the raw data defensively, so that a catalog with schema errors still gets every other finding.
 */
import { builtinDocument } from '../catalog/builtin.js'
import { checkCatalogDocument } from '../catalog/check.js'
import { escapePointer, fromPointer, sortProblems, toPointer, type CatalogProblem } from '../catalog/problems.js'
import type { CatalogDocument } from '../catalog/source.js'
import { placeholdersOf } from '../catalog/template.js'
import { findMojibake, type MojibakeReport } from './mojibake.js'
import { lintRule, parseRuleSetting, ruleIdProblem, type RuleSetting } from './rules.js'
import { speechLevelsOf, type SpeechLevel } from './speech-level.js'
import { ALWAYS_RETRYABLE, NEVER_RETRYABLE } from './status-sense.js'
import { contradictsTable, grpcStatusOfHttp, httpStatusOfGrpc, isGrpcStatusName } from '../grpc/status.js'

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
    const korean = typeof data.locale !== 'string' || data.locale.startsWith('ko')
    for (const [code, entry] of Object.entries(errors)) {
      if (isRecord(entry)) lintEntry(code, entry, report, { known, korean })
    }
    lintSpeechLevel(errors, report)
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

function lintEntry (code: string, entry: Entry, report: Report, context: { known: ReadonlySet<string>, korean: boolean }): void {
  const at = `/errors/${code}`
  const status = entry.status
  const message = typeof entry.message === 'string' ? entry.message : undefined
  const suggestions = Array.isArray(entry.suggestions) ? entry.suggestions.filter((item): item is string => typeof item === 'string') : []

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
  if (entry.deprecated === true || (typeof entry.deprecated === 'string' && !namesCode(entry.deprecated, code, context.known))) {
    report(`${at}/deprecated`, 'deprecated-replacement', `${code} is deprecated without naming a replacement code`, { hint: 'write the replacement into `deprecated`, e.g. "대신 NEW_CODE를 사용하세요."' })
  }
  if (message !== undefined) {
    if (context.korean && !HANGUL.test(message) && findMojibake(message) === undefined) {
      report(`${at}/message`, 'no-hangul', 'the message has no Hangul: users of a Korean catalog read this text', { hint: 'write the message in Korean' })
    }
    if (!SENTENCE_END.test(message.trim()) && (speechLevelsOf(message).length > 0 || !context.korean)) {
      report(`${at}/message`, 'final-punctuation', 'the message does not end with . ? or !', { hint: 'end the sentence with a period' })
    }
  }
  suggestions.forEach((suggestion, index) => {
    const pointer = `${at}/suggestions/${index}`
    if (!SENTENCE_END.test(suggestion.trim()) && speechLevelsOf(suggestion).length > 0) {
      report(pointer, 'final-punctuation', 'the suggestion does not end with . ? or !', { hint: 'end the sentence with a period' })
    }
    if (message !== undefined && repeats(suggestion, message)) {
      report(pointer, 'suggestion-repeats-message', 'the suggestion repeats the message', { hint: 'say what to do next: check an input, wait, sign in again, contact support' })
    }
  })
  if (isRecord(entry.details)) {
    const used = new Set([message ?? '', ...suggestions].flatMap(placeholdersOf))
    for (const [name, spec] of Object.entries(entry.details)) {
      if (used.has(name) || (isRecord(spec) && typeof spec.description === 'string' && spec.description.trim() !== '')) continue
      report(`${at}/details/${name}`, 'unused-detail', `detail ${name} is used by no message or suggestion and has no description`, { key: true, hint: `use {${name}} in the message, describe it for clients, or remove it` })
    }
  }
}

/** True when the deprecation text names another code the catalog knows. */
function namesCode (text: string, code: string, known: ReadonlySet<string>): boolean {
  for (const match of text.matchAll(/[A-Z][A-Z0-9_]*[A-Z0-9]/g)) {
    if (match[0] !== code && known.has(match[0])) return true
  }
  return false
}

/** The catalog's speech level is what most of its messages use; the others are reported. */
function lintSpeechLevel (errors: Record<string, unknown>, report: Report): void {
  const levels: Array<[string, SpeechLevel[]]> = []
  const count: Record<SpeechLevel, number> = { 합니다체: 0, 해요체: 0 }
  for (const [code, entry] of Object.entries(errors)) {
    if (!isRecord(entry) || typeof entry.message !== 'string') continue
    const found = speechLevelsOf(entry.message)
    levels.push([code, found])
    for (const level of found) count[level]++
  }
  // On a tie the catalog format's own convention wins: messages in 합니다체.
  const main: SpeechLevel = count.해요체 > count.합니다체 ? '해요체' : '합니다체'
  const example = main === '합니다체' ? '찾을 수 없습니다.' : '찾을 수 없어요.'
  for (const [code, found] of levels) {
    if (found.some((level) => level !== main)) {
      report(`/errors/${code}/message`, 'speech-level', `the message is in ${found.find((level) => level !== main) as string}; the catalog's messages are in ${main}`, { hint: `write it in ${main}, e.g. "${example}"` })
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
