/** Korean titles of HTTP statuses: OpenAPI response descriptions and the `$title` of declared formats. */

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

/** The Korean title of a status without its number, e.g. `찾을 수 없음` (a generic one for other statuses). */
export function statusTitleText (status: number): string {
  return STATUS_TITLES[status] ?? (status >= 500 ? '서버 오류' : '요청 오류')
}

/** The Korean title of a status, e.g. `404 찾을 수 없음`. */
export function statusTitle (status: number): string {
  return `${status} ${statusTitleText(status)}`
}
