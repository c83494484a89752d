/**
 * `error-catalog init`: a starter catalog and its typed module in a project that has neither, then the three
 * lines that wire them into a Fastify app. Nothing that exists is overwritten unless --force.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { parseCommandArgs, stringFlag } from '../args.js'
import { displayPath } from '../catalog-input.js'
import { EXIT, UsageError, type CliIo } from '../io.js'
import { printJson } from '../report.js'
import { runGenerators } from '../run-generators.js'

export const INIT_HELP = `Usage: error-catalog init [--catalog file.yaml] [--out file.ts] [--import-from specifier] [--force] [--json]

Writes a starter catalog (default catalog/errors.yaml), generates its typed module (default
src/generated/errors.ts), and prints the lines to paste into your server.
  --catalog      where to write the catalog
  --out          where to write the typed module
  --import-from  module the generated code imports and augments (default fastify-error-catalog)
  --force        overwrite files that exist (otherwise nothing is written and the exit code is 2)
`

/** The starter catalog: a few errors a typical API has, in 합니다체, lint-clean. */
export const STARTER_CATALOG = `# 오류 카탈로그: API가 돌려주는 오류를 모두 여기에 적습니다.
# 형식은 fastify-error-catalog의 docs/catalog-format.md에 있습니다. 고친 뒤에는 generate로 모듈을 다시 만듭니다.
version: 1
categories:
  user: 회원
  order: 주문
errors:
  USER_NOT_FOUND:
    status: 404
    category: user
    message: 회원을 찾을 수 없습니다. (회원 번호 {userId})
    description: 요청한 번호의 회원이 없거나 이미 탈퇴했을 때 보냅니다.
    suggestions:
      - 회원 번호를 확인한 뒤 다시 시도하세요.
    details:
      userId: { type: string, description: 찾지 못한 회원 번호 }
  EMAIL_ALREADY_USED:
    status: 409
    category: user
    message: 이미 가입된 이메일입니다.
    suggestions:
      - 다른 이메일로 가입하거나, 이 이메일로 로그인하세요.
    details:
      email: { type: string, format: email, description: 이미 가입된 이메일 }
  ORDER_ALREADY_SHIPPED:
    status: 409
    category: order
    message: 이미 배송이 시작된 주문은 취소할 수 없습니다.
    suggestions:
      - 상품을 받은 뒤 반품을 신청하세요.
    details:
      orderId: { type: string, description: 취소하려던 주문 번호 }
  PAYMENT_SERVICE_UNAVAILABLE:
    status: 503
    category: order
    message: 결제 서비스에 잠시 연결할 수 없습니다.
    retryable: true
    retryAfter: 30
    suggestions:
      - 30초쯤 뒤에 다시 시도하세요.
`

/** The lines to paste, given where the catalog and the module were written. */
export function nextSteps (catalog: string, out: string): string[] {
  // The import is written as seen from a server file in the folder above the module's folder (src/server.ts).
  const from = dirname(dirname(out))
  const specifier = './' + relative(from, out).split('\\').join('/').replace(/\.ts$/, '.js')
  return [
    `import '${specifier}' // types app.errors; regenerate after each catalog edit: npx error-catalog generate ${catalog} --out ${out}`,
    'const app = Fastify({ ajv: ajvOptions(), frameworkErrors, clientErrorHandler }) // import { ajvOptions, clientErrorHandler, frameworkErrors } from \'fastify-error-catalog\'',
    'await app.register(swagger, app.errorCatalogSwagger({ openapi: { info: { title: \'API\', version: \'1.0.0\' } } })) // after app.register(errorCatalog, { catalog: \'' + catalog + '\' })'
  ]
}

/** Runs `init`. */
export async function initCommand (argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, {
    catalog: { type: 'string' },
    out: { type: 'string', short: 'o' },
    'import-from': { type: 'string' },
    force: { type: 'boolean' }
  }, { min: 0, max: 0, names: 'no arguments' })
  if (args.values.help === true) {
    io.stdout(INIT_HELP)
    return EXIT.ok
  }
  const catalog = displayPath(stringFlag(args, 'catalog') ?? 'catalog/errors.yaml', io.cwd)
  const out = displayPath(stringFlag(args, 'out') ?? 'src/generated/errors.ts', io.cwd)
  const json = args.values.json === true
  if (args.values.force !== true) {
    const existing = [catalog, out].filter((path) => existsSync(resolve(io.cwd, path)))
    if (existing.length > 0) throw new UsageError(`${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}: nothing was written (--force overwrites)`)
  }
  const path = resolve(io.cwd, catalog)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, STARTER_CATALOG)
  const steps = nextSteps(catalog, out)
  if (!json) io.stdout(`wrote ${catalog}\n`)
  const quiet: CliIo = { ...io, stdout: () => {} }
  const code = runGenerators({ catalog, targets: { module: out, importFrom: stringFlag(args, 'import-from') }, mode: 'write', json: false }, json ? quiet : io)
  if (json) {
    printJson(io, { ok: code === EXIT.ok, files: [catalog, out], next: steps })
  } else {
    io.stdout(`\nPaste into your server (a file in ${dirname(dirname(out))}/):\n${steps.map((step) => `  ${step}\n`).join('')}`)
  }
  return code
}
