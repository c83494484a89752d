// Type test (compiled by test/codegen/types.test.ts with the module `generate` writes for catalog/example.yaml,
// including its `ErrorCatalogRegister` augmentation): after register, `app.errors` is typed, and so are the
// package's other Fastify augmentations (src/plugin/types.ts): app.errorCatalogSwagger and schema.errors.
import Fastify from 'fastify'
import swagger, { type SwaggerTransform } from '@fastify/swagger'
import { errorCatalog } from '../../../src/index.js'
import './errors.js'

const app = Fastify()
await app.register(errorCatalog, { catalog: 'catalog/example.yaml' })

const error = app.errors.SESSION_NOT_FOUND({ sessionCode: 'AB12CD' })
export const code: 'SESSION_NOT_FOUND' = error.code
export const sessionCode: string = error.details.sessionCode
export const typedCatalog: 'QUIZ_SUBMIT_TOO_FAST' = app.errorCatalog.errors.QUIZ_SUBMIT_TOO_FAST.code
app.errors.INSTRUCTOR_ONLY()

// @ts-expect-error: a misspelled detail
app.errors.SESSION_NOT_FOUND({ sessionCod: 'AB12CD' })
// @ts-expect-error: an unknown code
app.errors.SESSION_NOT_FUND({ sessionCode: 'AB12CD' })

// app.errorCatalogSwagger gives @fastify/swagger's own options type; a transform typed by @fastify/swagger fits.
const transform: SwaggerTransform = ({ schema, url }) => ({ schema, url })
await app.register(swagger, app.errorCatalogSwagger({ openapi: { info: { title: 't', version: '1' } }, transform }))
// @ts-expect-error: a transform must be a function
app.errorCatalogSwagger({ transform: 'mine' })
// schema.errors declares the codes a route answers with.
app.get('/sessions/:code', { schema: { errors: ['SESSION_NOT_FOUND'] } }, async () => 'ok')
// @ts-expect-error: schema.errors is a list of codes, not one code
app.get('/sessions', { schema: { errors: 'SESSION_NOT_FOUND' } }, async () => 'ok')
