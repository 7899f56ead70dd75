// Long fuzz runs: `npm run fuzz -- --runs N [--seed S] [--keep]`. Writes one
// fuzzed space, builds it with the real command line, checks it, and prints
// what it built and every problem. Exit 1 when there is a problem.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { buildSpaceAsync } from '../helpers/build'
import { checkFuzzBuild } from './check'
import { writeFuzzSpace } from './space'

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '200' }, seed: { type: 'string' }, keep: { type: 'boolean', default: false } },
})
const runs = Number(values.runs)
// A seed from the clock when none is given: printed, so any run can be replayed.
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gb-fuzz-'))
const fuzz = writeFuzzSpace(path.join(tmp, 'espace'), { seed, runs })
const out = path.join(tmp, 'site')
const counts = new Map<string, number>()
for (const p of fuzz.pages) for (const m of p.mutations) counts.set(m, (counts.get(m) ?? 0) + 1)
console.log(`fuzz: seed ${seed}, ${fuzz.pages.length} pages (${runs} mutated) in ${fuzz.dir}`)
console.log(`fuzz: mutations ${[...counts].map(([m, n]) => `${m}×${n}`).join(', ')}`)
const started = Date.now()
// Not spawnSync: a big space prints megabytes of messages, past its buffer.
const result = await buildSpaceAsync({ src: fuzz.dir, out })
console.log(`fuzz: built in ${((Date.now() - started) / 1000).toFixed(1)} s, exit ${result.status}, ${result.log.split('\n').filter((l) => /: (warning|error): /.test(l)).length} message(s)`)
const problems = checkFuzzBuild(fuzz, out, result)
for (const p of problems) console.log(`fuzz: ${p.check}${p.attack ? ' (attack page)' : ''}: ${p.detail}`)
console.log(`fuzz: ${problems.length} problem(s); replay with npm run fuzz -- --runs ${runs} --seed ${seed}`)
if (values.keep) console.log(`fuzz: kept ${tmp}`)
else if (!problems.length) fs.rmSync(tmp, { recursive: true, force: true })
process.exit(problems.length ? 1 : 0)
