/**
 * Checks a parsed catalog document and collects every problem at once: structure (against the TypeBox
 * definition in format.ts), then meaning (placeholders, categories, reserved codes).
 */
import { FormatRegistry, type TSchema } from '@sinclair/typebox'
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler'
import { Value, ValueErrorType, type ValueError, type ValueErrorIterator } from '@sinclair/typebox/value'
import { CATEGORY_PATTERN, CODE_PATTERN, NAME_PATTERN, TCatalogFile, catalogReferences, type CatalogFile } from './format.js'
import { escapePointer, fromPointer, sortProblems, type CatalogProblem } from './problems.js'
import { parseEnvelopeDeclaration } from './envelope-syntax.js'
import { VALIDATION_MESSAGES } from '../validation/messages.js'
import { isFieldPattern, ruleCovers, type ValidationCodeRuleLike } from '../validation/codes.js'
import { PARTICLE_PAIRS } from '../text/particles.js'
import { parseTemplate } from '../text/template.js'
import type { CatalogDocument } from './source.js'
import { declaredLocales } from './locales.js'
import { GRPC_STATUS_NAMES, isGrpcStatusName } from './grpc-status.js'
import { didYouMean } from './did-you-mean.js'
import { builtinDocument } from './builtin.js'
import { fitsRole, isRole, ROLE_CODES, ROLE_NAMES, roleStatus } from './roles.js'

const KEY_RULES: Record<string, { what: string, rule: string, hint: string }> = {
  [CODE_PATTERN]: { what: 'error code', rule: 'code-name', hint: 'codes are UPPER_SNAKE_CASE, like SESSION_NOT_FOUND' },
  [NAME_PATTERN]: { what: 'detail name', rule: 'detail-name', hint: 'detail names are identifiers, like sessionCode' },
  [CATEGORY_PATTERN]: { what: 'category id', rule: 'category-name', hint: 'category ids are lower-case, like session' }
}

// TypeBox checks only registered formats; the catalog format uses `uri` (docsUrl). An app's own
// registration, if any, is left alone.
if (!FormatRegistry.Has('uri')) FormatRegistry.Set('uri', (value) => URL.canParse(value))

let formatCheck: TypeCheck<typeof TCatalogFile> | undefined

/** The result of checking: the typed catalog when it has no errors. */
export interface CheckResult {
  catalog: CatalogFile | undefined
  problems: CatalogProblem[]
}

/** Options of `checkCatalogDocument`. */
export interface CheckOptions {
  /** Whether the builtin catalog is merged under this one (default true): `roles:` may then name its codes. */
  builtin?: boolean
}

/** Checks a document; `catalog` is set only when no problem of severity `error` was found. */
export function checkCatalogDocument (document: CatalogDocument, options: CheckOptions = {}): CheckResult {
  const result = checkData(document, options)
  // Read quickly, found wanting: check again on `yaml`'s reading, which the positions belong to.
  return result.problems.length > 0 && document.positioned !== undefined ? checkData(document.positioned(), options) : result
}

function checkData (document: CatalogDocument, options: CheckOptions): CheckResult {
  const problems: CatalogProblem[] = [...document.problems]
  // No data (a syntax error, an alias bomb, a file refused as too large or binary): the text's problems say why.
  if (document.data === undefined && problems.length > 0) return { catalog: undefined, problems }

  const report = (pointer: string, message: string, rule: string, options: { key?: boolean, hint?: string } = {}): void => {
    const { line, col, file = document.file } = document.locate(fromPointer(pointer), options.key)
    problems.push({ file, line, col, pointer, message, severity: 'error', rule, ...(options.hint === undefined ? {} : { hint: options.hint }) })
  }

  const data = document.data
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    report('', 'a catalog must be a mapping with `version: 1` and `errors`', 'schema')
    return { catalog: undefined, problems }
  }

  // Too deep to check safely (recursive checks and serializers could overflow the stack): report only that.
  if (!reportShape(data, report)) return { catalog: undefined, problems: sortProblems(problems) }
  // Most catalogs are well formed: one compiled check first (fast, allocates nothing); the error walk only if it fails.
  formatCheck ??= TypeCompiler.Compile(TCatalogFile, catalogReferences)
  if (!formatCheck.Check(data)) reportStructure(Value.Errors(TCatalogFile, catalogReferences, data), report)
  // Meaning is checked even on a structurally broken catalog, so that one run reports everything.
  reportMeaning(data as Partial<CatalogFile>, report)
  if ('roles' in data) reportRoles(data as Partial<CatalogFile>, options.builtin !== false, report)
  const sorted = sortProblems(problems)
  return { catalog: sorted.length > 0 ? undefined : data as CatalogFile, problems: sorted }
}

type Report = (pointer: string, message: string, rule: string, options?: { key?: boolean, hint?: string }) => void

/** The `envelope:` declaration: unknown variables, variables in keys, a body that is not a template (docs/wire-formats.md). */
function reportEnvelope (envelope: unknown, report: Report): void {
  parseEnvelopeDeclaration(envelope, (path, message) => {
    // A variable written as a key is reported at the key.
    const key = typeof path[path.length - 1] === 'string' && String(path[path.length - 1]).startsWith('$')
    report(['/envelope', ...path.map((part) => escapePointer(String(part)))].join('/'), message, 'envelope', { key })
  })
}

function reportStructure (errors: ValueErrorIterator | Iterable<ValueError>, report: Report): void {
  const missing = new Set<string>()
  for (const error of errors) {
    // A missing key is reported once, not again as a value of the wrong type.
    if (error.type === ValueErrorType.ObjectRequiredProperty) missing.add(error.path)
    else if (error.value === undefined && missing.has(error.path)) continue
    const variant = error.type === ValueErrorType.Union ? narrowUnion(error) : undefined
    if (variant !== undefined) {
      // Paths of the narrowed check are relative to the union's value.
      const base = error.path
      reportStructure(Value.Errors(variant, catalogReferences, error.value), (pointer, message, rule, options) => report(base + pointer, message, rule, options))
      continue
    }
    describe(error, report)
  }
}

/**
 * The member of a union the value meant: for detail specs, the one its `type` names; otherwise the one member of
 * the value's JSON type (a translatable member is a string or a map, so `message: ""` reads as a too-short string).
 */
function narrowUnion (error: ValueError): TSchema | undefined {
  const value = error.value as { type?: unknown } | null
  const members = (error.schema.anyOf ?? []) as TSchema[]
  if (value !== null && typeof value === 'object' && typeof value.type === 'string') {
    const named = members.find((member) => member.properties?.type?.const === value.type)
    if (named !== undefined) return named
  }
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value
  const same = members.filter((member) => member.type === kind)
  if (same.length === 1 && members.every((member) => typeof member.type === 'string')) return same[0]
  // A translatable member given neither form: say what the plain form wants (`expected array, got "…"`).
  const [plain, map] = members
  return members.length === 2 && map.patternProperties !== undefined && plain.type !== 'object' && kind !== 'object' ? plain : undefined
}

function describe (error: ValueError, report: Report): void {
  const path = error.path
  const name = fromPointer(path).at(-1) ?? ''
  switch (error.type) {
    case ValueErrorType.ObjectAdditionalProperties: {
      const parent = error.schema as TSchema
      // Keys of records (codes, categories, detail names) are checked by hand, every one (TypeBox stops at the first);
      // so are role names (reportRoles).
      if (parent.patternProperties !== undefined || path.startsWith('/roles/')) return
      report(path, `unknown key ${JSON.stringify(name)}`, 'unknown-key', { key: true, hint: knownKeys(parent, name) })
      return
    }
    case ValueErrorType.ObjectRequiredProperty:
      report(path, `missing required key ${JSON.stringify(name)}`, 'required')
      return
    case ValueErrorType.Union: {
      const members = (error.schema.anyOf ?? []) as TSchema[]
      const types = members.map((member) => member.properties?.type?.const).filter((type) => type !== undefined)
      if (types.length > 0) {
        const given = (error.value as { type?: unknown } | null)?.type
        report(given === undefined ? path : `${path}/type`, given === undefined ? 'a detail needs a `type`' : `unknown detail type ${JSON.stringify(given)}`, 'detail-type', { hint: `one of ${types.join(', ')}` })
      } else {
        report(path, `expected ${members.map(typeName).join(' or ')}`, 'schema')
      }
      return
    }
    case ValueErrorType.Literal:
      report(path, `expected ${JSON.stringify(error.schema.const)}, got ${JSON.stringify(error.value)}`, 'schema')
      return
    default:
      report(path, `${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}${got(error)}`, 'schema')
  }
}

function got (error: ValueError): string {
  const value = error.value
  // `1e400` or `.inf` reads as Infinity, which JSON.stringify would print as null.
  if (typeof value === 'number' && !Number.isFinite(value)) return `, got ${value} (out of range for a number)`
  if (value === undefined || (typeof value === 'object' && value !== null)) return ''
  return `, got ${JSON.stringify(value)}`
}

function typeName (schema: TSchema): string {
  return schema.type === undefined ? 'a value' : String(schema.type)
}

function knownKeys (schema: TSchema, name: string): string | undefined {
  const keys = Object.keys(schema.properties ?? {})
  if (keys.length === 0) return undefined
  const near = didYouMean(name, keys)
  return `${near === undefined ? '' : `did you mean \`${near}\`? `}allowed keys: ${keys.join(', ')}`
}

function reportMeaning (catalog: Partial<CatalogFile>, report: Report): void {
  const locales = reportLocales(catalog, report)
  const translations = translationCheck(locales, report)
  reportValidationMessages(catalog, translations, report)
  reportValidationCodes(catalog, report)
  if (catalog.envelope !== undefined) reportEnvelope(catalog.envelope, report)
  reportGrpc(catalog, report)
  reportMaps(catalog, report)
  const categories = new Set(isRecord(catalog.categories) ? Object.keys(catalog.categories) : [])
  const reserved = new Set((Array.isArray(catalog.reserved) ? catalog.reserved : [])
    .map((item: unknown) => typeof item === 'string' ? item : isRecord(item) ? item.code : undefined))
  if (isRecord(catalog.categories)) {
    checkKeys(Object.keys(catalog.categories), '/categories', CATEGORY_PATTERN, report)
    for (const [id, title] of Object.entries(catalog.categories)) translations(title, () => `/categories/${escapePointer(id)}`)
  }
  if (!isRecord(catalog.errors)) return
  checkKeys(Object.keys(catalog.errors), '/errors', CODE_PATTERN, report)

  // One pass over every code: pointers are built only for a problem, texts without `{` are not scanned
  // (a catalog of 100,000 codes is checked on every start).
  const errors = catalog.errors
  for (const code of Object.keys(errors)) {
    const entry = errors[code]
    if (!isRecord(entry)) continue
    const at = (): string => `/errors/${escapePointer(code)}`
    const details = isRecord(entry.details) ? entry.details : undefined
    if (details !== undefined) checkDetailNames(details, `${at()}/details`, report)
    if (reserved.has(code)) {
      report(at(), `${code} is reserved (retired) and may not be defined again`, 'reserved-code', { key: true, hint: 'choose a new code: old clients may still read this one with its old meaning' })
    }
    if (typeof entry.category === 'string' && !categories.has(entry.category)) {
      report(`${at()}/category`, `unknown category ${JSON.stringify(entry.category)}`, 'unknown-category', {
        hint: categories.size === 0 ? 'declare it under `categories`' : `known categories: ${[...categories].join(', ')}`
      })
    }
    const checkText = (text: unknown, pointer: () => string): void => {
      if (typeof text !== 'string' || !text.includes('{')) return
      const template = parseTemplate(text)
      for (const name of template.names) {
        // `{retryAfter}` is the entry's own Retry-After seconds (or a call's `{ retryAfter }`).
        if (name === 'retryAfter' && typeof entry.retryAfter === 'number') continue
        if (details === undefined || !Object.hasOwn(details, name)) {
          const names = details === undefined ? [] : Object.keys(details)
          report(pointer(), `placeholder {${name}} names no detail`, 'unknown-placeholder', {
            hint: name === 'retryAfter' ? 'set the entry\'s `retryAfter` (seconds); a call\'s { retryAfter } then overrides it' : names.length === 0 ? `declare it under ${at()}/details` : `details: ${names.join(', ')}`
          })
        }
      }
      if (template.unknownMarkers.length > 0) reportUnknownMarkers(template.unknownMarkers, pointer(), report)
    }
    const checkList = (list: unknown, pointer: () => string): void => {
      if (Array.isArray(list)) list.forEach((text: unknown, index: number) => checkText(text, () => `${pointer()}/${index}`))
    }
    // A plain text is checked as before; a map by locale also for its locales and its placeholders.
    if (typeof entry.message === 'string') checkText(entry.message, () => `${at()}/message`)
    else translations(entry.message, () => `${at()}/message`, checkText)
    if (Array.isArray(entry.suggestions)) checkList(entry.suggestions, () => `${at()}/suggestions`)
    else translations(entry.suggestions, () => `${at()}/suggestions`, checkList)
    if (isRecord(entry.description)) translations(entry.description, () => `${at()}/description`)
    if (isRecord(entry.deprecated)) translations(entry.deprecated, () => `${at()}/deprecated`)
    if (details !== undefined) checkDetailTranslations(details, () => `${at()}/details`, translations)
  }
}

/** The translation maps of detail descriptions, at any depth (through `items` and `properties`). */
function checkDetailTranslations (details: Record<string, unknown>, at: () => string, translations: (value: unknown, pointer: () => string) => void): void {
  for (const [name, spec] of Object.entries(details)) {
    const path = (): string => `${at()}/${escapePointer(name)}`
    checkDetailSpecTranslations(spec, path, translations)
  }
}

function checkDetailSpecTranslations (spec: unknown, at: () => string, translations: (value: unknown, pointer: () => string) => void): void {
  if (!isRecord(spec)) return
  if (isRecord(spec.description)) translations(spec.description, () => `${at()}/description`)
  if (isRecord(spec.items)) checkDetailSpecTranslations(spec.items, () => `${at()}/items`, translations)
  if (isRecord(spec.properties)) checkDetailTranslations(spec.properties, () => `${at()}/properties`, translations)
}

/** The declared locales, the default first; `locale` and `locales` that disagree, and a locale listed twice, are problems. */
function reportLocales (catalog: Partial<CatalogFile>, report: Report): readonly string[] {
  const locales = declaredLocales(catalog)
  if (!Array.isArray(catalog.locales)) return locales
  if (typeof catalog.locale === 'string' && catalog.locale !== locales[0]) {
    report('/locale', `locale ${catalog.locale} is not the first of locales (${locales[0]})`, 'locales', { hint: 'the default locale is the first of `locales`: make `locale` the same, or leave it out' })
  }
  catalog.locales.forEach((locale: unknown, index: number) => {
    if (catalog.locales?.indexOf(locale as string) !== index) report(`/locales/${index}`, `${String(locale)} is listed twice`, 'locales', { hint: 'list each locale once' })
  })
  return locales
}

type TextCheck = (text: unknown, pointer: () => string) => void

/**
 * Checks a translatable member in the map form (a plain value is the default locale's and has nothing to check
 * here): every locale declared, the default locale's text present, and each translation with the placeholders of
 * the default locale's text (particle markers are not placeholders). `check` then sees each locale's text.
 */
function translationCheck (locales: readonly string[], report: Report): (value: unknown, pointer: () => string, check?: TextCheck) => void {
  const defaultLocale = locales[0]
  return (value, pointer, check) => {
    if (!isRecord(value)) return
    for (const locale of Object.keys(value)) {
      if (!locales.includes(locale)) {
        report(`${pointer()}/${escapePointer(locale)}`, `locale ${locale} is not declared in \`locales\``, 'unknown-locale', {
          key: true,
          hint: `declared: ${locales.join(', ')}; add it to \`locales\` (e.g. \`locales: [${[defaultLocale, locale].join(', ')}]\`) or remove it`
        })
      }
    }
    if (!Object.hasOwn(value, defaultLocale)) {
      report(pointer(), `no ${defaultLocale} text: a map of translations needs the default locale's`, 'missing-default-locale', { hint: `add \`${defaultLocale}: …\` (the default locale is the first of \`locales\`)` })
    }
    if (check === undefined) return
    const expected = Object.hasOwn(value, defaultLocale) ? placeholderSet(value[defaultLocale]) : undefined
    for (const [locale, text] of Object.entries(value)) {
      check(text, () => `${pointer()}/${escapePointer(locale)}`)
      if (expected === undefined || locale === defaultLocale) continue
      const names = placeholderSet(text)
      const missing = [...expected].filter((name) => !names.has(name))
      const extra = [...names].filter((name) => !expected.has(name))
      if (missing.length === 0 && extra.length === 0) continue
      const list = (set: Iterable<string>): string => [...set].map((name) => `{${name}}`).join(', ') || 'none'
      report(`${pointer()}/${escapePointer(locale)}`, `the ${locale} translation's placeholders (${list(names)}) differ from ${defaultLocale}'s (${list(expected)})`, 'translation-placeholders', {
        hint: `every translation uses the placeholders of the ${defaultLocale} text${missing.length > 0 ? `; missing: ${list(missing)}` : ''}${extra.length > 0 ? `; not in ${defaultLocale}: ${list(extra)}` : ''}`
      })
    }
  }
}

/** The placeholder names of a text or of a list of texts (a list of suggestions counts as one). */
function placeholderSet (value: unknown): Set<string> {
  const names = new Set<string>()
  for (const text of Array.isArray(value) ? value : [value]) {
    if (typeof text === 'string' && text.includes('{')) for (const name of parseTemplate(text).names) names.add(name)
  }
  return names
}

function checkKeys (keys: string[], at: string, pattern: string, report: Report): void {
  const rule = KEY_RULES[pattern]
  const regex = new RegExp(pattern)
  for (const key of keys) {
    // Reported once, by reportShape.
    if (key !== '__proto__' && !regex.test(key)) report(`${at}/${escapePointer(key)}`, `${JSON.stringify(key)} is not a valid ${rule.what}`, rule.rule, { key: true, hint: rule.hint })
  }
}

function checkDetailNames (details: Record<string, unknown>, at: string, report: Report): void {
  checkKeys(Object.keys(details), at, NAME_PATTERN, report)
  for (const [name, spec] of Object.entries(details)) {
    if (!isRecord(spec)) continue
    let inner: unknown = spec
    let path = `${at}/${escapePointer(name)}`
    // Arrays of objects nest their properties under `items`.
    while (isRecord(inner) && inner.type === 'array' && isRecord(inner.items)) {
      inner = inner.items
      path += '/items'
    }
    if (isRecord(inner) && isRecord(inner.properties)) checkDetailNames(inner.properties, `${path}/properties`, report)
  }
}

/**
 * Validation templates may use `{label}` and the placeholders their keyword provides (a keyword the
 * library has no message for, such as a custom one, gets `{keyword}`), and only known particle markers.
 */
function reportValidationMessages (catalog: Partial<CatalogFile>, translations: ReturnType<typeof translationCheck>, report: Report): void {
  const messages = isRecord(catalog.validation) ? catalog.validation.messages : undefined
  if (!isRecord(messages)) return
  for (const [id, given] of Object.entries(messages)) {
    const allowed = ['label', ...(Object.hasOwn(VALIDATION_MESSAGES, id) ? VALIDATION_MESSAGES[id].placeholders : ['keyword'])]
    const check = (text: unknown, pointer: () => string): void => {
      if (typeof text !== 'string') return
      const at = pointer()
      const template = parseTemplate(text)
      for (const name of template.names) {
        if (!allowed.includes(name)) report(at, `placeholder {${name}} is not given for ${id}`, 'unknown-placeholder', { hint: `placeholders of ${id}: ${allowed.map((known) => `{${known}}`).join(', ')}` })
      }
      reportUnknownMarkers(template.unknownMarkers, at, report)
    }
    const at = (): string => `/validation/messages/${escapePointer(id)}`
    if (typeof given === 'string') check(given, at)
    else translations(given, at, check)
  }
}

/** Details a code of `validation.codes` is given (src/plugin/error-handler.ts): it may require only these. */
const VALIDATION_CODE_DETAILS = ['location', 'field']

/**
 * `validation.codes` (docs/validation.md): each rule names a keyword Ajv reports (or one the catalog words in
 * `validation.messages`), a well-formed field path, `format` only with keyword `format`, and a 4xx code of this
 * catalog that needs no details but `location` and `field`; a rule an earlier one already takes is a problem.
 */
function reportValidationCodes (catalog: Partial<CatalogFile>, report: Report): void {
  const rules = isRecord(catalog.validation) ? catalog.validation.codes : undefined
  if (!Array.isArray(rules)) return
  const errors = isRecord(catalog.errors) ? catalog.errors : {}
  const keywords = [...Object.keys(VALIDATION_MESSAGES).filter((id) => id !== 'fallback'), ...Object.keys(isRecord(catalog.validation?.messages) ? catalog.validation.messages : {})]
  const seen: Array<{ rule: ValidationCodeRuleLike, index: number }> = []
  rules.forEach((rule: unknown, index: number) => {
    if (!isRecord(rule)) return
    const at = `/validation/codes/${index}`
    const { keyword, field, format, code } = rule
    if (typeof keyword === 'string' && !keywords.includes(keyword)) {
      const near = didYouMean(keyword, keywords)
      report(`${at}/keyword`, `unknown validation keyword ${JSON.stringify(keyword)}${near === undefined ? '' : ` (did you mean ${near}?)`}`, 'validation-code', {
        hint: 'a keyword Ajv reports (format, required, minLength, …) or one worded under validation.messages'
      })
    }
    if (typeof field === 'string' && !isFieldPattern(field)) {
      report(`${at}/field`, `${JSON.stringify(field)} is not a field path`, 'validation-code', { hint: 'names joined by dots, `[]` for any array index: password, address.zip, items[].email' })
    }
    if (format !== undefined && keyword !== 'format') {
      report(`${at}/format`, `\`format\` narrows only keyword format, not ${JSON.stringify(keyword)}`, 'validation-code', { hint: 'remove `format`, or set `keyword: format`' })
    }
    if (typeof code === 'string') {
      const entry = Object.hasOwn(errors, code) ? errors[code] : undefined
      if (!isRecord(entry)) {
        const near = didYouMean(code, Object.keys(errors))
        report(`${at}/code`, `unknown code ${code}${near === undefined ? '' : ` (did you mean ${near}?)`}`, 'validation-code', { hint: 'name a code defined under `errors` of this catalog' })
      } else {
        if (typeof entry.status === 'number' && (entry.status < 400 || entry.status > 499)) {
          report(`${at}/code`, `${code} has status ${entry.status}: a validation failure is the client's, answered with a 4xx code`, 'validation-code')
        }
        const required = Object.entries(isRecord(entry.details) ? entry.details : {})
          .filter(([name, spec]) => isRecord(spec) && spec.optional !== true && !VALIDATION_CODE_DETAILS.includes(name))
          .map(([name]) => name)
        if (required.length > 0) {
          report(`${at}/code`, `${code} requires details a validation failure does not give (${required.join(', ')})`, 'validation-code', {
            hint: `a validation failure gives ${VALIDATION_CODE_DETAILS.join(' and ')}; mark the others \`optional: true\``
          })
        }
      }
    }
    if (typeof keyword !== 'string' || (field !== undefined && typeof field !== 'string') || (format !== undefined && typeof format !== 'string')) return
    const current = { keyword, field, format, code: String(code) }
    const earlier = seen.find((other) => ruleCovers(other.rule, current))
    if (earlier !== undefined) {
      report(at, `this rule never matches: rule ${earlier.index} (${describeRule(earlier.rule)}) comes first and takes every failure it would`, 'validation-code-unreachable', {
        hint: 'put the narrower rule (with `field` or `format`) before the broader one'
      })
    }
    seen.push({ rule: current, index })
  })
}

function describeRule (rule: ValidationCodeRuleLike): string {
  return [`keyword: ${rule.keyword}`, rule.field === undefined ? '' : `field: ${rule.field}`, rule.format === undefined ? '' : `format: ${rule.format}`]
    .filter((part) => part !== '').join(', ')
}

/**
 * `roles:` (docs/catalog-format.md, "Roles"): each key a role the plugin has, each code defined by this catalog or
 * (when merged under it) the builtin one, with a status that fits the role (roles.ts: `internal` a 5xx, `notFound`
 * a 404, …). The user's entry wins over a builtin one of the same code, as it does when compiled.
 */
function reportRoles (catalog: Partial<CatalogFile>, builtin: boolean, report: Report): void {
  const roles: unknown = catalog.roles
  if (!isRecord(roles)) return
  const own = isRecord(catalog.errors) ? catalog.errors : {}
  const merged = builtin ? builtinErrors() : {}
  const codeRegex = new RegExp(CODE_PATTERN)
  for (const [role, code] of Object.entries(roles)) {
    const at = `/roles/${escapePointer(role)}`
    if (!isRole(role)) {
      const near = didYouMean(role, ROLE_NAMES)
      report(at, `unknown role ${JSON.stringify(role)}${near === undefined ? '' : ` (did you mean ${near}?)`}`, 'role', { key: true, hint: `roles: ${ROLE_NAMES.join(', ')}` })
      continue
    }
    // Not a code at all: the structure check says so.
    if (typeof code !== 'string' || !codeRegex.test(code)) continue
    const entry = Object.hasOwn(own, code) ? own[code] : Object.hasOwn(merged, code) ? merged[code] : undefined
    if (!isRecord(entry)) {
      const near = didYouMean(code, [...Object.keys(own), ...Object.keys(merged)])
      report(at, `${role}: ${code} is not a code of the catalog${near === undefined ? '' : ` (did you mean ${near}?)`}`, 'role', {
        hint: builtin ? 'name a code defined under `errors` (or a builtin one)' : 'name a code defined under `errors` (the builtin catalog is not merged)'
      })
      continue
    }
    if (typeof entry.status === 'number' && !fitsRole(role, entry.status)) {
      const wanted = roleStatus(role)
      report(at, `${role}: ${code} has status ${entry.status}, but the ${role} role answers with ${typeof wanted === 'number' ? wanted : `a ${wanted} status`}`, 'role', {
        hint: `name a code with ${typeof wanted === 'number' ? `status ${wanted}` : `a ${wanted} status`}, or leave ${role} to its builtin code ${ROLE_CODES[role]}`
      })
    }
  }
}

let builtinErrorsRead: Record<string, unknown> | undefined
/** The builtin catalog's codes (read once, only when a catalog has `roles:`). */
function builtinErrors (): Record<string, unknown> {
  if (builtinErrorsRead === undefined) {
    const data = builtinDocument().data
    builtinErrorsRead = isRecord(data) && isRecord(data.errors) ? data.errors : {}
  }
  return builtinErrorsRead
}

/** Particle markers (`{을/를}`) must name a known pair, in catalog and validation messages alike. */
function reportUnknownMarkers (markers: readonly string[], at: string, report: Report): void {
  for (const marker of markers) {
    report(at, `{${marker}} is not a known particle marker`, 'unknown-particle', { hint: `markers: ${PARTICLE_PAIRS.map((pair) => `{${pair.join('/')}}`).join(', ')}` })
  }
}

/**
 * gRPC members (docs/grpc.md): `grpc` is a canonical name other than OK; a `number` belongs to one code and is
 * not reserved; an entry with a `number` has no detail named `number` (both travel in ErrorInfo metadata).
 */
function reportGrpc (catalog: Partial<CatalogFile>, report: Report): void {
  const reserved = new Set((Array.isArray(catalog.reserved) ? catalog.reserved : [])
    .map((item: unknown) => typeof item === 'number' ? item : isRecord(item) ? item.number : undefined))
  const owners = new Map<number, string>()
  for (const [code, entry] of Object.entries(isRecord(catalog.errors) ? catalog.errors : {})) {
    if (!isRecord(entry)) continue
    const at = `/errors/${escapePointer(code)}`
    if (entry.grpc !== undefined && (!isGrpcStatusName(entry.grpc) || entry.grpc === 'OK')) {
      report(`${at}/grpc`, `${JSON.stringify(entry.grpc)} is not a gRPC error status`, 'grpc-status', { hint: `one of ${GRPC_STATUS_NAMES.filter((name) => name !== 'OK').join(', ')}` })
    }
    const number = entry.number
    if (typeof number !== 'number') continue
    const owner = owners.get(number)
    if (owner !== undefined) report(`${at}/number`, `number ${number} is already ${owner}'s`, 'number-duplicate', { hint: 'numbers identify one error each: choose an unused one' })
    else owners.set(number, code)
    if (reserved.has(number)) report(`${at}/number`, `number ${number} is reserved (retired) and may not be used again`, 'reserved-number', { hint: 'choose a new number: old clients may still read this one with its old meaning' })
    if (isRecord(entry.details) && Object.hasOwn(entry.details, 'number')) {
      report(`${at}/details/number`, 'a detail named `number` would clash with the entry\'s `number` in gRPC ErrorInfo metadata', 'number-detail', { key: true, hint: 'rename the detail' })
    }
  }
}

/**
 * `maps`: a foreign error (by `code` or class `name`) is answered by one code of the catalog, so naming it
 * twice, in two entries or in one, is a problem at the second mention. (A user entry may take over a name the
 * builtin catalog maps: the user's catalog is checked on its own, and its mapping wins at compile time.)
 */
function reportMaps (catalog: Partial<CatalogFile>, report: Report): void {
  const owners = new Map<string, string>()
  for (const [code, entry] of Object.entries(isRecord(catalog.errors) ? catalog.errors : {})) {
    if (!isRecord(entry) || !Array.isArray(entry.maps)) continue
    entry.maps.forEach((name: unknown, index: number) => {
      if (typeof name !== 'string') return
      const owner = owners.get(name)
      if (owner === undefined) owners.set(name, code)
      else report(`/errors/${escapePointer(code)}/maps/${index}`, `${name} is already mapped to ${owner}`, 'maps-duplicate', { hint: 'a foreign error is answered by one code: keep one mapping' })
    })
  }
}

/** How deep catalog data may nest (a detail nested 13 objects deep reaches it); deeper is refused. */
export const MAX_CATALOG_DEPTH = 32

/**
 * Walks the data once: reports `__proto__` keys (JavaScript would read them as the prototype, not as members:
 * a details object named so would break every answer of its code) and data nested deeper than
 * MAX_CATALOG_DEPTH. False when the data is too deep to check further.
 */
function reportShape (data: unknown, report: Report): boolean {
  let deep = false
  // The path is kept as segments and turned into a pointer only for a report: the walk visits every member.
  const path: string[] = []
  const pointer = (): string => path.map((segment) => '/' + escapePointer(segment)).join('')
  const visit = (value: unknown, depth: number): void => {
    if (value === null || typeof value !== 'object' || deep) return
    if (depth > MAX_CATALOG_DEPTH) {
      deep = true
      report(pointer(), `nests deeper than ${MAX_CATALOG_DEPTH} levels`, 'too-deep', { hint: 'flatten the details: deep nesting is hard to read and to render' })
      return
    }
    const array = Array.isArray(value)
    for (const key of Object.keys(value)) {
      path.push(key)
      if (!array && key === '__proto__') report(pointer(), '"__proto__" cannot be a key', 'proto-key', { key: true, hint: 'JavaScript reads it as the object\'s prototype, not as a member: choose another name' })
      visit((value as Record<string, unknown>)[key], depth + 1)
      path.pop()
    }
  }
  visit(data, 1)
  return !deep
}

function isRecord (value: unknown): value is Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
