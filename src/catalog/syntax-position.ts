/**
 * Where an unclosed quote or bracket opened. `yaml` notices the missing `"` or `]` only where the text runs out
 * (often the end of the file), so the error is moved to the token that opened it, found in yaml's CST.
 */
import { Parser, type CST, type YAMLError } from 'yaml'

/** An error that is about something never closed, moved to where it opened. */
export interface OpeningPosition {
  offset: number
  message: string
}

const OPENERS: Readonly<Record<string, string>> = {
  'double-quoted-scalar': 'the double-quoted string that starts here never ends: add the closing "',
  'single-quoted-scalar': "the single-quoted string that starts here never ends: add the closing '",
  'flow-seq': 'the [ that opens here is never closed: add the closing ]',
  'flow-map': 'the { that opens here is never closed: add the closing }'
}

/** The opening token behind a "missing closing" error, or undefined when the error is about something else. */
export function openingOf (text: string, error: YAMLError): OpeningPosition | undefined {
  const wanted = wantedKind(error)
  if (wanted === undefined) return undefined
  let found: OpeningPosition | undefined
  const visit = (token: unknown): void => {
    if (token === null || typeof token !== 'object') return
    if (Array.isArray(token)) {
      for (const item of token) visit(item)
      return
    }
    const node = token as Partial<CST.Token> & Record<string, unknown>
    const kind = openerKind(node)
    // The last unclosed opener before the error is the innermost one.
    if (kind === wanted && typeof node.offset === 'number' && node.offset <= error.pos[0] && (found === undefined || node.offset > found.offset)) {
      found = { offset: node.offset, message: OPENERS[kind] }
    }
    for (const value of Object.values(node)) if (value !== null && typeof value === 'object') visit(value)
  }
  for (const token of new Parser().parse(text)) visit(token)
  return found
}

/** The kind of opener a "never closed" error is about. */
function wantedKind (error: YAMLError): string | undefined {
  if (error.code === 'MISSING_CHAR' && error.message.startsWith('Missing closing "quote')) return 'double-quoted-scalar'
  if (error.code === 'MISSING_CHAR' && error.message.startsWith("Missing closing 'quote")) return 'single-quoted-scalar'
  if (/^Flow sequence .*end with a \]/.test(error.message)) return 'flow-seq'
  if (/^Flow map .*end with a \}/.test(error.message)) return 'flow-map'
  return undefined
}

function openerKind (node: Partial<CST.Token> & Record<string, unknown>): string | undefined {
  if (node.type === 'double-quoted-scalar' || node.type === 'single-quoted-scalar') {
    const source = String(node.source ?? '')
    const quote = node.type === 'double-quoted-scalar' ? '"' : "'"
    return source.length < 2 || !source.endsWith(quote) || (quote === '"' && /(^|[^\\])(\\\\)*\\"$/.test(source)) ? node.type : undefined
  }
  if (node.type === 'flow-collection') {
    const start = (node.start as CST.SourceToken | undefined)?.type
    const ends = Array.isArray(node.end) ? (node.end as CST.SourceToken[]) : []
    if (start === 'flow-seq-start' && !ends.some((token) => token.type === 'flow-seq-end')) return 'flow-seq'
    if (start === 'flow-map-start' && !ends.some((token) => token.type === 'flow-map-end')) return 'flow-map'
  }
  return undefined
}
