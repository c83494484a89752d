/**
 * @fastify/multipart: a body that is not multipart answers 415 MULTIPART_REQUIRED (the plugin's own 406 would
 * send the client to its Accept header), and each of its limits answers its own 413 code.
 */
import t from 'tap'
import Fastify from 'fastify'
import multipart from '@fastify/multipart'
import { errorCatalog } from '../../src/index.js'

async function appWith (limits: Record<string, number>) {
  const app = Fastify()
  await app.register(errorCatalog, { catalog: { version: 1, errors: {} } })
  await app.register(multipart, { limits })
  app.post('/upload', async (request) => {
    for await (const part of request.parts()) if (part.type === 'file') await part.toBuffer()
    return { ok: true }
  })
  await app.ready()
  return app
}

/** A multipart/form-data request: [name, value, filename?] per part. */
function form (parts: Array<[string, string, string?]>) {
  const boundary = 'catalog-boundary'
  let payload = ''
  for (const [name, value, filename] of parts) {
    const file = filename === undefined ? '' : `; filename="${filename}"\r\ncontent-type: text/plain`
    payload += `--${boundary}\r\ncontent-disposition: form-data; name="${name}"${file}\r\n\r\n${value}\r\n`
  }
  payload += `--${boundary}--\r\n`
  return { method: 'POST' as const, url: '/upload', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

t.test('a JSON body to an upload route answers 415 MULTIPART_REQUIRED', async (t) => {
  const app = await appWith({})
  t.teardown(() => app.close())
  t.equal((await app.inject(form([['title', '강의 자료'], ['file', 'hello', 'a.txt']]))).statusCode, 200)
  const res = await app.inject({ method: 'POST', url: '/upload', payload: '{"title":"강의 자료"}', headers: { 'content-type': 'application/json' } })
  t.equal(res.statusCode, 415)
  t.equal(res.headers['content-type'], 'application/json; charset=utf-8')
  t.same(res.json(), {
    code: 'MULTIPART_REQUIRED',
    status: 415,
    message: '이 요청은 multipart/form-data 형식으로 보내야 합니다.',
    retryable: false,
    suggestions: ['Content-Type을 multipart/form-data로 지정해 다시 요청하세요.'],
    requestId: 'req-2'
  })
})

t.test('each limit answers its own 413 code', async (t) => {
  const cases: Array<[string, Record<string, number>, Array<[string, string, string?]>, object]> = [
    ['file size', { fileSize: 10 }, [['file', 'x'.repeat(100), 'a.txt']],
      { code: 'FILE_TOO_LARGE', status: 413, message: '업로드한 파일이 허용된 크기를 넘었습니다.', retryable: false, suggestions: ['파일 크기를 줄여 다시 업로드하세요.'], requestId: 'req-1' }],
    ['files', { files: 1 }, [['a', 'x', 'a.txt'], ['b', 'y', 'b.txt']],
      { code: 'TOO_MANY_FILES', status: 413, message: '한 번에 업로드할 수 있는 파일 수를 넘었습니다.', retryable: false, suggestions: ['파일을 나누어 여러 번 업로드하세요.'], requestId: 'req-1' }],
    ['fields', { fields: 1 }, [['a', '1'], ['b', '2']],
      { code: 'TOO_MANY_FIELDS', status: 413, message: '요청에 담을 수 있는 폼 필드 수를 넘었습니다.', retryable: false, suggestions: ['필드 수를 줄여 다시 요청하세요.'], requestId: 'req-1' }],
    ['parts', { parts: 2 }, [['a', '1'], ['b', '2'], ['c', 'z', 'c.txt']],
      { code: 'TOO_MANY_PARTS', status: 413, message: '요청에 담을 수 있는 파일과 필드의 수를 넘었습니다.', retryable: false, suggestions: ['파일과 필드를 나누어 여러 번 요청하세요.'], requestId: 'req-1' }]
  ]
  for (const [what, limits, parts, body] of cases) {
    const app = await appWith(limits)
    const res = await app.inject(form(parts))
    t.equal(res.statusCode, 413, what)
    t.same(res.json(), body, what)
    await app.close()
  }
})
