/**
 * `fastify-error-catalog/tooling`: what build scripts, editors and CI run on a catalog file in-process (the same
 * code the error-catalog CLI runs). Apps do not need it at run time; its names are listed here and nowhere else.
 *
 * The rule, name by name: here goes what works on a catalog *file* rather than serving requests (reading it with
 * source positions, checking and linting it, generating code, schemas and the guide from it, diffing two versions)
 * and the tables those tools report from (lint rules, the validation message tables). Types used by the root's
 * signatures (CompiledCatalog, CatalogDocument, CatalogFile, CatalogProblem, DetailSpec, …) are imported from
 * `fastify-error-catalog`; each name has one home (test/public-surface.test.ts holds both lists).
 */

// Reading a catalog file with source positions (loadCatalog, in the root, reads and compiles in one step).
export { readCatalogDocument, readCatalogDocumentSync } from './catalog/load.js'
export { MAX_CATALOG_BYTES, parseCatalogText, type CatalogSyntax } from './catalog/source.js'
export { checkCatalogDocument, type CheckOptions, type CheckResult } from './catalog/check.js'
export { formatProblem } from './catalog/problems.js'
// The catalog format as TypeBox schemas (docs/catalog-format.md); its static types are in the root.
export { TCatalogFile, TDetailSpec, TEntry, TValidationCode } from './catalog/format.js'
export { builtinCatalogPath } from './catalog/builtin.js'

// Lint (docs/cli.md `error-catalog lint`).
export { lintCatalogDocument, lintText, type LintOptions, type LintProblem } from './lint/lint.js'
export { LINT_RULES, type LintRule, type RuleSetting } from './lint/rules.js'
export { findMojibake, type MojibakeGuess, type MojibakeOptions, type MojibakeReport, type MojibakeSpan } from './lint/mojibake.js'
export { SyllableFrequency } from './lint/hangul-frequency.js'

// Generated files: the typed module, the catalog's JSON Schema, the Korean error guide.
export { renderModule, type ModuleOptions } from './codegen/module.js'
export { renderCatalogSchema } from './codegen/catalog-schema.js'
export { renderErrorGuide, type ErrorGuideOptions } from './docs/error-guide.js'
export { anchorOf } from './text/anchors.js'

// Comparing two versions of a catalog (`error-catalog diff`).
export { diffCatalogs, BREAKING, type CatalogChange, type ChangeKind } from './diff/diff.js'

// The validation message tables (docs/validation.md), to document or check messages; the formatter is in the root.
export { FORMAT_NAMES, TYPE_NAMES, VALIDATION_MESSAGES, type MessageSpec } from './validation/messages.js'
