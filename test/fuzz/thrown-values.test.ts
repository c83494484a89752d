import t from 'tap'
import fc from 'fast-check'
import { PLACES, checkAnswer, fuzzApp, thrownValue } from './thrown-values.js'

// `npm test` runs a fixed seed and a fresh one (printed by fast-check when it fails); `npm run fuzz` sets
// FUZZ_RUNS to 50,000. FUZZ_SEED replays a failure.
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000)
const FIXED_SEED = 20261203
const seeds = process.env.FUZZ_SEED !== undefined ? [Number(process.env.FUZZ_SEED)] : [FIXED_SEED, Date.now() % 2 ** 31]

for (const logger of [false, true]) {
  for (const seed of seeds) {
    t.test(`whatever is thrown, wherever, the answer is the envelope and leaks nothing (logger ${logger ? 'on' : 'off'}, seed ${seed})`, async (t) => {
      const { app, arm } = await fuzzApp(logger)
      t.teardown(() => app.close())
      let checked = 0
      await fc.assert(fc.asyncProperty(thrownValue, fc.constantFrom(...PLACES), async (recipe, place) => {
        arm(recipe)
        const failure = await checkAnswer(app, place)
        checked++
        if (failure !== undefined) throw new Error(`${place}: ${failure}`)
      }), { seed, numRuns: Math.ceil(RUNS / 2 / seeds.length) })
      t.equal(checked, Math.ceil(RUNS / 2 / seeds.length), `${checked} thrown values answered`)
    })
  }
}
