/**
 * fastify-error-catalog: one catalog file for every API error.
 * Every public name is listed here; everything else is internal.
 */
import { errorCatalog } from './plugin/index.js'

export { errorCatalog }
export default errorCatalog

export type { ErrorCatalogOptions } from './plugin/options.js'
export type { ErrorCatalogRegister, RegisteredFactories } from './plugin/types.js'
export { createErrorHandler, type ErrorHandler, type ErrorHandlerOptions, type LogLevel } from './plugin/error-handler.js'
export { FRAMEWORK_CODES, STATUS_CODES } from './plugin/classify.js'
export { frameworkErrors } from './plugin/framework-errors.js'
export { clientErrorHandler } from './plugin/client-error.js'
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
export { loadCatalog, loadCatalogSync, readCatalogDocument, readCatalogDocumentSync } from './catalog/load.js'
export { MAX_CATALOG_BYTES, parseCatalogText, type CatalogDocument, type SourcePosition } from './catalog/source.js'
export { checkCatalogDocument } from './catalog/check.js'
export { CatalogError, isCatalogError, type CatalogErrorOptions } from './catalog/catalog-error.js'
export { formatProblem, type CatalogProblem } from './catalog/problems.js'
export { TCatalogFile, TDetailSpec, TEntry, type CatalogFile, type CatalogEntrySource, type DetailSpec } from './catalog/format.js'
export { builtinCatalogPath, REQUIRED_CODES } from './catalog/builtin.js'
export { envelopeSchema, renderEnvelope, TFieldErrors, type ErrorBody } from './envelope/default.js'
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
export { FORMAT_NAMES, TYPE_NAMES, VALIDATION_MESSAGES, type MessageSpec } from './validation/messages.js'
export { withParticle } from './validation/particles.js'

// OpenAPI: per-route error declarations (`schema.errors`), documented through @fastify/swagger.
export {
  errorCatalogSwagger,
  type ErrorCatalogOpenapiOptions,
  type SwaggerHooks,
  type SwaggerOptionsLike,
  type SwaggerTransformInput,
  type SwaggerTransformObjectInput
} from './openapi/swagger.js'
export { DEFAULT_IMPLIED_ERRORS, type ImpliedErrors, type ResolvedImpliedErrors } from './openapi/implied.js'
export type { RouteLike } from './openapi/route.js'

// Catalog tooling (what the error-catalog CLI runs), for build scripts that call it in-process.
export { lintCatalogDocument, lintText, type LintOptions, type LintProblem } from './lint/lint.js'
export { LINT_RULES, type LintRule } from './lint/rules.js'
export { findMojibake, type MojibakeReport, type MojibakeSpan } from './lint/mojibake.js'
export { renderModule, type ModuleOptions } from './codegen/module.js'
export { renderCatalogSchema } from './codegen/catalog-schema.js'
export { renderErrorGuide, type ErrorGuideOptions } from './docs/error-guide.js'
export { anchorOf } from './docs/anchors.js'
export { diffCatalogs, BREAKING, type CatalogChange, type ChangeKind } from './diff/diff.js'
