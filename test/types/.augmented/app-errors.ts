// Type test (compiled by test/codegen-types.test.ts with the module `generate` writes for catalog/example.yaml,
// including its `ErrorCatalogRegister` augmentation): after register, `app.errors` is typed.
import Fastify from 'fastify'
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
