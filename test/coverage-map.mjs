// tap `coverage-map`: which source files a test file's coverage counts for (`[]`: all; `null`: none).
// These tests run the project in child processes, through tsx or the packed build. tap follows children, and
// their coverage of the same sources, loaded through another loader, does not merge with the in-process runs:
// the totals come out wrong. What these children run is covered by in-process tests of the same code.
const SUBPROCESS_TESTS = new Set(['test/cli/cli.test.ts', 'test/cli/polish.test.ts', 'test/cli/docs-locale.test.ts', 'test/readme.test.ts', 'test/package.test.ts', 'test/integrations/optional-peers.test.ts', 'test/bench/paired.test.ts'])

export default function coverageMap (testFile) {
  return SUBPROCESS_TESTS.has(testFile) ? null : []
}
