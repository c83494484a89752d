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
  for (const segment of segments) {
    if (isIndex(segment)) path += `[${segment}]`
    else if (PLAIN.test(segment)) path += path === '' ? segment : `.${segment}`
    // A name that would read as path syntax (`a.b`, `x[0]`, spaces, empty) is quoted.
    else path += `[${JSON.stringify(clip(segment))}]`
  }
  return path
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
  if (text.length <= MAX_SEGMENT_LENGTH) return text
  const head = Math.ceil((MAX_SEGMENT_LENGTH - 1) * 0.6)
  return `${text.slice(0, head)}…${text.slice(text.length - (MAX_SEGMENT_LENGTH - 1 - head))}`
}

const PLAIN = /^[^.[\]\s"'$][^.[\]\s"']{0,99}$/u

function unescapePointer (segment: string): string {
  return segment.includes('~') ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment
}
