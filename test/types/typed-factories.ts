// Type test (checked by `tsc --noEmit` and by test/codegen/types.test.ts): the generated module's factories.
// Every `@ts-expect-error` below must meet an error, or the check fails.
import { loadCatalogSync } from '../../src/index.js'
import { ERROR_CODES, isSessionNotFound, typedErrors, type ErrorCode, type ErrorOf } from '../../examples/generated/errors.js'

const errors = typedErrors(loadCatalogSync('catalog/example.yaml'))

// A correct call compiles, and the error keeps the code's literal type and typed details.
const notFound = errors.SESSION_NOT_FOUND({ sessionCode: 'AB12CD' })
export const code: 'SESSION_NOT_FOUND' = notFound.code
export const sessionCode: string = notFound.details.sessionCode
export const status: 404 = errors.SESSION_NOT_FOUND.statusCode
export const full: ErrorOf<'SESSION_FULL'> = errors.SESSION_FULL({ sessionCode: 'AB12CD', capacity: 30 })
errors.INSTRUCTOR_ONLY()
errors.SESSION_ENDED({ sessionCode: 'AB12CD' })
errors.VALIDATION_ERROR({ location: 'body' })
// With `new`, the same checks apply.
const SessionNotFound = errors.SESSION_NOT_FOUND
export const constructed: 'SESSION_NOT_FOUND' = new SessionNotFound({ sessionCode: 'AB12CD' }).code
const InstructorOnly = errors.INSTRUCTOR_ONLY
export const constructedWithout = new InstructorOnly()

// @ts-expect-error: a required detail is missing
errors.SESSION_NOT_FOUND({})
// @ts-expect-error: details are required for this code
errors.SESSION_NOT_FOUND()
// @ts-expect-error: a misspelled detail
errors.SESSION_NOT_FOUND({ sessionCod: 'AB12CD' })
// @ts-expect-error: a detail of the wrong type
errors.SESSION_FULL({ sessionCode: 'AB12CD', capacity: '30' })
// @ts-expect-error: a value outside the detail's enum
errors.VALIDATION_ERROR({ location: 'cookie' })
// @ts-expect-error: a code without details takes none
errors.INSTRUCTOR_ONLY({ reason: 'x' })
// @ts-expect-error: `new` checks details too
export const wrongNew = new SessionNotFound({ sessionCode: 42 })
// @ts-expect-error: an unknown code
errors.SESSION_NOT_FUND({ sessionCode: 'AB12CD' })

// The guard narrows an unknown value to the code's error.
export function codeOf (thrown: unknown): string | undefined {
  if (isSessionNotFound(thrown)) return thrown.details.sessionCode
  return undefined
}

// @ts-expect-error: ErrorCode is the union of the catalog's codes, nothing else
export const notACode: ErrorCode = 'NOT_A_CODE'
export const first: ErrorCode = ERROR_CODES[0]
