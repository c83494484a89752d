/**
 * The one template engine, for catalog messages and suggestions and for validation messages:
 * `{name}{을/를} 찾을 수 없습니다.`
 *
 * `{name}` (an identifier) is a placeholder. `{을/를}` (a pair of particles.ts, in either order) is a particle
 * marker: it takes the form that fits the text just before it, a rendered value or literal text. A marker
 * that looks like one but names no known pair (`{에/에서}`) stays as written, and the catalog check reports
 * it. Any other brace is literal text.
 *
 * A template is parsed once into literal parts and slots; rendering is a plain concatenation (it runs for
 * every error response), and a template without markers never looks at particles.
 */
import { particlePair, pickParticle } from './particles.js'

const TOKEN = /\{([A-Za-z_][A-Za-z0-9_]*|[가-힣]+\/[가-힣]+)\}/g

/** A particle pair: the form after a final consonant, then the form after a vowel. */
type Pair = readonly [string, string]

/** A compiled template. */
export interface Template {
  /** The template as written. */
  readonly source: string
  /** Placeholder names, in order of first appearance, without repeats. */
  readonly names: readonly string[]
  /** Renders the template; a missing value renders as an empty string. */
  render (values?: Readonly<Record<string, unknown>>): string
}

/** What a template is made of, as the catalog check and the exporters read it. */
export interface ParsedTemplate {
  /** Literal text before each slot; `literals.length === slots.length`. */
  readonly literals: readonly string[]
  /** A placeholder's name, or a particle marker's pair. */
  readonly slots: ReadonlyArray<string | Pair>
  /** Literal text after the last slot. */
  readonly tail: string
  /** Placeholder names, in order of first appearance, without repeats. */
  readonly names: readonly string[]
  /** Markers that look like particle markers but name no known pair, as written inside the braces. */
  readonly unknownMarkers: readonly string[]
}

/** Parses a template into literal parts and slots. */
export function parseTemplate (source: string): ParsedTemplate {
  const literals: string[] = []
  const slots: Array<string | Pair> = []
  const names = new Set<string>()
  const unknownMarkers: string[] = []
  // Text of an unknown marker joins the literal around it.
  let literal = ''
  let last = 0
  for (const match of source.matchAll(TOKEN)) {
    const token = match[1]
    literal += source.slice(last, match.index)
    last = match.index + match[0].length
    if (token.includes('/')) {
      const pair = particlePair(token)
      if (pair === undefined) {
        unknownMarkers.push(token)
        literal += match[0]
        continue
      }
      slots.push(pair)
    } else {
      names.add(token)
      slots.push(token)
    }
    literals.push(literal)
    literal = ''
  }
  return { literals, slots, tail: literal + source.slice(last), names: [...names], unknownMarkers }
}

/** The placeholder names of a template, in order, without repeats (particle markers are not placeholders). */
export function placeholdersOf (source: string): readonly string[] {
  return parseTemplate(source).names
}

/** Compiles a template. */
export function compileTemplate (source: string): Template {
  if (!source.includes('{')) return new ConstantTemplate(source)
  const { literals, slots, tail, names } = parseTemplate(source)
  // Most templates have no slot: one shared render method, no closure per template (catalogs can be large).
  if (slots.length === 0) return new ConstantTemplate(source)
  if (slots.every((slot) => typeof slot === 'string')) return valueTemplate(source, names, literals, slots as string[], tail)
  return markedTemplate(source, names, literals, slots, tail)
}

const NO_NAMES: readonly string[] = Object.freeze([])

class ConstantTemplate implements Template {
  readonly names = NO_NAMES
  constructor (readonly source: string) {}
  render (): string {
    return this.source
  }
}

/** The value of a slot: a name that plain objects inherit (`constructor`, …) is read only as the values' own member. */
function valueOf (values: Readonly<Record<string, unknown>> | undefined, name: string, inherited: boolean): unknown {
  return values == null || (inherited && !Object.hasOwn(values, name)) ? undefined : values[name]
}

/** Placeholders only: the hot path of catalog messages, a concatenation. */
function valueTemplate (source: string, names: readonly string[], literals: readonly string[], slots: readonly string[], tail: string): Template {
  // An omitted detail renders as nothing, never as Object.prototype's function.
  const inherited = slots.map((name) => name in Object.prototype)
  return {
    source,
    names,
    render (values) {
      let out = ''
      for (let i = 0; i < slots.length; i++) out += literals[i] + formatValue(valueOf(values, slots[i], inherited[i]))
      return out + tail
    }
  }
}

/** With particle markers: each marker reads the end of what was rendered before it. */
function markedTemplate (source: string, names: readonly string[], literals: readonly string[], slots: ReadonlyArray<string | Pair>, tail: string): Template {
  // Two arrays of one type each (a name, or a pair, per slot) keep the loop monomorphic.
  const slotNames = slots.map((slot) => typeof slot === 'string' ? slot : '')
  const pairs = slots.map((slot) => typeof slot === 'string' ? undefined : slot)
  const inherited = slotNames.map((name) => name !== '' && name in Object.prototype)
  return {
    source,
    names,
    render (values) {
      let out = ''
      for (let i = 0; i < slotNames.length; i++) {
        const pair = pairs[i]
        out += literals[i]
        out += pair === undefined ? formatValue(valueOf(values, slotNames[i], inherited[i])) : pickParticle(out, pair)
      }
      return out + tail
    }
  }
}

/** How a value reads inside a message. */
export function formatValue (value: unknown): string {
  switch (typeof value) {
    case 'string': return value
    case 'number': case 'boolean': case 'bigint': return String(value)
    case 'undefined': return ''
    default:
      if (value === null) return ''
      if (Array.isArray(value)) return value.map(formatValue).join(', ')
      return JSON.stringify(value)
  }
}
