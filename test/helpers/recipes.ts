/** The recipes of docs/wire-formats.md, read from the page itself: what a team copies into its catalog. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

/** The text of docs/wire-formats.md. */
export const WIRE_FORMATS_PAGE = readFileSync(fileURLToPath(new URL('../../docs/wire-formats.md', import.meta.url)), 'utf8')

/** The YAML block after `<!-- recipe: name -->`, parsed: `envelope:`, and catalog sections a recipe needs (`validation:`). */
export function recipeBlock (name: string): { envelope: { body: Record<string, unknown>, fieldError?: Record<string, unknown> }, validation?: Record<string, unknown> } {
  const match = new RegExp(`<!-- recipe: ${name} -->\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(WIRE_FORMATS_PAGE)
  if (match === null) throw new Error(`docs/wire-formats.md has no recipe ${name}`)
  return parse(match[1])
}

/** The `envelope:` of the YAML block after `<!-- recipe: name -->`. */
export function recipe (name: string): { body: Record<string, unknown>, fieldError?: Record<string, unknown> } {
  return recipeBlock(name).envelope
}
