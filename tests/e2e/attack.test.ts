// Untrusted pages, built and served for real: attack pages (every class the
// sanitizer drops, tests/fixtures/sanitize) plus payloads that would write a
// marker file if they ever ran in Node during the build. In Chromium, behind
// nginx, every link, button and summary of the content is clicked, and every
// entry of the sidebar (once: it is the same on every page): no payload runs,
// the reader stays on the site, the text is there.
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { type BuildResult, buildSpaceAsync, OUTPUT, ROOT } from '../helpers/build'
import { servedSite } from '../helpers/served'

const SPACE = path.join(OUTPUT, 'attack-space')
const DIST = path.join(OUTPUT, 'attack-site')
const MARKER = path.join(OUTPUT, 'attack-marker')
const BASE = '/ressources/'
const ATTACKS = fs.readdirSync(path.join(ROOT, 'tests/fixtures/sanitize')).filter((f) => f.endsWith('.md')).sort()

/** Payloads for the build machine: each writes MARKER if Node ever evaluates it. */
const NODE_PAYLOADS = `---
head:
  - - script
    - {}
    - "require('fs').writeFileSync('${MARKER}', 'head')"
---

# Charges pour Node

<script setup>
import fs from 'node:fs'
fs.writeFileSync('${MARKER}', 'script setup')
</script>

<script>
require('fs').writeFileSync('${MARKER}', 'script')
</script>

<div :title="process.mainModule.require('fs').writeFileSync('${MARKER}', 'bind')">Texte lié au nœud</div>

<span v-html="process.mainModule.require('fs').writeFileSync('${MARKER}', 'v-html')">Texte du span</span>

Des accolades {{ process.mainModule.require('fs').writeFileSync('${MARKER}', 'mustache') }} restent du texte.

<script>window.addEventListener('load', () => {})</script>

Fin de la page de charges.
`

function writeSpace(): void {
  fs.rmSync(SPACE, { recursive: true, force: true })
  fs.mkdirSync(path.join(SPACE, 'attaques'), { recursive: true })
  fs.cpSync(path.join(ROOT, 'tests/fixtures/.gitbook'), path.join(SPACE, '.gitbook'), { recursive: true })
  for (const f of ATTACKS) fs.copyFileSync(path.join(ROOT, 'tests/fixtures/sanitize', f), path.join(SPACE, 'attaques', f))
  fs.writeFileSync(path.join(SPACE, 'attaques/node.md'), NODE_PAYLOADS)
  fs.writeFileSync(path.join(SPACE, 'README.md'), '# Espace piégé\n\nLa page d’accueil.\n')
  fs.writeFileSync(
    path.join(SPACE, 'SUMMARY.md'),
    [
      '# Table of contents',
      '',
      '* [Accueil](README.md)',
      '* [Entrée piégée](javascript:window.__pwned=1)',
      '* [Entrée en données](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '',
      '## Attaques',
      '',
      ...['node.md', ...ATTACKS].map((f) => `* [${f.replace(/\.md$/, '')}](attaques/${f})`),
      '',
    ].join('\n'),
  )
}

let build: BuildResult
// Built without blocking the test worker (a minute of spawnSync starves vitest).
beforeAll(async () => {
  fs.rmSync(MARKER, { force: true })
  writeSpace()
  fs.rmSync(DIST, { recursive: true, force: true })
  build = await buildSpaceAsync({ src: SPACE, out: DIST, base: BASE })
}, 600_000)

describe('untrusted pages at build time', () => {
  it('builds, and no payload ran in Node', () => {
    expect(build.log).not.toMatch(/ReferenceError|TypeError|at .*node_modules/)
    expect(build.status).toBe(0)
    expect(fs.existsSync(MARKER)).toBe(false)
  })

  it('reports every unsafe construct with file and line', () => {
    expect(build.log).toMatch(/attaques\/node\.md:2:1: warning: front matter key "head"/)
    expect(build.log).toMatch(/attaques\/node\.md:\d+:1: warning: <script> element is not published/)
    expect(build.log).toMatch(/SUMMARY\.md:4:1: warning: SUMMARY\.md entry "Entrée piégée": the address "javascript:window.__pwned=1"/)
  })

  it('writes no author script, style or handler into the pages', () => {
    for (const f of ['node', ...ATTACKS.map((a) => a.replace(/\.md$/, ''))]) {
      const html = fs.readFileSync(path.join(DIST, 'attaques', `${f}.html`), 'utf8')
      const content = html.slice(html.indexOf('<main'), html.lastIndexOf('</main>'))
      expect(content, f).not.toMatch(/<(script|style|iframe|object|embed|form|input|meta|base|link)\b/i)
      // Inside tags only: an address refused is shown as text, which is fine.
      expect(content, f).not.toMatch(/<[^>]+\son[a-z]+\s*=/i)
      expect(content, f).not.toMatch(/<[^>]+(href|src|srcset|action)\s*=\s*["']?\s*(javascript|vbscript|data:text)/i)
    }
  })
})

describe('untrusted pages in the browser', () => {
  const site = servedSite(DIST, BASE)
  const PAGES = ['node', ...ATTACKS.map((a) => a.replace(/\.md$/, ''))]
  const SIDEBAR = '.VPSidebar a, .VPSidebar [role="button"]'

  /**
   * Open `route`, run `loaded` on it, then click every visible element of
   * `selector` in turn, back on the page after each one that leaves it: no
   * payload runs, no dialog opens, the reader stays on the site.
   */
  async function clickEverything(route: string, selector: string, loaded: (page: Page) => Promise<void>) {
    const page = await site.browser.newPage()
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    const url = `${site.server.origin}${BASE}${route}`
    const check = async (what: string) => {
      expect(new URL(page.url()).origin, what).toBe(site.server.origin)
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), what).toBeUndefined()
      expect(await page.title(), what).not.toBe('pwned')
      expect(dialogs, what).toEqual([])
    }
    await page.goto(url)
    await check('page load')
    await loaded(page)
    const targets = page.locator(selector)
    const n = await targets.count()
    for (let i = 0; i < n; i++) {
      const el = targets.nth(i)
      if (!(await el.isVisible())) continue
      const label = (await el.innerText()).trim() || `#${i}`
      // An http(s) address elsewhere is allowed by the URL policy: not followed here.
      const href = (await el.getAttribute('href')) ?? ''
      if ((await el.getAttribute('target')) === '_blank' || (/^https?:/.test(href) && !href.startsWith(site.server.origin))) continue
      await el.click({ timeout: 2000 }).catch(() => {})
      await page.waitForLoadState()
      await check(`after clicking « ${label} »`)
      if (page.url().split('#')[0] !== url) await page.goto(url)
    }
    return page
  }

  /** The sidebar entries a reader can click on a page: text and address. */
  const sidebarEntries = (page: Page) =>
    page.locator(SIDEBAR).evaluateAll((els) =>
      els.filter((e) => e.checkVisibility({ visibilityProperty: true })).map((e) => `${e.textContent?.trim()} ${e.getAttribute('href')}`),
    )

  // The sidebar is the same on every page (SUMMARY.md, its javascript: and
  // data: entries included): its entries are clicked once, here, and every
  // attack page is checked to show exactly these entries.
  it('sidebar: every entry clicked, nothing runs, the reader stays on the site; every page has this sidebar', async () => {
    let entries: string[] = []
    const page = await clickEverything(`attaques/${PAGES[0]}`, SIDEBAR, async (p) => {
      // Hydrated: the whole sidebar, as the reader gets it.
      await p.waitForLoadState('networkidle')
      entries = await sidebarEntries(p)
    })
    expect(entries.length).toBeGreaterThan(PAGES.length)
    for (const f of PAGES.slice(1)) {
      await page.goto(`${site.server.origin}${BASE}attaques/${f}`)
      await expect.poll(() => sidebarEntries(page), { message: f }).toEqual(entries)
    }
    await page.close()
  })

  for (const f of PAGES) {
    it(`${f}: nothing runs, every link of the content stays on the site, the text shows`, async () => {
      const page = await clickEverything(`attaques/${f}`, '.vp-doc a, .vp-doc button, .vp-doc summary', async (p) => {
        // The page's own text is visible.
        const text = await p.locator('.vp-doc').innerText()
        expect(text.length).toBeGreaterThan(20)
      })
      await page.close()
    })
  }
})
