/**
 * End to end: `npm run demo`'s server on a random port of 127.0.0.1, /docs in headless Chromium, one
 * operation expanded; its error codes and Korean example messages must be on the page, and the English example
 * of a code can be picked beside the Korean one. A screenshot is kept in test-artifacts/. Run with
 * `npm run test:e2e` (CHROMIUM_PATH overrides /usr/bin/chromium).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'

const root = fileURLToPath(new URL('../../', import.meta.url))
const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url))
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

let server: ChildProcess
let address: string
let browser: Browser
let page: Page

/** Starts examples/server.ts with PORT=0 and reads the address from its "Server listening at" log line. */
function startDemo (): Promise<{ child: ChildProcess, address: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'examples/server.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`the demo did not start in 20 s:\n${output}`)), 20_000)
    child.once('exit', (code) => reject(new Error(`the demo exited with ${code}:\n${output}`)))
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const found = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (found !== null) {
        clearTimeout(timer)
        child.stdout?.removeAllListeners('data')
        child.stdout?.resume()
        resolve({ child, address: found[1] })
      }
    })
  })
}

before(async () => {
  ({ child: server, address } = await startDemo())
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ko-KR' })
})

after(async () => {
  await browser?.close()
  server?.kill('SIGTERM')
})

test('the demo listens on 127.0.0.1 and serves Swagger UI from the local package', async () => {
  assert.match(address, /^http:\/\/127\.0\.0\.1:\d+$/)
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  const response = await page.goto(`${address}/docs`, { waitUntil: 'networkidle' })
  assert.equal(response?.status(), 200)
  await page.locator('.opblock').first().waitFor({ timeout: 15_000 })
  assert.deepEqual(requests.filter((url) => !url.startsWith(address)), [], 'no request leaves the demo (no CDN)')
  assert.match(await page.locator('.info .title').innerText(), /강의·세션 API/)
})

test('the error responses and their examples reach Swagger UI as references to components', async () => {
  // What the next test renders is resolved by Swagger UI itself, not written inline by the server.
  const document = await (await fetch(`${address}/docs/json`)).json() as Record<string, any>
  const responses = document.paths['/sessions/{sessionCode}/participants'].post.responses
  assert.deepEqual(responses['409'], { $ref: '#/components/responses/SESSION_NOT_STARTED-or-SESSION_FULL' })
  assert.deepEqual(document.components.responses['SESSION_NOT_STARTED-or-SESSION_FULL'].content['application/json'].examples.SESSION_FULL,
    { $ref: '#/components/examples/SESSION_FULL' })
  assert.equal(document.components.examples.SESSION_FULL.value.message, '세션 정원(30명)이 모두 찼습니다.')
  assert.deepEqual(document.components.responses['SESSION_NOT_STARTED-or-SESSION_FULL'].content['application/json'].examples['SESSION_FULL.en'],
    { $ref: '#/components/examples/SESSION_FULL.en' }, 'the English example beside the Korean one')
  assert.equal(document.components.examples['SESSION_FULL.en'].value.message, 'The session is full (capacity 30).')
  // The route's own validation example: one of its own fields, not the shared `email`.
  assert.deepEqual(document.components.responses[responses['400'].$ref.split('/').pop()].content['application/json'].examples.VALIDATION_ERROR,
    { $ref: '#/components/examples/VALIDATION_ERROR.headers.authorization' })
  assert.deepEqual(document.components.examples['VALIDATION_ERROR.headers.authorization'].value.fieldErrors, { authorization: ['인증 토큰은 필수 항목입니다.'] })
})

test('an expanded operation shows its error codes and Korean example messages, and a code\'s English example', async () => {
  const operation = page.locator('.opblock', { has: page.locator('.opblock-summary-path', { hasText: /^\/sessions\/\{sessionCode\}\/participants$/ }) })
  await operation.locator('.opblock-summary').click()
  const responses = operation.locator('.responses-table').first()
  await responses.waitFor({ timeout: 10_000 })

  for (const status of ['400', '401', '403', '404', '409', '410', '500']) {
    assert.equal(await responses.locator(`tr.response[data-code="${status}"]`).count(), 1, `status ${status} is listed`)
  }
  const text = await responses.innerText()
  for (const code of ['DEVICE_ID_REQUIRED', 'VALIDATION_ERROR', 'TOKEN_EXPIRED', 'NOT_ENROLLED', 'SESSION_NOT_FOUND', 'SESSION_NOT_STARTED', 'SESSION_FULL', 'SESSION_ENDED', 'INTERNAL_ERROR']) {
    assert.ok(text.includes(code), `${code} is on the page`)
  }
  assert.ok(text.includes('409 상태 충돌'), 'the Korean status description')
  assert.ok(text.includes('세션을 찾을 수 없습니다. (세션 코드 AB12CD)'), 'the 404 example message')
  assert.ok(text.includes('세션이 아직 시작되지 않았습니다.'), 'the first 409 example message')
  // The example's value itself, not only its summary in the picker.
  assert.match(await responses.locator('tr.response[data-code="404"] pre').first().innerText(), /"message": "세션을 찾을 수 없습니다\. \(세션 코드 AB12CD\)"/)

  // Pick the other 409 example: its message replaces the first.
  const conflict = responses.locator('tr.response[data-code="409"]')
  const examples = conflict.locator('select', { has: page.locator('option', { hasText: 'SESSION_FULL' }) })
  await examples.selectOption({ label: 'SESSION_FULL: 세션 정원(30명)이 모두 찼습니다.' })
  await conflict.locator('pre', { hasText: '세션 정원(30명)이 모두 찼습니다.' }).first().waitFor({ timeout: 5_000 })
  assert.ok(!(await conflict.locator('pre').first().innerText()).includes('세션이 아직 시작되지 않았습니다.'), 'the shown example changed')

  // The same code in English: its own entry in the picker, the English body replaces the Korean one.
  assert.deepEqual(await examples.locator('option').allInnerTexts(), [
    'SESSION_NOT_STARTED: 세션이 아직 시작되지 않았습니다. 시작 예정 시각은 2026-11-22T10:00:00+09:00입니다.',
    'SESSION_NOT_STARTED (English): The session has not started yet. It is scheduled to start at 2026-11-22T10:00:00+09:00.',
    'SESSION_FULL: 세션 정원(30명)이 모두 찼습니다.',
    'SESSION_FULL (English): The session is full (capacity 30).'
  ], 'each code in Korean, then in English')
  await examples.selectOption({ label: 'SESSION_FULL (English): The session is full (capacity 30).' })
  await conflict.locator('pre', { hasText: 'The session is full (capacity 30).' }).first().waitFor({ timeout: 5_000 })
  const english = await conflict.locator('pre').first().innerText()
  assert.match(english, /"message": "The session is full \(capacity 30\)\."/)
  assert.match(english, /"suggestions": \[\s*"Try to join again when a place becomes free\."/)
  assert.ok(!english.includes('세션 정원'), 'the Korean example is no longer shown')
  await examples.selectOption({ label: 'SESSION_FULL: 세션 정원(30명)이 모두 찼습니다.' })
  await conflict.locator('pre', { hasText: '세션 정원(30명)이 모두 찼습니다.' }).first().waitFor({ timeout: 5_000 })

  mkdirSync(artifacts, { recursive: true })
  await conflict.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${artifacts}swagger-ui.png`, fullPage: false })
  await operation.screenshot({ path: `${artifacts}swagger-ui-operation.png` })
})

test('the HTML guide (error-catalog docs --html) filters by code in Chromium and a type URI fragment lands on the code', async (t) => {
  const { loadCatalogSync } = await import('../../src/catalog/load.js')
  const { renderHtmlGuide } = await import('../../src/docs/html-guide.js')
  const dir = mkdtempSync(join(tmpdir(), 'error-catalog-html-e2e-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'errors.html')
  writeFileSync(file, renderHtmlGuide(loadCatalogSync(join(root, 'catalog/example.yaml')), { source: 'catalog/example.yaml' }))
  const guide = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ko-KR' })
  const requests: string[] = []
  guide.on('request', (request) => requests.push(request.url()))
  await guide.goto(`${pathToFileURL(file).href}#session-full`)
  assert.deepEqual(requests.filter((url) => !url.startsWith('file:')), [], 'the page loads nothing from elsewhere')
  assert.ok(await guide.locator('article#session-full').isVisible(), 'the fragment names the section')
  const articles = guide.locator('article')
  const total = await articles.count()
  const search = guide.getByRole('searchbox')
  assert.ok(await search.isVisible(), 'the script shows the search box')
  await search.fill('SESSION_FULL')
  assert.equal(await guide.locator('article:visible').count(), 1)
  assert.ok(await guide.locator('article#session-full').isVisible())
  assert.ok(!(await guide.locator('article#session-not-found').isVisible()), 'another code of the same category is hidden')
  assert.ok(!(await guide.locator('section#category-auth').isVisible()), 'a category without a match is hidden')
  await search.fill('정원')
  assert.ok(await guide.locator('article#session-full').isVisible(), 'the message matches too')
  await search.fill('')
  assert.equal(await guide.locator('article:visible').count(), total, 'an empty box shows every code again')
  mkdirSync(artifacts, { recursive: true })
  await guide.screenshot({ path: `${artifacts}html-guide.png` })
  await guide.close()
})
