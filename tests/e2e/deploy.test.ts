// deploy/nginx.conf, the file operators include, serving the handbook built
// under /ressources/ with real nginx: every file answers, headers and cache
// rules are there, the Content-Security-Policy blocks nothing the site needs
// (Chromium reports no violation), unknown paths get the French 404, old
// paths a 301.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SITES } from '../global-setup'
import { walk } from '../../.vitepress/gitbook/deploy/precompress'
import { servedSite } from '../helpers/served'

const BASE = SITES.sub.base
const OUT = SITES.sub.out
const site = servedSite(OUT, BASE)

/** Old paths of the map the build wrote, with their targets. */
function mapEntries(): Map<string, string> {
  const map = fs.readFileSync(path.join(OUT, 'nginx-redirects.map'), 'utf8')
  return new Map([...map.matchAll(/^ {2}"([^"]+)" "([^"]+)";$/gm)].map((m) => [m[1], m[2]]))
}

/** Every file a reader may ask for, as a URL path under the base. */
function servedFiles(): string[] {
  return walk(OUT)
    .map((f) => path.relative(OUT, f).split(path.sep).join('/'))
    .filter((f) => !/\.(gz|br)$/.test(f) && f !== 'csp.conf' && f !== 'nginx-redirects.map')
}

/** The published pages (clean URLs), redirect pages and 404 left out. */
function pages(): string[] {
  const redirects = mapEntries()
  return servedFiles()
    .filter((f) => f.endsWith('.html') && f !== '404.html')
    .map((f) => f.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, ''))
    .filter((route) => !redirects.has(BASE + route))
}

describe('deploy/nginx.conf serves the build under a sub-path', () => {
  it('every file answers 200, pages by clean URL and by .html; old paths 301', async () => {
    const redirects = mapEntries()
    const files = servedFiles()
    expect(files.length).toBeGreaterThan(20)
    for (const f of files) {
      const res = await fetch(`${site.server.origin}${BASE}${f}`, { redirect: 'manual' })
      expect(res.status, f).toBe(redirects.has(BASE + f) ? 301 : 200)
    }
    for (const route of pages()) {
      const res = await fetch(`${site.server.origin}${BASE}${route}`, { redirect: 'manual' })
      expect(res.status, route).toBe(200)
      expect(res.headers.get('content-type'), route).toMatch(/^text\/html/)
    }
  })

  it('the base without its slash leads to the home page', async () => {
    const res = await fetch(`${site.server.origin}${BASE.replace(/\/$/, '')}`, { redirect: 'manual' })
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe(BASE)
  })

  it('old paths answer 301 to the published page', async () => {
    const redirects = mapEntries()
    expect(redirects.size).toBeGreaterThan(0)
    for (const [from, to] of redirects) {
      const res = await fetch(`${site.server.origin}${from}`, { redirect: 'manual' })
      expect(res.status, from).toBe(301)
      expect(res.headers.get('location'), from).toBe(to)
      const target = await fetch(`${site.server.origin}${to}`, { redirect: 'manual' })
      expect(target.status, to).toBe(200)
    }
  })

  it('unknown paths get the French 404 page with status 404, headers included', async () => {
    for (const p of ['nulle-part', 'roles/nulle-part.html', 'assets/absent.js', 'csp.conf', 'nginx-redirects.map']) {
      const res = await fetch(`${site.server.origin}${BASE}${p}`)
      expect(res.status, p).toBe(404)
      expect(await res.text(), p).toContain('Page introuvable')
      expect(res.headers.get('content-security-policy'), p).toBeTruthy()
    }
  })

  it('security headers on pages and assets; long cache for hashed assets, none for pages', async () => {
    const asset = servedFiles().find((f) => /^assets\/app\.[\w-]+\.js$/.test(f))!
    const page = await fetch(`${site.server.origin}${BASE}roles/product-manager`)
    const js = await fetch(`${site.server.origin}${BASE}${asset}`)
    for (const res of [page, js]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('referrer-policy')).toBe('same-origin')
      expect(res.headers.get('permissions-policy')).toContain('camera=()')
      const csp = res.headers.get('content-security-policy')!
      expect(csp).toMatch(/script-src 'self' 'sha256-/)
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
      expect(csp).not.toMatch(/https?:/)
    }
    expect(page.headers.get('cache-control')).toBe('no-cache')
    expect(js.headers.get('cache-control')).toBe('max-age=31536000')
  })

  it('text files come precompressed (gzip_static)', async () => {
    for (const f of ['roles/product-manager', servedFiles().find((f) => /^assets\/style\.[\w-]+\.css$/.test(f))!]) {
      const res = await fetch(`${site.server.origin}${BASE}${f}`, { headers: { 'accept-encoding': 'gzip' } })
      expect(res.headers.get('content-encoding'), f).toBe('gzip')
      expect(res.headers.get('vary'), f).toContain('Accept-Encoding')
    }
  })

  it('Chromium reports no Content-Security-Policy violation on any page, search included', async () => {
    const context = await site.browser.newContext()
    await context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] }
      w.__csp = []
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`))
    })
    const all = [...pages(), '404', 'nulle-part']
    for (const route of all) {
      const page = await context.newPage()
      const refused: string[] = []
      page.on('console', (m) => /Content Security Policy/i.test(m.text()) && refused.push(m.text()))
      await page.goto(`${site.server.origin}${BASE}${route}`, { waitUntil: 'networkidle' })
      if (route === '') {
        await page.getByRole('button', { name: 'Rechercher' }).click()
        await page.locator('.VPLocalSearchBox input').fill('metier')
        await page.locator('.VPLocalSearchBox .result').first().waitFor()
      }
      const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)
      expect([...violations, ...refused], route).toEqual([])
      await page.close()
    }
    await context.close()
  })
})
