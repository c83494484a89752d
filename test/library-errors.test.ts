import t from 'tap'
import { readFileSync } from 'node:fs'
import { libraryErrors } from '../src/index.js'

const page = readFileSync(new URL('../docs/library-errors.md', import.meta.url), 'utf8')
const documented = [...page.matchAll(/^\| `(FEC_ERR_[A-Z_]+)` \|/gm)].map((match) => match[1])

t.test('docs/library-errors.md documents exactly the errors of src/errors.ts', async (t) => {
  t.same([...documented].sort(), Object.keys(libraryErrors).sort())
})

t.test('every library error has its own code and is a real Error', async (t) => {
  for (const [name, Constructor] of Object.entries(libraryErrors)) {
    const error = new (Constructor as new (...args: string[]) => Error & { code: string })('a', 'b', 'c')
    t.equal(error.code, name)
    t.ok(error instanceof Error, name)
  }
})
