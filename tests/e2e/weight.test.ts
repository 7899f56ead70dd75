// The budget of a role page's first load (issue #12, RGESN): HTML, CSS and
// JavaScript together at most 80 KB gzip (KiB, 81 920 bytes) in at most 10
// requests, before any prefetch or interaction; fonts are Marianne only, as
// woff2. Measured in Chromium against the build served by deploy/nginx.conf.
// Measured on the role pages: 80.5 KB before the weight work, 72.1–72.2 KB
// after it (README « Pages légères »): room for a few small features.
import { describe, expect, it } from 'vitest'
import { SITES } from '../global-setup'
import { servedSite } from '../helpers/served'
import { measurePage } from '../helpers/weight'

const BASE = SITES.sub.base
const ROLE_PAGES = ['roles/product-manager', 'roles/responsable-metier', 'cadrer/les-differents-roles-et-metiers/responsable-produit']
const BUDGET = 80 * 1024
const MAX_REQUESTS = 10

const site = servedSite(SITES.sub.out, BASE)

describe('page weight of a role page, first load', () => {
  for (const p of ROLE_PAGES) {
    it(`${p}: HTML+CSS+JS ≤ 80 KB gzip in ≤ ${MAX_REQUESTS} requests, Marianne woff2 only`, async () => {
      const w = await measurePage(site.browser, `${site.server.origin}${BASE}${p}`)
      const detail = w.downloads.map((d) => `${d.kind} ${d.bytes} ${d.url}`).join('\n')
      const measured = `${p}: ${(w.code / 1024).toFixed(1)} KB of HTML+CSS+JS in ${w.codeRequests} requests, budget ${BUDGET / 1024} KB`
      expect(w.code, `${measured}\n${detail}`).toBeLessThanOrEqual(BUDGET)
      expect(w.downloads.length, detail).toBeLessThanOrEqual(MAX_REQUESTS + w.fonts.length)
      expect(w.codeRequests, detail).toBeLessThanOrEqual(MAX_REQUESTS)
      // Every text file came compressed: the budget is what crossed the wire.
      for (const d of w.downloads.filter((d) => d.kind !== 'font' && d.kind !== 'other')) expect(d.bytes, d.url).toBeGreaterThan(0)
      expect(w.fonts.length).toBeGreaterThan(0)
      for (const f of w.fonts) expect(f.url).toMatch(/\/assets\/Marianne-(Regular|Bold)\.[\w-]+\.woff2$/)
    })
  }
})

describe('fonts in the build', () => {
  it('only Marianne Regular and Bold, woff2, font-display: swap; no Inter', async () => {
    const fs = await import('node:fs')
    const path = await import('node:path')
    const assets = path.join(SITES.sub.out, 'assets')
    const fonts = fs.readdirSync(assets).filter((f) => /\.(woff2?|ttf|otf)$/.test(f))
    expect(fonts.map((f) => f.replace(/\.[\w-]+\.woff2$/, '')).sort()).toEqual(['Marianne-Bold', 'Marianne-Regular'])
    const css = fs.readFileSync(path.join(assets, fs.readdirSync(assets).find((f) => /^style\.[\w-]+\.css$/.test(f))!), 'utf8')
    const faces = css.match(/@font-face\s*\{[^}]*\}/g) ?? []
    expect(faces).toHaveLength(2)
    for (const f of faces) {
      expect(f).toMatch(/font-family:\s*Marianne/)
      expect(f).toMatch(/font-display:\s*swap/)
    }
    // No Inter face is declared or shipped (VitePress's CSS still names it in a font stack for Chinese).
    expect(css).not.toMatch(/@font-face\s*\{[^}]*Inter/)
  })
})
