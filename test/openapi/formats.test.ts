/**
 * The OpenAPI document describes every format an answer can be written in (docs/openapi.md, "Formats in the
 * document"): one content entry per media type, each with its own component schemas, discriminator and examples;
 * the document is valid OpenAPI 3.0 and 3.1, and every body the server sends, for each Accept, validates against
 * the component schema of its code in the format that answered, and against what its route publishes.
 */
import t from 'tap'
import swagger from '@fastify/swagger'
import type { FastifyInstance } from 'fastify'
import type { ErrorCatalogOptions } from '../../src/index.js'
import { exampleDetails } from '../../src/envelope/example.js'
import { buildApp } from '../helpers/app.js'
import { checkerOf as compileChecker, dereferenced, openapiProblems, type Document } from '../helpers/openapi.js'
import { recipe } from '../helpers/recipes.js'

const TYPE_BASE = 'https://api.example.com/errors'
const JSON_TYPE = 'application/json'
const PROBLEM = 'application/problem+json'
const EMAIL_BODY = { type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' } } }

const checkers = new WeakMap<object, (value: unknown) => string>()

/** A checker per schema object of a dereferenced document (compiled once: the same schema serves many bodies). */
function checkerOf (schema: object): (value: unknown) => string {
  let check = checkers.get(schema)
  if (check === undefined) checkers.set(schema, check = compileChecker(schema))
  return check
}

/** One Accept a client sends, the media type it gets and the suffix of the components of the format that answers. */
type Ask = [accept: string | undefined, mediaType: string, suffix: string]

interface Setup {
  options: Partial<ErrorCatalogOptions>
  /** The content entries of every error response, in order. */
  content: string[]
  /** The component suffix of each format ('' for the primary) → the discriminator's property (undefined: none). */
  discriminators: Record<string, string | undefined>
  asks: Ask[]
}

const SETUPS: Array<[string, Setup]> = [
  ["envelope: 'problem'", {
    options: { envelope: 'problem', typeBase: TYPE_BASE },
    content: [PROBLEM, JSON_TYPE],
    discriminators: { '': 'code' },
    asks: [[undefined, PROBLEM, ''], [JSON_TYPE, PROBLEM, ''], [PROBLEM, PROBLEM, '']]
  }],
  ["negotiate: { 'application/problem+json': 'problem' }", {
    options: { negotiate: { [PROBLEM]: 'problem' }, typeBase: TYPE_BASE },
    content: [JSON_TYPE, PROBLEM],
    discriminators: { '': 'code', '.problem': 'code' },
    asks: [[undefined, JSON_TYPE, ''], [JSON_TYPE, JSON_TYPE, ''], [PROBLEM, PROBLEM, '.problem']]
  }],
  ['the seed-004 recipe (FastAPI)', {
    options: { envelope: recipe('seed-004') },
    content: [JSON_TYPE],
    discriminators: { '': 'error_code' },
    asks: [[undefined, JSON_TYPE, ''], [PROBLEM, JSON_TYPE, '']]
  }],
  ['the seed-000 recipe, negotiating problem and default (which shares application/json)', {
    options: { envelope: recipe('seed-000'), negotiate: { [PROBLEM]: 'problem', 'application/vnd.default+json': 'default' } },
    content: [JSON_TYPE, PROBLEM],
    discriminators: { '': undefined, '.problem': 'code', '.default': 'code' },
    asks: [[undefined, JSON_TYPE, ''], [PROBLEM, PROBLEM, '.problem'], ['application/vnd.default+json', JSON_TYPE, '.default']]
  }]
]

/** A request, its code, and the route that documents it (none for an unknown route). */
interface Case { code: string, method: 'GET' | 'POST', url: string, path?: string, payload?: object }

async function appOf (options: Partial<ErrorCatalogOptions>, openapi: string, more?: (app: FastifyInstance) => void): Promise<FastifyInstance> {
  return await buildApp(options, async (app) => {
    await app.register(swagger, app.errorCatalogSwagger({ openapi: { openapi, info: { title: 'formats', version: '1.0.0' } } }))
    const catalog = app.errorCatalog
    const factories = app.errors as unknown as Record<string, (details?: object) => Error>
    // Every code of the catalog, thrown by its factory with the example details the document shows.
    app.get('/codes/:code', { schema: { params: { type: 'object', properties: { code: { type: 'string' } } }, errors: [...catalog.codes] } }, async (request) => {
      const entry = catalog.entries[(request.params as { code: string }).code]
      throw factories[entry.code](exampleDetails(entry.details))
    })
    app.post('/users', { schema: { body: EMAIL_BODY } }, async () => 'ok')
    app.get('/crash', async () => { throw new Error('db password is hunter2') })
    more?.(app)
  })
}

function casesOf (app: FastifyInstance): Case[] {
  return [
    ...app.errorCatalog.codes.map((code): Case => ({ code, method: 'GET', url: `/codes/${code}`, path: '/codes/{code}' })),
    { code: 'VALIDATION_ERROR', method: 'POST', url: '/users', path: '/users', payload: { email: 'not-an-email' } },
    { code: 'INTERNAL_ERROR', method: 'GET', url: '/crash', path: '/crash' },
    { code: 'NOT_FOUND', method: 'GET', url: '/nowhere' }
  ]
}

/** Every catalog error response of a (dereferenced) document. */
function * errorResponses (document: Document): Generator<[string, Document]> {
  for (const [path, item] of Object.entries<Document>(document.paths)) {
    for (const [method, operation] of Object.entries<Document>(item)) {
      for (const [status, response] of Object.entries<Document>(operation.responses)) {
        if (response['x-error-codes'] !== undefined) yield [`${method} ${path} ${status}`, response]
      }
    }
  }
}

for (const [name, setup] of SETUPS) {
  const suffixes = Object.keys(setup.discriminators)
  for (const version of ['3.0.3', '3.1.0']) {
    t.test(`${name}, OpenAPI ${version}: a valid document with every format, and every body sent validates against it`, async (t) => {
      const app = await appOf(setup.options, version)
      t.teardown(() => app.close())
      const document = await app.swagger() as Document
      t.equal(await openapiProblems(document), '', '@readme/openapi-parser finds no problem')

      const codes = app.errorCatalog.codes
      t.same(Object.keys(document.components.schemas), codes.flatMap((code) => suffixes.map((suffix) => code + suffix)),
        'one component schema per code and format: the primary\'s named by the code, the others with the format\'s suffix')
      for (const code of codes) {
        for (const suffix of suffixes) t.ok(document.components.examples[code + suffix], `example ${code}${suffix}`)
      }

      const resolved = await dereferenced(document)
      const raw = document
      let responses = 0
      for (const [label, published] of errorResponses(resolved)) {
        responses++
        t.same(Object.keys(published.content), setup.content, `${label}: one content entry per media type, the primary's first`)
        for (const [mediaType, media] of Object.entries<Document>(published.content)) {
          const check = checkerOf(media.schema)
          for (const [exampleName, example] of Object.entries<Document>(media.examples)) {
            t.equal(check(example.value), '', `${label} ${mediaType}: example ${exampleName} validates`)
          }
        }
      }
      t.ok(responses > 5, `${responses} error responses checked`)

      // Discriminators: where each format puts the code, or none.
      const notFound = raw.paths['/codes/{code}'].get.responses['404']
      const shared: Document = raw.components.responses[notFound.$ref.split('/').pop()]
      t.ok(shared['x-error-codes'].length > 1, 'several codes share 404')
      const schemasOf = (media: Document): Document[] => media.schema.anyOf ?? [media.schema]
      const seen: Record<string, string | undefined> = {}
      for (const media of Object.values<Document>(shared.content)) {
        for (const schema of schemasOf(media)) {
          const suffix = suffixes.find((one) => schema.oneOf[0].$ref === `#/components/schemas/${shared['x-error-codes'][0]}${one}`)
          t.not(suffix, undefined, 'each member of the oneOf is a component of one format')
          seen[suffix as string] = schema.discriminator?.propertyName
          if (schema.discriminator !== undefined) {
            t.same(Object.values(schema.discriminator.mapping), shared['x-error-codes'].map((code: string) => `#/components/schemas/${code}${suffix as string}`), 'the mapping names the format\'s components')
          }
        }
      }
      t.same(seen, setup.discriminators, 'each format has its discriminator, or none')

      const cases = casesOf(app)
      t.same(codes.filter((code) => !cases.some((item) => item.code === code)), [], 'a case for every code')
      for (const item of cases) {
        for (const [accept, mediaType, suffix] of setup.asks) {
          const label = `${item.method} ${item.url} (Accept: ${accept ?? 'none'})`
          const res = await app.inject({ method: item.method, url: item.url, headers: accept === undefined ? {} : { accept }, ...(item.payload === undefined ? {} : { payload: item.payload }) })
          t.equal(String(res.headers['content-type']).split(';')[0], mediaType, `${label}: sent as ${mediaType}`)
          const body = res.json()
          const component = checkerOf(resolved.components.schemas[item.code + suffix])
          t.equal(component(body), '', `${label}: the body validates against ${item.code}${suffix}`)
          t.not(component({ ...body, stray: 1 }), '', `${label}: ${item.code}${suffix} is closed`)
          if (item.path === undefined) continue
          const published = resolved.paths[item.path][item.method.toLowerCase()].responses[String(res.statusCode)]
          t.ok(published['x-error-codes'].includes(item.code), `${label}: ${item.path} ${res.statusCode} lists ${item.code}`)
          t.equal(checkerOf(published.content[mediaType].schema)(body), '', `${label}: the body validates against the route's ${mediaType} schema`)
          if (mediaType === PROBLEM && published.content[JSON_TYPE] !== undefined && !setup.content.slice(0, setup.content.indexOf(PROBLEM)).includes(JSON_TYPE)) {
            t.equal(checkerOf(published.content[JSON_TYPE].schema)(body), '', `${label}: and against its application/json alternative`)
          }
        }
      }
    })
  }
}

t.test('one format: component, example and response names stay the code\'s, one content entry', async (t) => {
  const app = await appOf({}, '3.1.0')
  t.teardown(() => app.close())
  const document = await app.swagger() as Document
  t.ok(document.components.schemas.SESSION_NOT_FOUND)
  t.notOk(Object.keys(document.components.schemas).some((name) => name.includes('.')), 'no suffixed schema')
  t.notOk(Object.keys(document.components.examples).some((name) => name.endsWith('.default') || name.endsWith('.problem')), 'no suffixed example')
  for (const response of Object.values<Document>(document.components.responses)) t.same(Object.keys(response.content), [JSON_TYPE])
})

t.test('a route\'s validation example is written once per format, with the format\'s suffix', async (t) => {
  const app = await appOf({ negotiate: { [PROBLEM]: 'problem' } }, '3.1.0')
  t.teardown(() => app.close())
  const document = await app.swagger() as Document
  const examples = document.components.examples
  t.equal(examples['VALIDATION_ERROR.body.email'].value.fieldErrors.email.length, 1, 'the primary\'s, unsuffixed')
  t.equal(examples['VALIDATION_ERROR.body.email.problem'].value.errors[0].pointer, '/email', 'the problem format\'s, suffixed')
  const users = document.paths['/users'].post.responses['400']
  const shared = document.components.responses[users.$ref.split('/').pop()]
  t.equal(shared.content[JSON_TYPE].examples.VALIDATION_ERROR.$ref, '#/components/examples/VALIDATION_ERROR.body.email')
  t.equal(shared.content[PROBLEM].examples['VALIDATION_ERROR.problem'].$ref, '#/components/examples/VALIDATION_ERROR.body.email.problem')
})

t.test('a route\'s own schema for a status joins the media type it is sent in; the other formats\' entries stay ours', async (t) => {
  const own = { type: 'object', properties: { reason: { type: 'string' } }, required: ['reason'] }
  const app = await appOf({ negotiate: { [PROBLEM]: 'problem' } }, '3.0.3', (app) => {
    app.get('/lectures/:id', { schema: { errors: ['LECTURE_NOT_FOUND'], response: { 404: { description: '강의 없음', ...own } } } }, async () => ({}))
  })
  t.teardown(() => app.close())
  const document = await app.swagger() as Document
  t.equal(await openapiProblems(document), '', 'still valid')
  const response = document.paths['/lectures/{id}'].get.responses['404']
  t.equal(response.$ref, undefined, 'the merged response is the route\'s own')
  t.same(Object.keys(response.content), [JSON_TYPE, PROBLEM])
  t.same(response.content[JSON_TYPE].schema.oneOf.map((member: Document) => member.$ref ?? 'route'), ['route', '#/components/schemas/LECTURE_NOT_FOUND'])
  t.same(response.content[PROBLEM].schema, { $ref: '#/components/schemas/LECTURE_NOT_FOUND.problem' }, 'problem+json: only the problem format')
  t.ok(response.description.startsWith('강의 없음'), 'the route\'s description first')
})
