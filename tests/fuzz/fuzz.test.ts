// The fixed fuzz set of `npm test`: one seeded space of mutated pages (every
// mutation and every attack class at least once), built once with the real
// command line. Longer runs: `npm run fuzz -- --runs N [--seed S]`.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadSpace } from '../../.vitepress/gitbook/space'
import { routeToUrl } from '../../.vitepress/gitbook/urls'
import { buildSpaceAsync, type BuildResult } from '../helpers/build'
import { servedSite } from '../helpers/served'
import { checkFuzzBuild, type FuzzProblem } from './check'
import { writeFuzzSpace, type FuzzSpace } from './space'

const SEED = 20261201
const RUNS = 16

/**
 * Attacker pages keep every word and run nothing in the browser thanks to the
 * HTML sanitizer (transforms/sanitize.ts): switch off only to bisect a problem.
 */
const SANITIZER = true

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'gb-fuzz-'))
const out = path.join(TMP, 'site')
let fuzz: FuzzSpace
let result: BuildResult
let problems: FuzzProblem[]

beforeAll(async () => {
  // The 2 MB page is left to `npm run fuzz`: it alone doubles the build time.
  fuzz = writeFuzzSpace(path.join(TMP, 'espace'), { seed: SEED, runs: RUNS, big: false })
  result = await buildSpaceAsync({ src: fuzz.dir, out })
  problems = checkFuzzBuild(fuzz, out, result)
})

const only = (check: FuzzProblem['check'], attack?: boolean) =>
  problems.filter((p) => p.check === check && (attack === undefined || !!p.attack === attack)).map((p) => p.detail)

describe(`fuzzed space (seed ${SEED}, ${RUNS} mutated pages)`, () => {
  it('builds: no crash, no stack trace', () => {
    expect(only('crash')).toEqual([])
    expect(only('page-missing')).toEqual([])
  })

  it('no raw {% where a tag parsed', () => {
    expect(only('raw-tag')).toEqual([])
  })

  it('every word of every page kept (attacker pages aside)', () => {
    expect(only('words', false)).toEqual([])
  })

  it('no author code ran in Node during the build', () => {
    expect(only('node-code-ran')).toEqual([])
  })

  it.skipIf(!SANITIZER)('every word of the attacker pages kept', () => {
    expect(only('words', true)).toEqual([])
  })
})

describe.skipIf(!SANITIZER)('fuzzed attacker pages in Chromium', () => {
  const site = servedSite(out, '/')
  it('no payload ran, the page stayed on its origin', async () => {
    const space = loadSpace(fuzz.dir)
    const page = await site.browser.newPage()
    for (const p of fuzz.pages.filter((x) => x.attack)) {
      const url = `${site.server.origin}${routeToUrl(space.pages.get(p.file)!.route)}`
      await page.goto(url, { waitUntil: 'load' })
      await page.waitForTimeout(200)
      expect(await page.evaluate(() => (window as any).__pwned), p.file).toBeUndefined()
      expect(await page.title(), p.file).not.toBe('pwned')
      expect(new URL(page.url()).origin, p.file).toBe(site.server.origin)
    }
    await page.close()
  })
})
