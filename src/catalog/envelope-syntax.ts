/**
 * The `envelope:` declaration of a catalog (or the plugin's `envelope` option): the wire format as a JSON template.
 *
 *   envelope:
 *     contentType: application/json          # optional
 *     body:                                  # a JSON template
 *       error: { code: $code, message: $message, details: $details, field_errors: $fieldErrors }
 *       status: $status
 *     fieldError: { field: $field, message: $fieldMessage }   # optional: the item of $fieldErrorList
 *
 * A leaf is a constant (`status: error`, a number, `true`, `null`) or variables: `$a | $b` takes the first that
 * has a value, `$a | null` writes null when none has. A member whose variables have no value is left out.
 * `$merge: $details` inside an object puts the details' members where it is written. `$$` at the start
 * of a string writes one literal `$`. This module reads and checks the syntax (pure, no format code); src/envelope/
 * compiles a checked declaration into a wire format.
 */
import { didYouMean } from './did-you-mean.js'

/** Variables of the body template. */
export const BODY_VARIABLES = [
  'code', 'status', 'message', 'retryable', 'suggestions', 'details', 'fieldErrors', 'fieldErrorList',
  'field', 'fieldMessage', 'fieldValue', 'requestId', 'timestamp', 'docsUrl', 'title', 'type', 'instance', 'category', 'locale'
] as const

/** Variables of the `fieldError:` item template (one item per message of a validation failure). */
export const FIELD_VARIABLES = ['field', 'fieldMessage', 'keyword', 'pointer', 'location', 'loc'] as const

export type BodyVariable = typeof BODY_VARIABLES[number]
export type FieldVariable = typeof FIELD_VARIABLES[number]

/** The key that spreads a variable's members into an object. */
export const MERGE_KEY = '$merge'

/** A constant leaf's value. */
export type JsonScalar = string | number | boolean | null

/** A leaf: alternatives tried in order; a constant (or `null`) always has a value. */
export interface LeafNode<V extends string = string> {
  readonly kind: 'leaf'
  readonly alternatives: ReadonlyArray<{ readonly variable: V } | { readonly constant: JsonScalar }>
}

/** An object: members in order, and the variable spread into it (`$merge`), if any, where it is written. */
export interface ObjectNode<V extends string = string> {
  readonly kind: 'object'
  readonly members: ReadonlyArray<{ readonly key: string, readonly node: TemplateNode<V> }>
  readonly merge: V | undefined
  /** How many of `members` are written before `$merge` (its members go between those and the rest). */
  readonly mergeAt: number
}

/** An array of templates, written as they are. */
export interface ArrayNode<V extends string = string> {
  readonly kind: 'array'
  readonly items: ReadonlyArray<TemplateNode<V>>
}

export type TemplateNode<V extends string = string> = LeafNode<V> | ObjectNode<V> | ArrayNode<V>

/** A checked declaration. */
export interface EnvelopeDeclaration {
  readonly contentType: string | undefined
  readonly body: ObjectNode<BodyVariable>
  readonly fieldError: ObjectNode<FieldVariable> | undefined
}

/** Reports one problem at a path inside the declaration. */
export type DeclarationReport = (path: ReadonlyArray<string | number>, message: string) => void

const DECLARATION_KEYS = new Set(['contentType', 'body', 'fieldError'])
const MEDIA_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i

/** True for a bare media type (`type/subtype`, RFC 9110 token characters, no parameters). */
export function isMediaType (text: string): boolean {
  return MEDIA_TYPE.test(text)
}

/** Reads a declaration; every problem is reported (with its path), and undefined is returned if there was any. */
export function parseEnvelopeDeclaration (value: unknown, report: DeclarationReport): EnvelopeDeclaration | undefined {
  let problems = 0
  const problem: DeclarationReport = (path, message) => { problems++; report(path, message) }
  if (!isPlainObject(value)) {
    problem([], `expected an object with \`body\` (a JSON template), got ${describe(value)}`)
    return undefined
  }
  for (const key of Object.keys(value)) {
    if (!DECLARATION_KEYS.has(key)) problem([key], `unknown member "${key}" (expected contentType, body or fieldError)`)
  }
  const contentType = value.contentType
  if (contentType !== undefined && (typeof contentType !== 'string' || !isMediaType(contentType.split(';')[0].trim()))) {
    problem(['contentType'], `expected a media type such as "application/json", got ${describe(contentType)}`)
  }
  let body: ObjectNode<BodyVariable> | undefined
  if (value.body === undefined) problem([], 'missing `body`: the JSON template of every error body')
  else if (!isPlainObject(value.body)) problem(['body'], `expected an object (the JSON template), got ${describe(value.body)}`)
  else body = parseObject(value.body, ['body'], BODY_VARIABLES, problem)
  let fieldError: ObjectNode<FieldVariable> | undefined
  if (value.fieldError !== undefined) {
    if (!isPlainObject(value.fieldError)) problem(['fieldError'], `expected an object (the template of one field error), got ${describe(value.fieldError)}`)
    else fieldError = parseObject(value.fieldError, ['fieldError'], FIELD_VARIABLES, problem)
  }
  if (problems > 0 || body === undefined) return undefined
  if (fieldError === undefined && usesVariable(body, 'fieldErrorList')) {
    report(['body'], '$fieldErrorList needs `fieldError:`, the shape of one item')
    return undefined
  }
  return { contentType: typeof contentType === 'string' ? contentType : undefined, body, fieldError }
}

/** True when a variable appears anywhere in a template. */
export function usesVariable (node: TemplateNode, variable: string): boolean {
  switch (node.kind) {
    case 'leaf': return node.alternatives.some((alternative) => 'variable' in alternative && alternative.variable === variable)
    case 'array': return node.items.some((item) => usesVariable(item, variable))
    case 'object': return node.merge === variable || node.members.some((member) => usesVariable(member.node, variable))
  }
}

function parseNode<V extends string> (value: unknown, path: Array<string | number>, variables: readonly V[], report: DeclarationReport): TemplateNode<V> {
  if (Array.isArray(value)) return { kind: 'array', items: value.map((item, index) => parseNode(item, [...path, index], variables, report)) }
  if (isPlainObject(value)) return parseObject(value, path, variables, report)
  if (typeof value === 'string') return parseLeaf(value, path, variables, report)
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return { kind: 'leaf', alternatives: [{ constant: value }] }
  report(path, `expected a variable, a constant, an object or an array, got ${describe(value)}`)
  return { kind: 'leaf', alternatives: [{ constant: null }] }
}

function parseObject<V extends string> (value: Record<string, unknown>, path: Array<string | number>, variables: readonly V[], report: DeclarationReport): ObjectNode<V> {
  const members: Array<{ key: string, node: TemplateNode<V> }> = []
  let merge: V | undefined
  let mergeAt = 0
  for (const [key, member] of Object.entries(value)) {
    if (key === MERGE_KEY) {
      const leaf = typeof member === 'string' ? parseLeaf(member, [...path, key], variables, report) : undefined
      const only = leaf?.alternatives.length === 1 ? leaf.alternatives[0] : undefined
      if (only === undefined || !('variable' in only)) report([...path, key], `expected one variable whose members are spread here (e.g. $details), got ${describe(member)}`)
      else {
        merge = only.variable
        mergeAt = members.length
      }
      continue
    }
    if (key.startsWith('$')) {
      report([...path, key], `a variable cannot name a member ("${key}"); keys are written as they are sent (only ${MERGE_KEY} is special)`)
      continue
    }
    members.push({ key, node: parseNode(member, [...path, key], variables, report) })
  }
  return { kind: 'object', members, merge, mergeAt }
}

function parseLeaf<V extends string> (text: string, path: Array<string | number>, variables: readonly V[], report: DeclarationReport): LeafNode<V> {
  if (text.startsWith('$$')) return { kind: 'leaf', alternatives: [{ constant: text.slice(1) }] }
  if (!text.startsWith('$')) return { kind: 'leaf', alternatives: [{ constant: text }] }
  const alternatives: Array<{ variable: V } | { constant: null }> = []
  const parts = text.split('|').map((part) => part.trim())
  parts.forEach((part, index) => {
    if (part === 'null' && index === parts.length - 1 && index > 0) {
      alternatives.push({ constant: null })
      return
    }
    const name = part.startsWith('$') ? part.slice(1) : undefined
    if (name === undefined || !(variables as readonly string[]).includes(name)) {
      const hint = name === undefined ? '' : nearest(name, variables)
      report(path, `unknown variable "${part}" in "${text}"${hint === '' ? '' : ` (did you mean $${hint}?)`}; variables here: ${variables.map((variable) => '$' + variable).join(', ')}${index > 0 ? ', and null last' : ''}`)
      return
    }
    alternatives.push({ variable: name as V })
  })
  return { kind: 'leaf', alternatives }
}

/** The variable that differs least from a name (case-insensitive prefix or equality), or ''. */
function nearest (name: string, variables: readonly string[]): string {
  const lower = name.toLowerCase()
  return variables.find((variable) => variable.toLowerCase() === lower) ??
    variables.find((variable) => variable.toLowerCase().startsWith(lower) || lower.startsWith(variable.toLowerCase())) ??
    didYouMean(name, variables) ?? ''
}

function isPlainObject (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe (value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  return JSON.stringify(value) ?? typeof value
}
