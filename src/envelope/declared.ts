/**
 * A checked `envelope:` declaration (src/catalog/envelope-syntax.ts) → a wire format. Every format, the built-in
 * ones included, is made here: the body template is compiled once into a builder (no template walking per
 * request), and per code into a JSON Schema whose members are exactly those that code can send, which the
 * responder compiles into the code's serializer. One table below says, for every variable, its value, its schema,
 * when it has a value, and what the docs say about it.
 */
import { Type, type TSchema } from '@sinclair/typebox'
import type { CompiledEntry } from '../catalog/compile.js'
import type { BodyVariable, EnvelopeDeclaration, FieldVariable, LeafNode, ObjectNode, TemplateNode } from '../catalog/envelope-syntax.js'
import { withParticle } from '../text/particles.js'
import type { RequestPart } from '../request-parts.js'
import type { FieldError } from '../validation/field-errors.js'
import { fieldErrorsByPath, type ErrorParts, type FormatGuide, type RequestMember, type WireFormat } from './format.js'
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
  /** What the error guide says about it. */
  guide: string
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
    guide: '오류 코드입니다. 한 번 정한 코드는 바꾸지 않습니다.'
  },
  status: {
    has: always,
    schema: ({ entry }) => Type.Literal(entry.status),
    value: (parts) => parts.entry.status,
    description: 'HTTP 상태 코드',
    guide: 'HTTP 상태 코드입니다.'
  },
  message: {
    has: always,
    schema: () => Type.String(),
    value: (parts) => parts.message,
    description: '사용자에게 보여 줄 한국어 메시지',
    guide: '사용자에게 그대로 보여 줄 수 있는 한국어 메시지입니다.'
  },
  retryable: {
    has: always,
    schema: () => Type.Boolean(),
    value: (parts) => parts.entry.retryable,
    description: '같은 요청을 나중에 다시 보내면 성공할 수 있는지 여부',
    guide: '같은 요청을 나중에 다시 보내면 성공할 수 있는지 여부입니다.'
  },
  suggestions: {
    has: always,
    schema: () => Type.Array(Type.String()),
    value: (parts) => parts.suggestions,
    description: '처리 방법',
    guide: '처리 방법 목록입니다. 비어 있을 수 있습니다.'
  },
  details: {
    has: ({ entry }) => (entry.detailsSchema.required ?? []).length > 0 ? 'always' : 'sometimes',
    schema: ({ entry }) => ({ ...entry.detailsSchema }),
    value: (parts) => parts.details,
    description: '오류의 상세 정보',
    guide: '오류의 상세 정보입니다. 코드마다 정해진 항목만 담으며, 항목이 없으면 생략합니다.'
  },
  fieldErrors: {
    has: onValidation,
    schema: () => TFieldErrors,
    value: (parts) => parts.fieldErrors === undefined ? undefined : fieldErrorsByPath(parts.fieldErrors),
    description: TFieldErrors.description as string,
    guide: '입력값 검증 오류에만 있습니다. 필드 경로마다 메시지 목록을 담습니다.'
  },
  fieldErrorList: {
    has: onValidation,
    schema: ({ item, ordered }) => Type.Array((ordered === true ? item?.serializerSchema : item?.schema) ?? Type.Object({})),
    value: (parts, { item }) => item === undefined || parts.fieldErrors === undefined ? undefined : parts.fieldErrors.map(item.build),
    description: '필드별 오류 목록 (메시지마다 항목 하나)',
    guide: '입력값 검증 오류에만 있습니다. 메시지마다 항목 하나를 담습니다.'
  },
  field: {
    has: onValidation,
    schema: () => Type.String(),
    value: (parts) => first(parts)?.path,
    description: '첫 번째로 잘못된 필드의 경로',
    guide: '입력값 검증 오류에만 있습니다. 첫 번째로 잘못된 필드의 경로입니다.'
  },
  fieldMessage: {
    has: onValidation,
    schema: () => Type.String(),
    value: (parts) => first(parts)?.message,
    description: '첫 번째로 잘못된 필드의 메시지',
    guide: '입력값 검증 오류에만 있습니다. 첫 번째로 잘못된 필드의 메시지입니다.'
  },
  requestId: {
    has: sometimes,
    schema: () => Type.String(),
    value: (parts) => parts.requestId,
    description: '요청 ID: 문의할 때 알려 주세요.',
    guide: '요청 ID입니다. 문의할 때 이 값을 함께 알려 주시면 빠르게 확인할 수 있습니다.'
  },
  timestamp: {
    has: always,
    schema: () => Type.String({ format: 'date-time' }),
    value: (parts) => parts.timestamp ?? new Date().toISOString(),
    description: '오류가 난 시각 (ISO 8601, UTC)',
    guide: '오류가 난 시각입니다(ISO 8601, UTC).'
  },
  docsUrl: {
    has: ({ entry }) => entry.docsUrl === undefined ? 'never' : 'always',
    schema: ({ entry }) => Type.Literal(entry.docsUrl ?? ''),
    value: (parts) => parts.entry.docsUrl,
    description: '이 오류의 문서',
    guide: '카탈로그에 문서 주소가 있는 코드에만 있습니다.'
  },
  title: {
    has: always,
    schema: ({ entry }) => Type.Literal(statusTitleText(entry.status)),
    value: (parts) => statusTitleText(parts.entry.status),
    description: '오류 유형의 짧은 제목',
    guide: '오류 유형의 짧은 제목입니다.'
  },
  type: {
    has: always,
    schema: (context) => Type.Literal(context.typeOf(context.entry)),
    value: (parts, context) => context.typeOf(parts.entry),
    description: '오류 유형을 설명하는 문서의 주소',
    guide: '오류 유형을 설명하는 문서의 주소입니다.'
  },
  instance: {
    has: sometimes,
    schema: () => Type.String(),
    value: (parts) => parts.instance,
    description: '오류가 난 요청의 경로',
    guide: '오류가 난 요청의 경로입니다(쿼리 문자열은 빼고).'
  },
  category: {
    has: ({ entry }) => entry.category === undefined ? 'never' : 'always',
    schema: ({ entry }) => Type.Literal(entry.category ?? ''),
    value: (parts) => parts.entry.category,
    description: '오류 분류',
    guide: '카탈로그에서 정한 오류 분류입니다.'
  },
  locale: {
    has: always,
    schema: () => Type.String(),
    value: (parts) => parts.locale,
    description: '메시지의 언어',
    guide: '메시지의 언어입니다.'
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

interface ItemCompiled { schema: TSchema, serializerSchema: TSchema, build: (error: FieldError) => unknown }

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
  return { schema: schemaOf(node, false), serializerSchema: schemaOf(node, true), build: builderOf(node) }
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

/** The body builder of a template: objects always present, members without a value left out. */
function builderOf (node: TemplateNode<BodyVariable>): Builder {
  if (node.kind === 'array') {
    const items = node.items.map(builderOf)
    return (parts, context) => items.map((item) => item(parts, context) ?? null)
  }
  if (node.kind === 'object') {
    const members = node.members.map(({ key, node }) => [key, builderOf(node)] as const)
    const merge = node.merge === undefined ? undefined : BODY[node.merge].value
    return (parts, context) => {
      const out: Record<string, unknown> = {}
      const spread = merge?.(parts, context)
      if (typeof spread === 'object' && spread !== null) Object.assign(out, spread)
      for (const [key, build] of members) {
        const value = build(parts, context)
        if (value !== undefined) out[key] = value
      }
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
  if (node.kind === 'object') {
    const properties: Record<string, TSchema> = {}
    const required: string[] = []
    if (node.merge !== undefined) {
      const spec = BODY[node.merge]
      const has = spec.has(context)
      const merged = has === 'never' ? undefined : spec.schema(context)
      for (const [name, property] of Object.entries((merged?.properties ?? {}) as Record<string, TSchema>)) properties[name] = property
      if (has === 'always') required.push(...((merged?.required ?? []) as string[]))
    }
    for (const { key, node: member } of node.members) {
      const { schema, required: always } = schemaOf(member, context, undefined, ordered)
      if (schema === undefined) continue
      properties[key] = always ? schema : Type.Optional(schema)
      if (always) required.push(key)
    }
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
    if (node.merge !== undefined) into.push({ path: path === '' ? '…' : `${path}.…`, leaf: { merge: node.merge } })
    for (const { key, node: member } of node.members) leavesOf(member, path === '' ? key : `${path}.${key}`, into)
  }
  return into
}

function guideOf (declaration: EnvelopeDeclaration): FormatGuide {
  const leaves = leavesOf(declaration.body, '', [])
  const pathOf = (variable: BodyVariable): string | undefined =>
    leaves.find(({ leaf }) => 'kind' in leaf && leaf.alternatives.some((alternative) => 'variable' in alternative && alternative.variable === variable))?.path
  const members = leaves.map(({ path, leaf }) => {
    if (!('kind' in leaf)) return { member: path, description: `${BODY[leaf.merge].guide} 이 객체 안에 항목이 그대로 들어갑니다.` }
    const [head, ...rest] = leaf.alternatives
    if ('constant' in head) return { member: path, description: `항상 \`${JSON.stringify(head.constant)}\`입니다.` }
    const fallback = rest.map((alternative) => 'variable' in alternative ? `없으면 ${BODY[alternative.variable].guide}` : '값이 없으면 `null`입니다.')
    return { member: path, description: [BODY[head.variable].guide, ...fallback].join(' ') }
  })
  const code = pathOf('code')
  const message = pathOf('message')
  const retryable = pathOf('retryable')
  const mediaType = declaration.contentType?.split(';')[0].trim() ?? 'application/json'
  const lead = mediaType === 'application/json' ? 'JSON 본문' : `\`${mediaType}\` 본문`
  const intro = [`모든 오류는 아래 형식의 ${lead}으로 응답합니다.${code === undefined ? '' : ` 클라이언트는 ${message === undefined ? '메시지' : `\`${message}\``} 문구가 아니라 \`${code}\` 값으로 오류를 구분합니다.`}`]
  const notes = retryable === undefined
    ? []
    : [
        `${withParticle(`\`${retryable}\``, '이/가')} \`true\`인 오류는 잠시 뒤 같은 요청을 다시 보낼 수 있습니다. 응답에 \`Retry-After\` 헤더가 있으면 그 시간(초)만큼 기다린 뒤 다시 보냅니다.`,
        `${withParticle(`\`${retryable}\``, '이/가')} \`false\`인 오류는 요청을 고치지 않고 다시 보내도 같은 오류가 납니다.`
      ]
  return Object.freeze({ intro, members, notes })
}

/** Compiles a checked declaration into a wire format. */
export function declaredFormat (declaration: EnvelopeDeclaration, settings: FormatSettings): WireFormat {
  const item = declaration.fieldError === undefined ? undefined : compileItem(declaration.fieldError)
  const typeOf = settings.typeOf ?? ((entry: CompiledEntry) => entry.docsUrl ?? 'about:blank')
  const build = builderOf(declaration.body)
  const used = variablesOf(declaration.body, new Set())
  const code = declaration.body.members.find(({ node }) => node.kind === 'leaf' && node.alternatives.length === 1 && 'variable' in node.alternatives[0] && node.alternatives[0].variable === 'code')
  const contentType = declaration.contentType ?? 'application/json'
  const mediaType = contentType.split(';')[0].trim()
  // One context per body: the builder reads only `typeOf` and `item` from it.
  const shared: Context = { entry: undefined as unknown as CompiledEntry, fieldErrors: false, typeOf, item }
  return Object.freeze({
    name: settings.name,
    mediaType,
    contentType: /;\s*charset=/i.test(contentType) || !/json$/i.test(mediaType) ? contentType : `${contentType}; charset=utf-8`,
    schema (entry: CompiledEntry, fieldErrors: boolean) {
      return schemaOf(declaration.body, { entry, fieldErrors, typeOf, item }, entry.code).schema as ReturnType<WireFormat['schema']>
    },
    serializerSchema (entry: CompiledEntry, fieldErrors: boolean) {
      return schemaOf(declaration.body, { entry, fieldErrors, typeOf, item }, entry.code, true).schema as ReturnType<WireFormat['schema']>
    },
    body: (parts: ErrorParts) => build(parts, shared),
    requestMembers: Object.freeze(REQUEST_MEMBERS.filter((member) => used.has(member))),
    discriminator: code?.key,
    guide: guideOf(declaration)
  })
}
