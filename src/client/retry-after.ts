/** The `Retry-After` header (RFC 9110 §10.2.3): delay-seconds or an HTTP date. */

/** Milliseconds to wait, from `now`; undefined when the value is neither seconds nor an HTTP date. A past date is 0. */
export function retryAfterMs (value: string | null | undefined, now: number = Date.now()): number | undefined {
  const given = value?.trim() ?? ''
  if (/^\d+$/.test(given)) return Number(given) * 1000
  // An HTTP date starts with the day name (IMF-fixdate, and the obsolete RFC 850 and asctime forms);
  // Date.parse alone would also take "1.5" or "2026" as dates.
  const date = /^[A-Z][a-z]{2}/.test(given) ? Date.parse(given) : Number.NaN
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
