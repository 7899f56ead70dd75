// « Copier la page en Markdown » in a real Chromium, against the sub-path
// build served by deploy/nginx.conf: the clipboard receives the page's twin,
// the outcome is announced; the twin is served as UTF-8 Markdown under the
// site's security headers; the breadcrumbs are there without JavaScript.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SITES } from '../global-setup'
import { servedSite } from '../helpers/served'

const BASE = SITES.sub.base
const PAGE = 'roles/product-manager'
const site = servedSite(SITES.sub.out, BASE)

describe('the Markdown twin in the browser', () => {
  it('nginx serves it as text/markdown in UTF-8, compressed, with the security headers', async () => {
    const res = await fetch(`${site.server.origin}${BASE}${PAGE}.md`, { headers: { 'accept-encoding': 'gzip' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(await res.text()).toBe(fs.readFileSync(path.join(SITES.sub.out, `${PAGE}.md`), 'utf8'))
    for (const file of ['llms.txt', 'llms-full.txt']) {
      const r = await fetch(`${site.server.origin}${BASE}${file}`)
      expect(r.headers.get('content-type'), file).toBe('text/plain; charset=utf-8')
    }
    expect((await fetch(`${site.server.origin}${BASE}sitemap.xml`)).headers.get('content-type')).toMatch(/^text\/xml/)
  })

  it('« Copier la page en Markdown » puts the twin on the clipboard, by keyboard, and says so', async () => {
    const context = await site.browser.newContext()
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${site.server.origin}${BASE}${PAGE}`, { waitUntil: 'networkidle' })
    const button = page.getByRole('button', { name: 'Copier la page en Markdown' })
    await button.focus()
    await page.keyboard.press('Enter')
    const status = page.getByRole('status').filter({ hasText: 'Page copiée' })
    await status.waitFor()
    expect(await status.getAttribute('aria-live')).toBe('polite')
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe(fs.readFileSync(path.join(SITES.sub.out, `${PAGE}.md`), 'utf8'))
    expect(errors).toEqual([])
    await context.close()
  })

  it('after a client-side navigation the button copies the new page', async () => {
    const context = await site.browser.newContext()
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin })
    const page = await context.newPage()
    await page.goto(`${site.server.origin}${BASE}${PAGE}`, { waitUntil: 'networkidle' })
    // The breadcrumb's home link: a VitePress route change, not a page load.
    await page.locator('nav.gb-breadcrumb a').first().click()
    await page.waitForURL(`${site.server.origin}${BASE}`)
    await page.getByRole('button', { name: 'Copier la page en Markdown' }).click()
    await page.getByRole('status').filter({ hasText: 'Page copiée' }).waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(fs.readFileSync(path.join(SITES.sub.out, 'index.md'), 'utf8'))
    await context.close()
  })

  it('without JavaScript: breadcrumbs shown, no button that would do nothing', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${site.server.origin}${BASE}${PAGE}`)
    const nav = page.getByRole('navigation', { name: 'Fil d’Ariane' })
    expect(await nav.isVisible()).toBe(true)
    expect(await nav.getByRole('link', { name: 'Accueil' }).getAttribute('href')).toBe(BASE)
    expect(await page.getByRole('button', { name: 'Copier la page en Markdown' }).count()).toBe(0)
    await context.close()
  })
})
