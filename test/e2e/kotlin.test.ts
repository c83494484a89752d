/**
 * The exported Kotlin compiles: kotlinc (Debian's `kotlin` package, which .ci/run installs) compiles the example's
 * ErrorCode.kt, the escaping fixture's, and a caller that branches on the enum, then runs the caller. A toolchain
 * test like the Chromium one: run by `npm run test:e2e`, not by `npm test`, and it fails where kotlinc is missing.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { loadCatalogSync } from '../../src/catalog/load.js'
import { renderKotlin } from '../../src/export/kotlin.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const kotlinc = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'kotlinc')).find((path) => existsSync(path))

test('the generated Kotlin compiles with kotlinc and branches on the codes', { timeout: 240_000 }, (t) => {
  assert.ok(kotlinc !== undefined, 'kotlinc is on PATH (apt-get install kotlin)')
  const dir = mkdtempSync(join(tmpdir(), 'error-catalog-kotlin-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const fixture = loadCatalogSync(`${root}test/fixtures/client/escapes.yaml`, { builtin: false })
  writeFileSync(join(dir, 'Fixture.kt'), renderKotlin(fixture, 'escapes.yaml', 'fixture.errors'))
  writeFileSync(join(dir, 'Main.kt'), `import com.example.errors.ErrorCode

fun describe(code: String): String = when (val known = ErrorCode.of(code)) {
    ErrorCode.SESSION_FULL -> "full " + known.status
    null -> "unknown"
    else -> known.name + " " + known.status + " " + known.retryable
}

fun main() {
    println(describe("SESSION_FULL") + "|" + describe("SERVICE_UNAVAILABLE") + "|" + describe("NOPE") + "|" + fixture.errors.ErrorCode.REPEATED.retryable)
}
`)
  const out = join(dir, 'out.jar')
  execFileSync(kotlinc, [join(root, 'examples/generated/client/ErrorCode.kt'), join(dir, 'Fixture.kt'), join(dir, 'Main.kt'), '-include-runtime', '-nowarn', '-d', out], { stdio: 'pipe' })
  const printed = execFileSync('java', ['-cp', out, 'MainKt'], { encoding: 'utf8' })
  assert.equal(printed.trim(), 'full 409|SERVICE_UNAVAILABLE 503 true|unknown|true')
})
