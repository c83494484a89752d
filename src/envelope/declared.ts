/**
 * A checked `envelope:` declaration (src/catalog/envelope-syntax.ts) → a wire format. Every format, the built-in
 * ones included, is made here: the body template is compiled once into a builder (no template walking per
 * request), and per code into a JSON Schema whose members are exactly those that code can send, which the
 * responder compiles into the code's serializer. One table below says, for every variable, its value, its schema,
 * when it has a value, and what the docs say about it.
 */
import { Type, type TSchema } from '@sinclair/typebox'
import buildSerializer from 'fast-json-stringify'
import type { CompiledEntry } from '../catalog/compile.js'
import { GUIDE_WORDS } from '../catalog/guide-words.js'
import { guideLanguageOf, type GuideLanguage, type Wording } from '../catalog/locales.js'
import type { BodyVariable, EnvelopeDeclaration, FieldVariable, LeafNode, ObjectNode, TemplateNode } from '../catalog/envelope-syntax.js'
import type { RequestPart } from '../request-parts.js'
import type { FieldError } from '../validation/field-errors.js'
import { detailsSchemaOf, fieldErrorsByPath, jsonString, MARKER_ID, type ErrorParts, type FormatGuide, type RequestMember, type WireFormat } from './format.js'
import { statusTitleText } from './status-titles.js'

/** Whether a variable has a value for a code: on every answer, on some, or never. */
type Availability = 'always' | 'sometimes' | 'never'

/** What a format knows beyond its declaration. */
export interface FormatSettings {
  /** The format's name (`default`, `problem`, or the catalog's `declared`). */
  name: string
  /** The `type` URI of a code (RFC 9457): default its `docsUrl`, else `about:blank`. */
  typeOf?: (entry: CompiledEntry) => string
}

interface Context {
  entry: CompiledEntry
  /** The code carries field errors (the validation code). */
  fieldErrors: boolean
  typeOf: (entry: CompiledEntry) => string
  item: ItemCompiled | undefined
  /** The schema is the serializer's (see WireFormat.serializerSchema). */
  ordered?: boolean
  /** The body is the serializer's: field errors as markers (see WireFormat.serializerBody). */
  raw?: boolean
  /** `$details` is typed as a string: a sample body carries a marker there (see WireFormat.serializerSchema). */
  detailsAsText?: boolean
  /** The one object that spreads the details (`$merge: $details`), typed as a string with `detailsAsText`. */
  detailsHolder?: ObjectNode<BodyVariable> | undefined
}

interface BodyVariableSpec {
  /** When the variable has a value for a code. */
  has: (context: Context) => Availability
  /** Its schema for a code (a description is added from `description`). */
  schema: (context: Context) => TSchema
  /** Its value in one answer; undefined when it has none. */
  value: (parts: ErrorParts, context: Context) => unknown
  /** The schema's description (OpenAPI). */
  description: string
  /** What the error guide says about it, in each of its languages. */
  guide: Wording<string>
}

const always = (): Availability => 'always'
const sometimes = (): Availability => 'sometimes'
const onValidation = (context: Context): Availability => context.fieldErrors ? 'sometimes' : 'never'
const first = (parts: ErrorParts): FieldError | undefined => parts.fieldErrors?.[0]

/** Field path → messages: the `$fieldErrors` schema. */
export const TFieldErrors = Type.Record(Type.String(), Type.Array(Type.String()), {
  description: '필드별 오류 메시지 (필드 경로 → 메시지 목록)'
})

/** Every body variable. The record type makes a new variable of the syntax fail to compile until it has a row. */
const BODY: Readonly<Record<BodyVariable, BodyVariableSpec>> = {
  code: {
    has: always,
    schema: ({ entry }) => Type.Literal(entry.code),
    value: (parts) => parts.entry.code,
    description: '오류 코드: 클라이언트는 이 값으로 분기합니다.',
    guide: { ko: '오류 코드입니다. 한 번 정한 코드는 바꾸지 않습니다.', en: 'The error code. A code never changes once it is published.' }
  },
  status: {
    has: always,
    schema: ({ entry }) => Type.Literal(entry.status),
    value: (parts) => parts.entry.status,
    description: 'HTTP 상태 코드',
    guide: { ko: 'HTTP 상태 코드입니다.', en: 'The HTTP status code.' }
  },
  message: {
    has: always,
    schema: () => Type.String(),
    value: (parts) => parts.message,
    description: '사용자에게 보여 줄 한국어 메시지',
    guide: { ko: '사용자에게 그대로 보여 줄 수 있는 한국어 메시지입니다.', en: 'A message in the language of the answer that can be shown to the user as it is.' }
  },
  retryable: {
    has: always,
    schema: () => Type.Boolean(),
    value: (parts) => parts.entry.retryable,
    description: '같은 요청을 나중에 다시 보내면 성공할 수 있는지 여부',
    guide: { ko: '같은 요청을 나중에 다시 보내면 성공할 수 있는지 여부입니다.', en: 'Whether the same request may succeed if it is sent again later.' }
  },
  suggestions: {
    has: always,
    schema: () => Type.Array(Type.String()),
    value: (parts) => parts.suggestions,
    description: '처리 방법',
    guide: { ko: '처리 방법 목록입니다. 비어 있을 수 있습니다.', en: 'What the user can do about the error. It may be empty.' }
  },
  details: {
    has: ({ entry }) => (entry.detailsSchema.required ?? []).length > 0 ? 'always' : 'sometimes',
    schema: ({ entry, detailsAsText }) => detailsAsText === true ? Type.String() : detailsSchemaOf(entry),
    value: (parts) => parts.details,
    description: '오류의 상세 정보',
    guide: { ko: '오류의 상세 정보입니다. 코드마다 정해진 항목만 담으며, 항목이 없으면 생략합니다.', en: 'The details of the error. It holds only the members declared for the code and is left out when there are none.' }
  },
  fieldErrors: {
    has: onValidation,
    schema: ({ ordered }) => ordered === true ? Type.String() : TFieldErrors,
    value: (parts, { raw }) => parts.fieldErrors === undefined ? undefined : raw === true ? FIELD_ERRORS_MARKER : fieldErrorsByPath(parts.fieldErrors),
    description: TFieldErrors.description as string,
    guide: { ko: '입력값 검증 오류에만 있습니다. 필드 경로마다 메시지 목록을 담습니다.', en: 'Only on validation errors. A list of messages for each field path.' }
  },
  fieldErrorList: {
    has: onValidation,
    schema: ({ item, ordered }) => ordered === true ? Type.String() : Type.Array(item?.schema ?? Type.Object({})),
    value: (parts, { item, raw }) => item === undefined || parts.fieldErrors === undefined ? undefined : raw === true ? FIELD_ERROR_LIST_MARKER : parts.fieldErrors.map(item.build),
    description: '필드별 오류 목록 (메시지마다 항목 하나)',
    guide: { ko: '입력값 검증 오류에만 있습니다. 메시지마다 항목 하나를 담습니다.', en: 'Only on validation errors. One item for each message.' }
  },
  field: {
    has: onValidation,
    schema: () => Type.String(),
    value: (parts) => first(parts)?.path,
    description: '첫 번째로 잘못된 필드의 경로',
    guide: { ko: '입력값 검증 오류에만 있습니다. 첫 번째로 잘못된 필드의 경로입니다.', en: 'Only on validation errors. The path of the first invalid field.' }
  },
  fieldMessage: {
    has: onValidation,
    schema: () => Type.String(),
    value: (parts) => first(parts)?.message,
    description: '첫 번째로 잘못된 필드의 메시지',
    guide: { ko: '입력값 검증 오류에만 있습니다. 첫 번째로 잘못된 필드의 메시지입니다.', en: 'Only on validation errors. The message of the first invalid field.' }
  },
  fieldValue: {
    has: onValidation,
    // A list of types for the serializer (a `typeof` check, not an `anyOf` validated per answer); OpenAPI 3.0 needs the `anyOf`.
    schema: ({ ordered }) => ordered === true ? Type.Unsafe({ type: ['string', 'number', 'boolean'] }) : Type.Union([Type.String(), Type.Number(), Type.Boolean()]),
    value: (parts) => first(parts)?.value,
    description: '첫 번째로 잘못된 필드에 보낸 값 (카탈로그가 validation.echo로 허용할 때만, 문자열은 잘라서)',
    guide: { ko: '카탈로그가 허용한 입력값 검증 오류에만 있습니다. 첫 번째로 잘못된 필드에 보낸 값이며, 긴 문자열은 잘라서 보냅니다. 비밀번호 필드의 값은 보내지 않습니다.', en: 'Only on validation errors, when the catalog allows it. The value sent for the first invalid field; long strings are cut. Password fields are never echoed.' }
  },
  requestId: {
    has: sometimes,
    schema: () => Type.String(),
    value: (parts) => parts.requestId,
    description: '요청 ID: 문의할 때 알려 주세요.',
    guide: { ko: '요청 ID입니다. 문의할 때 이 값을 함께 알려 주시면 빠르게 확인할 수 있습니다.', en: 'The request ID. Include it when you contact support so that the request can be found quickly.' }
  },
  timestamp: {
    has: always,
    schema: () => Type.String({ format: 'date-time' }),
    value: (parts) => parts.timestamp ?? new Date().toISOString(),
    description: '오류가 난 시각 (ISO 8601, UTC)',
    guide: { ko: '오류가 난 시각입니다(ISO 8601, UTC).', en: 'When the error happened (ISO 8601, UTC).' }
  },
  docsUrl: {
    has: ({ entry }) => entry.docsUrl === undefined ? 'never' : 'always',
    schema: ({ entry }) => Type.Literal(entry.docsUrl ?? ''),
    value: (parts) => parts.entry.docsUrl,
    description: '이 오류의 문서',
    guide: { ko: '카탈로그에 문서 주소가 있는 코드에만 있습니다.', en: 'Only on codes whose catalog entry has a documentation address.' }
  },
  title: {
    has: always,
    // One title per language of the catalog: a constant for a single-language catalog.
    schema: ({ entry, ordered }) => {
      const titles = [...new Set(entry.locales.map((locale) => statusTitleText(entry.status, locale)))]
      if (titles.length === 1) return Type.Literal(titles[0])
      return ordered === true ? Type.String() : Type.Union(titles.map((title) => Type.Literal(title)))
    },
    value: (parts) => statusTitleText(parts.entry.status, parts.locale ?? parts.entry.locales[0]),
    description: '오류 유형의 짧은 제목',
    guide: { ko: '오류 유형의 짧은 제목입니다.', en: 'A short title of the error type.' }
  },
  type: {
    has: always,
    schema: (context) => Type.Literal(context.typeOf(context.entry)),
    value: (parts, context) => context.typeOf(parts.entry),
    description: '오류 유형을 설명하는 문서의 주소',
    guide: { ko: '오류 유형을 설명하는 문서의 주소입니다.', en: 'The address of the document that describes the error type.' }
  },
  instance: {
    has: sometimes,
    schema: () => Type.String(),
    value: (parts) => parts.instance,
    description: '오류가 난 요청의 경로',
    guide: { ko: '오류가 난 요청의 경로입니다(쿼리 문자열은 빼고).', en: 'The path of the request that failed (without the query string).' }
  },
  category: {
    has: ({ entry }) => entry.category === undefined ? 'never' : 'always',
    schema: ({ entry }) => Type.Literal(entry.category ?? ''),
    value: (parts) => parts.entry.category,
    description: '오류 분류',
    guide: { ko: '카탈로그에서 정한 오류 분류입니다.', en: 'The category of the error, as the catalog defines it.' }
  },
  locale: {
    has: always,
    schema: () => Type.String(),
    value: (parts) => parts.locale,
    description: '메시지의 언어',
    guide: { ko: '메시지의 언어입니다.', en: 'The language of the message.' }
  }
}

interface FieldVariableSpec { schema: TSchema, value: (error: FieldError) => unknown }

/** FastAPI's names of the request parts, for `$loc`. */
const LOC_PART: Readonly<Record<RequestPart, string>> = { body: 'body', querystring: 'query', params: 'path', headers: 'header' }

const FIELD: Readonly<Record<FieldVariable, FieldVariableSpec>> = {
  field: { schema: Type.String({ description: '필드 경로' }), value: (error) => error.path },
  fieldMessage: { schema: Type.String({ description: '메시지' }), value: (error) => error.message },
  keyword: { schema: Type.String({ description: '실패한 JSON Schema 키워드' }), value: (error) => error.keyword },
  pointer: { schema: Type.String({ description: '필드의 JSON Pointer' }), value: (error) => error.pointer },
  location: { schema: Type.String({ description: '요청의 부분 (body, querystring, params, headers)' }), value: (error) => error.location },
  loc: {
    schema: Type.Array(Type.Union([Type.String(), Type.Integer()]), { description: '요청의 부분, 그다음 경로의 각 단계' }),
    value: (error) => locOf(error.location, error.pointer)
  }
}

/** `$loc` lists by request part and pointer: a field that fails again reuses its list (bounded; pointers are client-given). */
const locs = new Map<string, ReadonlyArray<string | number>>()
const MAX_LOCS = 1024

/** FastAPI's `loc`: the request part, then the pointer's segments (shared, read only by the serializer). */
function locOf (location: RequestPart, pointer: string): ReadonlyArray<string | number> {
  const key = location + pointer
  let loc = locs.get(key)
  if (loc === undefined) {
    if (locs.size >= MAX_LOCS) locs.clear()
    loc = Object.freeze([LOC_PART[location], ...pointerSegments(pointer)])
    locs.set(key, loc)
  }
  return loc
}

/** A JSON Pointer's segments, array indexes as numbers (FastAPI's `loc`). */
function pointerSegments (pointer: string): Array<string | number> {
  if (pointer === '') return []
  return pointer.slice(1).split('/').map(pointerSegment)
}

/** One pointer segment: an array index as a number, else the unescaped name (no regex: this runs per field error). */
function pointerSegment (segment: string): string | number {
  if (isIndex(segment)) return Number(segment)
  return segment.includes('~') ? segment.replaceAll('~1', '/').replaceAll('~0', '~') : segment
}

/** `0` or digits without a leading zero. */
function isIndex (segment: string): boolean {
  const length = segment.length
  if (length === 0 || (length > 1 && segment.charCodeAt(0) === 48)) return false
  for (let i = 0; i < length; i++) {
    const char = segment.charCodeAt(i)
    if (char < 48 || char > 57) return false
  }
  return true
}

interface ItemCompiled { schema: TSchema, build: (error: FieldError) => unknown, json: (error: FieldError) => string }

/** The field error item: its schema, its serializer's schema and its builder (fixed: field variables always have a value). */
function compileItem (node: ObjectNode<FieldVariable>): ItemCompiled {
  const schemaOf = (template: TemplateNode<FieldVariable>, ordered: boolean): TSchema => {
    if (template.kind === 'array') return Type.Tuple(template.items.map((item) => schemaOf(item, ordered)))
    if (template.kind === 'object') {
      return Type.Object(Object.fromEntries(template.members.map(({ key, node }) => [key, schemaOf(node, ordered)])), { additionalProperties: false })
    }
    const [alternative] = template.alternatives
    if ('constant' in alternative) return constantSchema(alternative.constant)
    const schema = FIELD[alternative.variable].schema
    // `$loc`'s items are string | integer: one multi-type schema for the serializer instead of an `anyOf`.
    if (ordered && schema.type === 'array' && Array.isArray(schema.items?.anyOf)) return { ...schema, items: mergedUnion(schema.items.anyOf as TSchema[]) ?? schema.items }
    return schema
  }
  const builderOf = (template: TemplateNode<FieldVariable>): (error: FieldError) => unknown => {
    if (template.kind === 'array') {
      const items = template.items.map(builderOf)
      return (error) => items.map((item) => item(error))
    }
    if (template.kind === 'object') {
      const members = template.members.map(({ key, node }) => [key, builderOf(node)] as const)
      return (error) => {
        const out: Record<string, unknown> = {}
        for (const [key, build] of members) out[key] = build(error)
        return out
      }
    }
    const [alternative] = template.alternatives
    if ('variable' in alternative) return FIELD[alternative.variable].value
    const constant = alternative.constant
    return () => constant
  }
  const build = builderOf(node)
  const serialize = buildSerializer(schemaOf(node, true)) as (item: unknown) => string
  // An item's JSON, once per field error: the formatter shares frozen field errors between answers.
  const written = new WeakMap<FieldError, string>()
  const json = (error: FieldError): string => {
    let text = written.get(error)
    if (text === undefined) written.set(error, text = serialize(build(error)))
    return text
  }
  return { schema: schemaOf(node, false), build, json }
}

/**
 * Alternatives of distinct JSON types (`$fieldErrorList | $details | null`: array, object, null) as one schema
 * with a list of types. fast-json-stringify picks the branch of a type list with a `typeof` check, but the branch
 * of an `anyOf` by validating the value against each alternative with Ajv, on every answer; the bytes are the
 * same. Undefined when two alternatives share a type, or one is a constant or has no single type.
 */
function mergedUnion (alternatives: readonly TSchema[]): TSchema | undefined {
  const types = new Set<string>()
  let merged: Record<string, unknown> = {}
  for (const alternative of alternatives) {
    const type: unknown = alternative.type
    if (typeof type !== 'string' || types.has(type) || alternative.const !== undefined || alternative.anyOf !== undefined) return undefined
    // Keys that more than one type would read differently: `items` (array, tuple) against object members.
    for (const key of Object.keys(alternative)) {
      if (key !== 'type' && key !== 'description' && key in merged) return undefined
    }
    types.add(type)
    merged = { ...merged, ...alternative }
  }
  return { ...merged, type: [...types] } as unknown as TSchema
}

function constantSchema (value: string | number | boolean | null): TSchema {
  return value === null ? Type.Null() : Type.Literal(value)
}

type Builder = (parts: ErrorParts, context: Context) => unknown

/**
 * The body builder of a template: objects always present, members without a value left out. In a sample body
 * (WireFormat.serializerSchema's `detailsAsText`) the details are a marker string, and `holder`, the one object that
 * spreads them, is written as that string.
 */
function builderOf (node: TemplateNode<BodyVariable>, holder?: ObjectNode<BodyVariable>): Builder {
  if (node.kind === 'array') {
    const items = node.items.map((item) => builderOf(item, holder))
    return (parts, context) => items.map((item) => item(parts, context) ?? null)
  }
  if (node.kind === 'object' && node === holder) {
    const build = builderOf(node)
    return (parts, context) => typeof parts.details === 'string' ? parts.details : build(parts, context)
  }
  if (node.kind === 'object') {
    const members = node.members.map(({ key, node }) => [key, builderOf(node, holder)] as const)
    const merge = node.merge === undefined ? undefined : BODY[node.merge].value
    // The members written before `$merge`, then its spread, then the rest: a later key's value wins, as in YAML.
    const before = members.slice(0, node.mergeAt)
    const after = members.slice(node.mergeAt)
    const write = (out: Record<string, unknown>, list: typeof members, parts: ErrorParts, context: Context): void => {
      for (const [key, build] of list) {
        const value = build(parts, context)
        if (value !== undefined) out[key] = value
      }
    }
    return (parts, context) => {
      const out: Record<string, unknown> = {}
      write(out, before, parts, context)
      const spread = merge?.(parts, context)
      if (typeof spread === 'object' && spread !== null) Object.assign(out, spread)
      write(out, after, parts, context)
      return out
    }
  }
  const alternatives = node.alternatives.map((alternative) => {
    if ('constant' in alternative) {
      const constant = alternative.constant
      return () => constant
    }
    return BODY[alternative.variable].value
  })
  if (alternatives.length === 1) return alternatives[0]
  return (parts, context) => {
    for (const alternative of alternatives) {
      const value = alternative(parts, context)
      if (value !== undefined) return value
    }
    return undefined
  }
}

/**
 * A member's schema for one code, and whether it is always sent; undefined schema: never sent. With `ordered`,
 * objects of the template carry no `required` list (the serializer's schema: see WireFormat.serializerSchema).
 */
function schemaOf (node: TemplateNode<BodyVariable>, context: Context, title?: string, ordered = false): { schema: TSchema | undefined, required: boolean } {
  if (node.kind === 'array') {
    return { schema: Type.Tuple(node.items.map((item) => schemaOf(item, context, undefined, ordered).schema ?? Type.Null())), required: true }
  }
  if (node.kind === 'object' && node === context.detailsHolder && context.detailsAsText === true) return { schema: Type.String(), required: true }
  if (node.kind === 'object') {
    const properties: Record<string, TSchema> = {}
    const required: string[] = []
    // Properties in the order the serializer writes them: members before `$merge`, its members, the rest.
    node.members.forEach(({ key, node: member }, index) => {
      if (index === node.mergeAt) mergeSchema(node, context, properties, required)
      const { schema, required: always } = schemaOf(member, context, undefined, ordered)
      if (schema === undefined) return
      properties[key] = always ? schema : Type.Optional(schema)
      if (always) required.push(key)
    })
    if (node.mergeAt === node.members.length) mergeSchema(node, context, properties, required)
    const options = { ...(title === undefined ? {} : { title }), additionalProperties: false }
    const object = Type.Object(properties, options)
    if (ordered) {
      const { required: _, ...unordered } = object
      return { schema: unordered as TSchema, required: true }
    }
    // Type.Object derives `required` from Optional markers; merged details bring their own list.
    if (node.merge !== undefined) return { schema: { ...object, required: [...new Set(required)] }, required: true }
    return { schema: object, required: true }
  }
  return leafSchema(node, ordered ? { ...context, ordered } : context, ordered)
}

function leafSchema (node: LeafNode<BodyVariable>, context: Context, ordered: boolean): { schema: TSchema | undefined, required: boolean } {
  const schemas: TSchema[] = []
  let required = false
  for (const alternative of node.alternatives) {
    if ('constant' in alternative) {
      schemas.push(constantSchema(alternative.constant))
      required = true
      break
    }
    const spec = BODY[alternative.variable]
    const has = spec.has(context)
    if (has === 'never') continue
    schemas.push({ ...spec.schema(context), description: spec.description })
    if (has === 'always') {
      required = true
      break
    }
  }
  if (schemas.length === 0) return { schema: undefined, required: false }
  if (schemas.length === 1) return { schema: schemas[0], required }
  const merged = ordered ? mergedUnion(schemas) : undefined
  if (merged !== undefined) return { schema: merged, required }
  return { schema: Type.Union(schemas, { description: schemas[0].description }), required }
}

/** The members `$merge` spreads into an object's schema (its required ones too, when it always has a value). */
function mergeSchema (node: ObjectNode<BodyVariable>, context: Context, properties: Record<string, TSchema>, required: string[]): void {
  if (node.merge === undefined) return
  const spec = BODY[node.merge]
  const has = spec.has(context)
  const merged = has === 'never' ? undefined : spec.schema(context)
  for (const [name, property] of Object.entries((merged?.properties ?? {}) as Record<string, TSchema>)) properties[name] = property
  if (has === 'always') required.push(...((merged?.required ?? []) as string[]))
}

/** The request members a template uses (spliced into precomputed bytes by the responder). */
const REQUEST_MEMBERS: readonly RequestMember[] = ['requestId', 'timestamp', 'instance']

function variablesOf (node: TemplateNode<BodyVariable>, into: Set<BodyVariable>): Set<BodyVariable> {
  if (node.kind === 'array') node.items.forEach((item) => variablesOf(item, into))
  else if (node.kind === 'object') {
    if (node.merge !== undefined) into.add(node.merge)
    node.members.forEach((member) => variablesOf(member.node, into))
  } else {
    for (const alternative of node.alternatives) if ('variable' in alternative) into.add(alternative.variable)
  }
  return into
}

/** Where each leaf sits (`error.code`), with what fills it, for the guide. */
function leavesOf (node: TemplateNode<BodyVariable>, path: string, into: Array<{ path: string, leaf: LeafNode<BodyVariable> | { merge: BodyVariable } }>): typeof into {
  if (node.kind === 'leaf') into.push({ path, leaf: node })
  else if (node.kind === 'array') node.items.forEach((item, index) => leavesOf(item, `${path}[${index}]`, into))
  else {
    const merge = node.merge
    const spread = (): void => { if (merge !== undefined) into.push({ path: path === '' ? '…' : `${path}.…`, leaf: { merge } }) }
    node.members.forEach(({ key, node: member }, index) => {
      if (index === node.mergeAt) spread()
      leavesOf(member, path === '' ? key : `${path}.${key}`, into)
    })
    if (node.mergeAt === node.members.length) spread()
  }
  return into
}

function guideOf (declaration: EnvelopeDeclaration, language: GuideLanguage): FormatGuide {
  const words = GUIDE_WORDS[language].format
  const leaves = leavesOf(declaration.body, '', [])
  const pathOf = (variable: BodyVariable): string | undefined =>
    leaves.find(({ leaf }) => 'kind' in leaf && leaf.alternatives.some((alternative) => 'variable' in alternative && alternative.variable === variable))?.path
  const members = leaves.map(({ path, leaf }) => {
    if (!('kind' in leaf)) return { member: path, description: words.merged(BODY[leaf.merge].guide[language]) }
    const [head, ...rest] = leaf.alternatives
    if ('constant' in head) return { member: path, description: words.constant(JSON.stringify(head.constant)) }
    const fallback = rest.map((alternative) => 'variable' in alternative ? words.otherwise(BODY[alternative.variable].guide[language]) : words.otherwiseNull)
    return { member: path, description: [BODY[head.variable].guide[language], ...fallback].join(' ') }
  })
  const retryable = pathOf('retryable')
  const mediaType = declaration.contentType?.split(';')[0].trim() ?? 'application/json'
  const intro = [words.intro(mediaType, pathOf('code'), pathOf('message'))]
  const notes = retryable === undefined ? [] : words.notes(retryable)
  return Object.freeze({ intro, members, notes })
}

/** The format's guide section in each guide language, made once; read by a catalog locale (`en-US` reads English). */
function guidesOf (declaration: EnvelopeDeclaration): (locale?: string) => FormatGuide {
  const guides: Wording<FormatGuide> = { ko: guideOf(declaration, 'ko'), en: guideOf(declaration, 'en') }
  return (locale = 'ko') => guides[guideLanguageOf(locale)]
}

/** The keys leading to the one-variable `$code` leaf, through objects only (`['error', 'code']`). */
function codePathOf (node: ObjectNode<BodyVariable>): readonly string[] | undefined {
  for (const { key, node: member } of node.members) {
    if (member.kind === 'leaf' && member.alternatives.length === 1 && 'variable' in member.alternatives[0] && member.alternatives[0].variable === 'code') return Object.freeze([key])
    const inner = member.kind === 'object' ? codePathOf(member) : undefined
    if (inner !== undefined) return Object.freeze([key, ...inner])
  }
  return undefined
}

/** The markers the serializer's body carries in place of field errors (WireFormat.serializerBody), and their JSON as the serializer writes them. */
const FIELD_ERRORS_MARKER = `\u0000fec-field-errors-${MARKER_ID}\u0000`
const FIELD_ERROR_LIST_MARKER = `\u0000fec-field-error-list-${MARKER_ID}\u0000`
const FIELD_ERRORS_JSON = jsonString(FIELD_ERRORS_MARKER)
const FIELD_ERROR_LIST_JSON = jsonString(FIELD_ERROR_LIST_MARKER)

/** `json` with its one `marker` replaced by the field errors' JSON (unchanged when the code's body has no such member). */
function splice (json: string, marker: string, write: (list: readonly FieldError[]) => string, fieldErrors: readonly FieldError[]): string {
  const at = json.indexOf(marker)
  return at < 0 ? json : json.slice(0, at) + write(fieldErrors) + json.slice(at + marker.length)
}

/** The path and message of a field error as JSON strings, once per field error. */
const pathAndMessageJson = new WeakMap<FieldError, readonly [string, string]>()

/** `$fieldErrors`: `{"path":["message",…],…}`, paths in first-seen order (what fieldErrorsByPath builds, written directly). */
function fieldErrorsMapJson (list: readonly FieldError[]): string {
  const byPath = new Map<string, string>()
  for (const error of list) {
    let written = pathAndMessageJson.get(error)
    if (written === undefined) pathAndMessageJson.set(error, written = [jsonString(error.path), jsonString(error.message)])
    const messages = byPath.get(written[0])
    byPath.set(written[0], messages === undefined ? written[1] : `${messages},${written[1]}`)
  }
  let json = ''
  for (const [path, messages] of byPath) json += `${json === '' ? '' : ','}${path}:[${messages}]`
  return `{${json}}`
}

/** `$fieldErrorList`: one item per field error. */
function listJson (list: readonly FieldError[], item: (error: FieldError) => string): string {
  let json = ''
  for (let i = 0; i < list.length; i++) json += (i === 0 ? '' : ',') + item(list[i])
  return `[${json}]`
}

/** The objects of a template that spread the details (`$merge: $details`), at any depth. */
function detailsHoldersOf (node: TemplateNode<BodyVariable>, into: Array<ObjectNode<BodyVariable>>): Array<ObjectNode<BodyVariable>> {
  if (node.kind === 'array') for (const item of node.items) detailsHoldersOf(item, into)
  if (node.kind === 'object') {
    if (node.merge === 'details') into.push(node)
    for (const member of node.members) detailsHoldersOf(member.node, into)
  }
  return into
}

/**
 * The JSON of the object that spreads the details, for one answer without field errors: its schema (the serializer's
 * ordering) compiled on its own per code, the bytes the whole body's serializer writes there.
 */
function holderJson (holder: ObjectNode<BodyVariable>, typeOf: Context['typeOf'], item: ItemCompiled | undefined, context: Context): (parts: ErrorParts) => string {
  const build = builderOf(holder)
  const serializers = new WeakMap<CompiledEntry, (value: unknown) => string>()
  return (parts) => {
    let serialize = serializers.get(parts.entry)
    if (serialize === undefined) {
      const { schema } = schemaOf(holder, { entry: parts.entry, fieldErrors: false, typeOf, item }, undefined, true)
      serializers.set(parts.entry, serialize = buildSerializer(schema ?? Type.Object({})) as (value: unknown) => string)
    }
    return serialize(build(parts, context))
  }
}

/** Compiles a checked declaration into a wire format. */
export function declaredFormat (declaration: EnvelopeDeclaration, settings: FormatSettings): WireFormat {
  const item = declaration.fieldError === undefined ? undefined : compileItem(declaration.fieldError)
  const typeOf = settings.typeOf ?? ((entry: CompiledEntry) => entry.docsUrl ?? 'about:blank')
  const holders = detailsHoldersOf(declaration.body, [])
  // One object that spreads the details: a sample writes it as the details marker, an answer as its own JSON (detailsJson).
  const detailsHolder = holders.length === 1 ? holders[0] : undefined
  const build = builderOf(declaration.body, detailsHolder)
  const used = variablesOf(declaration.body, new Set())
  const code = declaration.body.members.find(({ node }) => node.kind === 'leaf' && node.alternatives.length === 1 && 'variable' in node.alternatives[0] && node.alternatives[0].variable === 'code')
  const contentType = declaration.contentType ?? 'application/json'
  const mediaType = contentType.split(';')[0].trim()
  // One context per body: the builder reads only `typeOf` and `item` from it.
  const shared: Context = { entry: undefined as unknown as CompiledEntry, fieldErrors: false, typeOf, item }
  const sharedRaw: Context = { ...shared, raw: true }
  const usesMap = used.has('fieldErrors')
  const usesList = used.has('fieldErrorList') && item !== undefined
  return Object.freeze({
    name: settings.name,
    mediaType,
    contentType: /;\s*charset=/i.test(contentType) || !/json$/i.test(mediaType) ? contentType : `${contentType}; charset=utf-8`,
    schema (entry: CompiledEntry, fieldErrors: boolean) {
      return schemaOf(declaration.body, { entry, fieldErrors, typeOf, item }, entry.code).schema as ReturnType<WireFormat['schema']>
    },
    serializerSchema (entry: CompiledEntry, fieldErrors: boolean, detailsAsText = false) {
      return schemaOf(declaration.body, { entry, fieldErrors, typeOf, item, detailsAsText, detailsHolder }, entry.code, true).schema as ReturnType<WireFormat['schema']>
    },
    detailsJson: detailsHolder === undefined ? undefined : holderJson(detailsHolder, typeOf, item, sharedRaw),
    body: (parts: ErrorParts) => build(parts, shared),
    serializerBody: (parts: ErrorParts) => build(parts, sharedRaw),
    spliceFieldErrors (json: string, fieldErrors: readonly FieldError[]) {
      if (usesMap) json = splice(json, FIELD_ERRORS_JSON, fieldErrorsMapJson, fieldErrors)
      if (usesList) json = splice(json, FIELD_ERROR_LIST_JSON, (list) => listJson(list, (item as ItemCompiled).json), fieldErrors)
      return json
    },
    requestMembers: Object.freeze(REQUEST_MEMBERS.filter((member) => used.has(member))),
    discriminator: code?.key,
    codePath: codePathOf(declaration.body),
    guideIn: guidesOf(declaration)
  })
}
