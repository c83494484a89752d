/**
 * OpenAPI examples per locale (issue 12): a catalog with several locales documents every example once per locale,
 * the default locale's under its name and another's under the name plus `.<locale>`, in every negotiated format and
 * for each route's own validation example; each is the one example builder's body in that locale, and validates
 * against its schema in OpenAPI 3.0 and 3.1. A Korean-only catalog's document is byte for byte what it was before
 * (test/fixtures/openapi/korean-only.json, written by the code before this feature; rewrite it only for a change
 * you mean, after reading its diff).
 */
import t, { type Test } from 'tap'
import swagger from '@fastify/swagger'
import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import type { ErrorCatalogOptions } from '../../src/index.js'
import { buildApp, fixture } from '../helpers/app.js'
import { checkerOf, dereferenced, openapiProblems, resolveRef, type Document } from '../helpers/openapi.js'

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/
const JSON_TYPE = 'application/json'
const PROBLEM = 'application/problem+json'
const TWO_FORMATS = { negotiate: { [PROBLEM]: 'problem' }, typeBase: 'https://api.example.com/errors' } as const
const EMAIL_BODY = { type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' } } }

const KOREAN_ONLY = {
  version: 1,
  errors: {
    SESSION_NOT_FOUND: {
      status: 404,
      message: '세션을 찾을 수 없습니다. (세션 코드 {sessionCode})',
      description: '세션 코드가 존재하지 않는 경우',
      suggestions: ['세션 코드를 확인한 뒤 다시 시도하세요.'],
      details: { sessionCode: { type: 'string', example: 'AB12CD' } }
    },
    SESSION_FULL: { status: 409, message: '세션 정원이 모두 찼습니다.', retryable: true, retryAfter: 30 }
  }
}

/** The same catalog in Korean and English: its Korean texts are KOREAN_ONLY's. */
const KOREAN_ENGLISH = {
  version: 1,
  locales: ['ko', 'en'],
  errors: {
    SESSION_NOT_FOUND: {
      status: 404,
      message: { ko: '세션을 찾을 수 없습니다. (세션 코드 {sessionCode})', en: 'Session {sessionCode} was not found.' },
      description: { ko: '세션 코드가 존재하지 않는 경우', en: 'No session has this code.' },
      suggestions: { ko: ['세션 코드를 확인한 뒤 다시 시도하세요.'], en: ['Check the session code and try again.'] },
      details: { sessionCode: { type: 'string', example: 'AB12CD' } }
    },
    SESSION_FULL: { status: 409, message: { ko: '세션 정원이 모두 찼습니다.', en: 'The session is full.' }, retryable: true, retryAfter: 30 }
  }
}

async function documentOf (t: Test, catalog: ErrorCatalogOptions['catalog'], openapi: string, options: Partial<ErrorCatalogOptions> = TWO_FORMATS): Promise<{ app: FastifyInstance, document: Document }> {
  const app = await buildApp({ catalog, ...options }, async (app) => {
    await app.register(swagger, app.errorCatalogSwagger({ openapi: { openapi, info: { title: 'locales', version: '1.0.0' } } }))
    app.get('/sessions/:code', { schema: { params: { type: 'object', properties: { code: { type: 'string', minLength: 6 } } }, errors: ['SESSION_NOT_FOUND', 'SESSION_FULL'] } }, async () => 'ok')
    app.post('/users', { schema: { body: EMAIL_BODY } }, async () => 'ok')
  })
  t.teardown(() => app.close())
  return { app, document: JSON.parse(JSON.stringify(app.swagger())) }
}

t.test('a Korean-only catalog: the document is byte for byte what it was before examples had locales', async (t) => {
  const { document } = await documentOf(t, KOREAN_ONLY, '3.1.0')
  t.equal(JSON.stringify(document, null, 2) + '\n', readFileSync(fixture('openapi/korean-only.json'), 'utf8'))
})

for (const openapi of ['3.0.3', '3.1.0']) {
  t.test(`OpenAPI ${openapi}: with ko and en, every example is there once per locale, named CODE and CODE.en, in every format`, async (t) => {
    const { document: korean } = await documentOf(t, KOREAN_ONLY, openapi)
    const { document } = await documentOf(t, KOREAN_ENGLISH, openapi)
    t.equal(await openapiProblems(document), '', '@readme/openapi-parser finds no problem')
    const { examples } = document.components
    const names = Object.keys(korean.components.examples)
    t.ok(names.includes('SESSION_NOT_FOUND.problem') && names.includes('VALIDATION_ERROR.body.email.problem'), 'both formats and a route\'s own validation example')
    t.same(Object.keys(examples), names.flatMap((name) => [name, `${name}.en`]), 'each Korean example, then its English one')
    for (const name of names) {
      t.same(examples[name], korean.components.examples[name], `${name}: the Korean example is the Korean-only catalog's`)
      const english = examples[`${name}.en`]
      const code: string = english.value.code
      t.match(english.summary, new RegExp(`^${code} \\(English\\): `), `${name}.en: the summary says the language`)
      t.notMatch(JSON.stringify(english.value), HANGUL, `${name}.en: no Korean in the body`)
      t.equal(english.value.code, examples[name].value.code)
      t.same(english.value.details, examples[name].value.details, `${name}.en: the same details`)
    }

    t.same(examples['SESSION_NOT_FOUND.en'], {
      summary: 'SESSION_NOT_FOUND (English): Session AB12CD was not found.',
      description: 'No session has this code.',
      value: {
        code: 'SESSION_NOT_FOUND',
        status: 404,
        message: 'Session AB12CD was not found.',
        retryable: false,
        suggestions: ['Check the session code and try again.'],
        details: { sessionCode: 'AB12CD' },
        requestId: 'req-1'
      }
    })
    t.equal(examples['SESSION_NOT_FOUND.problem.en'].value.detail, 'Session AB12CD was not found.', 'the problem format in English')
    t.same(examples['VALIDATION_ERROR.en'].value.fieldErrors, { email: ['email must be a valid email address.'] }, 'the shared validation example in English')
    t.same(examples['VALIDATION_ERROR.body.email.en'].value.fieldErrors, { email: ['email is required.'] }, 'the route\'s own validation example in English')
    t.same(examples['VALIDATION_ERROR.body.email.problem.en'].value.errors, [{ pointer: '/email', detail: 'email is required.' }])
    t.match(examples['VALIDATION_ERROR.params.code.en'].value.fieldErrors, { code: [/^code must be .*\b6\b.*\.$/] }, 'a path parameter\'s rule in English')
    t.equal(examples['VALIDATION_ERROR.body.email.en'].summary, 'VALIDATION_ERROR (English): The input is not valid. (email)')
  })
}

t.test('each error response lists every code\'s example once per locale and media type, the Korean one first', async (t) => {
  const { document } = await documentOf(t, KOREAN_ENGLISH, '3.1.0')
  const users = resolveRef(document, document.paths['/users'].post.responses['400'])
  t.same(users.content[JSON_TYPE].examples, {
    VALIDATION_ERROR: { $ref: '#/components/examples/VALIDATION_ERROR.body.email' },
    'VALIDATION_ERROR.en': { $ref: '#/components/examples/VALIDATION_ERROR.body.email.en' },
    INVALID_JSON: { $ref: '#/components/examples/INVALID_JSON' },
    'INVALID_JSON.en': { $ref: '#/components/examples/INVALID_JSON.en' }
  })
  const session = resolveRef(document, document.paths['/sessions/{code}'].get.responses['404'])
  t.same(Object.keys(session.content), [JSON_TYPE, PROBLEM])
  t.same(session.content[PROBLEM].examples, {
    'SESSION_NOT_FOUND.problem': { $ref: '#/components/examples/SESSION_NOT_FOUND.problem' },
    'SESSION_NOT_FOUND.problem.en': { $ref: '#/components/examples/SESSION_NOT_FOUND.problem.en' }
  })
})

t.test('every example of every locale and format validates against its media type\'s schema, in 3.0 and 3.1', async (t) => {
  for (const openapi of ['3.0.3', '3.1.0']) {
    const { document } = await documentOf(t, KOREAN_ENGLISH, openapi)
    const resolved = await dereferenced(document)
    let english = 0
    let checked = 0
    for (const [path, item] of Object.entries<Document>(resolved.paths)) {
      for (const [method, operation] of Object.entries<Document>(item)) {
        for (const [status, response] of Object.entries<Document>(operation.responses)) {
          if (response['x-error-codes'] === undefined) continue
          for (const [mediaType, media] of Object.entries<Document>(response.content)) {
            const check = checkerOf(media.schema)
            for (const [name, example] of Object.entries<Document>(media.examples)) {
              t.equal(check(example.value), '', `${openapi} ${method} ${path} ${status} ${mediaType} ${name}`)
              checked++
              if (name.endsWith('.en')) english++
            }
          }
        }
      }
    }
    t.ok(checked > 20 && english * 2 === checked, `${openapi}: ${checked} examples checked, half of them English`)
  }
})

t.test('a format that sends $locale sends it in each example: ko in CODE, en in CODE.en', async (t) => {
  const envelope = { body: { code: '$code', message: '$message', lang: '$locale', fieldErrors: '$fieldErrors' } }
  const { document } = await documentOf(t, KOREAN_ENGLISH, '3.1.0', { envelope })
  const { examples } = document.components
  t.same(examples.SESSION_NOT_FOUND.value, { code: 'SESSION_NOT_FOUND', message: '세션을 찾을 수 없습니다. (세션 코드 AB12CD)', lang: 'ko' })
  t.same(examples['SESSION_NOT_FOUND.en'].value, { code: 'SESSION_NOT_FOUND', message: 'Session AB12CD was not found.', lang: 'en' })
  t.same(examples['VALIDATION_ERROR.body.email.en'].value.lang, 'en')
  t.same(examples['VALIDATION_ERROR.body.email'].value.lang, 'ko')
})
