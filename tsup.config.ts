import { defineConfig, type Options } from 'tsup'

// `npm run build` runs scripts/build.mjs: it empties dist/, runs these two builds, then gives the CommonJS
// entry the Fastify plugin shape. No source maps: they would point at sources the package does not ship.
const common: Options = {
  target: 'node20',
  sourcemap: false,
  clean: false,
  // `import.meta.url` is used to find catalog/builtin.yaml; shims make it work in the CJS build.
  shims: true
}

export default defineConfig([
  // ESM: the library, its tooling entry and the `error-catalog` CLI (ESM only: `bin` runs dist/cli.js), sharing chunks.
  // The two entries' declarations share chunks too, so that a CompiledCatalog of the root is one of the tooling's.
  {
    ...common,
    entry: { index: 'src/index.ts', tooling: 'src/tooling.ts', cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: { entry: { index: 'src/index.ts', tooling: 'src/tooling.ts' } }
  },
  // CommonJS: the library and its tooling entry, each one file (scripts/build.mjs writes their declarations from the ESM ones).
  { ...common, entry: { index: 'src/index.ts', tooling: 'src/tooling.ts' }, format: ['cjs'] },
  // `fastify-error-catalog/grpc` (docs/grpc.md): its own build, so the root entry never loads @grpc/grpc-js or protobufjs.
  { ...common, entry: { grpc: 'src/grpc/index.ts' }, format: ['esm', 'cjs'], dts: true },
  // `fastify-error-catalog/client` (docs/client.md): for browsers too, so no Node target, shims or shared chunks.
  { ...common, entry: { client: 'src/client/index.ts' }, format: ['esm', 'cjs'], dts: true, target: 'es2022', platform: 'neutral', shims: false }
])
