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
  // ESM: the library and the `error-catalog` CLI (ESM only: `bin` runs dist/cli.js), sharing chunks.
  { ...common, entry: { index: 'src/index.ts', cli: 'src/cli/main.ts' }, format: ['esm'], dts: { entry: { index: 'src/index.ts' } } },
  // CommonJS: the library only (scripts/build.mjs writes its declarations from the ESM ones).
  { ...common, entry: { index: 'src/index.ts' }, format: ['cjs'] },
  // `fastify-error-catalog/grpc` (docs/grpc.md): its own build, so the root entry never loads @grpc/grpc-js or protobufjs.
  { ...common, entry: { grpc: 'src/grpc/index.ts' }, format: ['esm', 'cjs'], dts: true },
  // `fastify-error-catalog/client` (docs/client.md): for browsers too, so no Node target, shims or shared chunks.
  { ...common, entry: { client: 'src/client/index.ts' }, format: ['esm', 'cjs'], dts: true, target: 'es2022', platform: 'neutral', shims: false }
])
