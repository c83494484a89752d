import t from 'tap'
import { inspect, types } from 'node:util'
import Fastify from 'fastify'
import { CatalogError, compileCatalog, isCatalogError } from '../../src/index.js'

const catalog = compileCatalog({
  version: 1,
  errors: {
    SESSION_NOT_FOUND: {
      status: 404,
      message: '세션을 찾을 수 없습니다. (세션 코드 {sessionCode})',
      suggestions: ['{sessionCode} 코드를 다시 확인하세요.', '강사에게 새 코드를 받으세요.'],
      details: { sessionCode: { type: 'string' } }
    },
    UPSTREAM_DOWN: { status: 503, message: '결제 서버에 연결할 수 없습니다.', retryable: true, retryAfter: 30 }
  }
})
const { SESSION_NOT_FOUND, UPSTREAM_DOWN } = catalog.errors

t.test('a factory call returns a CatalogError with code, statusCode, retryable, details and the rendered message', async (t) => {
  const error = SESSION_NOT_FOUND({ sessionCode: 'A1' })
  t.ok(error instanceof Error)
  t.ok(error instanceof CatalogError)
  t.equal(error.name, 'CatalogError')
  t.equal(error.code, 'SESSION_NOT_FOUND')
  t.equal(error.statusCode, 404)
  t.equal(error.retryable, false)
  t.same(error.details, { sessionCode: 'A1' })
  t.equal(error.message, '세션을 찾을 수 없습니다. (세션 코드 A1)')
  t.same(error.suggestions, ['A1 코드를 다시 확인하세요.', '강사에게 새 코드를 받으세요.'])
  t.same(error.toJSON(), {
    code: 'SESSION_NOT_FOUND',
    status: 404,
    message: '세션을 찾을 수 없습니다. (세션 코드 A1)',
    retryable: false,
    suggestions: ['A1 코드를 다시 확인하세요.', '강사에게 새 코드를 받으세요.'],
    details: { sessionCode: 'A1' }
  })
})

t.test('a factory works with or without new, and keeps its code and status as properties', async (t) => {
  const Factory = SESSION_NOT_FOUND
  const withNew = new Factory({ sessionCode: 'B2' })
  t.ok(isCatalogError(withNew))
  t.equal(withNew.message, '세션을 찾을 수 없습니다. (세션 코드 B2)')
  t.equal(Factory.name, 'SESSION_NOT_FOUND')
  t.equal(Factory.code, 'SESSION_NOT_FOUND')
  t.equal(Factory.statusCode, 404)
})

t.test('cause is kept on the error', async (t) => {
  const cause = new Error('row not found')
  t.equal(SESSION_NOT_FOUND({ sessionCode: 'A1' }, { cause }).cause, cause)
  t.notOk('cause' in SESSION_NOT_FOUND({ sessionCode: 'A1' }), 'no cause member when none is given')
})

t.test('4xx errors skip the stack trace by default; 5xx errors capture it; both can be asked for', async (t) => {
  t.equal(SESSION_NOT_FOUND({ sessionCode: 'A1' }).stack, 'CatalogError: 세션을 찾을 수 없습니다. (세션 코드 A1)')
  t.match(UPSTREAM_DOWN().stack, /\n\s+at .*catalog-error\.test/)
  t.match(SESSION_NOT_FOUND({ sessionCode: 'A1' }, { captureStack: true }).stack, /\n\s+at /)
  t.equal(UPSTREAM_DOWN(undefined, { captureStack: false }).stack, 'CatalogError: 결제 서버에 연결할 수 없습니다.')
  const previous = Error.stackTraceLimit
  SESSION_NOT_FOUND({ sessionCode: 'A1' })
  t.equal(Error.stackTraceLimit, previous, 'the global limit is restored')

  const always = compileCatalog({ version: 1, errors: { X_FAILED: { status: 400, message: '실패했습니다.' } } }, { stackTraces: 'always' })
  t.match(always.errors.X_FAILED().stack, /\n\s+at /)
  const never = compileCatalog({ version: 1, errors: { X_FAILED: { status: 500, message: '실패했습니다.' } } }, { stackTraces: 'never' })
  t.equal(never.errors.X_FAILED().stack, 'CatalogError: 실패했습니다.')
  t.throws(() => compileCatalog({ version: 1, errors: {} }, { stackTraces: 'sometimes' as 'never' }), { code: 'FEC_ERR_OPTIONS_INVALID' })
})

t.test('retryAfter comes from the entry and can be overridden per call', async (t) => {
  t.equal(UPSTREAM_DOWN().retryAfter, 30)
  t.equal(UPSTREAM_DOWN(undefined, { retryAfter: 5 }).retryAfter, 5)
  t.equal(SESSION_NOT_FOUND({ sessionCode: 'A1' }).retryAfter, undefined)
})

t.test('isCatalogError recognises errors of another copy of the package (Symbol.for)', async (t) => {
  // A second copy of the module: same file, another module instance (as with two installed versions).
  const copy = await import(`../../src/catalog/catalog-error.js?copy=${Date.now()}`) as typeof import('../../src/catalog/catalog-error.js')
  t.not(copy.CatalogError, CatalogError, 'really another class')
  const foreign = new copy.CatalogError({ code: 'X', statusCode: 400, message: 'm', retryable: false, suggestions: [], details: {}, retryAfter: undefined })
  t.ok(isCatalogError(foreign))
  t.ok(foreign instanceof CatalogError)
  t.ok(copy.isCatalogError(SESSION_NOT_FOUND({ sessionCode: 'A1' })))
  for (const value of [new Error('x'), { code: 'X', statusCode: 400 }, null, undefined, 'CatalogError', 1]) {
    t.notOk(isCatalogError(value), `not: ${String(value)}`)
  }
})

/** The SESSION_NOT_FOUND error a factory made, made again by the constructor from the same parts. */
function constructedLike (made: CatalogError, options: ConstructorParameters<typeof CatalogError>[1]): CatalogError {
  return new CatalogError({
    code: 'SESSION_NOT_FOUND',
    statusCode: 404,
    message: made.message,
    retryable: false,
    suggestions: made.suggestions,
    details: { sessionCode: 'A1' },
    retryAfter: undefined
  }, options)
}

t.test('a factory\'s error has the members, enumerability and printing of one made by the constructor', async (t) => {
  const cause = new Error('row not found')
  const made = SESSION_NOT_FOUND({ sessionCode: 'A1' }, { cause, retryAfter: 5 })
  const constructed = constructedLike(made, { cause, retryAfter: 5, captureStack: false })
  t.same(Object.keys(made), Object.keys(constructed), 'the same enumerable members, in the same order')
  t.same({ ...made }, { ...constructed })
  for (const name of ['message', 'cause'] as const) {
    t.equal(made[name], constructed[name])
    t.equal(Object.getOwnPropertyDescriptor(made, name)?.enumerable, false, `${name} is not enumerable`)
  }
  t.equal(made.retryAfter, 5)
  t.equal(String(made), 'CatalogError: 세션을 찾을 수 없습니다. (세션 코드 A1)')
  t.equal(made.stack, constructed.stack, 'CatalogError: <message>, no frames')
  t.equal(inspect(made), inspect(constructed), 'util.inspect prints both alike')
  t.match(inspect(made), /^\[CatalogError: 세션을 찾을 수 없습니다\. \(세션 코드 A1\)\]/)
  t.equal(JSON.stringify(made), JSON.stringify(constructed))
})

t.test('a 4xx factory error made without the Error constructor reads, prints and logs like one made by it', async (t) => {
  const made = SESSION_NOT_FOUND({ sessionCode: 'A1' })
  const constructed = constructedLike(made, { captureStack: false })
  t.notOk(types.isNativeError(made), 'made without the constructor (what the docs say tells them apart)')
  t.ok(types.isNativeError(constructed))
  t.ok(types.isNativeError(SESSION_NOT_FOUND({ sessionCode: 'A1' }, { captureStack: true })), 'captureStack: true makes a native one')
  // The other two differences the docs name.
  t.equal(Object.prototype.toString.call(made), '[object Object]')
  t.equal(Object.prototype.toString.call(constructed), '[object Error]')
  t.match(structuredClone(made), { code: 'SESSION_NOT_FOUND', details: { sessionCode: 'A1' } }, 'a clone keeps the members…')
  t.equal((structuredClone(made) as { message?: string }).message, undefined, '…not the message')
  t.equal(structuredClone(constructed).message, constructed.message, 'a native one\'s clone keeps the message…')
  t.equal((structuredClone(constructed) as { code?: string }).code, undefined, '…not the members')
  t.ok(made instanceof Error)
  t.ok(made instanceof CatalogError)
  t.same(Object.keys(made), Object.keys(constructed), 'the same enumerable members, in the same order')
  t.same({ ...made }, { ...constructed })
  t.notOk(Object.prototype.propertyIsEnumerable.call(made, 'message'), 'message is not enumerable')
  t.equal(made.message, constructed.message)
  t.equal(String(made), String(constructed))
  t.equal(made.stack, constructed.stack)
  t.equal(inspect(made), inspect(constructed), 'util.inspect prints both alike')
  t.equal(inspect({ error: made }), inspect({ error: constructed }))
  t.equal(JSON.stringify(made), JSON.stringify(constructed))

  // pino's err serializer, through Fastify's logger: the same line for both.
  const lines: string[] = []
  const app = Fastify({ logger: { base: undefined, timestamp: false, stream: { write: (line: string) => lines.push(line) } } })
  app.log.info({ err: made }, 'x')
  app.log.info({ err: constructed }, 'x')
  await app.close()
  t.equal(lines.length, 2)
  t.equal(lines[0], lines[1])
  t.match(JSON.parse(lines[0]).err, { type: 'CatalogError', message: made.message, stack: made.stack, code: 'SESSION_NOT_FOUND' })

  // message and stack are settable, as any Error's, and then own, unenumerable members.
  made.message = '바뀐 메시지'
  t.equal(made.message, '바뀐 메시지')
  t.equal(made.stack, 'CatalogError: 바뀐 메시지', 'the stack follows the message until it is set')
  made.stack = 'custom'
  t.equal(made.stack, 'custom')
  t.same(Object.keys(made), Object.keys(constructed), 'still not enumerable once set')
  t.equal(SESSION_NOT_FOUND({ sessionCode: 'A1' }).message, '세션을 찾을 수 없습니다. (세션 코드 A1)', 'another error keeps its own')
})
