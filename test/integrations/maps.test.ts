/**
 * `maps` in the catalog: a foreign error, by its `code` or its class `name`, answers a catalog code; the user's
 * mapping replaces the builtin one; a name mapped twice is a catalog problem at file:line:col.
 */
import t from 'tap'
import Fastify from 'fastify'
import { compileCatalog, errorCatalog } from '../../src/index.js'
import { parseCatalogText } from '../../src/tooling.js'

class PaymentDeclinedError extends Error {
  constructor () {
    super('card declined by issuer')
    this.name = 'PaymentDeclinedError'
  }
}

t.test('by code and by class name; the user mapping replaces the builtin one', async (t) => {
  const app = Fastify()
  await app.register(errorCatalog, {
    catalog: {
      version: 1,
      errors: {
        PAYMENT_DECLINED: { status: 402, message: '카드 결제가 거절되었습니다.', maps: ['PaymentDeclinedError', 'STRIPE_CARD_DECLINED'] },
        UPLOAD_TOO_BIG: { status: 413, message: '파일은 10MB까지 올릴 수 있습니다.', maps: ['FST_REQ_FILE_TOO_LARGE'] }
      }
    },
    logLevels: { server: 'silent' }
  })
  app.get('/class', async () => { throw new PaymentDeclinedError() })
  app.get('/code', async () => { throw Object.assign(new Error('declined'), { code: 'STRIPE_CARD_DECLINED' }) })
  app.get('/builtin-replaced', async () => { throw Object.assign(new Error('request file too large'), { code: 'FST_REQ_FILE_TOO_LARGE', statusCode: 413 }) })
  app.get('/unmapped', async () => { throw Object.assign(new Error('x'), { code: 'SOMETHING_ELSE' }) })
  t.teardown(() => app.close())

  const byClass = await app.inject('/class')
  t.equal(byClass.statusCode, 402)
  t.same(byClass.json(), { code: 'PAYMENT_DECLINED', status: 402, message: '카드 결제가 거절되었습니다.', retryable: false, suggestions: [], requestId: 'req-1' })
  t.equal((await app.inject('/code')).json().code, 'PAYMENT_DECLINED')
  t.equal((await app.inject('/builtin-replaced')).json().code, 'UPLOAD_TOO_BIG')
  t.equal((await app.inject('/unmapped')).json().code, 'INTERNAL_ERROR')
})

t.test('a foreign error mapped twice is a problem at file:line:col', async (t) => {
  const text = [
    'version: 1',
    'errors:',
    '  SESSION_EXPIRED:',
    '    status: 401',
    '    message: 세션이 만료되었습니다.',
    '    maps: [FST_JWT_AUTHORIZATION_TOKEN_EXPIRED]',
    '  LOGIN_AGAIN:',
    '    status: 401',
    '    message: 다시 로그인해 주세요.',
    '    maps:',
    '      - FST_JWT_AUTHORIZATION_TOKEN_EXPIRED',
    ''
  ].join('\n')
  const error = (() => {
    try {
      compileCatalog(parseCatalogText(text, 'errors.yaml'))
    } catch (error) {
      return error as Error & { problems: Array<{ line: number, col: number, rule: string, message: string }> }
    }
    throw new Error('compiled')
  })()
  t.match(error.message, 'errors.yaml:11:9  /errors/LOGIN_AGAIN/maps/0  FST_JWT_AUTHORIZATION_TOKEN_EXPIRED is already mapped to SESSION_EXPIRED')
  t.same(error.problems.map(({ line, col, rule }) => ({ line, col, rule })), [{ line: 11, col: 9, rule: 'maps-duplicate' }])
})

t.test('a maps item must be a code or class name', async (t) => {
  t.throws(() => compileCatalog({ version: 1, errors: { X: { status: 400, message: '잘못된 요청입니다.', maps: ['has space'] } } }), { code: 'FEC_ERR_CATALOG_INVALID' })
})
