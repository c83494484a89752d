/**
 * The error guide's own words (src/docs/, Markdown and HTML), Korean and English side by side: headings, table
 * headers, notes, yes and no, type names, the format section's intro and notes, the search box. What is said per
 * entry member or per body variable sits in that member's or variable's row, in both languages too (the label in
 * members.ts, the description in src/envelope/declared.ts's `BODY`); the catalog's own texts (messages,
 * suggestions, descriptions, category titles) come from the catalog in the guide's locale.
 * Here, not in src/docs/, because the members table and the formats (which sit below the guide) read it too.
 * Korean is 합니다체; English is sentence case with final periods.
 */
import type { Wording } from './locales.js'
import { withParticle } from '../text/particles.js'

/** Text with inline code: plain strings and `{ code }` pieces. */
export type CodeText = ReadonlyArray<string | { readonly code: string }>

/** The words of one language. */
export interface GuideWords {
  /** The document title (unless the caller gives one). */
  readonly title: string
  /** The paragraphs under the title (Markdown code spans in backticks). */
  readonly intro: (source: string) => readonly string[]
  /** The heading of the format's section. */
  readonly body: string
  readonly contents: string
  /** The column labels of the format's table of members. */
  readonly bodyColumns: readonly [string, string]
  /** The first column of each category's table. */
  readonly code: string
  /** The line above each example answer. */
  readonly example: string
  /** How many codes a category holds, in the table of contents. */
  readonly count: (count: number) => string
  /** The section of codes without a category. */
  readonly other: string
  /** Marks a deprecated code in the table and in its heading. */
  readonly deprecatedMark: string
  /** The label of the deprecation line. */
  readonly deprecated: string
  /** The deprecation line of a code whose `deprecated` gives no reason. */
  readonly deprecatedNoReason: string
  /** Column labels of the details table (Markdown code spans in backticks). */
  readonly detailColumns: readonly [string, string, string, string]
  /** A detail's type: `문자열 (date-time)`, `정수 목록`. */
  readonly types: {
    readonly string: string
    readonly integer: string
    readonly number: string
    readonly boolean: string
    readonly object: string
    readonly list: (items: CodeText) => CodeText
  }
  /** The HTML page's search box (placeholder and accessible name). */
  readonly search: string
  /** Yes and no (retryable; a detail is required). */
  readonly yes: string
  readonly no: string
  /** How long to wait before retrying (`Retry-After`), after yes. */
  readonly after: (seconds: number) => string
  /** After a gRPC status the catalog does not declare. */
  readonly grpcFromStatus: string
  /** The format section (src/envelope/declared.ts): what surrounds the variables' own descriptions. */
  readonly format: FormatWords
}

/** The words of a format's section. */
export interface FormatWords {
  /** The description of a `$merge`d variable. */
  readonly merged: (guide: string) => string
  /** A constant member. */
  readonly constant: (json: string) => string
  /** The next alternative of `$a | $b`. */
  readonly otherwise: (guide: string) => string
  /** The last alternative `| null`. */
  readonly otherwiseNull: string
  /** The paragraph before the members (paths of `$code` and `$message`, when the body has them). */
  readonly intro: (mediaType: string, code: string | undefined, message: string | undefined) => string
  /** The paragraphs after the members (the path of `$retryable`). */
  readonly notes: (retryable: string) => string[]
}

/** The table. */
export const GUIDE_WORDS: Wording<GuideWords> = {
  ko: {
    title: '오류 코드 안내',
    intro: (source) => [
      `이 문서는 \`${source}\` 카탈로그에서 생성되었습니다. API가 돌려주는 모든 오류 코드와 그 처리 방법을 설명합니다.`,
      '카탈로그를 고친 뒤 문서를 다시 생성하며, 이 파일을 직접 고치지 않습니다.'
    ],
    body: '오류 응답 형식',
    contents: '목차',
    bodyColumns: ['필드', '설명'],
    code: '코드',
    example: '응답 예시:',
    count: (count) => `${count}개`,
    other: '기타',
    deprecatedMark: '(사용 중단)',
    deprecated: '사용 중단',
    deprecatedNoReason: '이 코드는 더 이상 쓰지 않습니다.',
    detailColumns: ['`details` 항목', '형식', '필수', '설명'],
    types: { string: '문자열', integer: '정수', number: '숫자', boolean: '참/거짓', object: '객체', list: (items) => [...items, ' 목록'] },
    search: '코드나 메시지로 찾기',
    yes: '예',
    no: '아니요',
    after: (seconds) => `${seconds}초 뒤`,
    grpcFromStatus: 'HTTP 상태에 따름',
    format: {
      merged: (guide) => `${guide} 이 객체 안에 항목이 그대로 들어갑니다.`,
      constant: (json) => `항상 \`${json}\`입니다.`,
      otherwise: (guide) => `없으면 ${guide}`,
      otherwiseNull: '값이 없으면 `null`입니다.',
      intro: (mediaType, code, message) => {
        const lead = mediaType === 'application/json' ? 'JSON 본문' : `\`${mediaType}\` 본문`
        return `모든 오류는 아래 형식의 ${lead}으로 응답합니다.${code === undefined ? '' : ` 클라이언트는 ${message === undefined ? '메시지' : `\`${message}\``} 문구가 아니라 \`${code}\` 값으로 오류를 구분합니다.`}`
      },
      notes: (retryable) => [
        `${withParticle(`\`${retryable}\``, '이/가')} \`true\`인 오류는 잠시 뒤 같은 요청을 다시 보낼 수 있습니다. 응답에 \`Retry-After\` 헤더가 있으면 그 시간(초)만큼 기다린 뒤 다시 보냅니다.`,
        `${withParticle(`\`${retryable}\``, '이/가')} \`false\`인 오류는 요청을 고치지 않고 다시 보내도 같은 오류가 납니다.`
      ]
    }
  },
  en: {
    title: 'Error codes',
    intro: (source) => [
      `This document was generated from the \`${source}\` catalog. It describes every error code the API returns and how to handle it.`,
      'To change it, edit the catalog and generate the document again; do not edit this file directly.'
    ],
    body: 'Error response format',
    contents: 'Contents',
    bodyColumns: ['Field', 'Description'],
    code: 'Code',
    example: 'Example response:',
    count: (count) => count === 1 ? '1 code' : `${count} codes`,
    other: 'Other',
    deprecatedMark: '(deprecated)',
    deprecated: 'Deprecated',
    deprecatedNoReason: 'This code is no longer used.',
    detailColumns: ['`details` member', 'Type', 'Required', 'Description'],
    types: { string: 'string', integer: 'integer', number: 'number', boolean: 'boolean', object: 'object', list: (items) => ['list of ', ...items.map((piece, index) => index === 0 && typeof piece === 'string' ? piece.replace(/^\w+/, '$&s') : piece)] },
    search: 'Search by code or message',
    yes: 'Yes',
    no: 'No',
    after: (seconds) => `after ${seconds} ${seconds === 1 ? 'second' : 'seconds'}`,
    grpcFromStatus: 'from the HTTP status',
    format: {
      merged: (guide) => `${guide} Its members are written directly into this object.`,
      constant: (json) => `Always \`${json}\`.`,
      otherwise: (guide) => `Otherwise: ${guide}`,
      otherwiseNull: 'Otherwise `null`.',
      intro: (mediaType, code, message) => {
        const lead = mediaType === 'application/json' ? 'a JSON body' : `${/^[aeiou]/i.test(mediaType) ? 'an' : 'a'} \`${mediaType}\` body`
        return `Every error is answered with ${lead} in the format below.${code === undefined ? '' : ` Clients tell errors apart by the \`${code}\` value, not by the ${message === undefined ? 'message' : `\`${message}\``} text.`}`
      },
      notes: (retryable) => [
        `An error whose \`${retryable}\` is \`true\` may go away: the same request can be sent again a little later. If the answer has a \`Retry-After\` header, wait that many seconds before sending it again.`,
        `An error whose \`${retryable}\` is \`false\` comes back every time the same request is sent unchanged.`
      ]
    }
  }
}
