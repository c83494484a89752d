/** `fastify-error-catalog/client` stays a browser entry: no Node built-in, no server module, marked free of side effects. */
import { build } from 'esbuild'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import t from 'tap'

const root = fileURLToPath(new URL('../..', import.meta.url))

t.test('the client bundles for a neutral platform from its own files and the pure path helpers only', async (t) => {
  const result = await build({ entryPoints: [`${root}src/client/index.ts`], bundle: true, write: false, platform: 'neutral', format: 'esm', metafile: true, logLevel: 'silent' })
  const inputs = Object.keys(result.metafile.inputs).map((path) => path.replace(/^.*?src\//, 'src/')).sort()
  t.same(inputs.filter((path) => !path.startsWith('src/client/')), ['src/validation/paths.ts'], 'nothing of the server, nothing of Node')
  t.notMatch(result.outputFiles[0].text, /\bnode:|require\(/, 'no Node module is loaded')
})

t.test('package.json exports ./client for import and require, and only the client is free of side effects', async (t) => {
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'))
  t.same(pkg.exports['./client'], {
    import: { types: './dist/client.d.ts', default: './dist/client.js' },
    require: { types: './dist/client.d.cts', default: './dist/client.cjs' }
  })
  const globs: RegExp[] = pkg.sideEffects.map((glob: string) => new RegExp(`^${glob.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`))
  const files = Object.entries(pkg.exports).flatMap(([subpath, target]) => subpath === './package.json' ? [] : Object.values(target as Record<string, Record<string, string>>).map((condition) => [subpath, condition.default]))
  for (const [subpath, file] of files) {
    t.equal(globs.some((glob) => glob.test(file)), subpath !== './client', `${file}: ${subpath === './client' ? 'no side effects' : 'kept by bundlers'}`)
  }
})
