/**
 * An Ajv error → which message to use (its id in the message table) and the values of its placeholders.
 * A union reads as one message: of literals (TypeBox `Union([Literal(…), …])`) like `enum`, of plain types
 * (`Union([String(), Null()])`) like `type`, otherwise with the anyOf / oneOf message.
 */
import { formatValue } from '../text/template.js'
import { propertyLabel, type ValidationLanguage } from './labels.js'
import { VALIDATION_MESSAGES, VALIDATION_WORDS, type ValidationWords } from './messages.js'
import { clip } from './paths.js'
import type { KeywordSite, SchemaObject, ValidationSchemaSource } from './schema-lookup.js'

/** The part of an Ajv error this module reads. */
export interface AjvErrorLike {
  keyword: string
  instancePath: string
  schemaPath?: string
  params: Record<string, any>
  message?: string
}

/** The message to render for one error. */
export interface Wording {
  /** Message id: a key of VALIDATION_MESSAGES, or the error's own keyword when no default exists. */
  readonly id: string
  /** Placeholder values besides `label`. */
  readonly values: Record<string, string>
}

/** At most this many allowed values are listed in a message; the rest are counted (`… 외 12개`). */
export const MAX_LISTED_VALUES = 20

/** Chooses the message of an error, with the values its language words (type and format names, lists). */
export function wordingOf (error: AjvErrorLike, site: KeywordSite, source: ValidationSchemaSource | undefined, language: ValidationLanguage): Wording {
  const params = error.params
  const keyword = error.keyword
  const { words } = language
  switch (keyword) {
    case 'type': return { id: keyword, values: { expected: typeNames(params.type, words) } }
    case 'minLength': case 'maxLength': case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum':
    case 'minItems': case 'maxItems': case 'minProperties': case 'maxProperties':
    case 'additionalItems': case 'items': case 'unevaluatedItems': case 'maxDepth':
      return { id: keyword, values: { limit: formatValue(params.limit) } }
    case 'multipleOf': return { id: keyword, values: { limit: formatValue(params.multipleOf) } }
    case 'contains': return { id: keyword, values: { limit: formatValue(params.minContains ?? 1) } }
    case 'pattern': return { id: keyword, values: { pattern: formatValue(params.pattern) } }
    case 'format': {
      const format = formatValue(params.format)
      return { id: keyword, values: { format, formatName: words.formatNames[format] ?? words.unknownFormat(format) } }
    }
    case 'enum': return { id: keyword, values: { allowedValues: listValues(params.allowedValues ?? site.schema?.enum, words) } }
    case 'const': return { id: keyword, values: { allowedValue: showValue('allowedValue' in params ? params.allowedValue : site.schema?.const) } }
    case 'uniqueItems': {
      const [first, second] = [Number(params.j), Number(params.i)].sort((a, b) => a - b)
      return { id: keyword, values: { first: String(first + 1), second: String(second + 1) } }
    }
    case 'dependentRequired': case 'dependencies':
      return { id: keyword, values: { property: propertyLabel(site, String(params.property), source, language.titleKey) } }
    case 'propertyNames': return { id: keyword, values: { propertyName: clip(formatValue(params.propertyName)) } }
    case 'if': return { id: keyword, values: { failingKeyword: formatValue(params.failingKeyword) } }
    case 'anyOf': case 'oneOf': return unionWording(keyword, site.schema?.[keyword], words)
    default:
      return Object.hasOwn(VALIDATION_MESSAGES, keyword) ? { id: keyword, values: {} } : { id: keyword, values: { keyword } }
  }
}

/** Per language (its words), per union schema. */
const unionsByWords = new WeakMap<ValidationWords, WeakMap<object, Wording>>()

/** One message for a whole union, worked out once per union schema and language. */
function unionWording (keyword: 'anyOf' | 'oneOf', branches: unknown, words: ValidationWords): Wording {
  if (!Array.isArray(branches)) return { id: keyword, values: {} }
  let unions = unionsByWords.get(words)
  if (unions === undefined) unionsByWords.set(words, (unions = new WeakMap()))
  let wording = unions.get(branches)
  if (wording === undefined) {
    wording = describeUnion(keyword, branches, words)
    unions.set(branches, wording)
  }
  return wording
}

function describeUnion (keyword: 'anyOf' | 'oneOf', branches: unknown[], words: ValidationWords): Wording {
  const literals: unknown[] = []
  const types: string[] = []
  for (const branch of branches) {
    if (typeof branch !== 'object' || branch === null) return { id: keyword, values: {} }
    const schema = branch as SchemaObject
    if ('const' in schema) literals.push(schema.const)
    else if (Array.isArray(schema.enum) && Object.keys(schema).every((key) => key === 'enum' || key === 'type' || isAnnotation(key))) literals.push(...schema.enum)
    else if (Object.keys(schema).every((key) => key === 'type' || isAnnotation(key)) && schema.type !== undefined) types.push(...[schema.type].flat().map(String))
    else return { id: keyword, values: {} }
  }
  // A oneOf of literals or of distinct types fails exactly when none matches: it reads the same as anyOf.
  if (types.length === 0) return { id: 'enum', values: { allowedValues: listValues(literals, words) } }
  if (literals.length === 0) return { id: 'type', values: { expected: typeNames([...new Set(types)], words) } }
  return { id: keyword, values: {} }
}

const ANNOTATIONS = new Set(['title', 'description', 'examples', 'default', '$comment', 'deprecated', 'readOnly', 'writeOnly', 'x-error-message'])

/** An annotation, per-locale ones (`x-title-en`, `x-error-message-en`) included. */
function isAnnotation (key: string): boolean {
  return ANNOTATIONS.has(key) || key.startsWith('x-title-') || key.startsWith('x-error-message-')
}

/** `['string', 'null']` or `'string,null'` → `문자열 또는 null` (`a string or null` in English). */
export function typeNames (type: unknown, words: ValidationWords = VALIDATION_WORDS): string {
  const names = (Array.isArray(type) ? type.map(String) : String(type).split(',')).map((name) => words.typeNames[name.trim()] ?? name.trim())
  return words.alternatives(names)
}

/** Allowed values as a message lists them: `WAITING, IN_PROGRESS`, at most MAX_LISTED_VALUES of them. */
export function listValues (values: unknown, words: ValidationWords = VALIDATION_WORDS): string {
  if (!Array.isArray(values)) return showValue(values)
  const shown = values.slice(0, MAX_LISTED_VALUES).map(showValue)
  const rest = values.length - shown.length
  return rest > 0 ? words.andMore(shown.join(', '), rest) : shown.join(', ')
}

/** One value as a message shows it: strings bare, `null` spelled out, objects as JSON. */
function showValue (value: unknown): string {
  return value === null ? 'null' : formatValue(value)
}
