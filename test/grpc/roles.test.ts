// The gRPC side answers with the catalog's roles too: a real grpc-js server on 127.0.0.1 whose catalog names
// SERVER_ERROR as the catch-all (seed 000) sends it for a crash, and a status-only error takes the role of its status.
import t from 'tap'
import * as grpc from '@grpc/grpc-js'
import * as protoLoader from '@grpc/proto-loader'
import { compileCatalog, loadCatalogSync } from '../../src/index.js'
import { decodeStatus, fromGrpcError, STATUS_DETAILS_KEY, toGrpcError, withGrpcErrors } from '../../src/grpc/index.js'
import { fixture } from '../helpers/app.js'

const catalog = loadCatalogSync(fixture('roles/seed-000.yaml'))
const definition = protoLoader.loadSync(fixture('grpc/auth.proto'), { keepCase: true })
const AuthService = (grpc.loadPackageDefinition(definition) as any).auth.v1.AuthService as grpc.ServiceClientConstructor
const SECRET = 'postgres://admin:s3cret@db.internal:5432'
/** Another service's catalog: its 404 code is not this catalog's, so it is answered by its status. */
const other = compileCatalog({ version: 1, errors: { OTHER_GONE: { status: 404, message: '다른 서비스의 오류입니다.' } } })

const server = new grpc.Server()
server.addService(AuthService.service, withGrpcErrors(AuthService.service, {
  Login (call: grpc.ServerUnaryCall<any, any>) {
    if (call.request.scenario === 'crash') throw new Error(`connect ECONNREFUSED ${SECRET}`)
    if (call.request.scenario === 'validation') throw Object.assign(catalog.errors.INPUT_INVALID(), { fieldErrors: { email: ['이메일 형식이 올바르지 않습니다.'] } })
    throw other.errors.OTHER_GONE()
  }
}, { catalog }))
const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => error === null ? resolve(bound) : reject(error)))
const client = new AuthService(`127.0.0.1:${port}`, grpc.credentials.createInsecure()) as any
t.teardown(() => {
  client.close()
  server.forceShutdown()
})

function login (scenario: string): Promise<grpc.ServiceError> {
  return new Promise((resolve, reject) => client.Login({ username: 'minji', scenario }, (error: grpc.ServiceError | null) => error === null ? reject(new Error('no error')) : resolve(error)))
}

t.test('a crash is sent as the catalog\'s internal role: SERVER_ERROR with its own message, nothing of the thrown value', async (t) => {
  const error = await login('crash')
  t.equal(error.code, grpc.status.INTERNAL)
  t.equal(error.details, '서버 내부 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.')
  const status = decodeStatus(error.metadata.get(STATUS_DETAILS_KEY)[0] as Buffer)
  t.equal(status.errorInfo?.reason, 'SERVER_ERROR')
  t.notMatch(JSON.stringify(status), /INTERNAL_ERROR|s3cret/)
  t.equal(fromGrpcError(error, catalog).code, 'SERVER_ERROR', 'read back, it is the same code')
})

t.test('the validation role\'s code carries its field errors as BadRequest; a status-only 404 takes the notFound role', async (t) => {
  const invalid = decodeStatus((await login('validation')).metadata.get(STATUS_DETAILS_KEY)[0] as Buffer)
  t.equal(invalid.errorInfo?.reason, 'INPUT_INVALID')
  t.same(invalid.badRequest?.fieldViolations, [{ field: 'email', description: '이메일 형식이 올바르지 않습니다.' }])
  const other = await login('other')
  t.equal(other.code, grpc.status.NOT_FOUND)
  t.equal(decodeStatus(other.metadata.get(STATUS_DETAILS_KEY)[0] as Buffer).errorInfo?.reason, 'ROUTE_NOT_FOUND')
  const bare = new grpc.Metadata()
  t.equal(fromGrpcError(Object.assign(new Error('x'), { code: grpc.status.NOT_FOUND, details: 'x', metadata: bare }), catalog).code, 'ROUTE_NOT_FOUND', 'a NOT_FOUND without ErrorInfo reads as the notFound role')
  t.equal(toGrpcError(new Error(SECRET)).metadata.get(STATUS_DETAILS_KEY).length, 1, 'without a catalog the builtin catch-all is still sent')
})
