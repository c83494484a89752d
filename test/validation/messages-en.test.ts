/** The English validation table is the Korean one's sibling: same ids, same placeholders, English only. */
import t from 'tap'
import { compileTemplate, placeholdersOf } from '../../src/text/template.js'
import { FORMAT_NAMES, LOCATION_LABELS, TYPE_NAMES, VALIDATION_MESSAGES } from '../../src/validation/messages.js'
import { FORMAT_NAMES_EN, LOCATION_LABELS_EN, TYPE_NAMES_EN, VALIDATION_MESSAGES_EN } from '../../src/validation/messages-en.js'

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/u
const sorted = (names: readonly string[]): string[] => [...names].sort()

t.test('both tables have the same ids, in the same order', async (t) => {
  t.same(Object.keys(VALIDATION_MESSAGES_EN), Object.keys(VALIDATION_MESSAGES))
})

t.test('each English template uses exactly the placeholders of its Korean sibling', async (t) => {
  for (const [id, korean] of Object.entries(VALIDATION_MESSAGES)) {
    const english = VALIDATION_MESSAGES_EN[id]
    if (english === undefined) { t.fail(`${id} has no English template`); continue }
    // placeholdersOf skips particle markers ({은/는}), so the Korean side counts only real placeholders.
    t.same(sorted(placeholdersOf(english.template)), sorted(placeholdersOf(korean.template)), `${id}: used placeholders`)
    t.same(english.placeholders, korean.placeholders, `${id}: offered placeholders`)
  }
})

t.test('English templates read as English sentences: no Hangul, no particle marker, sentence case, a final period', async (t) => {
  for (const [id, { template }] of Object.entries(VALIDATION_MESSAGES_EN)) {
    t.notMatch(template, HANGUL, `${id}: no Hangul`)
    t.notMatch(template, /\{[^{}]*\/[^{}]*\}/, `${id}: no particle marker`)
    t.match(template, /^(\{label\}|[A-Z])/, `${id}: starts with the label or a capital`)
    t.match(template, /[^.]\.$/, `${id}: ends with one period`)
    t.notMatch(template.replace(/^\{label\}/, ''), /\b[A-Z]/, `${id}: no capital inside the sentence`)
    t.notMatch(template, / {2}|\s$|^\s/, `${id}: no stray spaces`)
  }
})

t.test('type, format and part names have the Korean tables\' keys and no Hangul', async (t) => {
  for (const [name, english, korean] of [
    ['TYPE_NAMES_EN', TYPE_NAMES_EN, TYPE_NAMES],
    ['FORMAT_NAMES_EN', FORMAT_NAMES_EN, FORMAT_NAMES],
    ['LOCATION_LABELS_EN', LOCATION_LABELS_EN, LOCATION_LABELS]
  ] as const) {
    t.same(Object.keys(english), Object.keys(korean), `${name}: keys`)
    for (const [key, text] of Object.entries(english)) t.notMatch(text, HANGUL, `${name}.${key}: no Hangul`)
  }
})

// [what the row shows, { id, values, want }]
const ROWS: Array<[string, { id: string, values: Record<string, string>, want: string }]> = [
  ['the issue\'s own example', { id: 'format', values: { label: 'email', formatName: FORMAT_NAMES_EN.email }, want: 'email must be a valid email address.' }],
  ['a limit of 1 reads right', { id: 'minLength', values: { label: 'name', limit: '1' }, want: 'name must be 1 or more characters long.' }],
  ['an article before the type', { id: 'type', values: { label: 'age', expected: TYPE_NAMES_EN.integer }, want: 'age must be an integer.' }],
  ['a whole part starts the sentence', { id: 'type', values: { label: LOCATION_LABELS_EN.body, expected: TYPE_NAMES_EN.object }, want: 'The request body must be an object.' }],
  ['the other property after the label', { id: 'dependencies', values: { label: 'expiry', property: 'card' }, want: 'expiry is required when card is given.' }]
]

t.test('English messages render through the one template engine', async (t) => {
  for (const [name, { id, values, want }] of ROWS) t.equal(compileTemplate(VALIDATION_MESSAGES_EN[id].template).render(values), want, name)
})
