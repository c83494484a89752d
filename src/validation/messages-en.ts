/**
 * The English message of every Ajv keyword, beside the Korean table of messages.ts: the same ids, the same
 * placeholders (taken from the Korean table, so a keyword's placeholders are declared once). Wording rules:
 * sentence case, a final period, the label first where English allows it, no echo of the rejected value,
 * and counts written `{limit} or more` so that a limit of 1 reads right (`1 or more items`).
 * docs/validation.md prints the same table; test/validation/docs.test.ts keeps the two in step.
 * Used for the answers in `en` of a catalog with `locales: [ko, en]` (field-errors.ts chooses a table per locale).
 */
import { VALIDATION_MESSAGES, type MessageSpec, type ValidationLocation, type ValidationWords } from './messages.js'

/** Message id → English template; the ids are those of VALIDATION_MESSAGES. */
const TEMPLATES: Readonly<Record<string, string>> = {
  required: '{label} is required.',
  type: '{label} must be {expected}.',
  minLength: '{label} must be {limit} or more characters long.',
  maxLength: '{label} must be {limit} or fewer characters long.',
  minimum: '{label} must be at least {limit}.',
  maximum: '{label} must be at most {limit}.',
  exclusiveMinimum: '{label} must be greater than {limit}.',
  exclusiveMaximum: '{label} must be less than {limit}.',
  multipleOf: '{label} must be a multiple of {limit}.',
  pattern: '{label} is not in the expected format.',
  format: '{label} must be a valid {formatName}.',
  enum: '{label} must be one of: {allowedValues}.',
  const: '{label} must be {allowedValue}.',
  minItems: '{label} must have {limit} or more items.',
  maxItems: '{label} must have {limit} or fewer items.',
  uniqueItems: '{label} must not contain duplicates (items {first} and {second} are the same).',
  minProperties: '{label} must have {limit} or more entries.',
  maxProperties: '{label} must have {limit} or fewer entries.',
  additionalProperties: '{label} is not an allowed field.',
  unevaluatedProperties: '{label} is not an allowed field.',
  dependentRequired: '{label} is required when {property} is given.',
  dependencies: '{label} is required when {property} is given.',
  anyOf: '{label} must match at least one of the allowed forms.',
  oneOf: '{label} must match exactly one of the allowed forms.',
  not: '{label} is not an allowed value.',
  if: '{label} does not meet a conditional rule.',
  contains: '{label} must have {limit} or more matching items.',
  propertyNames: '{label} has an entry whose name is not allowed: {propertyName}.',
  additionalItems: '{label} must have {limit} or fewer items.',
  items: '{label} must have {limit} or fewer items.',
  unevaluatedItems: '{label} must have {limit} or fewer items.',
  maxDepth: '{label} cannot be nested deeper than {limit} levels.',
  'false schema': '{label} is not an allowed field.',
  fallback: '{label} is not valid.'
}

/** Message id → English message: the English sibling of VALIDATION_MESSAGES. */
export const VALIDATION_MESSAGES_EN: Readonly<Record<string, MessageSpec>> = Object.freeze(Object.fromEntries(
  Object.entries(TEMPLATES).map(([id, template]) => [id, Object.freeze({ template, placeholders: VALIDATION_MESSAGES[id]?.placeholders ?? [] })])
))

/** JSON Schema type → how `{expected}` reads in English, article included (`must be an integer`). */
export const TYPE_NAMES_EN: Readonly<Record<string, string>> = Object.freeze({
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null'
})

/** Format → how `{formatName}` reads in English (`must be a valid email address`). */
export const FORMAT_NAMES_EN: Readonly<Record<string, string>> = Object.freeze({
  email: 'email address',
  'idn-email': 'email address',
  uri: 'URI',
  'uri-reference': 'URI reference',
  iri: 'IRI',
  'iri-reference': 'IRI reference',
  'uri-template': 'URI template',
  url: 'URL',
  date: 'date (e.g. 2024-01-31)',
  time: 'time (e.g. 09:30:00+09:00)',
  'date-time': 'date and time (e.g. 2024-01-31T09:30:00+09:00)',
  'iso-time': 'time (e.g. 09:30:00)',
  'iso-date-time': 'date and time (e.g. 2024-01-31T09:30:00)',
  duration: 'duration (e.g. P3D)',
  uuid: 'UUID',
  ipv4: 'IPv4 address',
  ipv6: 'IPv6 address',
  hostname: 'host name',
  'idn-hostname': 'host name',
  regex: 'regular expression',
  'json-pointer': 'JSON pointer',
  'json-pointer-uri-fragment': 'JSON pointer',
  'relative-json-pointer': 'relative JSON pointer',
  byte: 'Base64 string',
  int32: '32-bit integer',
  int64: '64-bit integer',
  float: 'floating-point number',
  double: 'floating-point number'
})

/** The label of a failure of a whole part, in English; it starts a sentence (`The request body must be an object.`). */
export const LOCATION_LABELS_EN: Readonly<Record<ValidationLocation, string>> = Object.freeze({
  body: 'The request body',
  querystring: 'The query string',
  params: 'The path parameters',
  headers: 'The request headers'
})

/** `The request body` inside a phrase: `item 2 of the request body`. */
const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1)

/** The English wording: the tables above. A generated label starts the sentence, so it is capitalized. */
export const VALIDATION_WORDS_EN: ValidationWords = Object.freeze({
  messages: VALIDATION_MESSAGES_EN,
  typeNames: TYPE_NAMES_EN,
  formatNames: FORMAT_NAMES_EN,
  locationLabels: LOCATION_LABELS_EN,
  unknownFormat: (format: string) => `${format} value`,
  arrayItem: (owner: string, number: number) => `Item ${number} of ${owner}`,
  partItem: (location: ValidationLocation, number: number) => `Item ${number} of ${lowerFirst(LOCATION_LABELS_EN[location])}`,
  alternatives: (names: readonly string[]) => names.length <= 2 ? names.join(' or ') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`,
  andMore: (listed: string, rest: number) => `${listed} and ${rest} more`
})
