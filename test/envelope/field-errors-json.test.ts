/**
 * Field errors are written by the format from JSON kept per field error (WireFormat.serializerBody and
 * spliceFieldErrors), not by the code's serializer: the bytes must be exactly what serializing the body object
 * writes, in every format, whatever the text holds, and a repeated failure must reuse the same field errors.
 */
import t from 'tap'
import { loadCatalog } from '../../src/catalog/load.js'
import { parseEnvelopeDeclaration } from '../../src/catalog/envelope-syntax.js'
import { declaredFormat } from '../../src/envelope/declared.js'
import { defaultFormat } from '../../src/envelope/default.js'
import { exampleParts } from '../../src/envelope/example.js'
import { serializeBody, type FieldError, type WireFormat } from '../../src/envelope/format.js'
import { problemFormat } from '../../src/envelope/problem.js'
import { createValidationFormatter } from '../../src/validation/field-errors.js'
import { catalogFile } from '../helpers/app.js'
import { recipe } from '../helpers/recipes.js'

const catalog = await loadCatalog(catalogFile('example.yaml'))
const validation = catalog.get('VALIDATION_ERROR')
if (validation === undefined) throw new Error('example.yaml lacks VALIDATION_ERROR')

function declared (name: string, declaration: unknown): WireFormat {
  const parsed = parseEnvelopeDeclaration(declaration, (path, message) => { throw new Error(`${name}: ${path.join('.')}: ${message}`) })
  if (parsed === undefined) throw new Error(`${name} refused`)
  return declaredFormat(parsed, { name })
}

const FORMATS: Record<string, WireFormat> = {
  default: defaultFormat,
  problem: problemFormat('https://api.example.com/errors'),
  'seed-000': declared('seed-000', recipe('seed-000')),
  'seed-004': declared('seed-004', recipe('seed-004')),
  // Both field variables in one body, the list nested in an array: each written in its own place.
  both: declared('both', { body: { code: '$code', all: '$fieldErrors', nested: ['$fieldErrorList'] }, fieldError: { at: '$pointer', why: '$fieldMessage' } })
}

const field = (path: string, message: string, keyword = 'type'): FieldError =>
  ({ pointer: `/${path}`, path, location: 'body', keyword, message })

// Text a serializer must escape: quotes, backslashes, control characters, a lone surrogate, Hangul, and the
// characters the markers are made of.
const ODD: FieldError[] = [
  field('email', 'email은 올바른 이메일 주소여야 합니다.', 'format'),
  field('email', '따옴표 " 와 역슬래시 \\ 가 있습니다.', 'pattern'),
  field('na"me', '줄바꿈\n과 탭\t이 있습니다.'),
  field('\u0000fec-field-errors-x\u0000', '외톨이 서로게이트 \ud800 입니다.'),
  field('items[0].qty', 'qty는 1 이상이어야 합니다.', 'minimum')
]

for (const [name, format] of Object.entries(FORMATS)) {
  t.test(`${name}: the bytes are the serialized body object's, for any text`, async (t) => {
    for (const fieldErrors of [ODD, ODD.slice(0, 1), []]) {
      const parts = { ...exampleParts(catalog, validation, { fieldErrors, details: { location: 'body' } }), timestamp: '2026-12-03T00:00:00.000Z' }
      const sent = serializeBody(format, parts)
      // JSON.stringify of the body object writes members in the same order (insertion order) and the same escapes.
      t.equal(sent, JSON.stringify(format.body(parts)), `${fieldErrors.length} field errors`)
      t.equal(serializeBody(format, parts), sent, 'the second answer, from kept JSON, is the same')
    }
  })
}

t.test('a detail value that looks like a marker is sent as it is', async (t) => {
  const session = catalog.get('SESSION_NOT_FOUND')
  if (session === undefined) throw new Error('example.yaml lacks SESSION_NOT_FOUND')
  const parts = exampleParts(catalog, validation, { fieldErrors: ODD.slice(0, 1), details: { location: '\u0000fec-field-errors-\u0000' } })
  t.equal(serializeBody(defaultFormat, parts), JSON.stringify(defaultFormat.body(parts)))
})

t.test('a repeated failure hands out the same frozen field errors, so their JSON is kept', async (t) => {
  const format = createValidationFormatter(catalog)
  const errors = () => [
    { instancePath: '/email', schemaPath: '#/properties/email/format', keyword: 'format', params: { format: 'email' }, message: 'must match format "email"' },
    { instancePath: '', schemaPath: '#/required', keyword: 'required', params: { missingProperty: 'name' }, message: "must have required property 'name'" }
  ]
  const source = { schema: { type: 'object', required: ['name'], properties: { email: { type: 'string', format: 'email' }, name: { type: 'string' } } } }
  const first = format(errors(), 'body', source).fieldErrors
  const second = format(errors(), 'body', source).fieldErrors
  t.equal(first.length, 2)
  first.forEach((error, index) => {
    t.equal(second[index], error, `field error ${index} is the same object`)
    t.ok(Object.isFrozen(error), `field error ${index} is frozen`)
  })
  // Another request part is another field error (the part is in it), not the body's.
  const query = format(errors(), 'querystring', source).fieldErrors
  t.not(query[0], first[0])
  t.equal(query[0].location, 'querystring')
  // Other params at the same place are another message.
  const other = format([{ ...errors()[0], params: { format: 'uri' } }], 'body', source).fieldErrors
  t.not(other[0], first[0])
})
