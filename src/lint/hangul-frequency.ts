/**
 * How often Hangul syllables, and pairs of adjacent syllables, occur in Korean text: what mojibake repair
 * ranks its guesses by. The shipped counts (hangul-frequency-table.ts) are made by
 * `node --import tsx scripts/hangul-frequency.ts` from the repository's own Korean copy and the clean Korean
 * reference guides; `fromTexts` builds the same from any texts.
 */
import { PAIR_COUNTS, SYLLABLE_COUNTS } from './hangul-frequency-table.js'

const HANGUL_RUN = /[\uAC00-\uD7A3]+/gu
/** Add-α smoothing for syllables never seen, and the weight of the syllable's own rate in a pair's estimate. */
const ALPHA = 0.1
const KAPPA = 2

/** Syllable and pair counts; `score` is the log-likelihood of a syllable between two neighbours. */
export class SyllableFrequency {
  readonly #syllables: ReadonlyMap<string, number>
  readonly #pairs: ReadonlyMap<string, number>
  readonly #total: number

  constructor (syllables: ReadonlyMap<string, number>, pairs: ReadonlyMap<string, number>) {
    this.#syllables = syllables
    this.#pairs = pairs
    let total = 0
    for (const count of syllables.values()) total += count
    this.#total = total
  }

  /** Counts the syllables and adjacent pairs of Korean texts. */
  static fromTexts (texts: Iterable<string>): SyllableFrequency {
    const syllables = new Map<string, number>()
    const pairs = new Map<string, number>()
    for (const text of texts) {
      for (const [run] of text.matchAll(HANGUL_RUN)) {
        for (let i = 0; i < run.length; i++) {
          syllables.set(run[i], (syllables.get(run[i]) ?? 0) + 1)
          if (i > 0) pairs.set(run.slice(i - 1, i + 1), (pairs.get(run.slice(i - 1, i + 1)) ?? 0) + 1)
        }
      }
    }
    return new SyllableFrequency(syllables, pairs)
  }

  /** Reads the compact form written by `serialize`. */
  static parse (syllables: string, pairs: string): SyllableFrequency {
    return new SyllableFrequency(parseGroups(syllables, 1), parseGroups(pairs, 2))
  }

  /** `count:units count:units …`, most frequent first: syllables for `size` 1, pairs for 2. */
  serialize (size: 1 | 2, minimum = 1): string {
    const counts = size === 1 ? this.#syllables : this.#pairs
    const groups = new Map<number, string[]>()
    for (const [unit, count] of counts) if (count >= minimum) groups.set(count, [...(groups.get(count) ?? []), unit])
    return [...groups].sort((a, b) => b[0] - a[0]).map(([count, units]) => `${count}:${units.sort().join('')}`).join(' ')
  }

  /** How often a syllable occurs. */
  count (syllable: string): number {
    return this.#syllables.get(syllable) ?? 0
  }

  /** Log-likelihood of `syllable`, given the characters before and after it (ignored unless Hangul). */
  score (syllable: string, before?: string, after?: string): number {
    const p = (unit: string): number => (this.count(unit) + ALPHA) / (this.#total + ALPHA * 11172)
    let score = Math.log(p(syllable))
    if (before !== undefined && this.#syllables.has(before)) {
      // Interpolated: P(syllable | before) leans on P(syllable) when the pair is rare; scored as the gain over P(syllable).
      score += Math.log(((this.#pairs.get(before + syllable) ?? 0) + KAPPA * p(syllable)) / (this.count(before) + KAPPA) / p(syllable))
    }
    if (after !== undefined && this.#syllables.has(after)) {
      score += Math.log(((this.#pairs.get(syllable + after) ?? 0) + KAPPA * p(after)) / (this.count(syllable) + KAPPA) / p(after))
    }
    return score
  }
}

function parseGroups (text: string, size: number): Map<string, number> {
  const out = new Map<string, number>()
  for (const group of text.split(' ')) {
    const colon = group.indexOf(':')
    if (colon < 0) continue
    const count = Number(group.slice(0, colon))
    const units = group.slice(colon + 1)
    for (let i = 0; i + size <= units.length; i += size) out.set(units.slice(i, i + size), count)
  }
  return out
}

let shipped: SyllableFrequency | undefined
/** The shipped counts (parsed once, on first use). */
export function syllableFrequency (): SyllableFrequency {
  shipped ??= SyllableFrequency.parse(SYLLABLE_COUNTS, PAIR_COUNTS)
  return shipped
}
