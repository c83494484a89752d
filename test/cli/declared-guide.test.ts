/** `error-catalog docs` shows the bodies a catalog's own `envelope:` declares (issue 11: one declaration, every consumer). */
import t from 'tap'
import { fileURLToPath } from 'node:url'
import { loadCatalogSync } from '../../src/index.js'
import { generatedFiles } from '../../src/cli/generated-files.js'

const file = fileURLToPath(new URL('../fixtures/envelope/declared.yaml', import.meta.url))

t.test('the Markdown and HTML guides of a catalog with envelope: show its shape, not the default envelope', async (t) => {
  const catalog = loadCatalogSync(file)
  for (const html of [false, true]) {
    const [guide] = generatedFiles(catalog, 'declared.yaml', { docs: 'errors.md', html })
    const text = html ? guide.content.replaceAll('&quot;', '"') : guide.content
    t.match(text, '"field_errors"', `${html ? 'HTML' : 'Markdown'}: the declared members are described`)
    t.match(text, /"error": \{\s*"code": "SESSION_GONE"/, `${html ? 'HTML' : 'Markdown'}: the example body has the declared shape`)
    t.notMatch(text, '"retryable": false', `${html ? 'HTML' : 'Markdown'}: no default-envelope example`)
  }
})
