/**
 * The catalog file format, version 1, as one TypeBox definition.
 * The loader validates against it and `error-catalog schema` emits it for editors, so the two cannot drift.
 * docs/catalog-format.md describes every member.
 */
import { Type, type Static, type TRecord, type TSchema, type TString, type TUnion } from '@sinclair/typebox'
import { GRPC_STATUS_NAMES } from './grpc-status.js'
import { ROLE_CODES, ROLE_NAMES, roleDescription } from './roles.js'

/** UPPER_SNAKE_CASE: a letter first, then letters, digits and single underscores. */
export const CODE_PATTERN = '^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$'
/** A placeholder or detail name: a JavaScript identifier. */
export const NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_]*$'
/** A category id. */
export const CATEGORY_PATTERN = '^[a-z][a-z0-9_-]*$'
/** A foreign error's `code` or class `name` in `maps`: an identifier-like word (letters, digits, `_`, `$`, `.`, `-`). */
export const FOREIGN_PATTERN = '^[A-Za-z_$][A-Za-z0-9_$.-]*$'
/** The largest `number` (ErrorInfo codes are int32). */
export const MAX_ERROR_NUMBER = 2147483647
/** A locale of `locales`: a BCP 47 language tag such as `ko`, `en` or `en-US`. */
export const LOCALE_PATTERN = '^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$'

const strict = { additionalProperties: false }

/**
 * A translatable member: the default locale's text, or a map by locale (`{ ko: …, en: … }`). Map keys are checked
 * against `locales` by check.ts (a key the catalog does not declare is a problem there, with its position).
 */
function Translatable<T extends TSchema> (text: T, description: string): TUnion<[T, TRecord<TString, T>]> {
  return Type.Union([text, Type.Record(Type.String(), text, strict)], { description: `${description} A map by locale (\`{ ko: …, en: … }\`) gives translations.` })
}

/** A translatable text: the default locale's, or a map by locale. */
export type Localized<T> = T | Readonly<Record<string, T>>

const annotations = {
  description: Type.Optional(Translatable(Type.String(), 'What this value means (docs and OpenAPI).')),
  optional: Type.Optional(Type.Boolean({ description: 'The detail may be left out (default false: required).' })),
  example: Type.Optional(Type.Unknown({ description: 'An example value, used in docs and OpenAPI examples.' }))
}

/** One property of `details`: a small JSON Schema subset. Recursive through `items` and `properties`. */
export const TDetailSpec = Type.Recursive((This) => Type.Union([
  Type.Object({
    type: Type.Literal('string'),
    format: Type.Optional(Type.String({ description: 'A JSON Schema format: date-time, email, uri, uuid, …' })),
    enum: Type.Optional(Type.Array(Type.String(), { minItems: 1 })),
    minLength: Type.Optional(Type.Integer({ minimum: 0 })),
    maxLength: Type.Optional(Type.Integer({ minimum: 0 })),
    ...annotations
  }, strict),
  Type.Object({
    type: Type.Literal('integer'),
    minimum: Type.Optional(Type.Integer()),
    maximum: Type.Optional(Type.Integer()),
    ...annotations
  }, strict),
  Type.Object({
    type: Type.Literal('number'),
    minimum: Type.Optional(Type.Number()),
    maximum: Type.Optional(Type.Number()),
    ...annotations
  }, strict),
  Type.Object({ type: Type.Literal('boolean'), ...annotations }, strict),
  Type.Object({ type: Type.Literal('array'), items: This, ...annotations }, strict),
  Type.Object({ type: Type.Literal('object'), properties: Type.Record(Type.String({ pattern: NAME_PATTERN }), This, strict), ...annotations }, strict)
], { description: 'One typed detail of the error.' }), { $id: 'DetailSpec' })

export type DetailSpec = Static<typeof TDetailSpec>

/** One error of the catalog. */
export const TEntry = Type.Object({
  status: Type.Integer({ minimum: 400, maximum: 599, description: 'HTTP status, 400–599.' }),
  message: Translatable(Type.String({ minLength: 1 }), 'The message the user sees (Korean by default); {name} inserts a detail.'),
  description: Type.Optional(Translatable(Type.String(), 'When this error happens (docs: 설명).')),
  category: Type.Optional(Type.String({ description: 'A key of `categories`.' })),
  retryable: Type.Optional(Type.Boolean({ description: 'Whether the same request may succeed later (default false).' })),
  retryAfter: Type.Optional(Type.Integer({ minimum: 0, description: 'Seconds; sent as the Retry-After header.' })),
  suggestions: Type.Optional(Translatable(Type.Array(Type.String({ minLength: 1 })), 'What the client or user should do (처리 방법); may hold {placeholders}.')),
  details: Type.Optional(Type.Record(Type.String({ pattern: NAME_PATTERN }), TDetailSpec, { ...strict, description: 'The typed parameters of this error.' })),
  deprecated: Type.Optional(Type.Union([Type.Boolean(), Type.String({ minLength: 1 }), Type.Record(Type.String(), Type.String({ minLength: 1 }), strict)], {
    description: 'true, or the reason and replacement. A map by locale (`{ ko: …, en: … }`) gives translations.'
  })),
  docsUrl: Type.Optional(Type.String({ format: 'uri', description: 'Where this error is documented.' })),
  // `enum` is for editors; check.ts reports an unknown name with the list (TypeBox does not check `enum` here).
  grpc: Type.Optional(Type.String({ enum: [...GRPC_STATUS_NAMES], description: 'gRPC status name (default: derived from `status`, docs/grpc.md).' })),
  number: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ERROR_NUMBER, description: 'Numeric code, unique in the catalog (ErrorInfo metadata `number`).' })),
  maps: Type.Optional(Type.Array(Type.String({ pattern: FOREIGN_PATTERN }), {
    description: 'Errors of other libraries this code answers, by their `code` (FST_JWT_AUTHORIZATION_TOKEN_EXPIRED) or class `name` (TokenExpiredError); one code per catalog each.'
  }))
}, { ...strict, description: 'One error of the catalog.' })

export type CatalogEntrySource = Static<typeof TEntry>

/** A retired code: it must never be used again, so that old clients never misread a new error. */
export const TReserved = Type.Union([
  Type.String({ pattern: CODE_PATTERN }),
  Type.Integer({ minimum: 1, maximum: MAX_ERROR_NUMBER, description: 'A retired `number`.' }),
  Type.Object({
    number: Type.Integer({ minimum: 1, maximum: MAX_ERROR_NUMBER }),
    reason: Type.Optional(Type.String()),
    since: Type.Optional(Type.String())
  }, strict),
  Type.Object({
    code: Type.String({ pattern: CODE_PATTERN }),
    reason: Type.Optional(Type.String()),
    since: Type.Optional(Type.String())
  }, strict)
])

/**
 * One rule of `validation.codes`: a failed keyword (optionally only at one field, and for `format` only of one format
 * name) answered with a code of the catalog. check.ts checks the meaning (known code and keyword, a field path, a rule
 * an earlier one does not already take); docs/validation.md, "Validation as catalog codes".
 */
export const TValidationCode = Type.Object({
  keyword: Type.String({ minLength: 1, description: 'The Ajv keyword that failed: format, required, minLength, …' }),
  field: Type.Optional(Type.String({ minLength: 1, description: 'Only at this field: a path like `password`, `address.zip` or `items[].email` (`[]`: any index).' })),
  format: Type.Optional(Type.String({ minLength: 1, description: 'With keyword `format`: only this format name (email, uri, …).' })),
  code: Type.String({ pattern: CODE_PATTERN, description: 'The code of this catalog to answer with.' })
}, { ...strict, description: 'A validation keyword (and field, format) → a code of the catalog.' })

export type ValidationCodeRule = Static<typeof TValidationCode>

/** Catalog-wide settings for validation (400) messages. */
export const TValidation = Type.Object({
  messages: Type.Optional(Type.Record(Type.String(), Translatable(Type.String({ minLength: 1 }), 'The template of this keyword.'), {
    description: 'Message template per Ajv keyword, overriding the built-in message.'
  })),
  codes: Type.Optional(Type.Array(TValidationCode, {
    description: 'Failed keywords answered with codes of the catalog, first matching rule first; a failure no rule matches keeps the validation code.'
  })),
  echo: Type.Optional(Type.Object({
    maxLength: Type.Integer({ minimum: 1, maximum: 1000, description: 'At most this many characters (code points) of a rejected string; a longer one is cut and ends with `…`.' })
  }, { ...strict, description: 'Opt-in: `$fieldValue` sends the rejected value (strings, numbers, booleans; never headers, `writeOnly` or `format: password` fields).' }))
}, { ...strict, description: 'How validation failures are worded and answered.' })

/**
 * `roles:` the catalog's own code for each role the plugin answers by itself (roles.ts; docs/catalog-format.md,
 * "Roles"); a role not named keeps its builtin code. check.ts reports unknown roles and codes and a misfit status.
 */
export const TRoles = Type.Object(
  Object.fromEntries(ROLE_NAMES.map((role) => [role, Type.Optional(Type.String({ pattern: CODE_PATTERN, description: `${roleDescription(role)} Default ${ROLE_CODES[role]}.` }))])),
  { ...strict, description: 'Role → the code of this catalog (or a builtin one) the plugin answers with in that case, e.g. `internal: SERVER_ERROR`.' }
)

/** Settings of `error-catalog lint`, kept with the catalog; the loader ignores them. Rule ids are checked by lint. */
export const TLintSettings = Type.Object({
  rules: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z][a-z0-9-]*$' }), Type.String({ pattern: '^(error|warning|warn|off)$' }), {
    ...strict,
    description: 'Rule id → error, warning (or warn) or off, e.g. `retryable-status: warn`.'
  }))
}, { ...strict, description: 'How `error-catalog lint` treats this catalog.' })

/** The whole catalog file. */
export const TCatalogFile = Type.Object({
  $schema: Type.Optional(Type.String()),
  version: Type.Literal(1, { description: 'Format version; always 1.' }),
  locale: Type.Optional(Type.String({ description: 'Language of a single-locale catalog (default ko); with `locales`, its first.' })),
  locales: Type.Optional(Type.Array(Type.String({ pattern: LOCALE_PATTERN }), { minItems: 1, description: 'The languages of the catalog, the default first (`[ko, en]`).' })),
  categories: Type.Optional(Type.Record(Type.String({ pattern: CATEGORY_PATTERN }), Translatable(Type.String({ minLength: 1 }), 'The title.'), { ...strict, description: 'Category id → title, in document order.' })),
  errors: Type.Record(Type.String({ pattern: CODE_PATTERN }), TEntry, { ...strict, description: 'CODE → entry. CODE is UPPER_SNAKE_CASE.' }),
  reserved: Type.Optional(Type.Array(TReserved, { description: 'Retired codes that may not be defined again.' })),
  validation: Type.Optional(TValidation),
  lint: Type.Optional(TLintSettings),
  roles: Type.Optional(TRoles),
  envelope: Type.Optional(Type.Unknown({ description: 'The wire format of error bodies: { contentType?, body (a JSON template of $variables and constants), fieldError? } (docs/wire-formats.md).' }))
}, { ...strict, title: 'fastify-error-catalog catalog file', description: 'An error catalog for fastify-error-catalog (format version 1).' })

export type CatalogFile = Static<typeof TCatalogFile>

/** Schemas the checker needs to resolve `$ref`s of the recursive detail spec. */
export const catalogReferences: TSchema[] = [TDetailSpec]
