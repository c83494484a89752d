/**
 * How well mojibake repair does: on the damaged seed 002 (how many lines are flagged, repaired for certain,
 * guessed), and, where the truth is known, on the clean seeds damaged the same way (UTF-8 read as
 * Windows-1252 or -1254, undefined bytes and soft hyphens dropped), ranked with counts that leave that seed out.
 *   node --import tsx bench/mojibake-accuracy.ts [--seeds ../shared/seeds]
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { SyllableFrequency } from '../src/lint/hangul-frequency.js'
import { lintText } from '../src/lint/lint.js'
import { findMojibake } from '../src/lint/mojibake.js'
import { frequencySources } from './hangul-frequency.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const { values } = parseArgs({ options: { seeds: { type: 'string', default: join(root, '../shared/seeds') } } })
const seeds = values.seeds as string

// Seed 002 as lint sees it.
const damaged = readFileSync(join(root, 'test/fixtures/cli/mojibake-seed-002.txt'), 'utf8').split('\n')
const problems = lintText(damaged.join('\n'), 'seed-002')
let guesses = 0
let candidates = 0
let unsure = 0
let stray = 0
for (const problem of problems) {
  const found = findMojibake(damaged[problem.line - 1])
  if (found === undefined) continue
  guesses += found.guesses.length
  candidates += found.guesses.reduce((sum, guess) => sum + guess.candidates.length, 0)
  if (found.repaired.includes('\uFFFD')) unsure++
  if (/[\u00C0-\u00FF]/u.test(found.repaired)) stray++
}
const certain = problems.filter((problem) => problem.fix !== undefined).length
process.stdout.write(`seed 002: ${problems.length} damaged lines; ${certain} repaired for certain, ${problems.length - certain} ranked; ` +
  `${guesses} guessed characters, ${(candidates / Math.max(guesses, 1)).toFixed(1)} candidates each on average; ` +
  `${unsure} lines still holding U+FFFD; ${stray} lines with a Latin-1 letter (a stray lead byte) left\n`)

// Clean seeds, damaged on purpose: the truth is the original line.
const cp1252 = new TextDecoder('windows-1252')
const damage = (line: string, lost: ReadonlySet<number>): string =>
  [...new TextEncoder().encode(line)].filter((byte) => !lost.has(byte)).map((byte) => cp1252.decode(Uint8Array.of(byte))).join('')
const models: Array<[string, ReadonlySet<number>]> = [
  ['Windows-1252 (0x81 0x8D 0x8F 0x90 0x9D 0xAD dropped)', new Set([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xAD])],
  ['Windows-1254 (also 0x8E 0x9E dropped)', new Set([0x81, 0x8D, 0x8E, 0x8F, 0x90, 0x9D, 0x9E, 0xAD])]
]
const clean = readdirSync(seeds).filter((name) => /^(000|003|004)_.*\.txt$/.test(name)).sort()
for (const [model, lost] of models) {
  const total = { guessed: 0, top1: 0, top3: 0, among: 0, lines: 0, certainLines: 0, exact: 0 }
  for (const name of clean) {
    const heldOut = SyllableFrequency.fromTexts(frequencySources(seeds).filter((file) => !file.endsWith(name)).map((file) => readFileSync(file, 'utf8')))
    for (const line of readFileSync(join(seeds, name), 'utf8').split('\n')) {
      if (!/[\uAC00-\uD7A3]/u.test(line)) continue
      const found = findMojibake(damage(line, lost), { frequency: heldOut })
      if (found === undefined) continue
      total.lines++
      if (found.certain) total.certainLines++
      if (found.repaired === line) total.exact++
      if (found.repaired.length !== line.length) continue
      for (const guess of found.guesses) {
        const truth = line.slice(guess.offset, guess.offset + guess.candidates[0].length)
        total.guessed++
        if (guess.candidates[0] === truth) total.top1++
        if (guess.candidates.slice(0, 3).includes(truth)) total.top3++
        if (guess.candidates.includes(truth)) total.among++
      }
    }
  }
  const pct = (n: number): string => `${(100 * n / Math.max(total.guessed, 1)).toFixed(1)}%`
  process.stdout.write(`clean seeds 000/003/004 damaged as ${model}, each ranked with counts that leave it out: ` +
    `${total.lines} damaged lines, ${total.certainLines} certain, ${total.exact} repaired exactly; ` +
    `${total.guessed} guessed characters: top-1 ${pct(total.top1)}, top-3 ${pct(total.top3)}, among the candidates ${pct(total.among)}\n`)
}
