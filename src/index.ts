/**
 * fastify-error-catalog: one catalog file for every API error. This is the run-time entry, what an app imports.
 * Every public name is listed here or in ./tooling.ts (`fastify-error-catalog/tooling`); everything else is internal.
 *
 * The rule, name by name: the root exports what an app's own code calls or names while it serves requests (the
 * plugin and its options, the handler and server options, catalogs loaded and compiled at startup, the errors
 * they throw, validation, OpenAPI through @fastify/swagger, what generated modules import), and every type that
 * appears in those signatures. The tooling entry exports what build scripts, editors and CI call on a catalog
 * file (read with positions, check, lint, generate, document, diff) and the tables they report from. A name is
 * exported from one entry only; test/public-surface.test.ts holds both lists.
 */
import { errorCatalog } from './plugin/index.js'

export { errorCatalog }
export default errorCatalog

export type { ErrorCatalogOptions } from './plugin/options.js'
// Also brings the package's Fastify augmentations (app.errors, app.errorCatalog, app.errorCatalogSwagger, schema.errors).
export type { ErrorCatalogRegister, RegisteredFactories } from './plugin/types.js'
export { createErrorHandler, type ErrorHandler, type ErrorHandlerOptions, type LogLevel } from './plugin/error-handler.js'
export { FRAMEWORK_CODES, STATUS_CODES } from './plugin/classify.js'
export { frameworkErrors } from './plugin/framework-errors.js'
export { clientErrorHandler, type ParserError } from './plugin/client-error.js'
export { rateLimitErrorResponse, type RateLimitContext } from './plugin/integrations.js'
export type { CatalogErrorEvent, CatalogErrorHook } from './plugin/observe.js'
export { ERRORS_METRIC, UNMATCHED_ROUTE, type MetricsOption, type MetricsRegistry } from './plugin/metrics.js'
export type { WwwAuthenticate } from './plugin/www-authenticate.js'

export {
  compileCatalog,
  isCompiledCatalog,
  type CatalogSource,
  type CompileOptions,
  type CompiledCatalog,
  type CompiledEntry,
  type ErrorFactories,
  type ErrorFactory,
  type ReservedCode,
  type ReservedNumber,
  type StackTracePolicy
} from './catalog/compile.js'
export { loadCatalog, loadCatalogSync } from './catalog/load.js'
// Types of compileCatalog's input and of CompiledEntry (the values that read catalog files are tooling).
export type { CatalogDocument, SourcePosition } from './catalog/source.js'
export { CatalogError, isCatalogError, type CatalogErrorInit, type CatalogErrorOptions } from './catalog/catalog-error.js'
// What FEC_ERR_CATALOG_INVALID carries in `error.problems`.
export type { CatalogProblem } from './catalog/problems.js'
export type { CatalogFile, CatalogEntrySource, DetailSpec, ValidationCodeRule } from './catalog/format.js'
export type { GrpcStatusName } from './catalog/grpc-status.js'
export { REQUIRED_CODES } from './catalog/builtin.js'
// `CompiledCatalog.roles`: the entry playing each role (docs/catalog-format.md, "Roles").
export type { RequiredRole, Role, RoleEntries } from './catalog/roles.js'
export { defaultFormat, TFieldErrors, type ErrorBody } from './envelope/default.js'
export { bodySchemaOf, fieldErrorsByPath, type ErrorParts, type FieldError, type FormatGuide, type RequestMember, type WireFormat } from './envelope/format.js'
export type { ArrayNode, EnvelopeDeclaration, JsonScalar, LeafNode, ObjectNode, TemplateNode } from './catalog/envelope-syntax.js'
export type { EnvelopeOption, FormatOptions } from './plugin/formats.js'
export type { LocaleOption } from './plugin/languages.js'
export type { EntryTextIn } from './catalog/compile.js'
// What generated modules (`error-catalog generate`) build their schemas with, so that they import only this package.
export { Type, type Static } from '@sinclair/typebox'
export * as libraryErrors from './errors.js'

// Validation messages (docs/validation.md).
export { ajvOptions, ERROR_MESSAGE_KEYWORD, type AjvOptionsInput } from './validation/ajv-options.js'
export {
  createValidationFormatter,
  DEFAULT_VALIDATION_LIMITS,
  ROOT_FIELD,
  type AjvErrorLike,
  type FormattedValidation,
  type ValidationFormatter,
  type ValidationLimits,
  type ValidationLocation,
  type ValidationSchemaSource
} from './validation/field-errors.js'
export type { ValidationCatalog } from './validation/messages.js'
export { withParticle } from './text/particles.js'

// OpenAPI: per-route error declarations (`schema.errors`), documented through @fastify/swagger.
export {
  errorCatalogSwagger,
  type ErrorCatalogOpenapiOptions,
  type SwaggerHooks,
  type SwaggerOptionsLike,
  type SwaggerTransformInput,
  type SwaggerTransformObjectInput,
  type SwaggerTransformObjectOption,
  type SwaggerTransformOption
} from './openapi/swagger.js'
export { DEFAULT_IMPLIED_ERRORS, type ImpliedErrors, type ResolvedImpliedErrors } from './openapi/implied.js'
export type { RouteLike } from './openapi/route.js'

// Catalog tooling (lint, codegen, the guide, diff, …) is the `fastify-error-catalog/tooling` entry: src/tooling.ts.
