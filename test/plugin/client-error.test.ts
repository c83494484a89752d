/**
 * `clientErrorHandler`: errors of Node's HTTP parser answered with the catalog's envelope in a raw HTTP
 * response, over a real listening server and raw sockets (issue 16, bug 2).
 */
import t, { type Test } from 'tap'
import Fastify, { type FastifyInstance } from 'fastify'
import { connect, createServer, type Socket } from 'node:net'
import { once } from 'node:events'
import { clientErrorHandler, errorCatalog, frameworkErrors } from '../../src/index.js'
import { catalogFile } from '../helpers/app.js'
import { logCapture } from '../helpers/logs.js'

interface RawResponse { statusLine: string, headers: Record<string, string>, body: Buffer }

/** Sends raw bytes, reads until the server closes, and parses the one HTTP/1.1 response. */
async function exchange (port: number, request: string): Promise<RawResponse> {
  const socket = connect(port, '127.0.0.1')
  const chunks: Buffer[] = []
  socket.on('data', (chunk: Buffer) => chunks.push(chunk))
  socket.on('error', () => {})
  await once(socket, 'connect')
  socket.write(request)
  await once(socket, 'close')
  const raw = Buffer.concat(chunks)
  const end = raw.indexOf('\r\n\r\n')
  const [statusLine = '', ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n')
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { statusLine, headers, body: raw.subarray(end + 4) }
}

async function listen (withPlugin = true): Promise<{ app: FastifyInstance, port: number, lines: ReturnType<typeof logCapture>['lines'] }> {
  const { stream, lines } = logCapture()
  const app = Fastify({ frameworkErrors, clientErrorHandler, logger: { level: 'info', stream } })
  if (withPlugin) await app.register(errorCatalog, { catalog: catalogFile('example.yaml') })
  app.post('/echo', async (request) => request.body)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  return { app, port: typeof address === 'object' && address !== null ? address.port : 0, lines }
}

function checkResponse (t: Test, res: RawResponse, status: string, body: unknown): void {
  t.equal(res.statusLine, `HTTP/1.1 ${status}`)
  t.equal(res.headers['content-type'], 'application/json; charset=utf-8')
  t.equal(Number(res.headers['content-length']), res.body.length, 'content-length counts the bytes of the Korean body')
  t.equal(res.headers.connection, 'close')
  t.same(JSON.parse(res.body.toString('utf8')), body)
}

t.test('parser errors answer the catalog envelope in a complete raw HTTP response', async (t) => {
  const { app, port, lines } = await listen()
  t.teardown(() => app.close())

  const big = await exchange(port, `GET /echo HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20 * 1024)}\r\n\r\n`)
  checkResponse(t, big, '431 Request Header Fields Too Large', {
    code: 'REQUEST_HEADER_FIELDS_TOO_LARGE', status: 431, message: '요청 헤더가 너무 큽니다.', retryable: false, suggestions: []
  })

  const badRequest = { code: 'BAD_REQUEST', status: 400, message: '잘못된 요청입니다.', retryable: false, suggestions: ['요청 형식을 API 문서와 비교해 확인하세요.'] }
  checkResponse(t, await exchange(port, 'GET /echo HTTP/1.1 garbage\r\nhost: x\r\n\r\n'), '400 Bad Request', badRequest)
  checkResponse(t, await exchange(port, 'POST /echo HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n'), '400 Bad Request', badRequest)

  // (The chunked request was already routed: Fastify's own aborted-body error is logged by the error handler too.)
  const logged = lines.filter((line) => line.parserCode !== undefined).map((line) => [line.code, line.parserCode])
  t.same(logged, [['REQUEST_HEADER_FIELDS_TOO_LARGE', 'HPE_HEADER_OVERFLOW'], ['BAD_REQUEST', 'HPE_INVALID_VERSION'], ['BAD_REQUEST', 'HPE_INVALID_CHUNK_SIZE']], 'each parser error logged once, with its code')

  const ok = await app.inject({ method: 'POST', url: '/echo', payload: { a: 1 } })
  t.equal(ok.statusCode, 200, 'the server keeps serving')
})

t.test('without the plugin the answer is still a valid response with a bare { code, status }', async (t) => {
  const { app, port } = await listen(false)
  t.teardown(() => app.close())
  const res = await exchange(port, `GET / HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20 * 1024)}\r\n\r\n`)
  checkResponse(t, res, '431 Request Header Fields Too Large', { code: 'REQUEST_HEADER_FIELDS_TOO_LARGE', status: 431 })
})

/** A connected pair of real sockets on loopback: the server's end, and the client's. */
async function socketPair (t: Test): Promise<{ server: Socket, client: Socket, received: () => Buffer }> {
  const listener = createServer()
  listener.listen(0, '127.0.0.1')
  await once(listener, 'listening')
  const address = listener.address()
  const client = connect(typeof address === 'object' && address !== null ? address.port : 0, '127.0.0.1')
  client.on('error', () => {})
  const chunks: Buffer[] = []
  client.on('data', (chunk: Buffer) => chunks.push(chunk))
  const [server] = await once(listener, 'connection') as [Socket]
  t.teardown(() => { client.destroy(); server.destroy(); listener.close() })
  return { server, client, received: () => Buffer.concat(chunks) }
}

t.test('a reset connection or a socket that cannot be written to is destroyed without an answer', async (t) => {
  const { app } = await listen()
  t.teardown(() => app.close())

  const reset = await socketPair(t)
  clientErrorHandler.call(app, Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), reset.server)
  t.ok(reset.server.destroyed, 'ECONNRESET: destroyed')
  await once(reset.client, 'close')
  t.equal(reset.received().length, 0, 'ECONNRESET: nothing written')

  const closed = await socketPair(t)
  closed.server.end()
  t.equal(closed.server.writable, false)
  clientErrorHandler.call(app, Object.assign(new Error('Parse Error'), { code: 'HPE_INVALID_METHOD' }), closed.server)
  t.ok(closed.server.destroyed, 'not writable: destroyed')
  await once(closed.client, 'close')
  t.equal(closed.received().length, 0, 'not writable: nothing written')
})
