// Another team's GitBook space, outside the project, with `.gitbook.yaml`,
// missing assets, a hidden page and a page missing from SUMMARY.md: built with
// the same command, under a base path, without writing into the space; with
// `--brotli`, which the handbook's builds do not give.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { walk } from '../../.vitepress/gitbook/deploy/precompress'
import { SITES } from '../global-setup'
import { buildSpaceAsync, ROOT, type BuildResult } from '../helpers/build'
import { contentText, loadPage } from '../helpers/html'

let tmp: string
let space: string
let out: string
let result: BuildResult
let before: string[]

const listAll = (dir: string): string[] =>
  fs.readdirSync(dir, { recursive: true, withFileTypes: false }).map(String).sort()

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'space-'))
  space = path.join(tmp, 'autre-espace')
  fs.cpSync(path.join(ROOT, 'tests/spaces/other'), space, { recursive: true })
  before = listAll(space)
  out = path.join(tmp, 'site')
  // A previous site in the output folder (a gh-pages checkout), and the old
  // output a stopped build had set aside beside it (deploy/old-output.ts).
  fs.mkdirSync(path.join(out, '.git'), { recursive: true })
  fs.writeFileSync(path.join(out, '.git/HEAD'), 'ref: refs/heads/gh-pages\n')
  fs.writeFileSync(path.join(out, 'ancienne-page.html'), '<p>avant</p>')
  fs.writeFileSync(path.join(out, 'ancienne-page.html.gz'), zlib.gzipSync('<p>avant</p>'))
  fs.mkdirSync(path.join(tmp, '.site-old-AbC123/assets'), { recursive: true })
  result = await buildSpaceAsync({ src: space, out, base: '/autre/', extra: ['--brotli'] })
})

describe('npm run build -- --src <space outside the project> --out <dir> --base /autre/ --brotli', () => {
  it('builds, and writes nothing into the space', () => {
    expect(result.status, result.log).toBe(0)
    expect(listAll(space)).toEqual(before)
  })

  it('replaces the previous site in the output folder but for its .git, and leaves no old output beside it', () => {
    expect(fs.existsSync(path.join(out, 'ancienne-page.html'))).toBe(false)
    expect(fs.existsSync(path.join(out, 'ancienne-page.html.gz'))).toBe(false)
    expect(fs.readFileSync(path.join(out, '.git/HEAD'), 'utf8')).toContain('gh-pages')
    expect(fs.readdirSync(tmp).sort()).toEqual(['autre-espace', 'site'])
  })

  it('writes a gzip and a brotli copy of each text file, each decompressing to the file; without --brotli, gzip only', () => {
    // Every text file: pages and the client bundle are compressed while the
    // build goes on, 404.html is rewritten after its copy was made, redirect
    // stubs and twins are handed over as they are written.
    const text = walk(out).filter((f) => /\.(html|js|css|json|svg|map|txt|xml|md)$/.test(f))
    for (const f of ['index.html', 'guide/ecrire.html', 'llms.txt', '404.html']) expect(text).toContain(path.join(out, f))
    expect(text.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(3)
    for (const f of text) {
      const file = fs.readFileSync(f)
      expect(zlib.gunzipSync(fs.readFileSync(`${f}.gz`)).equals(file), f).toBe(true)
      expect(zlib.brotliDecompressSync(fs.readFileSync(`${f}.br`)).equals(file), f).toBe(true)
    }
    // And no copy of a file that is not there.
    const copies = walk(out).filter((f) => /\.(gz|br)$/.test(f))
    expect(copies.filter((c) => !fs.existsSync(c.slice(0, -3)))).toEqual([])
    expect(copies.length).toBe(2 * text.length)
    // The handbook built by the global setup, without the option.
    expect(fs.existsSync(path.join(SITES.sub.out, 'index.html.gz'))).toBe(true)
    expect(fs.readdirSync(SITES.sub.out, { recursive: true }).map(String).filter((f) => f.endsWith('.br'))).toEqual([])
  })

  it('follows .gitbook.yaml root and SUMMARY.md: group slug from the custom id, README as index', () => {
    expect(fs.existsSync(path.join(out, 'index.html'))).toBe(true)
    expect(fs.existsSync(path.join(out, 'getting-started/install/index.html'))).toBe(true)
    expect(fs.existsSync(path.join(out, 'getting-started/install/linux.html'))).toBe(true)
    expect(fs.existsSync(path.join(out, 'guide/ecrire.html'))).toBe(true)
  })

  it('rewrites links to the published URLs under the base', () => {
    const { document } = loadPage(out, 'index.html')
    const hrefs = [...document.querySelectorAll('.vp-doc a')].map((a) => a.getAttribute('href'))
    expect(hrefs).toContain('/autre/getting-started/install/')
    expect(hrefs).toContain('/autre/guide/ecrire#les-blocs')
  })

  it('a missing image shows its alt text and is reported with file and line, never fails the build', () => {
    const { document } = loadPage(out, 'getting-started/install/index.html')
    const missing = [...document.querySelectorAll('.gb-missing-image')].map((e) => e.textContent)
    expect(missing).toEqual(['Capture absente', 'Schéma absent'])
    expect(result.log).toContain('guide/install/README.md:18:1: warning: image .gitbook/assets/capture (1).png is not in this space')
    expect(result.log).toContain('guide/install/README.md:20:1: warning: image .gitbook/assets/schéma général.png is not in this space')
    // The image that exists is bundled (small ones inlined by Vite).
    const ok = loadPage(out, 'guide/ecrire.html').document.querySelector('.vp-doc img')!
    expect(ok.getAttribute('src')).toMatch(/^(data:image\/svg\+xml,|\/autre\/assets\/logo\.[\w-]+\.svg$)/)
  })

  it('layout front matter maps to page settings; icon shown; `{{ }}` stays text', () => {
    const { document } = loadPage(out, 'getting-started/install/index.html')
    expect(contentText(document)).toContain('Rien à installer pour lire.')
    expect(document.querySelector('.VPDocFooter .pager')).toBeNull()
    expect(document.querySelector('.VPDocAside')).toBeNull()
    expect(document.querySelector('h1 svg.gb-page-icon')).not.toBeNull()
    const linux = loadPage(out, 'getting-started/install/linux.html').document
    expect(contentText(linux)).toContain('Valeur {{ non évaluée }} écrite telle quelle.')
  })

  it('reports SUMMARY entries without a file and pages missing from SUMMARY; builds those pages', () => {
    expect(result.log).toContain('SUMMARY.md:9:1: warning: SUMMARY.md lists "Page absente" as guide/absente.md, which does not exist')
    expect(result.log).toContain('guide/orpheline.md:1:1: warning: guide/orpheline.md is not listed in SUMMARY.md')
    expect(fs.existsSync(path.join(out, 'guide/orpheline.html'))).toBe(true)
    // A hidden page is built, not reported, not in the sidebar.
    expect(result.log).not.toContain('guide/cachee.md is not listed')
    expect(fs.existsSync(path.join(out, 'guide/cachee.html'))).toBe(true)
    // The page's own branch of the sidebar, and the full tree in « Plan du site ».
    const sidebar = loadPage(out, 'getting-started/install/index.html').document.querySelector('.VPSidebar')!.textContent
    expect(sidebar).toContain('Site de l’État')
    expect(sidebar).toContain('Linux')
    for (const file of ['guide/ecrire.html', 'getting-started/install/index.html', 'plan-du-site.html']) {
      expect(loadPage(out, file).document.body.textContent, file).not.toContain('Page cachée')
    }
    const plan = loadPage(out, 'plan-du-site.html').document.body.textContent
    expect(plan).toContain('Site de l’État')
    expect(plan).toContain('Linux')
    expect(plan).toContain('Page mal encodée')
  })

  it('warns, with file and line, on a page that still looks like mojibake', () => {
    expect(result.log).toContain(
      'guide/mal-encodee.md:5:1: warning: this line looks like mojibake (UTF-8 read as Mac OS Roman or Windows-1252) — repair the page with `npm run import`',
    )
    expect(result.log).not.toContain('guide/mal-encodee.md:3:')
  })

  it('Markdown twins and llms.txt: hidden page twinned but not listed, page outside SUMMARY listed apart, mojibake left as the build leaves it', () => {
    const src = (f: string) => fs.readFileSync(path.join(space, 'content', f), 'utf8')
    const built = (f: string) => fs.readFileSync(path.join(out, f), 'utf8')
    expect(built('guide/mal-encodee.md')).toBe(src('guide/mal-encodee.md'))
    expect(built('guide/cachee.md')).toBe(src('guide/cachee.md'))
    expect(built('index.md')).toContain('](/autre/getting-started/install/index.md)')
    expect(built('index.md')).toContain('](/autre/guide/ecrire.md#les-blocs)')
    const llms = built('llms.txt')
    expect(llms).toContain('## Premiers pas\n\n- [📦 Installer](/autre/getting-started/install/index.md)\n- [Sous Linux](/autre/getting-started/install/linux.md)\n')
    expect(llms).toContain('## Hors sommaire\n\n- [Page orpheline](/autre/guide/orpheline.md)')
    expect(llms).not.toContain('cachee')
  })

  it('a link to a file of the space downloads it from the site, under the base', () => {
    const a = [...loadPage(out, 'guide/ecrire.html').document.querySelectorAll('.vp-doc a')].find((e) => e.textContent === 'le logo')!
    expect(a.getAttribute('href')).toBe('/autre/.gitbook/assets/logo.svg')
    expect(a.hasAttribute('download')).toBe(true)
    expect(fs.existsSync(path.join(out, '.gitbook/assets/logo.svg'))).toBe(true)
  })

  it('redirects from .gitbook.yaml and from file paths', () => {
    const old = loadPage(out, 'ancien/demarrage.html').document
    expect(old.querySelector('body a')!.getAttribute('href')).toBe('/autre/getting-started/install/')
    // A redirect indented with a tab, as in GitBook's own docs space: read, and reported.
    const tabbed = loadPage(out, 'ancien/linux.html').document
    expect(tabbed.querySelector('body a')!.getAttribute('href')).toBe('/autre/getting-started/install/linux')
    expect(result.log).toContain('.gitbook.yaml:9:1: warning: .gitbook.yaml indents with tabs, which YAML forbids')
    const file = loadPage(out, 'guide/install/linux.html').document
    expect(file.querySelector('body a')!.getAttribute('href')).toBe('/autre/getting-started/install/linux')
  })
})
