/**
 * How one detail changed between two catalog versions. A detail the server may no longer send, or whose
 * values got narrower, breaks someone: clients that read it, or code that calls the factory. A wider detail
 * (a new enum member, integer → number, a looser bound) is reported as compatible.
 */
import type { DetailSpec } from '../catalog/format.js'

/** One finding about a detail, relative to the details' path (`/lectureId`, `/items/items`). */
export interface DetailFinding {
  kind: 'detail-removed' | 'detail-added-required' | 'detail-added-optional' | 'detail-now-optional' | 'detail-now-required' |
    'detail-type-changed' | 'detail-narrowed' | 'detail-widened'
  path: string
  message: string
}

/** Compares two `details` sections (or two object details' `properties`). */
export function compareDetails (before: Readonly<Record<string, DetailSpec>>, after: Readonly<Record<string, DetailSpec>>, base = ''): DetailFinding[] {
  const findings: DetailFinding[] = []
  for (const [name, old] of Object.entries(before)) {
    const path = `${base}/${name}`
    const now = after[name]
    if (now === undefined) {
      findings.push({ kind: 'detail-removed', path, message: `detail ${name} was removed: clients that read it break` })
      continue
    }
    if (old.optional !== true && now.optional === true) findings.push({ kind: 'detail-now-optional', path, message: `detail ${name} became optional: clients that read it may find it missing` })
    if (old.optional === true && now.optional !== true) findings.push({ kind: 'detail-now-required', path, message: `detail ${name} became required: every call of the factory must now pass it` })
    findings.push(...compareSpec(name, old, now, path))
  }
  for (const [name, now] of Object.entries(after)) {
    if (name in before) continue
    findings.push(now.optional === true
      ? { kind: 'detail-added-optional', path: `${base}/${name}`, message: `optional detail ${name} was added` }
      : { kind: 'detail-added-required', path: `${base}/${name}`, message: `required detail ${name} was added: every call of the factory must now pass it` })
  }
  return findings
}

function compareSpec (name: string, old: DetailSpec, now: DetailSpec, path: string): DetailFinding[] {
  if (old.type !== now.type) {
    if (old.type === 'integer' && now.type === 'number') return [{ kind: 'detail-widened', path, message: `detail ${name} widened from integer to number` }]
    if (old.type === 'number' && now.type === 'integer') return [{ kind: 'detail-narrowed', path, message: `detail ${name} narrowed from number to integer` }]
    return [{ kind: 'detail-type-changed', path, message: `detail ${name} changed type from ${old.type} to ${now.type}` }]
  }
  if (old.type === 'array' && now.type === 'array') return compareSpec(`${name}[]`, old.items, now.items, `${path}/items`)
  if (old.type === 'object' && now.type === 'object') return compareDetails(old.properties, now.properties, `${path}/properties`)

  const narrower: string[] = []
  const wider: string[] = []
  const bound = (label: string, before: number | undefined, after: number | undefined, tighterWhenGreater: boolean): void => {
    if (before === after) return
    if (after === undefined) wider.push(`${label} removed`)
    else if (before === undefined) narrower.push(`${label} ${after} added`)
    else if ((after > before) === tighterWhenGreater) narrower.push(`${label} ${before} → ${after}`)
    else wider.push(`${label} ${before} → ${after}`)
  }
  if (old.type === 'string' && now.type === 'string') {
    if (old.format !== now.format) {
      if (now.format === undefined) wider.push(`format ${old.format as string} removed`)
      else narrower.push(`format ${old.format === undefined ? '' : `${old.format} → `}${now.format}`)
    }
    const before = old.enum
    const after = now.enum
    if (before === undefined && after !== undefined) narrower.push(`enum [${after.join(', ')}] added`)
    else if (before !== undefined && after === undefined) wider.push('enum removed')
    else if (before !== undefined && after !== undefined) {
      const removed = before.filter((member) => !after.includes(member))
      const added = after.filter((member) => !before.includes(member))
      if (removed.length > 0) narrower.push(`enum member(s) ${removed.join(', ')} removed`)
      if (added.length > 0) wider.push(`enum member(s) ${added.join(', ')} added`)
    }
    bound('minLength', old.minLength, now.minLength, true)
    bound('maxLength', old.maxLength, now.maxLength, false)
  }
  if ((old.type === 'integer' || old.type === 'number') && (now.type === 'integer' || now.type === 'number')) {
    bound('minimum', old.minimum, now.minimum, true)
    bound('maximum', old.maximum, now.maximum, false)
  }
  const findings: DetailFinding[] = []
  if (narrower.length > 0) findings.push({ kind: 'detail-narrowed', path, message: `detail ${name} narrowed: ${narrower.join('; ')}` })
  if (wider.length > 0) findings.push({ kind: 'detail-widened', path, message: `detail ${name} widened: ${wider.join('; ')}` })
  return findings
}
