/**
 * Mojibake: UTF-8 text that was decoded as Windows-1252 (or Latin-1, or the Turkish Windows-1254 that differs
 * from it in six letters) and saved again, so that `에러` reads as `\u00EC\u2014\u00EB\u0178\u00AC`. Each suspicious run of characters
 * is mapped back to the bytes the wrong decoder saw and decoded again as strict UTF-8 (WHATWG Encoding,
 * https://encoding.spec.whatwg.org/#windows-1252). The repair is certain when every byte survived.
 * Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined, Windows-1254 also 0x8E and 0x9E, and tools
 * drop them (and soft hyphens, 0xAD). A sequence that lost bytes gets every byte from that set tried in every
 * slot it could have held; when one candidate is left it is certain, otherwise the candidates are ranked by
 * how often the syllable (and its pairs with its neighbours) occurs in Korean text (hangul-frequency.ts).
 */
import { syllableFrequency, type SyllableFrequency } from './hangul-frequency.js'

/** Windows-1252 0x80–0x9F: character → byte where it differs from Latin-1 (undefined bytes are absent). */
const CP1252_HIGH = new Map<number, number>([
  [0x20AC, 0x80], [0x201A, 0x82], [0x0192, 0x83], [0x201E, 0x84], [0x2026, 0x85], [0x2020, 0x86], [0x2021, 0x87],
  [0x02C6, 0x88], [0x2030, 0x89], [0x0160, 0x8A], [0x2039, 0x8B], [0x0152, 0x8C], [0x017D, 0x8E], [0x2018, 0x91],
  [0x2019, 0x92], [0x201C, 0x93], [0x201D, 0x94], [0x2022, 0x95], [0x2013, 0x96], [0x2014, 0x97], [0x02DC, 0x98],
  [0x2122, 0x99], [0x0161, 0x9A], [0x203A, 0x9B], [0x0153, 0x9C], [0x017E, 0x9E], [0x0178, 0x9F]
])
/** Windows-1254 letters at the places where Windows-1252 has the Icelandic letters (0xD0, 0xDD, 0xDE, 0xF0, 0xFD, 0xFE). */
const CP1254_LETTERS = new Map<number, number>([[0x011E, 0xD0], [0x0130, 0xDD], [0x015E, 0xDE], [0x011F, 0xF0], [0x0131, 0xFD], [0x015F, 0xFE]])
/** Bytes a wrong decoder (or the editor after it) drops: undefined in Windows-1252 or -1254, and the invisible soft hyphen. */
export const LOST_BYTES: readonly number[] = Object.freeze([0x81, 0x8D, 0x8E, 0x8F, 0x90, 0x9D, 0x9E, 0xAD])

/** The byte a wrong single-byte decoder turned into this code point, if it is one of the high bytes. */
function byteOf (codePoint: number): number | undefined {
  // Latin-1 keeps C1 controls (0x80–0x9F) as themselves; 0xA0–0xFF are the same in all three encodings.
  if (codePoint >= 0x80 && codePoint <= 0xFF) return codePoint
  return CP1252_HIGH.get(codePoint) ?? CP1254_LETTERS.get(codePoint)
}

/** A character whose bytes were partly lost: the candidates that fit, most likely first. */
export interface MojibakeGuess {
  /** Offset of the guessed character in the repaired text (UTF-16 units). */
  readonly offset: number
  /** Every character the surviving bytes allow, most likely first; `repaired` holds the first. */
  readonly candidates: readonly string[]
}

/** One stretch of mojibake in a text. */
export interface MojibakeSpan {
  /** Offset in the text (UTF-16 units). */
  readonly start: number
  readonly end: number
  /** What the stretch was meant to say, with the most likely character where bytes were lost. */
  readonly repaired: string
  /** True when every character is known for sure (all bytes survived, or only one candidate fits). */
  readonly certain: boolean
  /** The characters that were guessed; offsets are relative to `repaired` of this span. */
  readonly guesses: readonly MojibakeGuess[]
}

/** The result of looking for mojibake in one text. */
export interface MojibakeReport {
  readonly spans: readonly MojibakeSpan[]
  /** The whole text with every span repaired. */
  readonly repaired: string
  /** True when every span was repaired with certainty. */
  readonly certain: boolean
  /** Every guessed character, with offsets in the whole `repaired` text. */
  readonly guesses: readonly MojibakeGuess[]
}

/** Options of `findMojibake`. */
export interface MojibakeOptions {
  /** Syllable counts to rank guesses by (default: the table shipped in hangul-frequency.ts). */
  frequency?: SyllableFrequency
}

const strict = new TextDecoder('utf-8', { fatal: true })

/**
 * Finds mojibake in a text; undefined when there is none. A run counts only when it holds at least one
 * well-formed UTF-8 sequence for a character beyond Latin (U+0800 and up: Hangul, CJK, emoji), so that
 * real Latin-1 words such as `café` or `Straße` are never flagged.
 */
export function findMojibake (text: string, options: MojibakeOptions = {}): MojibakeReport | undefined {
  const runs: Array<{ start: number, end: number, bytes: Uint8Array }> = []
  const chars = [...text]
  let offset = 0
  let index = 0
  while (index < chars.length) {
    if (byteOf(chars[index].codePointAt(0) as number) === undefined) {
      offset += chars[index].length
      index++
      continue
    }
    const start = offset
    const bytes: number[] = []
    while (index < chars.length) {
      const byte = byteOf(chars[index].codePointAt(0) as number)
      if (byte === undefined) break
      bytes.push(byte)
      offset += chars[index].length
      index++
    }
    runs.push({ start, end: offset, bytes: Uint8Array.from(bytes) })
  }
  // A run whose sequences all lost a byte has no whole sequence left; it still counts when the text shows
  // whole ones elsewhere, or when it holds two broken ones (no real word looks like that). A lone lead byte
  // (`ì` for `자` whose two other bytes were dropped) counts only beside other mojibake.
  const wide = runs.some((run) => wideSequences(run.bytes) > 0)
  const frequency = options.frequency ?? syllableFrequency()
  const spans: MojibakeSpan[] = []
  for (const run of runs) {
    const whole = wideSequences(run.bytes)
    const broken = brokenSequences(run.bytes, wide)
    if (whole === 0 && broken === 0) continue
    if (whole === 0 && !(wide && broken > 0) && broken < 2) continue
    spans.push({ start: run.start, end: run.end, ...repair(run.bytes, frequency) })
  }
  if (spans.length === 0) return undefined
  let repaired = ''
  let last = 0
  const guesses: MojibakeGuess[] = []
  for (const span of spans) {
    repaired += text.slice(last, span.start)
    for (const guess of span.guesses) guesses.push({ offset: repaired.length + guess.offset, candidates: guess.candidates })
    repaired += span.repaired
    last = span.end
  }
  repaired += text.slice(last)
  return { spans, repaired, certain: spans.every((span) => span.certain), guesses }
}

/** A piece of a repaired run: known text, or the candidates for one damaged sequence. */
type Piece = string | string[]

/** Decodes a run: whole sequences as they are, damaged ones as ranked candidates. */
function repair (bytes: Uint8Array, frequency: SyllableFrequency): { repaired: string, certain: boolean, guesses: MojibakeGuess[] } {
  const pieces: Piece[] = []
  for (let i = 0; i < bytes.length;) {
    const length = sequenceLength(bytes[i])
    if (length === 0) {
      // A continuation byte without its lead, or a byte that starts nothing.
      pieces.push(decodeOr(bytes.subarray(i, i + 1), '\uFFFD'))
      i++
      continue
    }
    let k = 1
    while (k < length && isContinuation(bytes[i + k])) k++
    const found = bytes.subarray(i, i + k)
    i += k
    if (k === length) {
      pieces.push(decodeOr(found, '\uFFFD'))
      continue
    }
    const candidates = candidatesFor(found, length)
    pieces.push(candidates.length === 0 ? '\uFFFD' : candidates.length === 1 ? candidates[0] : candidates)
  }
  const ranked = rank(pieces, frequency)
  let repaired = ''
  const guesses: MojibakeGuess[] = []
  for (const piece of ranked) {
    if (typeof piece === 'string') {
      repaired += piece
    } else {
      guesses.push({ offset: repaired.length, candidates: piece })
      repaired += piece[0]
    }
  }
  return { repaired, certain: guesses.length === 0 && !repaired.includes('\uFFFD'), guesses }
}

function decodeOr (bytes: Uint8Array, fallback: string): string {
  try {
    return strict.decode(bytes)
  } catch {
    return fallback
  }
}

/** Every character a sequence of `length` bytes could have been, given the bytes that survived in order. */
function candidatesFor (found: Uint8Array, length: number): string[] {
  const lost = length - found.length
  const out = new Set<string>()
  // Slots 1..length-1 may have held a lost byte (the lead is never lost: 0xC2–0xF4 are letters in every
  // single-byte encoding involved); choose which slots, then which byte each held.
  const slots = Array.from({ length: length - 1 }, (_, index) => index + 1)
  // Later slots first: among characters no count can tell apart, the one whose surviving bytes stand first wins.
  for (const chosen of [...combinations(slots, lost)].reverse()) {
    for (const filling of product(LOST_BYTES, lost)) {
      const candidate = new Uint8Array(length)
      let from = 0
      let fill = 0
      for (let slot = 0; slot < length; slot++) {
        candidate[slot] = chosen.includes(slot) ? filling[fill++] : found[from++]
      }
      const character = decodeOr(candidate, '')
      if (character !== '' && plausible(character)) out.add(character)
    }
  }
  const all = [...out]
  // Korean text: when Hangul syllables fit, the other characters of the same lead (Yi, Jamo Extended-B) do not;
  // likewise an emoji beats a legacy-computing symbol.
  for (const kind of [isHangulSyllable, (character: string) => /\p{Extended_Pictographic}/u.test(character)]) {
    const kept = all.filter(kind)
    if (kept.length > 0) return kept
  }
  return all
}

function plausible (character: string): boolean {
  const codePoint = character.codePointAt(0) as number
  // Private use, surrogates and noncharacters are not text anyone typed.
  if (codePoint >= 0xE000 && codePoint <= 0xF8FF) return false
  if (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) return false
  if ((codePoint & 0xFFFE) === 0xFFFE) return false
  return !/\p{Cn}|\p{Cc}/u.test(character)
}

/** Orders each piece's candidates by syllable and neighbour-pair counts; neighbours that are guesses count by their best. */
function rank (pieces: readonly Piece[], frequency: SyllableFrequency): Piece[] {
  const ranked = [...pieces]
  const firstOf = (index: number): string | undefined => {
    const piece = ranked[index]
    return piece === undefined ? undefined : typeof piece === 'string' ? [...piece].at(0) : piece[0]
  }
  const lastOf = (index: number): string | undefined => {
    const piece = ranked[index]
    return piece === undefined ? undefined : typeof piece === 'string' ? [...piece].at(-1) : piece[0]
  }
  // Two passes: the second sees the first pass's choices for neighbouring guesses.
  for (let pass = 0; pass < 2; pass++) {
    ranked.forEach((piece, index) => {
      if (typeof piece === 'string') return
      const before = lastOf(index - 1)
      const after = firstOf(index + 1)
      const score = (candidate: string): number => frequency.score(candidate, before, after)
      const scores = new Map(piece.map((candidate) => [candidate, score(candidate)]))
      // A stable sort keeps candidates that score alike in the order candidatesFor gave them.
      ranked[index] = [...piece].sort((a, b) => (scores.get(b) as number) - (scores.get(a) as number))
    })
  }
  return ranked
}

function isHangulSyllable (character: string): boolean {
  const codePoint = character.codePointAt(0) as number
  return codePoint >= 0xAC00 && codePoint <= 0xD7A3
}

function * combinations<T> (items: readonly T[], size: number, from = 0): Generator<T[]> {
  if (size === 0) {
    yield []
    return
  }
  for (let i = from; i <= items.length - size; i++) {
    for (const rest of combinations(items, size - 1, i + 1)) yield [items[i], ...rest]
  }
}

function * product<T> (items: readonly T[], size: number): Generator<T[]> {
  if (size === 0) {
    yield []
    return
  }
  for (const item of items) for (const rest of product(items, size - 1)) yield [item, ...rest]
}

function sequenceLength (lead: number): number {
  return lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0
}

function isContinuation (byte: number | undefined): boolean {
  return byte !== undefined && (byte & 0xC0) === 0x80
}

/** How many well-formed 3- or 4-byte UTF-8 sequences (U+0800 and up) the bytes hold. */
function wideSequences (bytes: Uint8Array): number {
  let count = 0
  for (let i = 0; i < bytes.length; i++) {
    const length = sequenceLength(bytes[i])
    if (length < 3 || i + length > bytes.length) continue
    let whole = true
    for (let k = 1; k < length; k++) if (!isContinuation(bytes[i + k])) whole = false
    if (whole) {
      count++
      i += length - 1
    }
  }
  return count
}

/**
 * How many 3- or 4-byte lead bytes are followed by too few continuation bytes. A lead with none at all
 * counts only when `lone` (the text shows whole sequences elsewhere): alone, `ì` is a real letter.
 */
function brokenSequences (bytes: Uint8Array, lone: boolean): number {
  let count = 0
  for (let i = 0; i < bytes.length; i++) {
    const length = sequenceLength(bytes[i])
    if (length < 3) continue
    let k = 1
    while (k < length && isContinuation(bytes[i + k])) k++
    if ((k > 1 || lone) && k < length) count++
    i += k - 1
  }
  return count
}
