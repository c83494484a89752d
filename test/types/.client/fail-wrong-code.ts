// Type test (test/client/types.test.ts): a code the catalog does not have must not compile.
import type { ErrorDetails } from '../../../examples/generated/errors.js'
import type { ParsedError } from '../../../src/client/index.js'
export function f (error: ParsedError<ErrorDetails>): void {
  switch (error.code) { case 'SESION_FULL': break }
}
