/** Titles of HTTP statuses, in Korean and English: OpenAPI response descriptions and the `$title` of declared formats. */
import { guideLanguageOf } from '../catalog/locales.js'

/** Korean titles of the statuses the builtin catalog uses; others get a generic one. */
const STATUS_TITLES: Readonly<Record<number, string>> = {
  400: '잘못된 요청',
  401: '인증 필요',
  402: '결제 필요',
  403: '권한 없음',
  404: '찾을 수 없음',
  405: '허용되지 않는 메서드',
  406: '제공할 수 없는 응답 형식',
  408: '요청 시간 초과',
  409: '상태 충돌',
  410: '더 이상 제공되지 않음',
  411: '길이 필요',
  412: '전제 조건 실패',
  413: '본문이 너무 큼',
  414: '주소가 너무 긺',
  415: '지원하지 않는 콘텐츠 형식',
  416: '범위를 제공할 수 없음',
  422: '처리할 수 없는 내용',
  423: '잠김',
  428: '전제 조건 필요',
  429: '요청 한도 초과',
  431: '요청 헤더가 너무 큼',
  451: '법적 사유로 제공 불가',
  500: '서버 오류',
  501: '구현되지 않음',
  502: '게이트웨이 오류',
  503: '서비스 이용 불가',
  504: '게이트웨이 시간 초과'
}

/** The English titles: RFC 9110's reason phrases (§15). */
const STATUS_TITLES_EN: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  422: 'Unprocessable Content',
  423: 'Locked',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout'
}

/**
 * The title of a status without its number, in a locale's language: `찾을 수 없음`, `Not Found` (Korean for `ko`,
 * English for any other; a generic one for statuses not listed).
 */
export function statusTitleText (status: number, locale = 'ko'): string {
  // Per answer in the problem format: the plain tags without parsing them.
  if (locale === 'ko' || (locale !== 'en' && guideLanguageOf(locale) === 'ko')) return STATUS_TITLES[status] ?? (status >= 500 ? '서버 오류' : '요청 오류')
  return STATUS_TITLES_EN[status] ?? (status >= 500 ? 'Server Error' : 'Client Error')
}

/** The Korean title of a status, e.g. `404 찾을 수 없음`. */
export function statusTitle (status: number): string {
  return `${status} ${statusTitleText(status)}`
}
