// A space of many parts: each page's HTML carries at most TOP_LEVEL_WINDOW
// top-level sidebar entries, around its own group, while « Plan du site »
// still lists every page for readers without JavaScript.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { TOP_LEVEL_WINDOW } from '../../.vitepress/theme/sidebar-branch'
import { buildSpaceAsync, type BuildResult, OUTPUT } from '../helpers/build'
import { loadPage } from '../helpers/html'

const GROUPS = TOP_LEVEL_WINDOW + 20
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sidebar-window-'))
const out = path.join(OUTPUT, 'sidebar-window')
let result: BuildResult

beforeAll(async () => {
  const summary = ['# Sommaire', '', '* [Accueil](README.md)', '']
  fs.writeFileSync(path.join(tmp, 'README.md'), '# Accueil\n\nBienvenue.\n')
  for (let g = 1; g <= GROUPS; g++) {
    fs.writeFileSync(path.join(tmp, `page-${g}.md`), `# Page ${g}\n\nTexte ${g}.\n`)
    summary.push(`## Partie ${g}`, '', `* [Page ${g}](page-${g}.md)`, '')
  }
  fs.writeFileSync(path.join(tmp, 'SUMMARY.md'), summary.join('\n'))
  fs.rmSync(out, { recursive: true, force: true })
  result = await buildSpaceAsync({ src: tmp, out })
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const groupTitles = (file: string) =>
  [...loadPage(out, file).document.querySelectorAll('.VPSidebar .VPSidebarItem.level-0')].map((e) => e.querySelector('.text')?.textContent?.trim())

it('a page carries a window of top-level groups around its own; the site map lists every page', () => {
  expect(result.status, result.log).toBe(0)
  const mid = Math.floor(GROUPS / 2)
  // (`page-N.html` at the root is the redirect from the file's own path.)
  const file = `partie-${mid}/page-${mid}.html`
  const titles = groupTitles(file)
  expect(titles.length).toBeLessThanOrEqual(TOP_LEVEL_WINDOW + 1)
  expect(titles).toContain(`Partie ${mid}`)
  expect(titles).not.toContain('Partie 1')
  expect(titles).not.toContain(`Partie ${GROUPS}`)
  const plan = fs.readFileSync(path.join(out, 'plan-du-site.html'), 'utf8')
  for (let g = 1; g <= GROUPS; g++) expect(plan, `page ${g}`).toContain(`Page ${g}<`)
})
