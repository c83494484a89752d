/**
 * The size a string takes in a JSON body, counted without serializing it: what `maxFieldErrorsBytes` is
 * measured in. The answer's serializer (fast-json-stringify) writes strings as `JSON.stringify` does.
 */

/** Bytes of `JSON.stringify(text)` in UTF-8, quotes included. */
export function jsonStringBytes (text: string): number {
  let bytes = 2
  const length = text.length
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) {
      // `"` and `\` take a backslash; \b \t \n \f \r have short escapes, other controls are \u00XX.
      if (code >= 0x20) bytes += code === 0x22 || code === 0x5c ? 2 : 1
      else bytes += code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d ? 2 : 6
    } else if (code < 0x800) {
      bytes += 2
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < length && isLow(text.charCodeAt(i + 1))) {
      bytes += 4
      i++
    } else if (code >= 0xd800 && code <= 0xdfff) {
      // A lone surrogate is written as a \uDXXX escape (well-formed JSON.stringify, ES2019).
      bytes += 6
    } else {
      bytes += 3
    }
  }
  return bytes
}

function isLow (code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
