/** Captures a Fastify logger's lines as parsed JSON, for asserting what was logged. */
import { Writable } from 'node:stream'

export interface LogLine { level: number, msg: string, code?: string, statusCode?: number, err?: { type: string, message: string, stack: string, thrown?: unknown }, [key: string]: unknown }

/** A pino destination collecting lines, and the lines it collected. */
export function logCapture (): { stream: Writable, lines: LogLine[], errors: () => LogLine[] } {
  const lines: LogLine[] = []
  const stream = new Writable({
    write (chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line))
      done()
    }
  })
  // Lines about the catalog's answers carry `code`; Fastify's own request/response lines do not.
  return { stream, lines, errors: () => lines.filter((line) => line.code !== undefined) }
}

export const LEVEL = { info: 30, warn: 40, error: 50 } as const
