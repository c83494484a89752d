/** Names of generated identifiers, derived from catalog codes. */

/** SESSION_NOT_FOUND → SessionNotFound. */
export function pascalCase (code: string): string {
  return code.toLowerCase().split('_').filter((part) => part !== '').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('')
}

/** The guard of a code: SESSION_NOT_FOUND → isSessionNotFound. */
export function guardName (code: string): string {
  return `is${pascalCase(code)}`
}

/** The details schema (and type) of a code: SESSION_NOT_FOUND → SessionNotFoundDetails. */
export function detailsName (code: string): string {
  return `${pascalCase(code)}Details`
}

/** The body type of a code: SESSION_NOT_FOUND → SessionNotFoundBody. */
export function bodyName (code: string): string {
  return `${pascalCase(code)}Body`
}
