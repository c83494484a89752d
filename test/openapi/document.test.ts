/** The demo's OpenAPI document: valid OpenAPI 3.0 and 3.1, with the catalog errors of each route in detail. */
import t from 'tap'
import { parse as parseYaml } from 'yaml'
import { demoDocument, openapiProblems, resolveRef, type Document } from '../helpers/openapi.js'

const JSON_TYPE = 'application/json'

for (const version of ['3.0.3', '3.1.0']) {
  t.test(`the demo document is valid OpenAPI ${version}`, async (t) => {
    const { app, document } = await demoDocument({ openapi: version })
    t.teardown(() => app.close())
    t.equal(document.openapi, version)
    t.equal(await openapiProblems(document), '', '@readme/openapi-parser finds no problem')
    t.notOk(Object.keys(document.components.schemas).some((name) => name.startsWith('def-')), 'no def-N component names')
    t.notOk(JSON.stringify(document).includes('x-error-catalog-codes'), 'the internal marker is removed')
  })
}

/** The codes the operations of a document answer with, in catalog order. */
function usedCodes (document: Document, codes: readonly string[]): string[] {
  const used = new Set<string>()
  for (const item of Object.values<Document>(document.paths)) {
    for (const operation of Object.values<Document>(item)) {
      for (const response of Object.values<Document>(operation.responses)) for (const code of resolveRef(document, response)['x-error-codes'] ?? []) used.add(code)
    }
  }
  return codes.filter((code) => used.has(code))
}

t.test('every code some route answers with is a component named by the code (no other), with the code as a constant and x- extensions', async (t) => {
  for (const version of ['3.0.3', '3.1.0']) {
    const { app, document } = await demoDocument({ openapi: version })
    t.teardown(() => app.close())
    const schemas = document.components.schemas
    const used = usedCodes(document, app.errorCatalog.codes)
    t.same(Object.keys(schemas), used, `${version}: components.schemas lists the used codes, in catalog order`)
    t.ok(used.includes('SESSION_FULL') && used.includes('CONFLICT'), 'declared codes are used')
    t.notOk(used.includes('GATEWAY_TIMEOUT'), 'a builtin code no route answers with is left to the error guide')

    const full = schemas.SESSION_FULL
    const constant = version === '3.0.3' ? { enum: ['SESSION_FULL'] } : { const: 'SESSION_FULL' }
    t.match(full, {
      title: 'SESSION_FULL',
      type: 'object',
      additionalProperties: false,
      description: '세션 참여 인원이 정원에 이른 경우',
      required: ['code', 'status', 'message', 'retryable', 'suggestions', 'details'],
      properties: {
        code: { type: 'string', ...constant },
        status: { type: 'number', ...(version === '3.0.3' ? { enum: [409] } : { const: 409 }) },
        message: { type: 'string' },
        retryable: { type: 'boolean' },
        suggestions: { type: 'array', items: { type: 'string' } },
        details: {
          type: 'object',
          additionalProperties: false,
          required: ['sessionCode', 'capacity'],
          properties: { sessionCode: { type: 'string' }, capacity: { type: 'integer', minimum: 1, description: '세션 정원' } }
        },
        requestId: { type: 'string' }
      },
      'x-status': 409,
      'x-retryable': false,
      'x-suggestions': ['빈자리가 생기면 다시 참여하세요.'],
      'x-category': 'session',
      'x-category-title': '세션',
      'x-message': '세션 정원({capacity}명)이 모두 찼습니다.'
    }, `${version}: SESSION_FULL`)
    if (version === '3.0.3') t.equal(full.properties.details.properties.capacity.example, 30, '3.0: example, not examples')
    else t.same(full.properties.details.properties.capacity.examples, [30], '3.1: examples')

    t.match(schemas.LECTURE_CLOSED, { deprecated: true, 'x-deprecated': '대신 ENROLLMENT_CLOSED를 사용하세요.' })
    t.match(schemas.QUIZ_SUBMIT_TOO_FAST, { 'x-retryable': true, 'x-retry-after': 10 })
    t.notOk(schemas.INSTRUCTOR_ONLY.required.includes('details'), 'a code without details has no required details')
    t.match(schemas.VALIDATION_ERROR.properties.fieldErrors, { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } })
  }
})

function operation (document: Document, path: string, method: string): Document {
  const found = document.paths[path]?.[method]
  if (found === undefined) throw new Error(`no operation ${method} ${path}`)
  return found
}

t.test('joining a session documents each status once, several codes as a oneOf discriminated by code', async (t) => {
  const { app, document } = await demoDocument()
  t.teardown(() => app.close())
  const { responses } = operation(document, '/sessions/{sessionCode}/participants', 'post')
  t.same(Object.keys(responses).sort(), ['200', '400', '401', '403', '404', '409', '410', '413', '415', '500'])

  t.same(responses['409'], { $ref: '#/components/responses/SESSION_NOT_STARTED-or-SESSION_FULL' }, 'an error response is a reference to a shared response')
  const conflict = resolveRef(document, responses['409'])
  t.match(conflict.description, /^409 상태 충돌\. 다음 2가지 오류 코드 중 하나를 돌려줍니다\./)
  t.match(conflict.description, '- `SESSION_NOT_STARTED`: 강사가 세션을 시작하기 전에 참여하려는 경우')
  t.same(conflict['x-error-codes'], ['SESSION_NOT_STARTED', 'SESSION_FULL'])
  const media = conflict.content[JSON_TYPE]
  t.same(media.schema, {
    oneOf: [{ $ref: '#/components/schemas/SESSION_NOT_STARTED' }, { $ref: '#/components/schemas/SESSION_FULL' }],
    discriminator: {
      propertyName: 'code',
      mapping: { SESSION_NOT_STARTED: '#/components/schemas/SESSION_NOT_STARTED', SESSION_FULL: '#/components/schemas/SESSION_FULL' }
    }
  })
  t.same(media.examples, {
    SESSION_NOT_STARTED: { $ref: '#/components/examples/SESSION_NOT_STARTED' },
    'SESSION_NOT_STARTED.en': { $ref: '#/components/examples/SESSION_NOT_STARTED.en' },
    SESSION_FULL: { $ref: '#/components/examples/SESSION_FULL' },
    'SESSION_FULL.en': { $ref: '#/components/examples/SESSION_FULL.en' }
  }, "each code's example (Korean, then English) is a reference to its component example")
  t.same(resolveRef(document, media.examples.SESSION_FULL), {
    summary: 'SESSION_FULL: 세션 정원(30명)이 모두 찼습니다.',
    description: '세션 참여 인원이 정원에 이른 경우',
    value: {
      code: 'SESSION_FULL',
      status: 409,
      message: '세션 정원(30명)이 모두 찼습니다.',
      retryable: false,
      suggestions: ['빈자리가 생기면 다시 참여하세요.'],
      details: { sessionCode: 'AB12CD', capacity: 30 },
      requestId: 'req-1'
    }
  })
  t.equal(resolveRef(document, media.examples.SESSION_NOT_STARTED).value.message, '세션이 아직 시작되지 않았습니다. 시작 예정 시각은 2026-11-22T10:00:00+09:00입니다.')
  t.match(resolveRef(document, media.examples['SESSION_FULL.en']), {
    summary: 'SESSION_FULL (English): The session is full (capacity 30).',
    value: { code: 'SESSION_FULL', message: 'The session is full (capacity 30).', details: { sessionCode: 'AB12CD', capacity: 30 } }
  }, 'the English example: the same details, the English message')

  const badRequest = resolveRef(document, responses['400'])
  t.same(responses['400'], { $ref: '#/components/responses/DEVICE_ID_REQUIRED-or-VALIDATION_ERROR-or-INVALID_JSON.headers.authorization' },
    'named by its codes and by the route\'s own validation example')
  t.same(badRequest['x-error-codes'], ['DEVICE_ID_REQUIRED', 'VALIDATION_ERROR', 'INVALID_JSON'], 'declared first, then implied')
  t.same(badRequest.content[JSON_TYPE].examples.VALIDATION_ERROR, { $ref: '#/components/examples/VALIDATION_ERROR.headers.authorization' })
  t.match(resolveRef(document, badRequest.content[JSON_TYPE].examples.VALIDATION_ERROR).value, {
    details: { location: 'headers' },
    fieldErrors: { authorization: ['인증 토큰은 필수 항목입니다.'] }
  })
  t.same(badRequest.content[JSON_TYPE].examples['VALIDATION_ERROR.en'], { $ref: '#/components/examples/VALIDATION_ERROR.headers.authorization.en' })
  t.match(resolveRef(document, badRequest.content[JSON_TYPE].examples['VALIDATION_ERROR.en']).value, {
    message: 'The input is not valid.',
    details: { location: 'headers' },
    fieldErrors: { authorization: ['authorization is required.'] }
  }, 'the route\'s own validation example in English')
  const notFound = resolveRef(document, responses['404'])
  t.same(responses['404'], { $ref: '#/components/responses/SESSION_NOT_FOUND' }, 'one code: the response is named by the code')
  t.same(notFound.content[JSON_TYPE].schema, { $ref: '#/components/schemas/SESSION_NOT_FOUND' }, 'one code: a plain $ref')
  t.match(notFound.description, /^404 찾을 수 없음\. 오류 코드:\n\n- `SESSION_NOT_FOUND`: /)
  t.same(resolveRef(document, responses['500'])['x-error-codes'], ['INTERNAL_ERROR'])
  t.match(responses['200'].content[JSON_TYPE].schema.properties, { code: { type: 'string' } }, "the route's own 200 stays")
})

t.test('a code with retryAfter documents a Retry-After header; a read route has no body errors', async (t) => {
  const { app, document } = await demoDocument()
  t.teardown(() => app.close())
  const answers = operation(document, '/sessions/{sessionCode}/quizzes/{quizId}/answers', 'post').responses
  const tooFast = resolveRef(document, answers['429'])
  t.match(tooFast, {
    headers: { 'Retry-After': { description: /QUIZ_SUBMIT_TOO_FAST: 10초/, schema: { type: 'integer', minimum: 0 } } },
    content: { [JSON_TYPE]: { examples: { QUIZ_SUBMIT_TOO_FAST: { $ref: '#/components/examples/QUIZ_SUBMIT_TOO_FAST' } } } }
  })
  t.match(resolveRef(document, tooFast.content[JSON_TYPE].examples.QUIZ_SUBMIT_TOO_FAST), {
    value: { message: '답안을 너무 자주 제출했습니다. 10초 뒤에 다시 제출할 수 있습니다.', retryable: true }
  })
  t.notOk(answers['409'], 'no 409 on this route')
  t.notOk(resolveRef(document, answers['404']).headers, 'no Retry-After where no code sets one')

  const lecture = operation(document, '/lectures/{lectureId}', 'get').responses
  t.same(Object.keys(lecture).sort(), ['200', '400', '404', '500'])
  t.same(resolveRef(document, lecture['400']).content[JSON_TYPE].schema, { $ref: '#/components/schemas/VALIDATION_ERROR' }, 'a params schema implies VALIDATION_ERROR')
  t.same(resolveRef(document, resolveRef(document, lecture['400']).content[JSON_TYPE].examples.VALIDATION_ERROR).value.fieldErrors, { lectureId: ['강의 번호는 정수여야 합니다.'] })
  t.equal(resolveRef(document, resolveRef(document, lecture['404']).content[JSON_TYPE].examples.LECTURE_NOT_FOUND).value.message, '강의를 찾을 수 없습니다. (강의 번호 42)')

  const enroll = operation(document, '/lectures/{lectureId}/enrollments', 'post').responses
  const enrollConflict = resolveRef(document, enroll['409'])
  t.same(enrollConflict['x-error-codes'], ['ALREADY_ENROLLED', 'ENROLLMENT_CLOSED', 'LECTURE_CLOSED'])
  t.match(enrollConflict.description, '- `LECTURE_CLOSED`: 마감된 강의입니다. (사용 중단: 대신 ENROLLMENT_CLOSED를 사용하세요.)')
  const unauthorized = resolveRef(document, enroll['401'])
  t.same(unauthorized['x-error-codes'], ['UNAUTHORIZED', 'TOKEN_EXPIRED'])
  t.equal(resolveRef(document, unauthorized.content[JSON_TYPE].examples.TOKEN_EXPIRED).value.details.expiredAt, '2026-11-22T09:00:00Z')
})

t.test("each code's example is written once, under components.examples, and every error response is a shared one", async (t) => {
  const { app, document } = await demoDocument()
  t.teardown(() => app.close())
  const { examples, responses: shared } = document.components
  const codes = usedCodes(document, app.errorCatalog.codes)
  // The sample catalog has ko and en: each example is there in Korean (named by the code) and in English (`.en`).
  const variants = Object.keys(examples).filter((name) => /^VALIDATION_ERROR\.\w+\.\w+$/.test(name))
  t.same(Object.keys(examples), [...codes, ...variants].flatMap((name) => [name, `${name}.en`]),
    'one example per used code and locale, named by the code (and .en), then the routes\' own validation examples')
  for (const code of codes) {
    const { summary, value } = examples[code]
    t.equal(value.code, code)
    t.equal(summary, `${code}: ${value.message}`, `${code}: the summary is the code and its Korean message`)
    t.equal(value.requestId, 'req-1')
    const english = examples[`${code}.en`]
    t.equal(english.value.code, code)
    t.equal(english.summary, `${code} (English): ${english.value.message}`, `${code}.en: the summary is the code, the language and the English message`)
    t.notMatch(english.value.message, /[가-힣]/, `${code}.en: an English message`)
  }
  t.same(examples.SESSION_NOT_FOUND, {
    summary: 'SESSION_NOT_FOUND: 세션을 찾을 수 없습니다. (세션 코드 AB12CD)',
    description: '세션 코드가 존재하지 않거나 삭제된 경우',
    value: {
      code: 'SESSION_NOT_FOUND',
      status: 404,
      message: '세션을 찾을 수 없습니다. (세션 코드 AB12CD)',
      retryable: false,
      suggestions: ['세션 코드를 확인한 뒤 다시 시도하세요.'],
      details: { sessionCode: 'AB12CD' },
      requestId: 'req-1'
    }
  })

  const used = new Set<string>()
  for (const [path, item] of Object.entries<Document>(document.paths)) {
    for (const [method, { responses }] of Object.entries<Document>(item)) {
      for (const [status, response] of Object.entries<Document>(responses)) {
        if (status === '200' || status === '201') continue
        t.match(response, { $ref: /^#\/components\/responses\// }, `${method} ${path} ${status} is a reference`)
        t.equal(Object.keys(response).length, 1, `${method} ${path} ${status}: nothing beside the $ref`)
        used.add(response.$ref.slice('#/components/responses/'.length))
      }
    }
  }
  t.same(Object.keys(shared).sort(), [...used].sort(), 'components.responses holds the used responses, no other')
  for (const [name, response] of Object.entries<Document>(shared)) {
    const own = /\.(\w+\.[\w-]+)$/.exec(name)?.[1]
    t.equal(name, response['x-error-codes'].join('-or-') + (own === undefined ? '' : `.${own}`), `${name} is named by its codes (and its validation example)`)
    for (const [key, example] of Object.entries<Document>(response.content[JSON_TYPE].examples)) {
      const [code, locale] = key.split('.')
      const target = (code === 'VALIDATION_ERROR' && own !== undefined ? `VALIDATION_ERROR.${own}` : code) + (locale === undefined ? '' : `.${locale}`)
      t.same(example, { $ref: `#/components/examples/${target}` }, `${name}: ${key}'s example is referenced, not copied`)
    }
    t.same(Object.keys(response.content[JSON_TYPE].examples), response['x-error-codes'].flatMap((code: string) => [code, `${code}.en`]), `${name}: every code in Korean and in English`)
  }
})

t.test('no object appears twice in the document, and its YAML reads back as the same document', async (t) => {
  for (const openapi of ['3.0.3', '3.1.0']) {
    const { app } = await demoDocument({ openapi })
    t.teardown(() => app.close())
    const swagger = (app as unknown as { swagger: (options?: { yaml: boolean }) => Document }).swagger
    const document = swagger()
    const seen = new Set<object>()
    const twice: string[] = []
    const walk = (value: unknown, pointer: string): void => {
      if (typeof value !== 'object' || value === null) return
      if (seen.has(value)) twice.push(pointer)
      seen.add(value)
      for (const [key, member] of Object.entries(value)) walk(member, `${pointer}/${key}`)
    }
    walk(document, '')
    t.same(twice, [], `${openapi}: every object is its own (YAML would write anchors and aliases)`)

    const yaml = swagger({ yaml: true }) as unknown as string
    t.notMatch(yaml, /(^|[\s:-])[&*]a\d+\b/m, `${openapi}: no YAML anchor or alias`)
    // The yaml package's own reader, with its default alias limit.
    t.same(parseYaml(yaml), JSON.parse(JSON.stringify(document)), `${openapi}: the YAML document is the JSON document`)
  }
})

t.test("each route's validation example names one of the route's own fields", async (t) => {
  const { app, document } = await demoDocument()
  t.teardown(() => app.close())
  let checked = 0
  for (const [path, item] of Object.entries<Document>(document.paths)) {
    for (const [method, operation] of Object.entries<Document>(item)) {
      const badRequest = operation.responses['400'] === undefined ? undefined : resolveRef(document, operation.responses['400'])
      const example = badRequest?.content[JSON_TYPE].examples.VALIDATION_ERROR
      if (example === undefined) continue
      const { value } = resolveRef(document, example)
      const location: string = value.details.location
      const fields = location === 'body'
        ? Object.keys(resolveRef(document, operation.requestBody.content[JSON_TYPE].schema).properties)
        : (operation.parameters as Document[]).filter((parameter) => parameter.in === { querystring: 'query', params: 'path', headers: 'header' }[location]).map((parameter) => parameter.name)
      const named = Object.keys(value.fieldErrors)
      t.equal(named.length, 1, `${method} ${path}: one field`)
      t.ok(fields.includes(named[0]), `${method} ${path}: ${location} ${named[0]} is one of its own fields (${fields.join(', ')})`)
      t.match(value.fieldErrors[named[0]][0], /[가-힣]/, `${method} ${path}: a Korean message`)
      checked++
    }
  }
  t.equal(checked, 9, 'every route with a request schema was checked')
})
