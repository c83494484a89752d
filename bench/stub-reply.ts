/** A stub Fastify reply for calling the plugin's handlers in process (bench/handler.ts, bench/heap.ts). */
import type { FastifyReply, FastifyRequest } from 'fastify'

const noop = (): void => {}
const log = { info: noop, error: noop, warn: noop, debug: noop, trace: noop, fatal: noop, level: 'warn', isLevelEnabled: (level: string) => level === 'error' || level === 'fatal' || level === 'warn' }

/** The smallest reply the handler talks to; `payload` keeps what was sent, so the work is not optimised away. */
export function stubReply (): { reply: FastifyReply, request: FastifyRequest, sent: () => unknown } {
  let payload: unknown
  const request = { id: 'req-1', log, url: '/sessions/AB12CD', method: 'GET', headers: {} }
  // Headers are kept per call, as a real reply's are (the responder reads `Vary` before adding to it).
  let headers: Record<string, unknown> = {}
  const reply = {
    request,
    sent: false,
    log,
    code () { return reply },
    header (name: string, value: unknown) { headers[name.toLowerCase()] = value; return reply },
    getHeader (name: string) { return headers[name.toLowerCase()] },
    headers () { return reply },
    type () { return reply },
    send (value: unknown) { payload = value; headers = {}; return reply }
  }
  return { reply: reply as unknown as FastifyReply, request: request as unknown as FastifyRequest, sent: () => payload }
}
