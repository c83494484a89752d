/**
 * The demo's in-memory data: lectures, sessions and enrollments chosen so that every code of
 * catalog/example.yaml can be reached with a plain request (see examples/README.md).
 */

/** A lecture. */
export interface Lecture { id: number, title: string, instructor: string, enrollmentClosesAt: string, legacyClosed?: boolean }
/** A live-quiz session of a lecture. */
export interface Session { code: string, lectureId: number, title: string, startsAt: string, endedAt?: string, capacity: number, participants: Set<string> }

/** The accounts the demo knows: `Authorization: Bearer <token>`. */
export const ACCOUNTS: Readonly<Record<string, { user: string, role: 'student' | 'instructor', expiredAt?: string }>> = {
  'student-1': { user: 'student-1', role: 'student' },
  'instructor-1': { user: 'instructor-1', role: 'instructor' },
  expired: { user: 'student-2', role: 'student', expiredAt: '2026-11-22T09:00:00Z' }
}

/** Passwords of the login route (demo only). */
export const PASSWORDS: Readonly<Record<string, { password: string, token: string }>> = {
  'student@example.com': { password: 'hunter22', token: 'student-1' },
  'teacher@example.com': { password: 'hunter22', token: 'instructor-1' }
}

/** Fresh demo data; each app gets its own, so tests do not share state. */
export function createDemoData (now = Date.now()) {
  const hour = 3_600_000
  const lectures = new Map<number, Lecture>([
    [42, { id: 42, title: '자료구조', instructor: 'instructor-1', enrollmentClosesAt: new Date(now + 30 * 24 * hour).toISOString() }],
    [43, { id: 43, title: '알고리즘', instructor: 'instructor-1', enrollmentClosesAt: '2026-03-02T23:59:59+09:00' }],
    [44, { id: 44, title: '운영체제', instructor: 'instructor-1', enrollmentClosesAt: new Date(now + 30 * 24 * hour).toISOString(), legacyClosed: true }]
  ])
  const sessions = new Map<string, Session>([
    ['AB12CD', { code: 'AB12CD', lectureId: 42, title: '3주차 퀴즈', startsAt: new Date(now - hour).toISOString(), capacity: 30, participants: new Set() }],
    ['WAIT01', { code: 'WAIT01', lectureId: 42, title: '4주차 퀴즈', startsAt: new Date(now + 24 * hour).toISOString(), capacity: 30, participants: new Set() }],
    ['END001', { code: 'END001', lectureId: 42, title: '2주차 퀴즈', startsAt: new Date(now - 48 * hour).toISOString(), endedAt: new Date(now - 47 * hour).toISOString(), capacity: 30, participants: new Set() }],
    ['FULL01', { code: 'FULL01', lectureId: 42, title: '보충 퀴즈', startsAt: new Date(now - hour).toISOString(), capacity: 1, participants: new Set(['student-9']) }],
    ['ALGO01', { code: 'ALGO01', lectureId: 43, title: '알고리즘 1주차', startsAt: new Date(now - hour).toISOString(), capacity: 30, participants: new Set() }]
  ])
  const enrollments = new Map<string, Map<number, string>>([
    ['student-1', new Map([[42, '2026-02-20T10:00:00+09:00']])]
  ])
  /** Last answer time per user and quiz, for QUIZ_SUBMIT_TOO_FAST. */
  const answers = new Map<string, number>()
  return { lectures, sessions, enrollments, answers }
}

/** The demo's data. */
export type DemoData = ReturnType<typeof createDemoData>
