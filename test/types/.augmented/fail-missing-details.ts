// Must NOT compile (test/codegen/types.test.ts): required details left out.
import Fastify from 'fastify'
import './errors.js'

export const error = Fastify().errors.LECTURE_NOT_FOUND()
