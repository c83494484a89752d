/**
 * Every error the library itself throws, in one table (as fastify keeps its FST_ERR_* in lib/errors.js).
 * docs/errors-of-the-library.md lists the same codes; test/library-errors.test.ts keeps the two in step.
 */
// The named export: a default import of this `export =` module leaves `createError.X` in the CommonJS declarations unresolvable (TS2503).
import { createError } from '@fastify/error'

/** The catalog has problems; `error.problems` holds every one, `error.message` prints them as `file:line:col  pointer  message`. */
export const FEC_ERR_CATALOG_INVALID = createError<[string, number, string]>(
  'FEC_ERR_CATALOG_INVALID',
  'The error catalog %s has %s problem(s):\n%s',
  500
)

/** The catalog file could not be read (missing, unreadable, unknown extension). */
export const FEC_ERR_CATALOG_READ = createError<[string, string]>(
  'FEC_ERR_CATALOG_READ',
  'Could not read the error catalog %s: %s',
  500
)

/** A plugin or compile option is wrong. */
export const FEC_ERR_OPTIONS_INVALID = createError<[string, string]>(
  'FEC_ERR_OPTIONS_INVALID',
  'Invalid fastify-error-catalog option `%s`: %s',
  500,
  TypeError
)

/** The catalog lacks a code that the plugin needs to answer framework errors. */
export const FEC_ERR_CODE_MISSING = createError<[string]>(
  'FEC_ERR_CODE_MISSING',
  'The error catalog must define %s (merge the builtin catalog, or define them yourself)',
  500
)

/** A factory was given a number its catalog detail cannot carry as given (1.5 for an integer, a non-finite number). */
export const FEC_ERR_DETAILS_INVALID = createError<[string, string, string, string]>(
  'FEC_ERR_DETAILS_INVALID',
  '%s: the detail %s must be %s, got %s',
  500,
  TypeError
)

/** A route's `schema.errors` declaration is wrong: not an array of strings, or a code the catalog does not define. */
export const FEC_ERR_ROUTE_ERRORS = createError<[string, string]>(
  'FEC_ERR_ROUTE_ERRORS',
  'Route %s: %s',
  500
)

/** The OpenAPI document cannot describe the catalog errors completely (wrong setup or registration order). */
export const FEC_ERR_OPENAPI = createError<[string]>(
  'FEC_ERR_OPENAPI',
  'Cannot document the catalog errors in OpenAPI: %s',
  500
)

/** A not-found handler is already set for this route prefix (a second registration of the plugin in a sibling scope). */
export const FEC_ERR_NOT_FOUND_HANDLER = createError<[string]>(
  'FEC_ERR_NOT_FOUND_HANDLER',
  'A not-found handler is already set for the prefix %s (another registration of fastify-error-catalog, or setNotFoundHandler). Register this catalog under its own prefix, or with `notFoundHandler: false`',
  500
)
