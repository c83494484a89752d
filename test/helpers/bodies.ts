/** Envelopes several tests assert byte for byte, written once. */

/** The builtin AUTH_REQUIRED answer (a request without a token), as the n-th request of an app answers it. */
export function authRequiredBody (requestId: string): Record<string, unknown> {
  return {
    code: 'AUTH_REQUIRED',
    status: 401,
    message: '인증 토큰이 필요합니다.',
    retryable: false,
    suggestions: ['Authorization 헤더에 "Bearer 토큰" 형식으로 토큰을 담아 다시 요청하세요.'],
    requestId
  }
}
