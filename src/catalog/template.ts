/**
 * `{name}` placeholders in messages and suggestions. A template is parsed once, at compile time, into
 * literal parts and names; rendering is then a plain concatenation (it runs on every error response).
 * Only `{identifier}` is a placeholder: any other brace is literal text.
 */

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g

/** A compiled message template. */
export interface Template {
  /** The template as written in the catalog. */
  readonly source: string
  /** Placeholder names, in order of first appearance, without repeats. */
  readonly names: readonly string[]
  /** Renders the template; a missing value renders as an empty string. */
  render (values: Readonly<Record<string, unknown>> | undefined): string
}

/** The placeholder names of a template, in order, without repeats. */
export function placeholdersOf (source: string): string[] {
  const names = new Set<string>()
  for (const match of source.matchAll(PLACEHOLDER)) names.add(match[1])
  return [...names]
}

/** Compiles a template. */
export function compileTemplate (source: string): Template {
  const literals: string[] = []
  const slots: string[] = []
  let last = 0
  for (const match of source.matchAll(PLACEHOLDER)) {
    literals.push(source.slice(last, match.index))
    slots.push(match[1])
    last = match.index + match[0].length
  }
  const tail = source.slice(last)
  const names = [...new Set(slots)]

  // Most templates have no placeholder: one shared render method, no closure per template (catalogs can be large).
  if (slots.length === 0) return new ConstantTemplate(source)

  // A name that plain objects inherit (`constructor`, `toString`, …) is read only as the values' own member:
  // an omitted detail renders as nothing, never as Object.prototype's function.
  const inherited = slots.map((name) => name in Object.prototype)
  return {
    source,
    names,
    render (values) {
      let out = ''
      for (let i = 0; i < slots.length; i++) {
        const value = values == null || (inherited[i] && !Object.hasOwn(values, slots[i])) ? undefined : values[slots[i]]
        out += literals[i] + formatValue(value)
      }
      return out + tail
    }
  }
}

const NO_NAMES: readonly string[] = Object.freeze([])

class ConstantTemplate implements Template {
  readonly names = NO_NAMES
  constructor (readonly source: string) {}
  render (): string {
    return this.source
  }
}

/** How a detail value reads inside a message. */
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
