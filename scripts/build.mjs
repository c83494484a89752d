/**
 * `npm run build`: dist/ from scratch (tsup.config.ts), then the CommonJS entry in the shape of a Fastify
 * plugin: `module.exports` is the plugin, carrying every public name (as @fastify/cors and @fastify/error
 * do), so that `app.register(require('fastify-error-catalog'))` works and type-checks. tsup emits a
 * namespace object; it is reshaped here, and its declarations (`export =` of a function merged with a
 * namespace) are written from the ESM ones, which describe the same names.
 * `fastify-error-catalog/tooling` stays a plain namespace under `require`; the CommonJS declarations of it and
 * of the declaration chunks it shares with the root are the ESM ones, importing each other's `.d.cts`.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = (name) => `${root}dist/${name}`

rmSync(dist(''), { recursive: true, force: true })
execFileSync(process.execPath, [createRequire(import.meta.url).resolve('tsup/dist/cli-default.js')], { cwd: root, stdio: 'inherit' })

const runtime = readFileSync(dist('index.cjs'), 'utf8')
writeFileSync(dist('index.cjs'), `${runtime}
// The plugin itself, carrying every public name (the Fastify plugin convention for CommonJS).
module.exports = Object.assign(module.exports.errorCatalog, module.exports);
`)

writeFileSync(dist('index.d.cts'), commonjsSpecifiers(commonjsDeclarations(readFileSync(dist('index.d.ts'), 'utf8'))))
// The tooling entry and the chunks that tsup's declaration build shares between the two entries.
const shared = readdirSync(dist('')).filter((name) => name.endsWith('.d.ts') && !['index.d.ts', 'grpc.d.ts', 'client.d.ts'].includes(name))
for (const name of shared) writeFileSync(dist(name.replace(/\.d\.ts$/, '.d.cts')), commonjsSpecifiers(readFileSync(dist(name), 'utf8')))

/** `from './chunk.js'` → `from './chunk.cjs'`: CommonJS declarations import the CommonJS declarations of their chunks. */
function commonjsSpecifiers (types) {
  return types.replace(/(from '\.\/[^']+)\.js';$/gm, "$1.cjs';")
}

/** ESM declarations (`export { … }`, `export { … } from 'pkg'`) → `export =` of the plugin and a namespace of every name. */
function commonjsDeclarations (esm) {
  const names = []
  // Re-exports (of other packages, of shared chunks as `b as CatalogDocument`) become aliased imports (a plain
  // import could clash with one of the file's own).
  let types = esm.replace(/^export \{([^}]*)\} from ('[^']+');$/gm, (_, list, from) => {
    const aliased = list.split(',').map((name) => name.trim()).filter(Boolean).map((specifier) => {
      const [imported, exported = imported] = specifier.replace(/^type /, '').split(/\s+as\s+/)
      names.push(`reexported_${exported} as ${exported}`)
      return `${imported} as reexported_${exported}`
    })
    return `import { ${aliased.join(', ')} } from ${from};`
  })
  const last = /\nexport \{([^}]*)\};\s*$/.exec(types)
  if (last === null || /^export /m.test(types.slice(0, last.index))) throw new Error('dist/index.d.ts: expected one final export list')
  names.push(...last[1].split(',').map((name) => name.trim()).filter(Boolean))
  types = types.slice(0, last.index)
  return `${types}
/** The plugin; under \`require\` it also carries every public name. */
declare function fastifyErrorCatalog (...args: Parameters<typeof errorCatalog>): ReturnType<typeof errorCatalog>
declare namespace fastifyErrorCatalog {
  export { ${names.join(', ')} }
}
export = fastifyErrorCatalog
`
}
