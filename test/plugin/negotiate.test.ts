/** Accept-Language → one of the catalog's locales, the first being the default; the cache stays bounded. */
import t from 'tap'
import fc from 'fast-check'
import { createLocaleNegotiator, MAX_CACHED_HEADERS, MAX_NEGOTIATED_LENGTH } from '../../src/plugin/negotiate.js'

/** A 4 KB header of random header-ish characters, the same on every run. */
function junk (seed: number): string {
  const chars = 'abcdefghijklmnopqrstuvwxyz-,;=*"q. \t0123456789'
  let state = seed
  let out = ''
  while (out.length < 4096) {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    out += chars[state % chars.length]
  }
  return out
}

// [what the row shows, { given: the header, want: the locale among ['ko', 'en'] }]
const ROWS: Array<[string, { given: string | undefined, want: string }]> = [
  ['ko', { given: 'ko', want: 'ko' }],
  ['en', { given: 'en', want: 'en' }],
  ['the higher q-value wins', { given: 'en-US;q=0.9,ko;q=0.8', want: 'en' }],
  ['the higher q-value wins whatever the order', { given: 'ko;q=0.8, en;q=0.9', want: 'en' }],
  ['a lower q-value loses', { given: 'en;q=0.5, ko', want: 'ko' }],
  ['q=0 refuses a language', { given: 'en;q=0, *', want: 'ko' }],
  ['a region matches its language', { given: 'en-US', want: 'en' }],
  ['a browser\'s list', { given: 'ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7', want: 'ko' }],
  ['case does not matter', { given: 'EN-gb', want: 'en' }],
  ['an unknown language before a known one', { given: 'fr, en;q=0.1', want: 'en' }],
  ['an unknown language alone gets the default', { given: 'fr', want: 'ko' }],
  ['* gets the default', { given: '*', want: 'ko' }],
  ['no header gets the default', { given: undefined, want: 'ko' }],
  ['an empty header gets the default', { given: '', want: 'ko' }],
  ['a q-value that is no number gets the default', { given: 'en;q=abc', want: 'ko' }],
  ['a 4 KB header of a,a,… gets the default', { given: 'a,'.repeat(2048), want: 'ko' }],
  ['a 4 KB header of random characters gets the default', { given: junk(1), want: 'ko' }],
  ['a 4 KB header without a comma gets the default', { given: 'x'.repeat(4096), want: 'ko' }],
  ['a 4 KB header of quotes gets the default', { given: '"'.repeat(4096), want: 'ko' }],
  ['a long header is read by its head', { given: `en,${'a,'.repeat(2048)}`, want: 'en' }],
  ['only the head of a long header counts', { given: `ko;q=0.1,${'a,'.repeat(2048)}en`, want: 'ko' }]
]

t.test('Accept-Language picks among ko and en, ko the default', async (t) => {
  const negotiate = createLocaleNegotiator(['ko', 'en'])
  for (const [name, { given, want }] of ROWS) t.equal(negotiate(given), want, name)
})

t.test('the first locale is the default', async (t) => {
  const negotiate = createLocaleNegotiator(['en', 'ko'])
  t.equal(negotiate(undefined), 'en')
  t.equal(negotiate('*'), 'en')
  t.equal(negotiate('fr'), 'en')
  t.equal(negotiate('ko'), 'ko')
})

t.test('a header answers the same from the cache as on first sight', async (t) => {
  const cache = new Map<string, string>()
  const negotiate = createLocaleNegotiator(['ko', 'en'], cache)
  for (const [name, { given, want }] of ROWS) t.equal(negotiate(given), want, `${name} (first)`)
  for (const [name, { given, want }] of ROWS) t.equal(negotiate(given), want, `${name} (again)`)
  t.equal(cache.get('en-US;q=0.9,ko;q=0.8'), 'en', 'a short header is cached')
  t.ok([...cache.keys()].every((key) => key.length <= MAX_NEGOTIATED_LENGTH), 'no header longer than the cut is a key')
})

t.test('10,000 distinct headers leave the cache bounded and the first entries in place', async (t) => {
  const cache = new Map<string, string>()
  const negotiate = createLocaleNegotiator(['ko', 'en'], cache)
  t.equal(negotiate('en-US,en;q=0.9'), 'en')
  const wrong: string[] = []
  for (let i = 0; i < 10_000; i++) {
    // Every one of them needs real negotiation to answer right, cached or not; every other one is long.
    const given = i % 2 === 0 ? `x-${i},ko;q=0.${(i % 8) + 1},en;q=0.95` : `zz-${i}${'y'.repeat(i % 300)},ko`
    if (negotiate(given) !== (i % 2 === 0 ? 'en' : 'ko')) wrong.push(given)
  }
  t.same(wrong, [], 'every header got its locale')
  t.equal(cache.size, MAX_CACHED_HEADERS)
  t.equal(cache.get('en-US,en;q=0.9'), 'en', 'a flood does not push out what was cached first')
  t.ok([...cache.keys()].every((key) => key.length <= MAX_NEGOTIATED_LENGTH))
})

t.test('one locale: a constant, the header is never read', async (t) => {
  const cache = new Map<string, string>()
  const negotiate = createLocaleNegotiator(['ko'], cache)
  for (const [name, { given }] of ROWS) t.equal(negotiate(given), 'ko', name)
  t.equal(negotiate('en'), 'ko')
  t.equal(cache.size, 0, 'nothing was negotiated')
})

t.test('no locale at all is a library error', async (t) => {
  t.throws(() => createLocaleNegotiator([]), { code: 'FEC_ERR_OPTIONS_INVALID' })
})

t.test('any header up to 4 KB gets one of the locales, without throwing', async (t) => {
  const negotiate = createLocaleNegotiator(['ko', 'en', 'ja'])
  const header = fc.oneof(
    fc.string({ maxLength: 4096 }),
    fc.string({ unit: fc.constantFrom('en', 'ko', 'ja', '-US', ',', ';', 'q=', '0.', '1', '*', ' ', '"', '='), maxLength: 1500 }),
    fc.string({ unit: 'binary', maxLength: 300 })
  )
  fc.assert(fc.property(header, (given) => ['ko', 'en', 'ja'].includes(negotiate(given))), { seed: 12, numRuns: 1000 })
  t.pass('1,000 headers answered')
})
