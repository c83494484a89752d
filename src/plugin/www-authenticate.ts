/**
 * The `WWW-Authenticate` challenge of a 401 answer (RFC 9110 §11.6.1: a 401 must carry one). A challenge the
 * thrown error (an http-errors `headers` member) or the route already set is kept; otherwise the configured
 * scheme, with RFC 6750's `error="invalid_token"` for a Bearer token that was sent but is expired or invalid.
 */
import type { FastifyReply } from 'fastify'
import type { CompiledEntry } from '../catalog/compile.js'

/** The scheme of the challenge (`Bearer`, `Basic realm="api"`, …), or false to send none. */
export type WwwAuthenticate = string | false

/** Codes answering a token that was presented but refused (RFC 6750 §3.1 `invalid_token`). */
const INVALID_TOKEN_CODES = new Set(['TOKEN_EXPIRED', 'TOKEN_INVALID'])

/** The headers of a 401 answer with the challenge added, unless one is there already. */
export function challengeOf (entry: CompiledEntry, scheme: string, headers: Readonly<Record<string, string>> | undefined, reply: FastifyReply): Readonly<Record<string, string>> | undefined {
  if (reply.hasHeader('www-authenticate')) return headers
  if (headers !== undefined) {
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'www-authenticate') return headers
  }
  const bearer = /^bearer\b/i.test(scheme)
  const challenge = bearer && INVALID_TOKEN_CODES.has(entry.code) ? `${scheme.split(/\s/)[0]} error="invalid_token"` : scheme
  return { ...headers, 'www-authenticate': challenge }
}
