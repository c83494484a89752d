/** The tables of docs/validation.md, rendered from the code's tables (test/validation/docs.test.ts compares). */
import { compileTemplate } from '../../src/text/template.js'
import { FORMAT_NAMES, TYPE_NAMES, VALIDATION_MESSAGES } from '../../src/validation/messages.js'
import { FORMAT_NAMES_EN, LOCATION_LABELS_EN, TYPE_NAMES_EN, VALIDATION_MESSAGES_EN } from '../../src/validation/messages-en.js'

/** Sample placeholder values for the example column. */
const SAMPLES: Record<string, string> = {
  label: '이메일',
  limit: '8',
  expected: '문자열',
  format: 'email',
  formatName: '이메일 주소',
  allowedValues: 'WAITING, IN_PROGRESS',
  allowedValue: 'true',
  first: '1',
  second: '3',
  property: '카드 번호',
  propertyName: 'A1',
  pattern: '^\\d{5}$',
  failingKeyword: 'then',
  keyword: 'even'
}

/** A label that suits each keyword's example. */
const LABELS: Record<string, string> = {
  type: '나이',
  minimum: '나이',
  maximum: '나이',
  exclusiveMinimum: '가격',
  exclusiveMaximum: '할인율',
  multipleOf: '수량',
  minLength: '비밀번호',
  maxLength: '닉네임',
  pattern: '우편번호',
  enum: '상태',
  const: '약관 동의',
  minItems: '태그',
  maxItems: '태그',
  uniqueItems: '태그',
  contains: '참가자',
  additionalItems: '좌표',
  items: '좌표',
  unevaluatedItems: '좌표',
  maxDepth: '요청 본문',
  minProperties: '설정',
  maxProperties: '설정',
  propertyNames: '라벨',
  additionalProperties: 'nick',
  unevaluatedProperties: 'nick',
  dependentRequired: '유효 기간',
  dependencies: '유효 기간',
  anyOf: '코드',
  oneOf: '코드',
  not: '사용자 이름',
  if: '배송 정보',
  'false schema': 'legacy',
  fallback: '수량'
}
const VALUES: Record<string, Record<string, string>> = {
  type: { expected: '정수' },
  minimum: { limit: '0' },
  maximum: { limit: '150' },
  exclusiveMinimum: { limit: '0' },
  exclusiveMaximum: { limit: '100' },
  multipleOf: { limit: '5' },
  maxLength: { limit: '20' },
  minItems: { limit: '1' },
  maxItems: { limit: '10' },
  contains: { limit: '1' },
  additionalItems: { limit: '2' },
  items: { limit: '2' },
  unevaluatedItems: { limit: '2' },
  maxDepth: { limit: '128' },
  minProperties: { limit: '1' },
  maxProperties: { limit: '20' }
}

const cell = (text: string): string => text.replace(/\|/g, '\\|')

/** The keyword table: id, template, placeholders, an example. */
export function messageTable (): string {
  const rows = Object.entries(VALIDATION_MESSAGES).map(([id, spec]) => {
    const placeholders = ['label', ...spec.placeholders].map((name) => `\`{${name}}\``).join(' ')
    const example = compileTemplate(spec.template).render({ ...SAMPLES, ...VALUES[id], label: LABELS[id] ?? SAMPLES.label })
    return `| \`${id}\` | \`${cell(spec.template)}\` | ${placeholders} | ${cell(example)} |`
  })
  return ['| Keyword | Default template | Placeholders | Example |', '|---|---|---|---|', ...rows].join('\n')
}

/** The `{expected}` and `{formatName}` tables. */
export function nameTables (): string {
  const types = Object.entries(TYPE_NAMES).map(([type, name]) => `| \`${type}\` | ${name} |`)
  const formats = Object.entries(FORMAT_NAMES).map(([format, name]) => `| \`${format}\` | ${name} |`)
  return [
    '| `type` | `{expected}` |', '|---|---|', ...types,
    '',
    '| `format` | `{formatName}` |', '|---|---|', ...formats
  ].join('\n')
}

/** English sample values, labels and values per keyword for the English example column. */
const SAMPLES_EN: Record<string, string> = { ...SAMPLES, label: 'email', expected: 'a string', formatName: 'email address', property: 'card number' }
const LABELS_EN: Record<string, string> = {
  type: 'age',
  minimum: 'age',
  maximum: 'age',
  exclusiveMinimum: 'price',
  exclusiveMaximum: 'discount rate',
  multipleOf: 'quantity',
  minLength: 'password',
  maxLength: 'nickname',
  pattern: 'zip code',
  enum: 'status',
  const: 'terms consent',
  minItems: 'tags',
  maxItems: 'tags',
  uniqueItems: 'tags',
  contains: 'participants',
  additionalItems: 'coordinates',
  items: 'coordinates',
  unevaluatedItems: 'coordinates',
  maxDepth: LOCATION_LABELS_EN.body,
  minProperties: 'settings',
  maxProperties: 'settings',
  propertyNames: 'metadata',
  additionalProperties: 'nick',
  unevaluatedProperties: 'nick',
  dependentRequired: 'expiry date',
  dependencies: 'expiry date',
  anyOf: 'code',
  oneOf: 'code',
  not: 'user name',
  if: 'shipping info',
  'false schema': 'legacy',
  fallback: 'quantity'
}
const VALUES_EN: Record<string, Record<string, string>> = { ...VALUES, type: { expected: TYPE_NAMES_EN.integer } }

/** The English keyword table: id, template, an example (the placeholders are those of the Korean table). */
export function messageTableEn (): string {
  const rows = Object.entries(VALIDATION_MESSAGES_EN).map(([id, spec]) => {
    const example = compileTemplate(spec.template).render({ ...SAMPLES_EN, ...VALUES_EN[id], label: LABELS_EN[id] ?? SAMPLES_EN.label })
    return `| \`${id}\` | \`${cell(spec.template)}\` | ${cell(example)} |`
  })
  return ['| Keyword | English template | Example |', '|---|---|---|', ...rows].join('\n')
}

/** The English `{expected}`, `{formatName}` and whole-part label tables. */
export function nameTablesEn (): string {
  const rows = (table: Readonly<Record<string, string>>): string[] => Object.entries(table).map(([key, name]) => `| \`${key}\` | ${name} |`)
  return [
    '| `type` | `{expected}` |', '|---|---|', ...rows(TYPE_NAMES_EN),
    '',
    '| `format` | `{formatName}` |', '|---|---|', ...rows(FORMAT_NAMES_EN),
    '',
    '| Part | Label |', '|---|---|', ...rows(LOCATION_LABELS_EN)
  ].join('\n')
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->`. */
export function fillRegion (page: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const from = page.indexOf(start)
  const to = page.indexOf(end)
  if (from < 0 || to < from) throw new Error(`docs/validation.md lacks the ${name} region`)
  return `${page.slice(0, from + start.length)}\n${content}\n${page.slice(to)}`
}

/** Reads a region's content. */
export function region (page: string, name: string): string | undefined {
  const match = new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)\\n<!-- ${name}:end -->`).exec(page)
  return match?.[1]
}
