/**
 * `npm run size:client`: the size of `fastify-error-catalog/client` as an app bundle ships it: esbuild bundles and
 * minifies the entry (every export, then parseErrorResponse alone, to show tree-shaking), gzip level 9.
 * The goal is under 3 KB gzipped for the whole entry.
 */
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const entry = fileURLToPath(new URL('../src/client/index.ts', import.meta.url))
const GOAL = 3 * 1024

async function measure (contents) {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    logLevel: 'silent'
  })
  const code = result.outputFiles[0].contents
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length }
}

const all = await measure(`export * from ${JSON.stringify(entry)}`)
const parseOnly = await measure(`export { parseErrorResponse } from ${JSON.stringify(entry)}`)
console.log(`client, every export:      ${all.minified} B minified, ${all.gzipped} B gzipped`)
console.log(`client, parseErrorResponse: ${parseOnly.minified} B minified, ${parseOnly.gzipped} B gzipped`)
if (all.gzipped > GOAL) {
  console.error(`over the goal of ${GOAL} B gzipped`)
  process.exitCode = 1
}
