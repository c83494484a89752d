/**
 * Validation message templates: `{label}{은/는} {limit}자 이상이어야 합니다.`
 *
 * `{name}` is a placeholder; `{은/는}` (any pair of particles.ts, in either order) is a particle marker that
 * takes the form fitting the text just before it, placeholder or literal. Any other brace is literal.
 * A template is parsed once into parts; rendering is a loop over them (it runs on every failing request).
 */
import { particlePair, pickParticle } from './particles.js'

const TOKEN = /\{([A-Za-z_][A-Za-z0-9_]*|[가-힣]+\/[가-힣]+)\}/g

type Part =
  | { kind: 'text', text: string }
  | { kind: 'value', name: string }
  | { kind: 'particle', pair: readonly [string, string] }

/** A parsed validation message template. */
export interface MessageTemplate {
  /** The template as written. */
  readonly source: string
  /** Placeholder names, in order of first appearance. */
  readonly names: readonly string[]
  /** Markers that look like particles but are not known pairs (`{에/에서}`): a catalog check reports them. */
  readonly unknownMarkers: readonly string[]
  /** Renders the template; a missing value renders empty. */
  render (values: Readonly<Record<string, string | undefined>>): string
}

/** Parses a template. */
export function compileMessageTemplate (source: string): MessageTemplate {
  const parts: Part[] = []
  const names = new Set<string>()
  const unknownMarkers: string[] = []
  let last = 0
  for (const match of source.matchAll(TOKEN)) {
    const token = match[1]
    if (match.index > last) parts.push({ kind: 'text', text: source.slice(last, match.index) })
    last = match.index + match[0].length
    if (token.includes('/')) {
      const pair = particlePair(token)
      if (pair === undefined) {
        unknownMarkers.push(token)
        parts.push({ kind: 'text', text: match[0] })
      } else {
        parts.push({ kind: 'particle', pair })
      }
    } else {
      names.add(token)
      parts.push({ kind: 'value', name: token })
    }
  }
  if (last < source.length) parts.push({ kind: 'text', text: source.slice(last) })

  const constant = parts.every((part) => part.kind === 'text')
  return {
    source,
    names: [...names],
    unknownMarkers,
    render: constant
      ? () => source
      : (values) => {
          let out = ''
          for (const part of parts) {
            if (part.kind === 'text') out += part.text
            else if (part.kind === 'value') out += values[part.name] ?? ''
            else out += pickParticle(out, part.pair)
          }
          return out
        }
  }
}
