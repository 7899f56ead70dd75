// A GitBook space of our own that uses every construct of the reference
// together (tests/spaces/corpus), built with `npm run build -- --src`: no raw
// `{%` left, every word kept, nothing loaded from another host.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadSpace } from '../../.vitepress/gitbook/space'
import { routeToHtml } from '../../.vitepress/gitbook/urls'
import { buildSpaceAsync, ROOT, type BuildResult } from '../helpers/build'
import { loadPage, missingWords } from '../helpers/html'

const SPACE = path.join(ROOT, 'tests/spaces/corpus')
let out: string
let result: BuildResult
const space = loadSpace(SPACE)
const pages = [...space.pages.values()]

beforeAll(async () => {
  out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-')), 'site')
  result = await buildSpaceAsync({ src: SPACE, out })
})

describe('the corpus space', () => {
  it('builds with no error', () => {
    expect(result.status, result.log).toBe(0)
    expect(result.log).not.toMatch(/: error: /)
  })

  for (const p of pages) {
    it(`${p.file}: no raw {% %}, every word kept, nothing from another host`, () => {
      const { html, document } = loadPage(out, routeToHtml(p.route))
      const content = document.querySelector('.vp-doc')!.innerHTML
      expect(content).not.toContain('{%')
      expect(content).not.toContain('%}')
      expect(missingWords(fs.readFileSync(path.join(SPACE, p.file), 'utf8'), document)).toEqual([])
      expect(document.querySelector('iframe')).toBeNull()
      // Only links may point elsewhere; nothing the browser loads by itself.
      for (const el of document.querySelectorAll('[src], link[href], source[srcset]')) {
        const url = el.getAttribute('src') ?? el.getAttribute('href') ?? el.getAttribute('srcset') ?? ''
        expect(url, `${p.file}: ${el.outerHTML.slice(0, 120)}`).not.toMatch(/^(https?:)?\/\//)
      }
      expect(html).toContain('lang="fr-FR"')
    })
  }
})
