/** `$fieldValue` (validation.echo): which rejected values may be sent, and how long strings are cut (src/validation/echo.ts). */
import t from 'tap'
import { boundedText, echoedValue } from '../../src/validation/echo.js'
import type { RequestPart } from '../../src/request-parts.js'

const SCHEMA = {
  type: 'object',
  properties: {
    email: { type: 'string', format: 'email' },
    password: { type: 'string', minLength: 8, writeOnly: true },
    pin: { type: 'string', format: 'password' },
    age: { type: 'integer' },
    agree: { type: 'boolean' },
    address: { type: 'object', properties: { zip: { type: 'string' } } },
    items: { type: 'array', items: { $ref: '#/$defs/item' } },
    'a/b': { type: 'string' },
    loose: {}
  },
  $defs: { item: { type: 'object', properties: { sku: { type: 'string' }, secret: { type: 'string', writeOnly: true } } } }
}
const DATA = {
  email: 'bad',
  password: 'hunter2',
  pin: '1234',
  age: 7,
  agree: false,
  address: { zip: '12' },
  items: [{ sku: 'A-1', secret: 's' }],
  'a/b': 'slash',
  loose: { nested: true },
  extra: 'not in the schema'
}

const cases: Array<[string, { pointer: string, location?: RequestPart, want: unknown }]> = [
  ['a string', { pointer: '/email', want: 'bad' }],
  ['a number, as a number', { pointer: '/age', want: 7 }],
  ['a boolean', { pointer: '/agree', want: false }],
  ['a nested property', { pointer: '/address/zip', want: '12' }],
  ['an array item through a $ref', { pointer: '/items/0/sku', want: 'A-1' }],
  ['an escaped pointer segment', { pointer: '/a~1b', want: 'slash' }],
  ['never a writeOnly field', { pointer: '/password', want: undefined }],
  ['never format: password', { pointer: '/pin', want: undefined }],
  ['never a writeOnly field behind a $ref', { pointer: '/items/0/secret', want: undefined }],
  ['never an object', { pointer: '/loose', want: undefined }],
  ['never a field the schema does not describe', { pointer: '/extra', want: undefined }],
  ['never a missing field', { pointer: '/address/city', want: undefined }],
  ['never the whole part', { pointer: '', want: undefined }],
  ['never headers', { pointer: '/email', location: 'headers', want: undefined }]
]

for (const [name, { pointer, location, want }] of cases) {
  t.test(name, async (t) => {
    t.equal(echoedValue(DATA, location ?? 'body', pointer, { schema: SCHEMA }, 40), want)
  })
}

t.test('no schema to judge by: nothing is echoed', async (t) => {
  t.equal(echoedValue(DATA, 'body', '/email', undefined, 40), undefined)
})

t.test('strings are cut to maxLength code points, the last one `…`', async (t) => {
  const rows: Array<[string, number, string]> = [
    ['short', 10, 'short'],
    ['exactly10!', 10, 'exactly10!'],
    ['eleven chars', 10, 'eleven ch…'],
    ['가나다라마바사', 4, '가나다…'],
    ['😀😀😀😀😀', 5, '😀😀😀😀😀'],
    ['😀😀😀😀😀😀', 5, '😀😀😀😀…'],
    ['a😀b', 2, 'a…'],
    ['xy', 1, '…']
  ]
  for (const [text, max, want] of rows) t.equal(boundedText(text, max), want, `${JSON.stringify(text)} at ${max}`)
  t.equal(echoedValue({ email: 'x'.repeat(100) }, 'body', '/email', { schema: SCHEMA }, 40), 'x'.repeat(39) + '…')
})
