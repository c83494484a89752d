import neostandard from 'neostandard'

export default [
  ...neostandard({ ts: true, ignores: ['scratch/**', '.tmp-pack/**', 'dist/**', 'coverage/**', '.tap/**', 'test/fixtures/**', 'test/generated/**'] })
]
