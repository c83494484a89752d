/**
 * Which wire format each answer is written in: the plugin's `envelope` option (a built-in name or a declaration),
 * else the catalog's `envelope:`, else `default`; with `negotiate`, the request's `Accept` picks among the
 * primary format and the negotiated ones (docs/wire-formats.md).
 */
import type { FastifyRequest } from 'fastify'
import type { CompiledCatalog } from '../catalog/compile.js'
import { isMediaType, parseEnvelopeDeclaration } from '../catalog/envelope-syntax.js'
import { declaredFormat } from '../envelope/declared.js'
import { defaultFormat } from '../envelope/default.js'
import type { WireFormat } from '../envelope/format.js'
import { isTypeBase, problemFormat, problemTypeOf } from '../envelope/problem.js'
import { FEC_ERR_OPTIONS_INVALID } from '../errors.js'
import { createMediaTypeNegotiator } from './negotiate.js'

/** The built-in formats, by name. */
export const BUILTIN_FORMATS = ['default', 'problem'] as const

/** The `envelope` option: a built-in format's name, or a declaration (`{ contentType?, body, fieldError? }`). */
export type EnvelopeOption = typeof BUILTIN_FORMATS[number] | { contentType?: string, body: Record<string, unknown>, fieldError?: Record<string, unknown> }

/** What decides the formats. */
export interface FormatOptions {
  envelope?: EnvelopeOption | undefined
  /** Media type → format name (`default`, `problem`, `catalog` for the catalog's declaration, `custom` for the option's). */
  negotiate?: Readonly<Record<string, string>> | undefined
  /** The base URI of `problem`'s `type` (the hosted guide): `<typeBase>#<anchor>`. */
  typeBase?: string | undefined
}

/** The formats of one plugin registration. */
export interface Formats {
  /** The format of answers that do not negotiate (and of raw socket answers). */
  readonly primary: WireFormat
  /** Every format an answer can be written in, the primary first (OpenAPI documents each). */
  readonly all: readonly WireFormat[]
  /** The format of one request's answer. */
  readonly formatOf: (request: FastifyRequest) => WireFormat
  /** The `Vary` field answers carry (`Accept` with negotiation), if any. */
  readonly vary: string | undefined
}

/** Resolves the format options against a catalog; a bad option fails registration with FEC_ERR_OPTIONS_INVALID. */
export function resolveFormats (catalog: CompiledCatalog, options: FormatOptions = {}): Formats {
  const typeBase = options.typeBase
  if (typeBase !== undefined && !isTypeBase(typeBase)) {
    throw new FEC_ERR_OPTIONS_INVALID('typeBase', `expected an absolute URI without a fragment (the hosted error guide), got ${JSON.stringify(typeBase)}`)
  }
  const named = new Map<string, WireFormat>([['default', defaultFormat], ['problem', problemFormat(typeBase)]])
  const typeOf = problemTypeOf(typeBase)
  if (catalog.envelope !== undefined) named.set('catalog', declaredFormat(catalog.envelope, { name: 'catalog', typeOf }))

  let primary: WireFormat
  const envelope = options.envelope
  if (envelope === undefined) {
    primary = named.get(catalog.envelope === undefined ? 'default' : 'catalog') as WireFormat
  } else if (typeof envelope === 'string') {
    const format = (BUILTIN_FORMATS as readonly string[]).includes(envelope) ? named.get(envelope) : undefined
    if (format === undefined) throw new FEC_ERR_OPTIONS_INVALID('envelope', `expected ${BUILTIN_FORMATS.map((name) => JSON.stringify(name)).join(' or ')}, or a declaration { body, … }, got ${JSON.stringify(envelope)}`)
    primary = format
  } else {
    const problems: string[] = []
    const declaration = parseEnvelopeDeclaration(envelope, (path, message) => problems.push(`envelope${path.map((part) => typeof part === 'number' ? `[${part}]` : `.${part}`).join('')}: ${message}`))
    if (declaration === undefined) throw new FEC_ERR_OPTIONS_INVALID('envelope', problems.join('; '))
    primary = declaredFormat(declaration, { name: 'custom', typeOf })
    named.set('custom', primary)
  }

  const negotiate = options.negotiate
  if (negotiate === undefined) return Object.freeze({ primary, all: Object.freeze([primary]), formatOf: () => primary, vary: undefined })
  if (typeof negotiate !== 'object' || negotiate === null || Array.isArray(negotiate)) {
    throw new FEC_ERR_OPTIONS_INVALID('negotiate', 'expected media type → format name, e.g. { "application/problem+json": "problem" }')
  }
  const byMediaType = new Map<string, WireFormat>([[primary.mediaType, primary]])
  for (const [mediaType, name] of Object.entries(negotiate)) {
    if (!isMediaType(mediaType)) throw new FEC_ERR_OPTIONS_INVALID(`negotiate.${mediaType}`, 'expected a media type such as "application/problem+json"')
    const format = named.get(name)
    if (format === undefined) throw new FEC_ERR_OPTIONS_INVALID(`negotiate.${mediaType}`, `unknown format ${JSON.stringify(name)}; formats here: ${[...named.keys()].join(', ')}`)
    byMediaType.set(mediaType.toLowerCase(), format)
  }
  const pick = createMediaTypeNegotiator([...byMediaType.keys()])
  const all = [...new Set(byMediaType.values())]
  return Object.freeze({
    primary,
    all: Object.freeze(all),
    formatOf: (request: FastifyRequest) => byMediaType.get(pick(request.headers.accept)) ?? primary,
    vary: 'Accept'
  })
}
