// Must NOT compile (test/codegen/types.test.ts): a detail of the wrong type.
import Fastify from 'fastify'
import './errors.js'

export const error = Fastify().errors.SESSION_FULL({ sessionCode: 'AB12CD', capacity: 'thirty' })
