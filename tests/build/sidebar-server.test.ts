// The server renders sidebar entries with theme/sidebar-server.ts, one string
// per group; the browser hydrates that HTML with VitePress's VPSidebarItem.
// Hydration needs the very HTML VitePress's component renders: the same space
// is built both ways (GITBOOK_VUE_SIDEBAR=1 keeps VitePress's component on the
// server) and every page must come out byte for byte the same.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildSpaceAsync, type BuildResult, OUTPUT } from '../helpers/build'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sidebar-server-'))
const fast = path.join(OUTPUT, 'sidebar-server')
const vue = path.join(OUTPUT, 'sidebar-server-vue')
let results: BuildResult[]

const page = (file: string, title: string) => {
  fs.mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true })
  fs.writeFileSync(path.join(tmp, file), `# ${title}\n\nTexte de ${title}.\n\n## Une section\n\nSuite.\n`)
}

beforeAll(async () => {
  // What a sidebar entry can be: a link or not, nested seven levels deep
  // (VitePress stops at five), a group, an external link, an anchor, and a
  // title with characters HTML escapes.
  const summary = ['# Sommaire', '', '* [Accueil](README.md)', '* [R&D <b>gras</b> « cité »](rd.md)', '  * [Sous-page](rd/sous.md)', '']
  page('README.md', 'Accueil')
  page('rd.md', 'R&D')
  page('rd/sous.md', 'Sous-page')
  summary.push('## Partie profonde', '')
  let indent = ''
  for (let d = 1; d <= 7; d++) {
    page(`profond/niveau-${d}.md`, `Niveau ${d}`)
    summary.push(`${indent}* [Niveau ${d}](profond/niveau-${d}.md)`)
    indent += '  '
  }
  summary.push('', '## Liens', '', '* [Un site externe](https://exemple.gouv.fr/page)', '* [Une section](rd.md#une-section)', '* [Page seule](seule.md)', '')
  page('seule.md', 'Page seule')
  fs.writeFileSync(path.join(tmp, 'SUMMARY.md'), summary.join('\n'))
  for (const out of [fast, vue]) fs.rmSync(out, { recursive: true, force: true })
  results = await Promise.all([buildSpaceAsync({ src: tmp, out: fast }), buildSpaceAsync({ src: tmp, out: vue, env: { GITBOOK_VUE_SIDEBAR: '1' } })])
}, 240_000)
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/**
 * A page with its scripts' content hashes left out: VitePress adds pages to the
 * search index in the order their files are read, which differs between two
 * builds, and the index's hash reaches every chunk that imports it.
 */
const withoutAssetHashes = (file: string) => fs.readFileSync(file, 'utf8').replace(/(\/assets\/[^"']*?)\.[\w-]{8}((?:\.lean)?\.(?:js|css))/g, '$1$2')

const htmlFiles = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.html'))
    .sort()

it('renders every page the same HTML as VitePress’s own sidebar component', () => {
  for (const r of results) expect(r.status, r.log).toBe(0)
  const files = htmlFiles(fast)
  expect(files).toEqual(htmlFiles(vue))
  // The cases above are in the HTML compared, in the sidebar (<aside>).
  const sidebar = (file: string) => /<aside[\s\S]*<\/aside>/.exec(fs.readFileSync(path.join(fast, file), 'utf8'))?.[0] ?? ''
  const deep = sidebar('partie-profonde/niveau-1/niveau-2/niveau-3/niveau-4/niveau-5/niveau-6/niveau-7.html')
  for (const s of ['VPSidebarItem level-5 collapsible collapsed is-link has-active', 'R&amp;D gras « cité »']) expect(deep).toContain(s)
  expect(deep).not.toContain('VPSidebarItem level-6')
  const links = sidebar('liens/seule.html')
  expect(links).toMatch(/class="VPLink link vp-external-link-icon link" href="https:\/\/exemple\.gouv\.fr\/page" target="_blank" rel="noreferrer"/)
  expect(links).toContain('href="/rd#une-section"')
  for (const f of files) expect(withoutAssetHashes(path.join(fast, f)), f).toBe(withoutAssetHashes(path.join(vue, f)))
})
