// Messages about included content name the included file and its own line
// (front matter counted), not the page that includes it: the fixture runner
// only sees messages prefixed by the page, so these are checked here.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import path from 'node:path'
import { FIXTURE_LOG, FIXTURE_SITE } from './helpers/fixtures'

describe('{% include %} messages', () => {
  const log = () => fs.readFileSync(FIXTURE_LOG, 'utf8').split('\n')

  it('a problem inside an included file points at that file and line', () => {
    expect(log()).toContain(
      '.gitbook/includes/casse.md:7:1: error: {% hint %} is never closed — add {% endhint %} where it should end; it runs to the end of the page meanwhile',
    )
  })

  it('a cycle is reported once, with the chain of files', () => {
    const cycles = log().filter((l) => l.includes('makes a cycle'))
    expect(cycles).toEqual([
      '.gitbook/includes/boucle-b.md:7:1: error: {% include %} makes a cycle: .gitbook/includes/boucle-a.md → .gitbook/includes/boucle-b.md → .gitbook/includes/boucle-a.md — remove one of these includes; it is not followed',
    ])
  })

  it('included files are not pages of the site', () => {
    expect(fs.existsSync(path.join(FIXTURE_SITE, '.gitbook/includes'))).toBe(false)
  })
})
