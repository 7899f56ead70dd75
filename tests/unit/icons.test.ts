// icons.ts reads each Font Awesome set on first use: a build whose pages use
// solid icons only never parses the regular and brands sets (0.6 MB of JSON),
// and one with no icon parses none. Checked in a fresh Node process, whose
// module cache nothing else has filled.
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { iconSvg } from '../../.vitepress/gitbook/icons'

const ROOT = path.resolve(import.meta.dirname, '../..')

/** The icon sets loaded after drawing `names`, in a new process. */
function setsLoadedAfter(names: string[]): string[] {
  const script = `
    const { createRequire } = await import('node:module')
    const { iconSvg } = await import('./.vitepress/gitbook/icons.ts')
    const drawn = ${JSON.stringify(names)}.map((n) => iconSvg(n) !== null)
    const cache = createRequire(import.meta.url).cache
    const sets = Object.keys(cache).map((f) => /@iconify-json\\/(fa6-[a-z]+)\\/icons\\.json$/.exec(f)?.[1]).filter(Boolean).sort()
    console.log(JSON.stringify({ drawn, sets }))`
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' })
  const { drawn, sets } = JSON.parse(out.trim().split('\n').pop()!)
  expect(drawn).toEqual(names.map(() => true))
  return sets
}

describe('icon sets', () => {
  it('are not read before an icon is drawn', () => {
    expect(setsLoadedAfter([])).toEqual([])
  })

  it('stop at the solid set for a solid icon', () => {
    expect(setsLoadedAfter(['house', 'fa-circle-info'])).toEqual(['fa6-solid'])
  })

  it('read the next sets for an icon the solid set lacks', () => {
    expect(setsLoadedAfter(['github'])).toEqual(['fa6-brands', 'fa6-regular', 'fa6-solid'])
  })

  it('draw a brands icon as an SVG', () => {
    expect(iconSvg('fa-github')).toMatch(/^<svg [^>]*class="gb-icon"[^>]*aria-hidden="true"[^>]*>.*<\/svg>$/s)
  })
})
