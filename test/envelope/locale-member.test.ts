/** `$locale` says the language of the body, wherever the body is made: answers, examples and raw socket answers. */
import t from 'tap'
import { compileCatalog } from '../../src/catalog/compile.js'
import { builtinDeclaration } from '../../src/envelope/default.js'
import { declaredFormat } from '../../src/envelope/declared.js'
import { exampleBody, exampleParts } from '../../src/envelope/example.js'
import { createErrorHandler } from '../../src/index.js'
import { stubReply } from '../../bench/stub-reply.js'

const format = { body: { code: '$code', locale: '$locale' } }

t.test('an English-only catalog writes "en" in examples and in answers', async (t) => {
  const catalog = compileCatalog({ version: 1, locale: 'en', errors: { GONE: { status: 410, message: 'It is gone.' } } })
  const declared = declaredFormat(builtinDeclaration('test', format), { name: 'test' })
  t.same(exampleBody(declared, exampleParts(catalog, catalog.entries.GONE)), { code: 'GONE', locale: 'en' })
  const { reply, request, sent } = stubReply()
  createErrorHandler(catalog, { envelope: format })(catalog.errors.GONE(), request, reply)
  t.same(JSON.parse(String(sent())), { code: 'GONE', locale: 'en' })
})
