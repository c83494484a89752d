/**
 * Ajv's `instancePath` (a JSON pointer) → the readable `fieldErrors` key: `/address/zip` → `address.zip`,
 * `/items/1/qty` → `items[1].qty`. A missing or unexpected property is keyed by its own path; a failure of
 * the whole validated part by ROOT_FIELD.
 */

/** The key of a failure of the whole validated part (e.g. a body that is not an object). */
export const ROOT_FIELD = '$root'

/** Longest segment kept in a key or label: property names may come from the client. */
export const MAX_SEGMENT_LENGTH = 100

/** The part of an Ajv error that paths read. */
export interface PathSource {
  keyword: string
  instancePath: string
  params: Record<string, unknown>
}

/** The instance path as segments, JSON-pointer escapes undone: `/items/1/qty` → `['items', '1', 'qty']`. */
export function instanceSegments (instancePath: string): string[] {
  return instancePath === '' ? [] : instancePath.slice(1).split('/').map(unescapePointer)
}

/** The property a keyword reports on, keyed by its own path: the missing one, or the one not allowed. */
export function namedProperty (error: PathSource): string | undefined {
  const params = error.params
  let name: unknown
  switch (error.keyword) {
    case 'required': case 'dependentRequired': case 'dependencies': name = params.missingProperty; break
    case 'additionalProperties': name = params.additionalProperty; break
    case 'unevaluatedProperties': name = params.unevaluatedProperty; break
    default: return undefined
  }
  return typeof name === 'string' ? name : undefined
}

/** `['address', 'zip']` → `address.zip`; `['items', '1', 'qty']` → `items[1].qty`; `[]` → `$root`. */
export function joinPath (segments: readonly string[]): string {
  if (segments.length === 0) return ROOT_FIELD
  let path = ''
  for (let i = 0; i < segments.length; i++) path += pathPart(segments[i], i === 0)
  return path
}

/**
 * `joinPath` cut to `max` characters (see clipPath), reading only the segments at both ends that the cut
 * key shows: a path thousands of segments deep costs what its first and last few do.
 */
export function joinClippedPath (segments: readonly string[], max: number): string {
  if (segments.length === 0) return clipPath(ROOT_FIELD, max)
  const headLength = Math.ceil((max - 1) * PATH_HEAD)
  const tailLength = max - 1 - headLength
  let head = ''
  let next = 0
  while (next < segments.length && head.length <= headLength) {
    head += pathPart(segments[next], next === 0)
    next++
  }
  let tail = ''
  for (let i = segments.length - 1; i >= next && tail.length <= tailLength; i--) tail = pathPart(segments[i], false) + tail
  // Either head + tail is the whole path, or both are longer than what the cut keeps of them.
  return clipMiddle(head + tail, max, PATH_HEAD)
}

/** One segment as it reads in a key: `[1]`, `.name` (bare when first), or `["a.b"]` for names that need quoting. */
function pathPart (segment: string, first: boolean): string {
  if (isIndex(segment)) return `[${segment}]`
  if (PLAIN.test(segment)) return first ? segment : `.${segment}`
  // A name that would read as path syntax (`a.b`, `x[0]`, spaces, empty) is quoted.
  return `[${JSON.stringify(clip(segment))}]`
}

/** True for an array index segment. */
export function isIndex (segment: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(segment)
}

/**
 * A client-given name cut to MAX_SEGMENT_LENGTH, so that no key or label grows with the input. Both ends
 * are kept: long names that differ only at the end (`…_1`, `…_2`) stay apart.
 */
export function clip (text: string): string {
  return clipMiddle(text, MAX_SEGMENT_LENGTH, 0.6)
}

/**
 * A whole key cut to `max` characters: each segment is clipped already, but a deep path of clipped segments
 * still grows with the input. The end (the field itself) matters most, so it keeps the larger part.
 */
export function clipPath (path: string, max: number): string {
  return clipMiddle(path, max, PATH_HEAD)
}

/** The share of a cut key taken from its start. */
const PATH_HEAD = 0.4

/**
 * `text` in at most `max` characters: `head` of them (as a share) from the start, the rest from the end,
 * `…` between. A cut never splits a surrogate pair, which would serialize as a 6-byte `\udxxx` escape.
 */
function clipMiddle (text: string, max: number, head: number): string {
  if (text.length <= max) return text
  let start = Math.ceil((max - 1) * head)
  let end = text.length - (max - 1 - start)
  if (isLowSurrogate(text.charCodeAt(start))) start--
  if (isLowSurrogate(text.charCodeAt(end))) end++
  return `${text.slice(0, start)}…${text.slice(end)}`
}

function isLowSurrogate (code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

const PLAIN = /^[^.[\]\s"'$][^.[\]\s"']{0,99}$/u

function unescapePointer (segment: string): string {
  return segment.includes('~') ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment
}
