/**
 * The code frame printed under a problem: the offending line and a caret under its column. Texts are kept by
 * the name they are reported under when the CLI reads them (catalog-input.ts, lint), so a frame needs no
 * second read and works for `REF:path` too. Columns are UTF-16 offsets (as `yaml` counts them); the caret is
 * placed by display width, so it stands under the right syllable after wide (Hangul, CJK) characters.
 */
import type { createColors } from 'picocolors'

/** picocolors' colour functions (all identity when colour is off). */
export type Colors = ReturnType<typeof createColors>

const texts = new Map<string, string>()
/** Longest line shown in full; longer lines are cut around the column. */
const MAX_WIDTH = 120

/** Keeps the text of a file for frames, under the name its problems carry. */
export function rememberSource (file: string, text: string): void {
  texts.set(file, text)
}

/** The frame for a position, or undefined when the text is unknown or the line does not exist. */
export function codeFrame (file: string, line: number, col: number, colors: Colors): string | undefined {
  const text = texts.get(file)
  if (text === undefined || line < 1) return undefined
  const lines = text.split(/\r?\n/)
  if (line > lines.length) return undefined
  let source = lines[line - 1].replace(/\t/g, ' ')
  let before = source.slice(0, Math.max(0, col - 1))
  if (width(source) > MAX_WIDTH) {
    // Keep the column in view: drop the start when the column is far in, and the end past the window.
    const cut = offsetAtWidth(before, Math.max(0, width(before) - MAX_WIDTH / 2))
    const mark = cut > 0 ? '…' : ''
    before = mark + before.slice(cut)
    source = mark + source.slice(cut)
    if (width(source) > MAX_WIDTH) source = source.slice(0, offsetAtWidth(source, MAX_WIDTH)) + '…'
  }
  const gutter = String(line)
  const pad = ' '.repeat(gutter.length)
  return `${colors.dim(` ${gutter} |`)} ${source}\n${colors.dim(` ${pad} |`)} ${' '.repeat(width(before))}${colors.red('^')}`
}

/** Display cells of a string: 2 for wide characters (East Asian Wide and Fullwidth, emoji), 0 for combining marks. */
export function width (text: string): number {
  let cells = 0
  for (const character of text) cells += cellsOf(character.codePointAt(0) as number)
  return cells
}

function cellsOf (codePoint: number): number {
  if (codePoint < 0x300) return 1
  if ((codePoint >= 0x300 && codePoint <= 0x36F) || (codePoint >= 0x200B && codePoint <= 0x200F) || codePoint === 0xFE0F) return 0
  if ((codePoint >= 0x1100 && codePoint <= 0x115F) || (codePoint >= 0x2E80 && codePoint <= 0xA4CF) ||
    (codePoint >= 0xAC00 && codePoint <= 0xD7A3) || (codePoint >= 0xF900 && codePoint <= 0xFAFF) ||
    (codePoint >= 0xFE30 && codePoint <= 0xFE4F) || (codePoint >= 0xFF00 && codePoint <= 0xFF60) ||
    (codePoint >= 0xFFE0 && codePoint <= 0xFFE6) || (codePoint >= 0x1F300 && codePoint <= 0x1FAFF) ||
    (codePoint >= 0x20000 && codePoint <= 0x3FFFD)) return 2
  return 1
}

/** The UTF-16 offset where `cells` display cells of `text` have been passed. */
function offsetAtWidth (text: string, cells: number): number {
  let seen = 0
  let offset = 0
  for (const character of text) {
    if (seen >= cells) break
    seen += cellsOf(character.codePointAt(0) as number)
    offset += character.length
  }
  return offset
}
