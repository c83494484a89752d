/** "Did you mean `message`?": the nearest known name to a misspelt one, by edit distance (fastest-levenshtein). */
import { closest, distance } from 'fastest-levenshtein'

/** The closest of `candidates` to `word`, when it is close enough to be what was meant (a third of its letters may differ). */
export function didYouMean (word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined
  const best = closest(word, [...candidates])
  return distance(word, best) <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined
}
