/**
 * Mojibake: UTF-8 text that was decoded as Windows-1252 (or Latin-1, or the Turkish Windows-1254 that differs
 * from it in six letters) and saved again, so that `에러` reads as `\u00EC\u2014\u00EB\u0178\u00AC`. Each suspicious run of characters
 * is mapped back to the bytes the wrong decoder saw and decoded again as strict UTF-8 (WHATWG Encoding,
 * https://encoding.spec.whatwg.org/#windows-1252). The repair is certain only when every byte survived:
 * Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined, and tools drop them (and soft hyphens).
 */

/** Windows-1252 0x80–0x9F: character → byte where it differs from Latin-1 (undefined bytes are absent). */
const CP1252_HIGH = new Map<number, number>([
  [0x20AC, 0x80], [0x201A, 0x82], [0x0192, 0x83], [0x201E, 0x84], [0x2026, 0x85], [0x2020, 0x86], [0x2021, 0x87],
  [0x02C6, 0x88], [0x2030, 0x89], [0x0160, 0x8A], [0x2039, 0x8B], [0x0152, 0x8C], [0x017D, 0x8E], [0x2018, 0x91],
  [0x2019, 0x92], [0x201C, 0x93], [0x201D, 0x94], [0x2022, 0x95], [0x2013, 0x96], [0x2014, 0x97], [0x02DC, 0x98],
  [0x2122, 0x99], [0x0161, 0x9A], [0x203A, 0x9B], [0x0153, 0x9C], [0x017E, 0x9E], [0x0178, 0x9F]
])
/** Windows-1254 letters at the places where Windows-1252 has the Icelandic letters (0xD0, 0xDD, 0xDE, 0xF0, 0xFD, 0xFE). */
const CP1254_LETTERS = new Map<number, number>([[0x011E, 0xD0], [0x0130, 0xDD], [0x015E, 0xDE], [0x011F, 0xF0], [0x0131, 0xFD], [0x015F, 0xFE]])

/** The byte a wrong single-byte decoder turned into this code point, if it is one of the high bytes. */
function byteOf (codePoint: number): number | undefined {
  // Latin-1 keeps C1 controls (0x80–0x9F) as themselves; 0xA0–0xFF are the same in all three encodings.
  if (codePoint >= 0x80 && codePoint <= 0xFF) return codePoint
  return CP1252_HIGH.get(codePoint) ?? CP1254_LETTERS.get(codePoint)
}

/** One stretch of mojibake in a text. */
export interface MojibakeSpan {
  /** Offset in the text (UTF-16 units). */
  readonly start: number
  readonly end: number
  /** What the stretch was meant to say; `�` marks characters whose bytes were lost. */
  readonly repaired: string
  /** True when every byte survived, so that `repaired` is exactly the original text. */
  readonly certain: boolean
}

/** The result of looking for mojibake in one text. */
export interface MojibakeReport {
  readonly spans: readonly MojibakeSpan[]
  /** The whole text with every span repaired. */
  readonly repaired: string
  /** True when every span was repaired with certainty. */
  readonly certain: boolean
}

const strict = new TextDecoder('utf-8', { fatal: true })
const lenient = new TextDecoder('utf-8')

/**
 * Finds mojibake in a text; undefined when there is none. A run counts only when it holds at least one
 * well-formed UTF-8 sequence for a character beyond Latin (U+0800 and up: Hangul, CJK, emoji), so that
 * real Latin-1 words such as `café` or `Straße` are never flagged.
 */
export function findMojibake (text: string): MojibakeReport | undefined {
  const spans: MojibakeSpan[] = []
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
  // whole ones elsewhere, or when it holds two broken ones (no real word looks like that).
  const wide = runs.some((run) => wideSequences(run.bytes) > 0)
  for (const run of runs) {
    const whole = wideSequences(run.bytes)
    const broken = brokenSequences(run.bytes)
    if (whole === 0 && broken === 0) continue
    if (whole === 0 && !(wide && broken > 0) && broken < 2) continue
    spans.push({ start: run.start, end: run.end, ...decode(run.bytes) })
  }
  if (spans.length === 0) return undefined
  let repaired = ''
  let last = 0
  for (const span of spans) {
    repaired += text.slice(last, span.start) + span.repaired
    last = span.end
  }
  repaired += text.slice(last)
  return { spans, repaired, certain: spans.every((span) => span.certain) }
}

function decode (bytes: Uint8Array): { repaired: string, certain: boolean } {
  try {
    return { repaired: strict.decode(bytes), certain: true }
  } catch {
    return { repaired: lenient.decode(bytes), certain: false }
  }
}

function sequenceLength (lead: number): number {
  return lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0
}

function isContinuation (byte: number | undefined): boolean {
  return byte !== undefined && (byte & 0xC0) === 0x80
}

/** How many well-formed 3- or 4-byte UTF-8 sequences (U+0800 and up) the bytes hold. */
function wideSequences (bytes: Uint8Array): number {
  let count = 0
  for (let i = 0; i < bytes.length; i++) {
    const length = sequenceLength(bytes[i])
    if (length === 0 || i + length > bytes.length) continue
    let whole = true
    for (let k = 1; k < length; k++) if (!isContinuation(bytes[i + k])) whole = false
    if (whole) {
      count++
      i += length - 1
    }
  }
  return count
}

/** How many 3- or 4-byte lead bytes are followed by some, but too few, continuation bytes. */
function brokenSequences (bytes: Uint8Array): number {
  let count = 0
  for (let i = 0; i < bytes.length; i++) {
    const length = sequenceLength(bytes[i])
    if (length === 0) continue
    let k = 1
    while (k < length && isContinuation(bytes[i + k])) k++
    if (k > 1 && k < length) count++
    i += k - 1
  }
  return count
}
