/** Field error lists grouped by path (the default format's `fieldErrors`), for tests that read the formatter directly. */
import { fieldErrorsByPath } from '../../src/envelope/format.js'
import type { FormattedValidation, ValidationFormatter } from '../../src/validation/field-errors.js'

/** The formatter's answer with `fieldErrors` grouped as the default format sends them. */
export function grouped (formatter: ValidationFormatter): (...args: Parameters<ValidationFormatter>) => { fieldErrors: Record<string, string[]>, truncated: boolean } {
  return (...args) => groupedResult(formatter(...args))
}

export function groupedResult ({ fieldErrors, truncated }: FormattedValidation): { fieldErrors: Record<string, string[]>, truncated: boolean } {
  return { fieldErrors: fieldErrorsByPath(fieldErrors), truncated }
}
