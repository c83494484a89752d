// Type test (test/client/types.test.ts): must compile without errors.
import type { ErrorCode, ErrorDetails, SessionFullDetails, TokenExpiredDetails, ValidationErrorDetails } from '../../../examples/generated/errors.js'
import { parseErrorResponse, type ParsedError, type UnparseableResponse } from '../../../src/client/index.js'

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false
function expectTrue<T extends true> (): T | undefined { return undefined }

// Every code of the generated module: narrowing the union on `code` gives exactly that code's details.
type Narrowed = { [Code in ErrorCode]: Equal<Extract<ParsedError<ErrorDetails>, { code: Code }>['details'], ErrorDetails[Code]> }
expectTrue<Narrowed[ErrorCode] extends true ? true : false>()
expectTrue<Equal<Extract<ParsedError<ErrorDetails>, { code: 'UNPARSEABLE_RESPONSE' }>, UnparseableResponse>>()

export function describe (error: ParsedError<ErrorDetails>): string {
  switch (error.code) {
    case 'SESSION_FULL': {
      expectTrue<Equal<typeof error.details, SessionFullDetails>>()
      const capacity: number = error.details.capacity
      // @ts-expect-error SESSION_FULL has no lectureId
      return `${capacity} ${error.details.lectureId as string}`
    }
    case 'TOKEN_EXPIRED':
      expectTrue<Equal<typeof error.details, TokenExpiredDetails>>()
      return error.details.expiredAt
    case 'VALIDATION_ERROR':
      expectTrue<Equal<typeof error.details, ValidationErrorDetails>>()
      return `${error.details.location} ${Object.keys(error.fieldErrors).join()}`
    case 'UNPARSEABLE_RESPONSE':
      return error.details.reason
    default:
      return error.message
  }
}

export async function read (response: Response): Promise<string> {
  const error = await parseErrorResponse<ErrorDetails>(response)
  const sync = parseErrorResponse<ErrorDetails>({ status: 404, headers: {}, body: '{}' })
  return describe(error) + describe(sync)
}
