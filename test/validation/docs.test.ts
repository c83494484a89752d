/** docs/validation.md and the code say the same thing. */
import t from 'tap'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { ajvOptions, ERROR_MESSAGE_KEYWORD, ROOT_FIELD } from '../../src/index.js'
import { MAX_SEGMENT_LENGTH } from '../../src/validation/paths.js'
import { MAX_LISTED_VALUES } from '../../src/validation/wording.js'
import { PARTICLE_PAIRS } from '../../src/text/particles.js'
import { DEFAULT_VALIDATION_LIMITS } from '../../src/validation/field-errors.js'
import { MAX_MESSAGE_LENGTH } from '../../src/plugin/schema-error-formatter.js'
import { messageTable, messageTableEn, nameTables, nameTablesEn, region } from '../helpers/validation-doc.js'

const page = readFileSync(fileURLToPath(new URL('../../docs/validation.md', import.meta.url)), 'utf8')

t.test('the page lists every keyword\'s default message as the code has it', async (t) => {
  t.equal(region(page, 'messages'), messageTable(), 'regenerate the table from test/helpers/validation-doc.ts messageTable()')
})

t.test('the page lists how types and formats read as the code has it', async (t) => {
  t.equal(region(page, 'names'), nameTables(), 'regenerate the tables from test/helpers/validation-doc.ts nameTables()')
})

t.test('the page lists every keyword\'s English message as the code has it', async (t) => {
  t.equal(region(page, 'messages-en'), messageTableEn(), 'regenerate the table from test/helpers/validation-doc.ts messageTableEn()')
})

t.test('the page lists how types, formats and parts read in English as the code has it', async (t) => {
  t.equal(region(page, 'names-en'), nameTablesEn(), 'regenerate the tables from test/helpers/validation-doc.ts nameTablesEn()')
})

t.test('the page states the code\'s limits, names and one-liner', async (t) => {
  t.match(page, `| fields in \`fieldErrors\` | ${DEFAULT_VALIDATION_LIMITS.maxFields} |`)
  t.match(page, `| messages per field | ${DEFAULT_VALIDATION_LIMITS.maxMessagesPerField} |`)
  t.match(page, `| length of a whole key | ${DEFAULT_VALIDATION_LIMITS.maxPathLength} characters`)
  t.match(page, `| size of \`fieldErrors\` in the JSON body | ${DEFAULT_VALIDATION_LIMITS.maxFieldErrorsBytes} bytes`)
  t.match(page, `| nesting depth of a body (routes with a body schema) | ${DEFAULT_VALIDATION_LIMITS.maxDepth} levels |`)
  t.match(page, `| ${MAX_MESSAGE_LENGTH} characters, then`)
  t.match(page, `| ${MAX_SEGMENT_LENGTH} characters`)
  t.match(page, `| allowed values listed in one message | ${MAX_LISTED_VALUES} |`)
  t.match(page, `\`${ROOT_FIELD}\` (\`ROOT_FIELD\`)`)
  const { keywords } = ajvOptions().customOptions as { keywords: string[] }
  t.equal(keywords[0], ERROR_MESSAGE_KEYWORD)
  t.match(page, `// = { ajv: { customOptions: { allErrors: true, keywords: [${keywords.map((keyword) => `'${keyword}'`).join(', ')}] } } }`, 'the one-liner says what ajvOptions() returns')
  for (const [withFinal, withoutFinal] of PARTICLE_PAIRS) t.match(page, `\`{${withFinal}/${withoutFinal}}\``, `marker ${withFinal}/${withoutFinal} is documented`)
})
