/**
 * The speech level of a Korean sentence, from its ending: 합니다체 (formal: 없습니다, 입니다, 하십시오) or
 * 해요체 (polite: 없어요, 하세요, 예요). A catalog should speak one level in all its messages; a noun phrase
 * (`메모리 부족`) has no level and is left alone.
 */

/** A speech level. */
export type SpeechLevel = '합니다체' | '해요체'

// A trailing `(강의 번호 {lectureId})` or closing quote does not end the sentence; the word before it does.
const TRAILER = /(?:\s*\([^()]*\)|["'”’」』\s]|[.!?…~]+)+$/u
const SENTENCE_END = /[.!?…]+(?:\s+|$)/u

/** The speech level of one sentence, or undefined when its ending shows none. */
export function speechLevelOfSentence (sentence: string): SpeechLevel | undefined {
  const word = sentence.replace(TRAILER, '')
  if (/(?:니다|니까|십시오|시오)$/u.test(word)) return '합니다체'
  if (/(?:요|죠)$/u.test(word)) return '해요체'
  return undefined
}

/** The speech levels of every sentence of a text, in order (sentences without a level are left out). */
export function speechLevelsOf (text: string): SpeechLevel[] {
  const levels: SpeechLevel[] = []
  for (const sentence of text.split(SENTENCE_END)) {
    const level = speechLevelOfSentence(sentence.trim())
    if (level !== undefined) levels.push(level)
  }
  return levels
}
