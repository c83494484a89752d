// A real @grpc/grpc-js server and client on 127.0.0.1 with seed 003's error table as the catalog, and a real
// Fastify gateway in front of it: every code's gRPC status and trailer details, decoded field by field through
// googleapis' message definitions (test/fixtures/grpc/google-rpc.proto), crashes that leak nothing, and the
// gateway's HTTP answers by the canonical table.
import t, { type Test } from 'tap'
import * as grpc from '@grpc/grpc-js'
import * as protoLoader from '@grpc/proto-loader'
import Fastify from 'fastify'
import protobuf from 'protobufjs'
import { errorCatalog, loadCatalogSync, type CompiledEntry } from '../../src/index.js'
import { fromGrpcError, httpStatusOfGrpc, STATUS_DETAILS_KEY, withGrpcErrors } from '../../src/grpc/index.js'
import { fixture } from '../helpers/app.js'

const DOMAIN = 'auth.immersiverse.example'
const catalog = loadCatalogSync(fixture('grpc/seed-003.yaml'))
const rpc = protobuf.loadSync(fixture('grpc/google-rpc.proto'))
const definition = protoLoader.loadSync(fixture('grpc/auth.proto'), { keepCase: true })
const AuthService = (grpc.loadPackageDefinition(definition) as any).auth.v1.AuthService as grpc.ServiceClientConstructor

const SECRET = 'postgres://admin:s3cret@db.internal:5432'

/** Each code of the seed table, with the details its error is thrown with. */
const CASES: Array<[string, Record<string, unknown> | undefined]> = [
  ['INVALID_CREDENTIALS', { username: 'minji', attempts: 3 }],
  ['USER_ALREADY_EXISTS', { field: '이메일' }],
  ['USER_NOT_FOUND', { userId: 'u-42' }],
  ['ADMIN_ONLY', undefined],
  ['TOKEN_EXPIRED', undefined],
  ['LOGIN_RATE_LIMITED', undefined],
  ['OAUTH_EXCHANGE_FAILED', { provider: 'Kakao' }],
  ['DATABASE_ERROR', undefined]
]
const FIELD_ERRORS = { username: ['사용자명을 입력하세요.'], email: ['이메일 형식이 올바르지 않습니다.', '이메일은 100자를 넘을 수 없습니다.'] }

/** What the test server fails with, by scenario. */
function failure (scenario: string): unknown {
  const found = CASES.find(([code]) => code === scenario)
  if (found !== undefined) return catalog.errors[found[0]](found[1])
  switch (scenario) {
    case 'VALIDATION': return Object.assign(catalog.errors.VALIDATION_ERROR({ location: 'body' }), { fieldErrors: FIELD_ERRORS })
    case 'crash': return new Error(`connect ECONNREFUSED ${SECRET}`)
    case 'string': return `query failed: ${SECRET}`
    case 'hostile': return new Proxy({}, { get () { throw new Error(SECRET) }, getPrototypeOf () { throw new Error(SECRET) } })
    case 'db-appended': {
      const error = catalog.errors.DATABASE_ERROR(undefined, { cause: new Error(SECRET) })
      error.message += ` (${SECRET})`
      return error
    }
    default: return new Error(`unknown scenario ${scenario}`)
  }
}

const logged: unknown[] = []
const implementation: grpc.UntypedServiceImplementation = {
  // Not async: a sync throw, an error given to the callback and a rejected promise each take their own path.
  Login (call: grpc.ServerUnaryCall<any, any>, callback: grpc.sendUnaryData<any>) {
    const scenario: string = call.request.scenario
    if (scenario === 'ok') return callback(null, { token: 'token-1' })
    if (scenario.startsWith('sync:')) throw failure(scenario.slice(5))
    if (scenario.startsWith('callback:')) return callback(failure(scenario.slice(9)) as grpc.ServiceError)
    if (scenario === 'hostile-then') return { get then () { throw new Error(SECRET) } }
    return Promise.resolve().then(() => { throw failure(scenario) })
  },
  async WatchSessions (call: grpc.ServerWritableStream<any, any>) {
    call.write({ session_id: 's-1' })
    await new Promise((resolve) => setImmediate(resolve))
    if (call.request.scenario === 'ok') return call.end()
    throw failure(call.request.scenario)
  }
}

async function startServer (impl: grpc.UntypedServiceImplementation): Promise<{ server: grpc.Server, address: string }> {
  const server = new grpc.Server()
  server.addService(AuthService.service, impl)
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => error === null ? resolve(bound) : reject(error)))
  return { server, address: `127.0.0.1:${port}` }
}

const { server, address } = await startServer(withGrpcErrors(AuthService.service, implementation, { catalog, domain: DOMAIN, onError: (thrown) => logged.push(thrown) }))
const client = new AuthService(address, grpc.credentials.createInsecure()) as any
t.teardown(() => {
  client.close()
  server.forceShutdown()
})

function login (scenario: string, target = client): Promise<{ error: grpc.ServiceError | null, value: any }> {
  return new Promise((resolve) => target.Login({ username: 'minji', scenario }, (error: grpc.ServiceError | null, value: any) => resolve({ error, value })))
}

function watch (scenario: string, target = client): Promise<{ error: grpc.ServiceError | undefined, events: any[] }> {
  return new Promise((resolve) => {
    const events: any[] = []
    const stream = target.WatchSessions({ scenario })
    stream.on('data', (event: any) => events.push(event))
    stream.on('error', (error: grpc.ServiceError) => resolve({ error, events }))
    stream.on('end', () => resolve({ error: undefined, events }))
  })
}

/** The `grpc-status-details-bin` trailer, decoded with googleapis' definitions: the Status and each detail by type. */
function decodeTrailer (error: grpc.ServiceError): { code: number, message: string, types: string[], details: Record<string, any> } {
  const [bytes] = error.metadata.get(STATUS_DETAILS_KEY)
  const Status = rpc.lookupType('google.rpc.Status')
  const status = Status.toObject(Status.decode(bytes as Buffer), { longs: Number, defaults: true })
  const details: Record<string, any> = {}
  const types: string[] = []
  for (const any of status.details as Array<{ type_url: string, value: Uint8Array }>) {
    const name = any.type_url.replace('type.googleapis.com/', '')
    types.push(name)
    const type = rpc.lookupType(name)
    details[name] = type.toObject(type.decode(any.value), { longs: Number, defaults: true })
  }
  return { code: status.code, message: status.message, types, details }
}

/** The rendered message and the metadata strings one code's error should carry. */
function expected (entry: CompiledEntry, details: Record<string, unknown> | undefined): { message: string, metadata: Record<string, string> } {
  const metadata: Record<string, string> = {}
  for (const [name, value] of Object.entries(details ?? {})) metadata[name] = String(value)
  if (entry.number !== undefined) metadata.number = String(entry.number)
  return { message: entry.render(details).message, metadata }
}

function assertCatalogError (t: Test, error: grpc.ServiceError | null | undefined, code: string, details: Record<string, unknown> | undefined): void {
  const entry = catalog.get(code) as CompiledEntry
  const want = expected(entry, details)
  t.ok(error, `${code} fails`)
  if (error === null || error === undefined) return
  t.equal(error.code, grpc.status[entry.grpc], `${code}: status ${entry.grpc}`)
  t.equal(error.details, want.message, `${code}: the status message is the catalog's`)
  const trailer = decodeTrailer(error)
  t.equal(trailer.code, error.code, `${code}: google.rpc.Status.code`)
  t.equal(trailer.message, want.message, `${code}: google.rpc.Status.message`)
  const types = ['google.rpc.ErrorInfo', 'google.rpc.LocalizedMessage']
  if (entry.retryable && entry.retryAfter !== undefined) types.push('google.rpc.RetryInfo')
  if (entry.docsUrl !== undefined) types.push('google.rpc.Help')
  t.same(trailer.types, types, `${code}: detail types`)
  const info = trailer.details['google.rpc.ErrorInfo']
  t.equal(info.reason, code, `${code}: ErrorInfo.reason`)
  t.equal(info.domain, DOMAIN, `${code}: ErrorInfo.domain`)
  t.strictSame(info.metadata, want.metadata, `${code}: ErrorInfo.metadata`)
  t.strictSame(trailer.details['google.rpc.LocalizedMessage'], { locale: 'ko', message: want.message }, `${code}: LocalizedMessage`)
  if (types.includes('google.rpc.RetryInfo')) t.strictSame(trailer.details['google.rpc.RetryInfo'], { retryDelay: { seconds: entry.retryAfter, nanos: 0 } }, `${code}: RetryInfo`)
  if (types.includes('google.rpc.Help')) t.strictSame(trailer.details['google.rpc.Help'], { links: [{ description: '이 오류의 문서', url: entry.docsUrl }] }, `${code}: Help`)
}

t.test('unary: every code of the seed table arrives with its gRPC status and its details, field by field', async (t) => {
  for (const [code, details] of CASES) assertCatalogError(t, (await login(code)).error, code, details)
  const ok = await login('ok')
  t.same([ok.error, ok.value], [null, { token: 'token-1' }], 'a successful call is untouched')
})

t.test('unary: a sync throw and an error passed to the callback are converted like a rejection', async (t) => {
  assertCatalogError(t, (await login('sync:USER_NOT_FOUND')).error, 'USER_NOT_FOUND', { userId: 'u-42' })
  assertCatalogError(t, (await login('callback:OAUTH_EXCHANGE_FAILED')).error, 'OAUTH_EXCHANGE_FAILED', { provider: 'Kakao' })
})

t.test('server streaming: an error after some messages arrives as the same status and details', async (t) => {
  for (const [code, details] of CASES) {
    const { error, events } = await watch(code)
    t.same(events, [{ session_id: 's-1' }], `${code}: the messages before the error arrive`)
    assertCatalogError(t, error, code, details)
  }
  const ok = await watch('ok')
  t.same([ok.error, ok.events], [undefined, [{ session_id: 's-1' }]], 'a stream that ends well is untouched')
})

t.test('a validation error carries BadRequest.field_violations, one per message', async (t) => {
  const { error } = await login('VALIDATION')
  t.equal(error?.code, grpc.status.INVALID_ARGUMENT)
  const trailer = decodeTrailer(error as grpc.ServiceError)
  t.same(trailer.types, ['google.rpc.ErrorInfo', 'google.rpc.LocalizedMessage', 'google.rpc.BadRequest'])
  t.strictSame(trailer.details['google.rpc.ErrorInfo'].metadata, { location: 'body' })
  t.strictSame(trailer.details['google.rpc.BadRequest'], {
    fieldViolations: [
      { field: 'username', description: '사용자명을 입력하세요.' },
      { field: 'email', description: '이메일 형식이 올바르지 않습니다.' },
      { field: 'email', description: '이메일은 100자를 넘을 수 없습니다.' }
    ]
  })
})

t.test('a crash leaks nothing: INTERNAL with the catalog\'s message, whatever was thrown and however', async (t) => {
  const internal = catalog.get('INTERNAL_ERROR') as CompiledEntry
  const outcomes: Array<[string, grpc.ServiceError | null | undefined]> = []
  for (const scenario of ['crash', 'string', 'hostile']) {
    outcomes.push([scenario, (await login(scenario)).error], [`sync:${scenario}`, (await login(`sync:${scenario}`)).error])
    outcomes.push([`callback:${scenario}`, (await login(`callback:${scenario}`)).error], [`stream:${scenario}`, (await watch(scenario)).error])
  }
  outcomes.push(['a `then` getter that throws', (await login('hostile-then')).error])
  for (const [scenario, error] of outcomes) {
    t.equal(error?.code, grpc.status.INTERNAL, `${scenario}: INTERNAL`)
    t.equal(error?.details, internal.message, `${scenario}: the catalog's message`)
    const trailer = decodeTrailer(error as grpc.ServiceError)
    t.same(trailer.types, ['google.rpc.ErrorInfo', 'google.rpc.LocalizedMessage'], `${scenario}: detail types`)
    t.strictSame(trailer.details['google.rpc.ErrorInfo'], { reason: 'INTERNAL_ERROR', domain: DOMAIN, metadata: {} }, `${scenario}: ErrorInfo`)
    const wire = JSON.stringify(error) + (error as grpc.ServiceError).metadata.get(STATUS_DETAILS_KEY).map((value) => Buffer.from(value).toString('latin1')).join()
    t.notMatch(wire, /s3cret|ECONNREFUSED|db\.internal|query failed/, `${scenario}: nothing of the thrown value on the wire`)
  }
  t.ok(logged.some((thrown) => thrown instanceof Error && thrown.message.includes(SECRET)), 'onError saw the thrown value (for the log)')
})

t.test('a 5xx catalog error whose message was appended to is sent with the catalog\'s message', async (t) => {
  const { error } = await login('db-appended')
  t.equal(error?.details, catalog.get('DATABASE_ERROR')?.message)
  t.notMatch(Buffer.from((error as grpc.ServiceError).metadata.get(STATUS_DETAILS_KEY)[0]).toString('latin1'), /s3cret/)
})

// ---- The HTTP gateway in front of the service ----

/** A backend outside the catalog's control: raw grpc-js errors with their own trailers, nothing wrapped. */
function foreignError (code: grpc.status, message: string, info?: { reason: string, domain: string, metadata?: Record<string, string> }): grpc.ServiceError {
  const metadata = new grpc.Metadata()
  if (info !== undefined) {
    const ErrorInfo = rpc.lookupType('google.rpc.ErrorInfo')
    const Status = rpc.lookupType('google.rpc.Status')
    const any = { type_url: 'type.googleapis.com/google.rpc.ErrorInfo', value: ErrorInfo.encode(ErrorInfo.fromObject({ metadata: {}, ...info })).finish() }
    const localized = rpc.lookupType('google.rpc.LocalizedMessage')
    const text = { type_url: 'type.googleapis.com/google.rpc.LocalizedMessage', value: localized.encode({ locale: 'ko', message: `비밀 ${message}` }).finish() }
    metadata.set(STATUS_DETAILS_KEY, Buffer.from(Status.encode(Status.fromObject({ code, message, details: [any, text] })).finish()))
  }
  return Object.assign(new Error(message), { code, details: message, metadata })
}

const FOREIGN: Record<string, grpc.ServiceError> = {
  'other-domain-quota': foreignError(grpc.status.RESOURCE_EXHAUSTED, 'quota table q_77 exhausted', { reason: 'QUOTA_TABLE_EXHAUSTED', domain: 'billing.other.example' }),
  'other-domain-known-reason': foreignError(grpc.status.NOT_FOUND, 'row 77 missing in users_v2', { reason: 'USER_NOT_FOUND', domain: 'billing.other.example', metadata: { userId: 'u-77' } }),
  'legacy-number': foreignError(grpc.status.NOT_FOUND, 'legacy users_v1 lookup failed', { reason: 'LEGACY_USER_MISSING', domain: DOMAIN, metadata: { number: '1003', userId: 'u-9' } }),
  'details-do-not-fit': foreignError(grpc.status.ALREADY_EXISTS, 'dup key users_email_idx', { reason: 'USER_ALREADY_EXISTS', domain: DOMAIN, metadata: { field: 'phone' } }),
  'no-trailer': foreignError(grpc.status.UNAVAILABLE, 'connect ECONNREFUSED 10.0.0.3:5432'),
  cancelled: foreignError(grpc.status.CANCELLED, 'client went away at node-7')
}
const foreign = await startServer({
  Login (call: grpc.ServerUnaryCall<any, any>, callback: grpc.sendUnaryData<any>) { callback(FOREIGN[call.request.scenario]) },
  WatchSessions (call: grpc.ServerWritableStream<any, any>) { call.emit('error', FOREIGN[call.request.scenario]) }
})
const foreignClient = new AuthService(foreign.address, grpc.credentials.createInsecure()) as any
// A port with nothing behind it: grpc-js itself reports UNAVAILABLE.
const closed = await startServer(implementation)
closed.server.forceShutdown()
const deadClient = new AuthService(closed.address, grpc.credentials.createInsecure()) as any

const gateway = Fastify({ logger: false })
await gateway.register(errorCatalog, { catalog })
const backends: Record<string, any> = { main: client, foreign: foreignClient, dead: deadClient }
gateway.get('/login', async (request) => {
  const { scenario, backend } = request.query as { scenario: string, backend?: string }
  const { error, value } = await login(scenario, backends[backend ?? 'main'])
  if (error !== null) throw fromGrpcError(error, catalog, { domains: [DOMAIN] })
  return value
})
gateway.get('/sessions', async (request) => {
  const { scenario, backend } = request.query as { scenario: string, backend?: string }
  const { error, events } = await watch(scenario, backends[backend ?? 'main'])
  if (error !== undefined) throw fromGrpcError(error, catalog, { domains: [DOMAIN] })
  return events
})
const base = await gateway.listen({ host: '127.0.0.1', port: 0 })
t.teardown(async () => {
  await gateway.close()
  foreignClient.close()
  deadClient.close()
  foreign.server.forceShutdown()
})

async function get (path: string): Promise<{ status: number, retryAfter: string | null, body: any }> {
  const response = await fetch(base + path)
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() }
}

/** The body the catalog gives a code (the plugin's envelope, without the request id). */
function envelope (code: string, details: Record<string, unknown> | undefined): Record<string, unknown> {
  const entry = catalog.get(code) as CompiledEntry
  const rendered = entry.render(details)
  return {
    code,
    status: entry.status,
    message: rendered.message,
    retryable: entry.retryable,
    suggestions: rendered.suggestions,
    ...(details === undefined ? {} : { details }),
    ...(entry.docsUrl === undefined ? {} : { docsUrl: entry.docsUrl })
  }
}

t.test('gateway: each code answers with the HTTP status of the canonical table, the catalog\'s body and Retry-After', async (t) => {
  for (const path of ['/login', '/sessions']) {
    for (const [code, details] of CASES) {
      const entry = catalog.get(code) as CompiledEntry
      const { status, retryAfter, body } = await get(`${path}?scenario=${code}`)
      t.equal(status, httpStatusOfGrpc(entry.grpc), `${path} ${code}: the table's status for ${entry.grpc}`)
      t.equal(status, entry.status, `${path} ${code}: which is the catalog's`)
      const { requestId, ...rest } = body
      t.strictSame(rest, envelope(code, details), `${path} ${code}: the catalog's body, details typed again`)
      t.equal(retryAfter, entry.retryable && entry.retryAfter !== undefined ? String(entry.retryAfter) : null, `${path} ${code}: Retry-After`)
    }
  }
})

t.test('gateway: a crash behind it is a 500 with the catalog\'s body and nothing of the crash', async (t) => {
  for (const path of ['/login?scenario=crash', '/login?scenario=sync:hostile', '/sessions?scenario=string']) {
    const { status, body } = await get(path)
    t.equal(status, 500, path)
    t.equal(body.code, 'INTERNAL_ERROR', path)
    t.notMatch(JSON.stringify(body), /s3cret|ECONNREFUSED|query failed/, path)
  }
})

t.test('gateway: errors of other services never leak their message; known reasons and numbers are trusted only from the domain', async (t) => {
  const cases: Array<[string, { status: number, code: string, details?: Record<string, unknown> }]> = [
    ['other-domain-quota', { status: 429, code: 'RATE_LIMIT_EXCEEDED' }],
    ['other-domain-known-reason', { status: 404, code: 'NOT_FOUND' }],
    ['legacy-number', { status: 404, code: 'USER_NOT_FOUND', details: { userId: 'u-9' } }],
    ['details-do-not-fit', { status: 409, code: 'CONFLICT' }],
    ['no-trailer', { status: 503, code: 'SERVICE_UNAVAILABLE' }],
    ['cancelled', { status: 400, code: 'BAD_REQUEST' }]
  ]
  for (const path of ['/login', '/sessions']) {
    for (const [scenario, want] of cases) {
      const { status, body } = await get(`${path}?scenario=${scenario}&backend=foreign`)
      t.equal(status, want.status, `${path} ${scenario}: status`)
      const { requestId, ...rest } = body
      t.strictSame(rest, envelope(want.code, want.details), `${path} ${scenario}: the catalog's body`)
      t.notMatch(JSON.stringify(body), /q_77|users_|10\.0\.0\.3|node-7|비밀|billing/, `${path} ${scenario}: nothing of the backend's text`)
    }
  }
})

t.test('gateway: an unreachable backend (grpc-js\'s own UNAVAILABLE) is a 503', async (t) => {
  const { status, body } = await get('/login?scenario=ok&backend=dead')
  t.equal(status, 503)
  t.equal(body.code, 'SERVICE_UNAVAILABLE')
  t.same(await get('/login?scenario=ok'), { status: 200, retryAfter: null, body: { token: 'token-1' } }, 'a call that succeeds passes through')
})
