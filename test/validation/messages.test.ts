/**
 * Every keyword's exact Korean message, through a real Fastify app: each row is a route whose body schema
 * has one field, and a request that breaks exactly one rule of it.
 */
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { ajvOptions } from '../../src/index.js'
import { compileCatalog } from '../../src/catalog/compile.js'
import { createValidationFormatter } from '../../src/validation/field-errors.js'
import { grouped } from '../helpers/field-errors.js'
import { buildApp } from '../helpers/app.js'

interface Row {
  /** The field's name in the body. */
  name: string
  /** The field's schema. */
  schema: Record<string, unknown>
  /** The field's value; leave out to send the body without it. */
  value?: unknown
  /** Whether the field is required. */
  required?: boolean
  /** `fieldErrors` expected, as one [key, message] (the key defaults to `name`). */
  want: string | [string, string]
}

const S = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ type: 'string', ...extra })

// [what the row shows, row]
const ROWS: Array<[string, Row]> = [
  // required: Hangul labels with and without a final consonant, and Latin / digit names.
  ['required, title ending in ㄹ', { name: 'email', schema: S({ title: '이메일' }), required: true, want: '이메일은 필수 항목입니다.' }],
  ['required, title ending in a vowel', { name: 'age', schema: { type: 'integer', title: '나이' }, required: true, want: '나이는 필수 항목입니다.' }],
  ['required, title ending in another consonant', { name: 'qty', schema: { type: 'integer', title: '수량' }, required: true, want: '수량은 필수 항목입니다.' }],
  ['required, no title: email', { name: 'email', schema: S(), required: true, want: 'email은 필수 항목입니다.' }],
  ['required, no title: id', { name: 'id', schema: S(), required: true, want: 'id는 필수 항목입니다.' }],
  ['required, no title: URL', { name: 'URL', schema: S(), required: true, want: 'URL은 필수 항목입니다.' }],
  ['required, no title: age', { name: 'age', schema: S(), required: true, want: 'age는 필수 항목입니다.' }],
  ['required, no title: item2', { name: 'item2', schema: S(), required: true, want: 'item2는 필수 항목입니다.' }],
  ['required, no title: step3', { name: 'step3', schema: S(), required: true, want: 'step3은 필수 항목입니다.' }],
  ['required, no title: name', { name: 'name', schema: S(), required: true, want: 'name은 필수 항목입니다.' }],

  // type, each type.
  ['type string', { name: 'password', schema: S({ title: '비밀번호' }), value: {}, want: '비밀번호는 문자열이어야 합니다.' }],
  ['type string, no title', { name: 'password', schema: S(), value: {}, want: 'password는 문자열이어야 합니다.' }],
  ['type number', { name: 'price', schema: { type: 'number', title: '가격' }, value: 'abc', want: '가격은 숫자여야 합니다.' }],
  ['type number, no title', { name: 'price', schema: { type: 'number' }, value: 'abc', want: 'price는 숫자여야 합니다.' }],
  ['type integer', { name: 'qty', schema: { type: 'integer', title: '수량' }, value: 1.5, want: '수량은 정수여야 합니다.' }],
  ['type boolean', { name: 'agreed', schema: { type: 'boolean', title: '동의 여부' }, value: 'maybe', want: '동의 여부는 true 또는 false여야 합니다.' }],
  ['type object', { name: 'address', schema: { type: 'object', title: '주소' }, value: 'x', want: '주소는 객체여야 합니다.' }],
  ['type array', { name: 'tags', schema: { type: 'array', title: '태그' }, value: {}, want: '태그는 배열이어야 합니다.' }],
  ['type null', { name: 'memo', schema: { type: 'null' }, value: 'x', want: 'memo는 null이어야 합니다.' }],
  ['type string or null', { name: 'memo', schema: { type: ['string', 'null'], title: '메모' }, value: {}, want: '메모는 문자열 또는 null이어야 합니다.' }],

  // Lengths and numbers.
  ['minLength', { name: 'password', schema: S({ title: '비밀번호', minLength: 8 }), value: 'abc', want: '비밀번호는 8자 이상이어야 합니다.' }],
  ['minLength, no title', { name: 'password', schema: S({ minLength: 8 }), value: 'abc', want: 'password는 8자 이상이어야 합니다.' }],
  ['maxLength', { name: 'nickname', schema: S({ title: '닉네임', maxLength: 10 }), value: 'a'.repeat(11), want: '닉네임은 10자 이하여야 합니다.' }],
  ['minimum', { name: 'age', schema: { type: 'integer', title: '나이', minimum: 0 }, value: -1, want: '나이는 0 이상이어야 합니다.' }],
  ['minimum, no title', { name: 'age', schema: { type: 'integer', minimum: 0 }, value: -1, want: 'age는 0 이상이어야 합니다.' }],
  ['maximum', { name: 'qty', schema: { type: 'integer', title: '수량', maximum: 99 }, value: 100, want: '수량은 99 이하여야 합니다.' }],
  ['exclusiveMinimum', { name: 'price', schema: { type: 'number', title: '가격', exclusiveMinimum: 0 }, value: 0, want: '가격은 0보다 커야 합니다.' }],
  ['exclusiveMaximum', { name: 'ratio', schema: { type: 'number', exclusiveMaximum: 1 }, value: 1, want: 'ratio는 1보다 작아야 합니다.' }],
  ['multipleOf', { name: 'qty', schema: { type: 'integer', title: '수량', multipleOf: 5 }, value: 7, want: '수량은 5의 배수여야 합니다.' }],
  ['pattern', { name: 'zip', schema: S({ title: '우편번호', pattern: '^\\d{5}$' }), value: 'abc', want: '우편번호의 형식이 올바르지 않습니다.' }],
  ['pattern, no title', { name: 'zip', schema: S({ pattern: '^\\d{5}$' }), value: 'abc', want: 'zip의 형식이 올바르지 않습니다.' }],

  // format, each format, and one Fastify does not know by name.
  ['format email', { name: 'email', schema: S({ title: '이메일', format: 'email' }), value: 'x', want: '이메일은 올바른 이메일 주소여야 합니다.' }],
  ['format email, no title', { name: 'email', schema: S({ format: 'email' }), value: 'x', want: 'email은 올바른 이메일 주소여야 합니다.' }],
  ['format uri', { name: 'homepage', schema: S({ title: '홈페이지', format: 'uri' }), value: 'x', want: '홈페이지는 올바른 URI여야 합니다.' }],
  ['format url', { name: 'url', schema: S({ format: 'url' }), value: 'x', want: 'url은 올바른 URL이어야 합니다.' }],
  ['format date', { name: 'birthday', schema: S({ title: '생년월일', format: 'date' }), value: '2024-13-01', want: '생년월일은 올바른 날짜(예: 2024-01-31)여야 합니다.' }],
  ['format time', { name: 'startsAt', schema: S({ title: '시작 시각', format: 'time' }), value: '25:00', want: '시작 시각은 올바른 시각(예: 09:30:00+09:00)이어야 합니다.' }],
  ['format date-time', { name: 'createdAt', schema: S({ format: 'date-time' }), value: 'yesterday', want: 'createdAt은 올바른 날짜와 시각(예: 2024-01-31T09:30:00+09:00)이어야 합니다.' }],
  ['format uuid', { name: 'orderId', schema: S({ title: '주문 ID', format: 'uuid' }), value: 'x', want: '주문 ID는 올바른 UUID여야 합니다.' }],
  ['format ipv4', { name: 'ip', schema: S({ format: 'ipv4' }), value: '999.1.1.1', want: 'ip는 올바른 IPv4 주소여야 합니다.' }],
  ['format ipv6', { name: 'ipv6', schema: S({ title: '서버 주소', format: 'ipv6' }), value: 'x', want: '서버 주소는 올바른 IPv6 주소여야 합니다.' }],
  ['format hostname', { name: 'host', schema: S({ title: '호스트', format: 'hostname' }), value: '-x-', want: '호스트는 올바른 호스트 이름이어야 합니다.' }],
  ['format unknown to the table', { name: 'phone', schema: S({ title: '전화번호', format: 'phone' }), value: 'x', want: '전화번호는 올바른 phone 형식의 값이어야 합니다.' }],

  // Values.
  ['enum', { name: 'grade', schema: S({ title: '등급', enum: ['GOLD', 'SILVER'] }), value: 'X', want: '등급은 다음 중 하나여야 합니다: GOLD, SILVER.' }],
  ['const', { name: 'terms', schema: { type: 'boolean', title: '약관 동의', const: true }, value: false, want: '약관 동의는 true여야 합니다.' }],
  ['const, no title', { name: 'version', schema: { type: 'integer', const: 2 }, value: 1, want: 'version은 2여야 합니다.' }],

  // Arrays and objects.
  ['minItems', { name: 'tags', schema: { type: 'array', title: '태그', minItems: 1 }, value: [], want: '태그는 1개 이상이어야 합니다.' }],
  ['maxItems', { name: 'items', schema: { type: 'array', maxItems: 2 }, value: [1, 2, 3], want: 'items는 2개 이하여야 합니다.' }],
  ['uniqueItems', { name: 'tags', schema: { type: 'array', title: '태그', uniqueItems: true }, value: ['a', 'b', 'a'], want: '태그의 항목은 서로 달라야 합니다(1번째와 3번째가 같습니다).' }],
  ['minProperties', { name: 'settings', schema: { type: 'object', title: '설정', minProperties: 1 }, value: {}, want: '설정에는 항목이 1개 이상 있어야 합니다.' }],
  ['maxProperties', { name: 'meta', schema: { type: 'object', maxProperties: 1 }, value: { a: 1, b: 2 }, want: 'meta에는 항목이 1개까지만 있을 수 있습니다.' }],
  ['additionalProperties, keyed by the extra property', {
    name: 'profile',
    schema: { type: 'object', title: '프로필', properties: { bio: S() }, additionalProperties: false },
    value: { nick: 'a' },
    want: ['profile.nick', 'nick은 허용되지 않는 항목입니다.']
  }],
  ['dependencies, keyed by the missing property', {
    name: 'card',
    schema: { type: 'object', properties: { number: S({ title: '카드 번호' }), expiry: S({ title: '유효 기간' }) }, dependencies: { number: ['expiry'] } },
    value: { number: '1234' },
    want: ['card.expiry', '카드 번호를 입력하면 유효 기간도 입력해야 합니다.']
  }],
  ['false schema', { name: 'legacy', schema: false as unknown as Record<string, unknown>, value: 1, want: 'legacy는 허용되지 않는 항목입니다.' }],
  ['additionalItems', {
    name: 'pair',
    schema: { type: 'array', items: [S()], minItems: 1, additionalItems: false },
    value: ['a', 'b'],
    want: 'pair는 1개 이하여야 합니다.'
  }],
  ['contains', { name: 'members', schema: { type: 'array', title: '참가자', contains: { const: 'me' } }, value: ['you'], want: '참가자에는 조건에 맞는 항목이 1개 이상 있어야 합니다.' }],
  ['propertyNames', { name: 'labels', schema: { type: 'object', title: '라벨', propertyNames: { pattern: '^[a-z]+$' } }, value: { A1: 'x' }, want: '라벨에 허용되지 않는 이름의 항목이 있습니다: A1.' }],

  // Combinators: one message each, never one per branch.
  ['anyOf of literals (TypeBox Union of Literals)', {
    name: 'status',
    schema: { title: '상태', anyOf: [{ type: 'string', const: 'WAITING' }, { type: 'string', const: 'IN_PROGRESS' }] },
    value: 'DONE',
    want: '상태는 다음 중 하나여야 합니다: WAITING, IN_PROGRESS.'
  }],
  ['anyOf of literals, no title', {
    name: 'status',
    schema: { anyOf: [{ const: 'WAITING' }, { const: 'IN_PROGRESS' }] },
    value: 'DONE',
    want: 'status는 다음 중 하나여야 합니다: WAITING, IN_PROGRESS.'
  }],
  ['anyOf of plain types', { name: 'memo', schema: { title: '메모', anyOf: [{ type: 'string' }, { type: 'integer' }] }, value: {}, want: '메모는 문자열 또는 정수여야 합니다.' }],
  ['anyOf of other schemas', {
    name: 'code',
    schema: { anyOf: [{ type: 'string', minLength: 3 }, { type: 'object', required: ['id'] }] },
    value: {},
    want: 'code는 허용된 형식 중 하나 이상에 맞아야 합니다.'
  }],
  ['oneOf matched twice', {
    name: 'nickname',
    schema: { title: '닉네임', oneOf: [{ type: 'string' }, { type: 'string', minLength: 1 }] },
    value: 'x',
    want: '닉네임은 허용된 형식 중 정확히 하나에 맞아야 합니다.'
  }],
  ['oneOf of literals', { name: 'size', schema: { title: '크기', oneOf: [{ const: 'S' }, { const: 'M' }, { const: 'L' }] }, value: 'XL', want: '크기는 다음 중 하나여야 합니다: S, M, L.' }],
  ['not', { name: 'username', schema: S({ title: '사용자 이름', not: { const: 'admin' } }), value: 'admin', want: '사용자 이름은 허용되지 않는 값입니다.' }],
  ['if / then: the rule inside then speaks, not the if', {
    name: 'delivery',
    schema: {
      type: 'object',
      title: '배송 정보',
      properties: { method: S(), address: S({ title: '배송지' }) },
      if: { properties: { method: { const: 'PARCEL' } }, required: ['method'] },
      then: { required: ['address'] }
    },
    value: { method: 'PARCEL' },
    want: ['delivery.address', '배송지는 필수 항목입니다.']
  }],

  // A keyword the table does not know (a custom one, from an Ajv plugin).
  ['a custom keyword', { name: 'count', schema: { type: 'integer', even: true }, value: 3, want: 'count는 올바른 값이 아닙니다.' }]
]

async function appFor (rows: Array<[string, Row]>, catalog?: Record<string, unknown>): Promise<FastifyInstance> {
  return await buildApp(catalog === undefined ? {} : { catalog }, (app) => {
    rows.forEach(([, row], index) => {
      app.post(`/rows/${index}`, {
        schema: {
          body: {
            type: 'object',
            properties: { [row.name]: row.schema },
            ...(row.required === true ? { required: [row.name] } : {})
          }
        }
      }, async () => ({ ok: true }))
    })
  }, {
    ajv: {
      ...ajvOptions({ customOptions: { removeAdditional: false, formats: { phone: /^\d+$/ } } }),
      // A custom keyword, as an app would add one: the table has no message for it.
      plugins: [(ajv: any) => ajv.addKeyword({ keyword: 'even', type: 'number', validate: (_: unknown, data: number) => data % 2 === 0 })]
    }
  })
}

async function fieldErrorsOf (app: FastifyInstance, index: number, row: Row): Promise<unknown> {
  const payload = row.value === undefined ? {} : { [row.name]: row.value }
  const response = await app.inject({ method: 'POST', url: `/rows/${index}`, payload })
  return response.json().fieldErrors
}

function wanted (row: Row): Record<string, string[]> {
  const [key, message] = typeof row.want === 'string' ? [row.name, row.want] : row.want
  return { [key]: [message] }
}

t.test('every keyword reads as Korean product copy, with the right label and particle', async (t) => {
  const app = await appFor(ROWS)
  t.teardown(() => app.close())
  for (const [index, [what, row]] of ROWS.entries()) {
    t.same(await fieldErrorsOf(app, index, row), wanted(row), what)
  }
})

t.test('the catalog may reword any keyword, particles included', async (t) => {
  const rows = ROWS.filter(([what]) => ['minLength', 'minLength, no title', 'a custom keyword', 'anyOf of literals (TypeBox Union of Literals)'].includes(what))
  const app = await appFor(rows, {
    version: 1,
    errors: {},
    validation: {
      messages: {
        minLength: '{label}{을/를} {limit}자 이상 입력해 주세요.',
        even: '{label}{은/는} 짝수여야 합니다.',
        enum: '{label}{은/는} {allowedValues} 중에서 고르세요.'
      }
    }
  })
  t.teardown(() => app.close())
  const answers = await Promise.all(rows.map(([, row], index) => fieldErrorsOf(app, index, row)))
  t.same(answers, [
    { password: ['비밀번호를 8자 이상 입력해 주세요.'] },
    { password: ['password를 8자 이상 입력해 주세요.'] },
    { status: ['상태는 WAITING, IN_PROGRESS 중에서 고르세요.'] },
    { count: ['count는 짝수여야 합니다.'] }
  ])
})

t.test('keywords plain Fastify cannot report (Ajv 2019 drafts) read the same way', async (t) => {
  // Error objects as Ajv2019 reports them (https://ajv.js.org/json-schema.html); Fastify's draft-07 Ajv
  // cannot compile these keywords without a plugin.
  const format = grouped(createValidationFormatter(compileCatalog({ version: 1, errors: {} })))
  const schema = {
    type: 'object',
    properties: { card: S({ title: '카드 번호' }), expiry: S({ title: '유효 기간' }), list: { type: 'array', title: '목록' } },
    dependentRequired: { card: ['expiry'] }
  }
  const { fieldErrors } = format([
    { keyword: 'dependentRequired', instancePath: '', schemaPath: '#/dependentRequired', params: { property: 'card', missingProperty: 'expiry', depsCount: 1, deps: 'expiry' } },
    { keyword: 'unevaluatedProperties', instancePath: '', schemaPath: '#/unevaluatedProperties', params: { unevaluatedProperty: 'extra' } },
    { keyword: 'unevaluatedItems', instancePath: '/list', schemaPath: '#/properties/list/unevaluatedItems', params: { limit: 2 } },
    { keyword: 'items', instancePath: '/list', schemaPath: '#/properties/list/items', params: { limit: 2 } },
    { keyword: 'if', instancePath: '/list', schemaPath: '#/properties/list/if', params: { failingKeyword: 'then' } }
  ], 'body', { schema })
  t.same(fieldErrors, {
    expiry: ['카드 번호를 입력하면 유효 기간도 입력해야 합니다.'],
    extra: ['extra는 허용되지 않는 항목입니다.'],
    list: ['목록은 2개 이하여야 합니다.', '목록이 조건부 규칙에 맞지 않습니다.']
  })
})

t.test('the catalog checker reports placeholders a keyword does not give and unknown particle markers', async (t) => {
  const error = t.throws(() => compileCatalog({
    version: 1,
    errors: {},
    validation: { messages: { minLength: '{label}{은/는} {min}자 이상', even: '{label}{에/에서} {keyword} {limit}', required: '{label}{을/를} 입력해 주세요.' } }
  })) as { problems?: Array<{ pointer: string, message: string, rule: string }> }
  t.same(error.problems?.map(({ pointer, message, rule }) => [pointer, rule, message]), [
    ['/validation/messages/minLength', 'unknown-placeholder', 'placeholder {min} is not given for minLength'],
    ['/validation/messages/even', 'unknown-placeholder', 'placeholder {limit} is not given for even'],
    ['/validation/messages/even', 'unknown-particle', '{에/에서} is not a known particle marker']
  ])
})
