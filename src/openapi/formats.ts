/**
 * The wire formats one document describes (every format an answer can be written in, the primary first) and how
 * the document names them: the primary's components keep the code's name (`SESSION_NOT_FOUND`), another format's
 * carry its name as a suffix (`SESSION_NOT_FOUND.problem`). An error response lists one content entry per media
 * type, in the formats' order; `application/problem+json` is also listed as `application/json`, because several
 * client generators mishandle `+json` types, unless a format already answers in `application/json`.
 */
import type { WireFormat } from '../envelope/format.js'

/** A format as the document names its components. */
export interface DocumentedFormat {
  readonly format: WireFormat
  /** Appended to the names of its component schemas and examples: '' for the primary, else `.<name>`. */
  readonly suffix: string
}

/** One content entry of an error response: a media type and the formats an answer in it can be written in. */
export interface DocumentedMediaType {
  readonly mediaType: string
  readonly formats: readonly DocumentedFormat[]
}

const PROBLEM_JSON = 'application/problem+json'
const JSON_TYPE = 'application/json'

/** The formats of a document, named; one format, or the list with the primary first. */
export function documentedFormats (formats: WireFormat | readonly WireFormat[]): readonly DocumentedFormat[] {
  const list: readonly WireFormat[] = isFormat(formats) ? [formats] : formats
  if (list.length === 0) throw new TypeError('a document describes at least one wire format')
  return list.map((format, index) => ({ format, suffix: index === 0 ? '' : `.${format.name}` }))
}

/**
 * The media types of an error response, in the formats' order. Formats that answer in the same media type share its
 * entry; `application/problem+json` is followed by `application/json` when no format claims that.
 */
export function documentedMediaTypes (formats: readonly DocumentedFormat[]): readonly DocumentedMediaType[] {
  const byType = new Map<string, DocumentedFormat[]>()
  for (const documented of formats) {
    const mediaType = documented.format.mediaType.toLowerCase()
    const list = byType.get(mediaType)
    if (list === undefined) byType.set(mediaType, [documented])
    else list.push(documented)
  }
  const out: DocumentedMediaType[] = []
  for (const [mediaType, list] of byType) {
    out.push({ mediaType, formats: list })
    if (mediaType === PROBLEM_JSON && !byType.has(JSON_TYPE)) out.push({ mediaType: JSON_TYPE, formats: list })
  }
  return out
}

function isFormat (value: WireFormat | readonly WireFormat[]): value is WireFormat {
  return !Array.isArray(value)
}
