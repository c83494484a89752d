import neostandard from 'neostandard'

export default [
  ...neostandard({ ts: true, ignores: ['scratch/**', 'dist/**', 'coverage/**', '.tap/**', 'test/fixtures/**', 'test/generated/**'] })
]
