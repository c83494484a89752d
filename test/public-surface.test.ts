import t from 'tap'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

/**
 * The two public entries, name by name: `fastify-error-catalog` (src/index.ts) for what an app uses while it serves
 * requests, `fastify-error-catalog/tooling` (src/tooling.ts) for what build scripts, editors and CI run on a catalog
 * file. A tooling name that leaks back into the root, a run-time name the root loses, or a name that turns from a
 * type into a value (or back) fails here; moving a name on purpose means moving it in these lists too.
 * `type X` is a type-only export; the rest are values.
 */
const ROOT = [
  // The plugin, its options, and the registry that generated modules fill in (it also carries the Fastify
  // augmentations: app.errors, app.errorCatalog, app.errorCatalogSwagger, schema.errors).
  'default', 'errorCatalog', 'type ErrorCatalogOptions', 'type ErrorCatalogRegister', 'type RegisteredFactories',
  // Composing with an app's own error handler, and the server options every app passes to Fastify().
  'createErrorHandler', 'type ErrorHandler', 'type ErrorHandlerOptions', 'type LogLevel', 'frameworkErrors', 'clientErrorHandler', 'type ParserError',
  // The codes the plugin answers with: an app's catalog must keep them (builtin: false) or may override them.
  'FRAMEWORK_CODES', 'STATUS_CODES', 'REQUIRED_CODES',
  // Integrations, observation and metrics: plugin options and what their callbacks receive.
  'rateLimitErrorResponse', 'type RateLimitContext', 'type CatalogErrorEvent', 'type CatalogErrorHook',
  'ERRORS_METRIC', 'UNMATCHED_ROUTE', 'type MetricsOption', 'type MetricsRegistry', 'type WwwAuthenticate',
  // Catalogs loaded or compiled at startup, and the types of their input and output (CatalogSource takes a
  // CatalogDocument or a CatalogFile; CompiledEntry names DetailSpec, SourcePosition and GrpcStatusName).
  'compileCatalog', 'isCompiledCatalog', 'loadCatalog', 'loadCatalogSync',
  'type CatalogSource', 'type CompileOptions', 'type CompiledCatalog', 'type CompiledEntry', 'type ErrorFactories', 'type ErrorFactory',
  'type ReservedCode', 'type ReservedNumber', 'type StackTracePolicy',
  // CompiledCatalog.roles: the entry playing each role the plugin answers by itself.
  'type Role', 'type RequiredRole', 'type RoleEntries', 'type ValidationCodeRule',
  'type CatalogDocument', 'type SourcePosition', 'type CatalogFile', 'type CatalogEntrySource', 'type DetailSpec', 'type GrpcStatusName',
  // What is thrown: catalog errors, and the library's own errors (FEC_ERR_CATALOG_INVALID carries CatalogProblem[]).
  'CatalogError', 'isCatalogError', 'type CatalogErrorInit', 'type CatalogErrorOptions', 'libraryErrors', 'type CatalogProblem',
  // The wire format (src/envelope): an app's own handler or client code builds and reads bodies with it.
  'defaultFormat', 'TFieldErrors', 'type ErrorBody', 'bodySchemaOf', 'fieldErrorsByPath',
  'type ErrorParts', 'type FieldError', 'type FormatGuide', 'type RequestMember', 'type WireFormat',
  // The declaration a catalog's `envelope:` compiles to (CompiledCatalog.envelope) and the options that choose formats and languages.
  'type ArrayNode', 'type EnvelopeDeclaration', 'type JsonScalar', 'type LeafNode', 'type ObjectNode', 'type TemplateNode',
  'type EnvelopeOption', 'type FormatOptions', 'type LocaleOption', 'type EntryTextIn',
  // What generated modules import, so that they need nothing but this package.
  'Type', 'type Static',
  // Validation at run time: the Ajv options every app passes, the formatter of a custom handler, particles for its messages.
  'ajvOptions', 'ERROR_MESSAGE_KEYWORD', 'type AjvOptionsInput',
  'createValidationFormatter', 'DEFAULT_VALIDATION_LIMITS', 'ROOT_FIELD', 'type AjvErrorLike', 'type FormattedValidation', 'type ValidationCatalog',
  'type ValidationFormatter', 'type ValidationLimits', 'type ValidationLocation', 'type ValidationSchemaSource', 'withParticle',
  // OpenAPI through @fastify/swagger, registered by the app at startup, with every type its signature names.
  'errorCatalogSwagger', 'type ErrorCatalogOpenapiOptions', 'type SwaggerHooks', 'type SwaggerOptionsLike',
  'type SwaggerTransformInput', 'type SwaggerTransformObjectInput', 'type SwaggerTransformOption', 'type SwaggerTransformObjectOption',
  'DEFAULT_IMPLIED_ERRORS', 'type ImpliedErrors', 'type ResolvedImpliedErrors', 'type RouteLike'
]

const TOOLING = [
  // Reading a catalog file with source positions, and checking it (the root's loadCatalog does both and compiles).
  'readCatalogDocument', 'readCatalogDocumentSync', 'parseCatalogText', 'MAX_CATALOG_BYTES', 'type CatalogSyntax',
  'checkCatalogDocument', 'type CheckOptions', 'type CheckResult', 'formatProblem', 'builtinCatalogPath',
  // The catalog format as TypeBox schemas, for editors and schema tools (its static types are in the root).
  'TCatalogFile', 'TDetailSpec', 'TEntry', 'TValidationCode',
  // Lint, with its rules and the mojibake finder.
  'lintCatalogDocument', 'lintText', 'type LintOptions', 'type LintProblem', 'LINT_RULES', 'type LintRule', 'type RuleSetting',
  'findMojibake', 'type MojibakeGuess', 'type MojibakeOptions', 'type MojibakeReport', 'type MojibakeSpan', 'SyllableFrequency',
  // Generated files: the typed module, the catalog's JSON Schema, the error guide.
  'renderModule', 'type ModuleOptions', 'renderCatalogSchema', 'renderErrorGuide', 'type ErrorGuideOptions', 'anchorOf',
  // Comparing two versions of a catalog.
  'diffCatalogs', 'BREAKING', 'type CatalogChange', 'type ChangeKind',
  // The validation message tables, to document or check messages (the root's formatter applies them).
  'VALIDATION_MESSAGES', 'TYPE_NAMES', 'FORMAT_NAMES', 'type MessageSpec'
]

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src')
const entries = { root: `${SRC}/index.ts`, tooling: `${SRC}/tooling.ts` }
const program = ts.createProgram(Object.values(entries), { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, noEmit: true, types: ['node'] })
const checker = program.getTypeChecker()

/** What an entry exports, as `name` for a value and `type name` for a type-only name, sorted. */
function exportsOf (file: string): string[] {
  const module = checker.getSymbolAtLocation(program.getSourceFile(file) as ts.SourceFile) as ts.Symbol
  return checker.getExportsOfModule(module).map((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol
    const typeOnlyExport = symbol.declarations?.some((declaration) => ts.isExportSpecifier(declaration) && (declaration.isTypeOnly || declaration.parent.parent.isTypeOnly)) === true
    const typeOnly = typeOnlyExport || (target.flags & ts.SymbolFlags.Value) === 0
    return `${typeOnly ? 'type ' : ''}${symbol.name}`
  }).sort()
}

t.test('the root entry exports the run-time names, and nothing else', async (t) => {
  t.same(exportsOf(entries.root), [...ROOT].sort())
})

t.test('the tooling entry exports the catalog tools, and nothing else', async (t) => {
  t.same(exportsOf(entries.tooling), [...TOOLING].sort())
})

t.test('each public name has one home', async (t) => {
  const bare = (name: string): string => name.replace(/^type /, '')
  const root = new Set(ROOT.map(bare))
  t.same(TOOLING.map(bare).filter((name) => root.has(name)), [])
})
