/**
 * Korean particles (조사) after a word: `이메일은`, `나이는`, `email은`, `item2는`, `URL로`.
 *
 * Which form a particle takes depends only on how the label's last syllable ends: no final consonant,
 * a final ㄹ (which takes `로`, not `으로`), or another final consonant. This file works out that ending,
 * including for labels that end in a Latin letter or a digit (es-hangul alone reads those as vowel
 * endings and writes `email가`), then asks es-hangul for the particle.
 * The rules for Latin letters and digits are listed in docs/validation.md.
 */
import { disassembleCompleteCharacter, josa } from 'es-hangul'

/** How a word ends, as far as particles care. */
export type FinalSound = 'vowel' | 'rieul' | 'consonant' | 'unknown'

type EsHangulPair = Parameters<typeof josa.pick>[1]

/**
 * The particle markers a template may use, written `{은/는}`: the form after a final consonant first.
 * Either order is accepted in templates (`{는/은}` too).
 */
export const PARTICLE_PAIRS: ReadonlyArray<readonly [string, string]> = Object.freeze([
  ['은', '는'], ['이', '가'], ['을', '를'], ['과', '와'], ['으로', '로'], ['이나', '나'], ['이란', '란'],
  ['이랑', '랑'], ['이라', '라'], ['으로서', '로서'], ['으로써', '로써'], ['으로부터', '로부터'],
  // The copula 이다 in the forms product copy needs (`문자열이어야`, `숫자여야`); es-hangul has no pair for these.
  ['이어야', '여야'], ['이며', '며'], ['이고', '고'], ['이면', '면']
].map((pair) => Object.freeze(pair) as readonly [string, string]))

/** es-hangul's own name of each pair it knows (its order is not always "after a consonant" first). */
const ES_HANGUL: Record<string, EsHangulPair> = Object.fromEntries(([
  '은/는', '이/가', '을/를', '와/과', '으로/로', '이나/나', '이란/란', '이랑/랑', '이라/라', '으로서/로서', '으로써/로써', '으로부터/로부터'
] as EsHangulPair[]).map((pair) => [pair === '와/과' ? '과' : pair.split('/')[0], pair]))

/** A syllable with each kind of ending, to ask es-hangul about a word that is not Hangul. */
const PROXY: Record<Exclude<FinalSound, 'unknown'>, string> = { vowel: '다', rieul: '달', consonant: '닥' }

const PAIR_BY_FORM = new Map<string, readonly [string, string]>()
/** Each pair's particle for each kind of ending, asked of es-hangul once (rendering runs per failing field). */
const PICKS = new Map<readonly [string, string], Record<FinalSound, string>>()
for (const pair of PARTICLE_PAIRS) {
  PAIR_BY_FORM.set(`${pair[0]}/${pair[1]}`, pair)
  PAIR_BY_FORM.set(`${pair[1]}/${pair[0]}`, pair)
  PICKS.set(pair, {
    vowel: pick('vowel', pair),
    rieul: pick('rieul', pair),
    consonant: pick('consonant', pair),
    // Nothing readable at the end (a symbol, an emoji): the convention of Korean software, both forms.
    unknown: `${pair[0]}(${pair[1]})`
  })
}

function pick (sound: Exclude<FinalSound, 'unknown'>, pair: readonly [string, string]): string {
  const esHangul = ES_HANGUL[pair[0]]
  if (esHangul !== undefined) return josa.pick(PROXY[sound], esHangul)
  return sound === 'vowel' ? pair[1] : pair[0]
}

/** The pair a marker such as `은/는` or `는/은` names, or undefined for text that is not a marker. */
export function particlePair (marker: string): readonly [string, string] | undefined {
  return PAIR_BY_FORM.get(marker)
}

/** The particle of `pair` that follows `word`: `pickParticle('이메일', ['은', '는'])` is `은`. */
export function pickParticle (word: string, pair: readonly [string, string]): string {
  const sound = finalSound(word)
  const picks = PICKS.get(pair) ?? PICKS.get(particlePair(`${pair[0]}/${pair[1]}`) ?? pair)
  if (picks === undefined) throw new TypeError(`unknown particle pair ${JSON.stringify(pair.join('/'))}`)
  return picks[sound]
}

/** The word followed by its particle: `withParticle('나이', '은/는')` is `나이는`. */
export function withParticle (word: string, marker: string): string {
  const pair = particlePair(marker)
  if (pair === undefined) throw new TypeError(`unknown particle marker ${JSON.stringify(marker)}`)
  return word + pickParticle(word, pair)
}

// Korean readings of the Latin letters' names end like this: 엘, 엠, 엔, 알 end in a consonant (two in ㄹ).
const LETTER_NAME: Record<string, FinalSound> = { l: 'rieul', r: 'rieul', m: 'consonant', n: 'consonant' }
// Sino-Korean digits: 영 일 이 삼 사 오 육 칠 팔 구.
const DIGIT: FinalSound[] = ['consonant', 'rieul', 'vowel', 'consonant', 'vowel', 'vowel', 'consonant', 'rieul', 'rieul', 'vowel']

/** How the last readable syllable of a label ends. */
export function finalSound (word: string): FinalSound {
  // Only the end matters; a bounded tail also keeps the end-anchored patterns below linear.
  const text = readableEnd(word.length > 64 ? word.slice(-64) : word)
  if (text === '') return 'unknown'
  const last = text.charCodeAt(text.length - 1)
  if (last >= 0xac00 && last <= 0xd7a3) {
    const jongseong = disassembleCompleteCharacter(text[text.length - 1])?.jongseong ?? ''
    return jongseong === '' ? 'vowel' : jongseong === 'ㄹ' ? 'rieul' : 'consonant'
  }
  // A lone consonant jamo is read by its name (기역, 리을, …), all of which end in a consonant.
  if (last >= 0x3131 && last <= 0x314e) return text.endsWith('ㄹ') ? 'rieul' : 'consonant'
  if (last >= 0x314f && last <= 0x3163) return 'vowel'
  if (last >= 0x30 && last <= 0x39) return numberSound(/\d+$/.exec(text)?.[0] ?? '')
  if ((last >= 0x41 && last <= 0x5a) || (last >= 0x61 && last <= 0x7a)) return latinSound(lastWord(text))
  return 'unknown'
}

/** The label without what a reader skips before the particle: a closing parenthetical, quotes, spaces. */
function readableEnd (word: string): string {
  let text = word.trimEnd()
  for (;;) {
    const stripped = text.replace(/["'`」』)\]]+$/u, '').trimEnd()
    if (text.endsWith(')') || text.endsWith(']')) {
      // `이메일(email)` is read `이메일`: the particle follows the word before the parenthesis.
      const open = Math.max(text.lastIndexOf('('), text.lastIndexOf('['))
      if (open > 0) { text = text.slice(0, open).trimEnd(); continue }
    }
    if (stripped === text) return text
    text = stripped
  }
}

/** The last word of a Latin run: `createdAt` → `At`, `postURL` → `URL`, `x-api-key` → `key`. */
function lastWord (text: string): string {
  const run = /[A-Za-z]+$/.exec(text)?.[0] ?? ''
  const upper = /[A-Z]{2,}$/.exec(run)
  if (upper !== null) return upper[0]
  const camel = /[A-Z]?[a-z]+$/.exec(run)
  return camel === null ? run : camel[0]
}

/**
 * A Latin word: an abbreviation (`URL`, `ID`, `x`, `ip`, `pwd`) is read letter by letter, so its last
 * letter's Korean name decides; any other word is read as English, by its ending's usual Korean
 * transcription (`name` 네임, `title` 타이틀, `user` 유저, `zip` 집).
 */
function latinSound (word: string): FinalSound {
  const lower = word.toLowerCase()
  const last = lower[lower.length - 1]
  if (isAbbreviation(word, lower)) return LETTER_NAME[last] ?? 'vowel'
  switch (last) {
    case 'l': return 'rieul'
    case 'm': case 'n': case 'p': case 'b': return 'consonant'
    case 'g': return lower.endsWith('ng') ? 'consonant' : 'vowel'
    case 'e': return silentE(lower)
    case 't': return /(?:^|[^aeiou])[aeiou]t$|out$/.test(lower) ? 'consonant' : 'vowel'
    case 'k': return /(?:ck|ook)$/.test(lower) ? 'consonant' : 'vowel'
    case 'c': return lower.endsWith('ic') ? 'consonant' : 'vowel'
    default: return 'vowel'
  }
}

/** Words of two English letters that are read as words, not spelled: `createdAt` 앳, `signUp` 업. */
const SHORT_WORDS = new Set(['at', 'up'])

/** All capitals, one or two letters (`id`, `ip`, `db`, not `at`), or no vowel at all (`pwd`, `msg`). */
function isAbbreviation (word: string, lower: string): boolean {
  if (word === word.toUpperCase()) return true
  if (word.length <= 2) return !SHORT_WORDS.has(lower)
  return !/[aeiouy]/.test(lower)
}

/** A final silent e: the consonant before it decides (`title` 타이틀, `name` 네임, `type` 타입, `code` 코드). */
function silentE (lower: string): FinalSound {
  const before = lower[lower.length - 2]
  if (before === 'l') return 'rieul'
  if (before === 'm' || before === 'n' || before === 'p') return 'consonant'
  return 'vowel'
}

/** A number read in Sino-Korean: the last non-zero digit, or the unit its trailing zeros make (십, 백, 천, 만, 억, 조). */
function numberSound (digits: string): FinalSound {
  const trimmed = digits.replace(/^0+(?=\d)/, '')
  const zeros = /0*$/.exec(trimmed)?.[0].length ?? 0
  if (zeros === 0 || zeros === trimmed.length) return DIGIT[Number(trimmed[trimmed.length - 1])]
  // 조 (10^12 … 10^15) is the one unit that ends in a vowel.
  return zeros >= 12 && zeros < 16 ? 'vowel' : 'consonant'
}
