/**
 * The demo answers in Korean by default and in English with `Accept-Language: en` (issue 12), over a real listen on
 * 127.0.0.1: message, suggestions and field errors, `Content-Language` and `Vary`. The English line of
 * examples/README.md runs as written (its curl request, against the listening demo) and answers what it promises.
 */
import t, { type Test } from 'tap'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildDemoApp } from '../examples/app.js'

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/
const readme = readFileSync(fileURLToPath(new URL('../examples/README.md', import.meta.url)), 'utf8')

async function listening (t: Test): Promise<string> {
  const app = await buildDemoApp()
  t.teardown(() => app.close())
  return await app.listen({ host: '127.0.0.1', port: 0 })
}

t.test('the demo answers in Korean by default and in English with Accept-Language: en, saying which', async (t) => {
  const address = await listening(t)
  t.match(address, /^http:\/\/127\.0\.0\.1:\d+$/)
  const cases: Array<[string, Record<string, string>, 'ko' | 'en', string]> = [
    ['no header', {}, 'ko', '세션을 찾을 수 없습니다. (세션 코드 ZZZZZZ)'],
    ['ko', { 'accept-language': 'ko' }, 'ko', '세션을 찾을 수 없습니다. (세션 코드 ZZZZZZ)'],
    ['en', { 'accept-language': 'en' }, 'en', 'Session ZZZZZZ was not found.'],
    ['en-US;q=0.9,ko;q=0.8', { 'accept-language': 'en-US;q=0.9,ko;q=0.8' }, 'en', 'Session ZZZZZZ was not found.'],
    ['fr', { 'accept-language': 'fr' }, 'ko', '세션을 찾을 수 없습니다. (세션 코드 ZZZZZZ)']
  ]
  for (const [name, headers, locale, message] of cases) {
    const response = await fetch(`${address}/sessions/ZZZZZZ`, { headers })
    const body = await response.json() as { code: string, message: string, suggestions: string[] }
    t.equal(response.status, 404, `${name}: 404`)
    t.equal(body.code, 'SESSION_NOT_FOUND')
    t.equal(body.message, message, `${name}: the ${locale} message`)
    t.equal(HANGUL.test(body.suggestions.join(' ')), locale === 'ko', `${name}: suggestions in ${locale}`)
    t.equal(response.headers.get('content-language'), locale, `${name}: Content-Language ${locale}`)
    t.match(response.headers.get('vary') ?? '', /\bAccept-Language\b/, `${name}: Vary names Accept-Language`)
  }

  // A validation failure: the field messages follow the language too.
  const url = `${address}/lectures?page=0&size=100`
  const korean = await (await fetch(url)).json() as { fieldErrors: Record<string, string[]> }
  t.same(korean.fieldErrors, { page: ['페이지는 1 이상이어야 합니다.'], size: ['페이지 크기는 50 이하여야 합니다.'] })
  const english = await fetch(url, { headers: { 'accept-language': 'en' } })
  const { message, fieldErrors } = await english.json() as { message: string, fieldErrors: Record<string, string[]> }
  t.equal(english.headers.get('content-language'), 'en')
  t.equal(message, 'The input is not valid.')
  t.same(Object.keys(fieldErrors), ['page', 'size'])
  t.notMatch(JSON.stringify(fieldErrors), HANGUL, 'English field messages')
})

t.test("examples/README.md's English line runs as written against the demo", async (t) => {
  const line = readme.split('\n').find((one) => one.startsWith('In English'))
  if (line === undefined) throw new Error('examples/README.md has no "In English" line')
  const command = /`(curl [^`]+)`/.exec(line)?.[1] ?? ''
  const url = /(http:\/\/127\.0\.0\.1:3000\S*)/.exec(command)?.[1]
  const headers = Object.fromEntries([...command.matchAll(/-H '([^:']+): ([^']+)'/g)].map(([, name, value]) => [name.toLowerCase(), value]))
  t.same(headers, { 'accept-language': 'en' }, 'the line sends Accept-Language: en')
  t.ok(url, 'the line names a URL of the demo')
  const promised = /`Content-Language: (\w+)` and `"message": "([^"]+)"`/.exec(line)
  t.ok(promised, 'the line says what comes back')

  const address = await listening(t)
  const response = await fetch((url as string).replace('http://127.0.0.1:3000', address), { headers })
  t.equal(response.headers.get('content-language'), promised?.[1])
  t.equal((await response.json() as { message: string }).message, promised?.[2])
})
