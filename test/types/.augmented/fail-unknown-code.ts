// Must NOT compile (test/codegen/types.test.ts): a code the catalog does not define.
import Fastify from 'fastify'
import './errors.js'

export const error = Fastify().errors.SESION_NOT_FOUND({ sessionCode: 'AB12CD' })
