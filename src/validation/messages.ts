/**
 * The default Korean message of every Ajv keyword, in one table. docs/validation.md prints the same table;
 * test/validation/docs.test.ts keeps the two in step. Wording rules: 합니다체, the field label first with
 * its particle, no echo of the rejected value (it may be long, or private).
 * Keyword reference: https://ajv.js.org/json-schema.html
 */
import type { RequestPart } from '../request-parts.js'

/** One message: the template and the placeholders it may use besides `{label}`. */
export interface MessageSpec {
  /** The default template (`{label}{은/는} …`). */
  readonly template: string
  /** Placeholders this keyword provides besides `{label}`, e.g. `limit`. */
  readonly placeholders: readonly string[]
}

const spec = (template: string, ...placeholders: string[]): MessageSpec => Object.freeze({ template, placeholders: Object.freeze(placeholders) })

/**
 * Message id → default message. Ids are Ajv keywords, plus `false schema` (Ajv's name for a `false`
 * subschema), `maxDepth` (the plugin's nesting-depth check of bodies, src/validation/depth.ts) and `fallback`
 * (any keyword not listed, such as a custom one).
 */
export const VALIDATION_MESSAGES: Readonly<Record<string, MessageSpec>> = Object.freeze({
  required: spec('{label}{은/는} 필수 항목입니다.'),
  type: spec('{label}{은/는} {expected}{이어야/여야} 합니다.', 'expected'),
  minLength: spec('{label}{은/는} {limit}자 이상이어야 합니다.', 'limit'),
  maxLength: spec('{label}{은/는} {limit}자 이하여야 합니다.', 'limit'),
  minimum: spec('{label}{은/는} {limit} 이상이어야 합니다.', 'limit'),
  maximum: spec('{label}{은/는} {limit} 이하여야 합니다.', 'limit'),
  exclusiveMinimum: spec('{label}{은/는} {limit}보다 커야 합니다.', 'limit'),
  exclusiveMaximum: spec('{label}{은/는} {limit}보다 작아야 합니다.', 'limit'),
  multipleOf: spec('{label}{은/는} {limit}의 배수여야 합니다.', 'limit'),
  pattern: spec('{label}의 형식이 올바르지 않습니다.', 'pattern'),
  format: spec('{label}{은/는} 올바른 {formatName}{이어야/여야} 합니다.', 'format', 'formatName'),
  enum: spec('{label}{은/는} 다음 중 하나여야 합니다: {allowedValues}.', 'allowedValues'),
  const: spec('{label}{은/는} {allowedValue}{이어야/여야} 합니다.', 'allowedValue'),
  minItems: spec('{label}{은/는} {limit}개 이상이어야 합니다.', 'limit'),
  maxItems: spec('{label}{은/는} {limit}개 이하여야 합니다.', 'limit'),
  uniqueItems: spec('{label}의 항목은 서로 달라야 합니다({first}번째와 {second}번째가 같습니다).', 'first', 'second'),
  minProperties: spec('{label}에는 항목이 {limit}개 이상 있어야 합니다.', 'limit'),
  maxProperties: spec('{label}에는 항목이 {limit}개까지만 있을 수 있습니다.', 'limit'),
  additionalProperties: spec('{label}{은/는} 허용되지 않는 항목입니다.'),
  unevaluatedProperties: spec('{label}{은/는} 허용되지 않는 항목입니다.'),
  dependentRequired: spec('{property}{을/를} 입력하면 {label}도 입력해야 합니다.', 'property'),
  dependencies: spec('{property}{을/를} 입력하면 {label}도 입력해야 합니다.', 'property'),
  anyOf: spec('{label}{은/는} 허용된 형식 중 하나 이상에 맞아야 합니다.'),
  oneOf: spec('{label}{은/는} 허용된 형식 중 정확히 하나에 맞아야 합니다.'),
  not: spec('{label}{은/는} 허용되지 않는 값입니다.'),
  if: spec('{label}{이/가} 조건부 규칙에 맞지 않습니다.', 'failingKeyword'),
  contains: spec('{label}에는 조건에 맞는 항목이 {limit}개 이상 있어야 합니다.', 'limit'),
  propertyNames: spec('{label}에 허용되지 않는 이름의 항목이 있습니다: {propertyName}.', 'propertyName'),
  additionalItems: spec('{label}{은/는} {limit}개 이하여야 합니다.', 'limit'),
  items: spec('{label}{은/는} {limit}개 이하여야 합니다.', 'limit'),
  unevaluatedItems: spec('{label}{은/는} {limit}개 이하여야 합니다.', 'limit'),
  maxDepth: spec('{label}{은/는} {limit}단계보다 깊게 중첩할 수 없습니다.', 'limit'),
  'false schema': spec('{label}{은/는} 허용되지 않는 항목입니다.'),
  fallback: spec('{label}{은/는} 올바른 값이 아닙니다.', 'keyword')
})

/** JSON Schema type → how `{expected}` reads it. Several types read `문자열 또는 null`. */
export const TYPE_NAMES: Readonly<Record<string, string>> = Object.freeze({
  string: '문자열',
  number: '숫자',
  integer: '정수',
  boolean: 'true 또는 false',
  object: '객체',
  array: '배열',
  null: 'null'
})

/**
 * Format → how `{formatName}` reads it (ajv-formats' names, which Fastify installs). A format not listed
 * reads `<name> 형식의 값`.
 */
export const FORMAT_NAMES: Readonly<Record<string, string>> = Object.freeze({
  email: '이메일 주소',
  'idn-email': '이메일 주소',
  uri: 'URI',
  'uri-reference': 'URI 참조',
  iri: 'IRI',
  'iri-reference': 'IRI 참조',
  'uri-template': 'URI 템플릿',
  url: 'URL',
  date: '날짜(예: 2024-01-31)',
  time: '시각(예: 09:30:00+09:00)',
  'date-time': '날짜와 시각(예: 2024-01-31T09:30:00+09:00)',
  'iso-time': '시각(예: 09:30:00)',
  'iso-date-time': '날짜와 시각(예: 2024-01-31T09:30:00)',
  duration: '기간(예: P3D)',
  uuid: 'UUID',
  ipv4: 'IPv4 주소',
  ipv6: 'IPv6 주소',
  hostname: '호스트 이름',
  'idn-hostname': '호스트 이름',
  regex: '정규 표현식',
  'json-pointer': 'JSON 포인터',
  'json-pointer-uri-fragment': 'JSON 포인터',
  'relative-json-pointer': '상대 JSON 포인터',
  byte: 'Base64 문자열',
  int32: '32비트 정수',
  int64: '64비트 정수',
  float: '실수',
  double: '실수'
})

/**
 * What the validation module reads of a compiled catalog: its `validation.messages`, which override the
 * templates above by keyword. (A structural type, so that validation/ does not import catalog/: the catalog
 * checker reads this module's table.)
 */
export interface ValidationCatalog {
  /** The default locale (`ko` when absent): its templates are `validation.messages`, its labels `title`. */
  readonly locale?: string
  readonly validation: {
    readonly messages: Readonly<Record<string, string>>
    /** Per locale, the templates written in that locale (compile.ts); they override that locale's library table. */
    readonly translations?: Readonly<Record<string, Readonly<Record<string, string>>>>
  }
}

/** Where the failing value was: Fastify's `validationContext`, one of the request parts. */
export type ValidationLocation = RequestPart

/** The label of a failure of a whole part (the body is not an object, a union at the root failed). */
export const LOCATION_LABELS: Readonly<Record<ValidationLocation, string>> = Object.freeze({
  body: '요청 본문',
  querystring: '쿼리 문자열',
  params: '경로 변수',
  headers: '요청 헤더'
})

/**
 * How one language words validation messages: its tables, and the few phrases labels and values are built
 * from. The Korean one is below; the English one is messages-en.ts `VALIDATION_WORDS_EN`.
 */
export interface ValidationWords {
  /** Message id → template. */
  readonly messages: Readonly<Record<string, MessageSpec>>
  /** JSON Schema type → `{expected}`. */
  readonly typeNames: Readonly<Record<string, string>>
  /** Format → `{formatName}`. */
  readonly formatNames: Readonly<Record<string, string>>
  /** Request part → the label of a failure of the whole part. */
  readonly locationLabels: Readonly<Record<ValidationLocation, string>>
  /** `{formatName}` of a format not listed: `phone 형식의 값`. */
  unknownFormat (format: string): string
  /** The label of an array item without a title (`number` counts from 1): `태그의 2번째 항목`. */
  arrayItem (owner: string, number: number): string
  /** The label of an item of a whole part's array: `요청 본문의 2번째 항목`. */
  partItem (location: ValidationLocation, number: number): string
  /** Several types as `{expected}` reads them: `문자열 또는 null`. */
  alternatives (names: readonly string[]): string
  /** Allowed values with `rest` more left out: `A, B 외 3개`. */
  andMore (listed: string, rest: number): string
}

/** The Korean wording: the tables above. */
export const VALIDATION_WORDS: ValidationWords = Object.freeze({
  messages: VALIDATION_MESSAGES,
  typeNames: TYPE_NAMES,
  formatNames: FORMAT_NAMES,
  locationLabels: LOCATION_LABELS,
  unknownFormat: (format: string) => `${format} 형식의 값`,
  arrayItem: (owner: string, number: number) => `${owner}의 ${number}번째 항목`,
  partItem: (location: ValidationLocation, number: number) => `${LOCATION_LABELS[location]}의 ${number}번째 항목`,
  alternatives: (names: readonly string[]) => names.join(' 또는 '),
  andMore: (listed: string, rest: number) => `${listed} 외 ${rest}개`
})
