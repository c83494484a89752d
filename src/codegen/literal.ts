/** TypeScript source for plain values, in the house style (single quotes, unquoted identifier keys). */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** A single-quoted string literal. */
export function quote (text: string): string {
  return "'" + text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029') + "'"
}

/** An object key: bare when it is an identifier. */
export function key (name: string): string {
  return IDENTIFIER.test(name) ? name : quote(name)
}

/** A JSON-like value as a TypeScript expression. */
export function literal (value: unknown): string {
  if (typeof value === 'string') return quote(value)
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`
  if (typeof value === 'object') {
    const members = Object.entries(value).filter(([, item]) => item !== undefined).map(([name, item]) => `${key(name)}: ${literal(item)}`)
    return members.length === 0 ? '{}' : `{ ${members.join(', ')} }`
  }
  return 'undefined'
}

/** Text made safe to sit inside a block comment. */
export function commentText (text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')
}
