// Printing a page, in Chromium with print media emulated, on the fixture page
// tests/fixtures/print/page.md (tabs, an expandable, a stepper, an external
// link, a long code line, a wide table) served by nginx: the navigation is
// gone, every part of the content is shown, external links show their
// address, nothing runs off the sheet. Then the page printed to PDF for real
// and read back with pdftotext.
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { FIXTURE_SITE } from '../helpers/fixtures'
import { servedSite } from '../helpers/served'

const PAGE = 'print/page'
const EXTERNAL = 'https://www.numerique.gouv.fr/services/etat-plateforme/'
const CONTENT = ['Installez avec le gestionnaire de paquets.', 'Lancez l’installateur signé.', 'Relancez le terminal puis recommencez.', 'Première étape.', 'Deuxième étape.']
const NAVIGATION = ['.VPNav', '.VPSidebar', '.VPLocalNav', '.VPDocAside', '.VPNavBarSearch', '.VPNavBarAppearance', '.VPDocFooter .prev-next', '.gb-footer', '.gb-sitemap-link']

const site = servedSite(FIXTURE_SITE, '/')

async function printed(): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } })
  await page.goto(`${site.server.origin}/${PAGE}`, { waitUntil: 'networkidle' })
  await page.emulateMedia({ media: 'print' })
  return page
}

/** Is the element drawn? `checkVisibility` also says no inside a closed <details>. */
const shown = (page: Page, selector: string) =>
  page.$$eval(selector, (els) => els.map((e) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true })))

describe('a page in print', () => {
  it('hides the sidebar, navigation bar, search, theme switch, outline and footer navigation', async () => {
    const page = await printed()
    for (const sel of NAVIGATION) {
      // Each is on the screen page: the check below is not vacuous.
      const seen = await shown(page, sel)
      expect(seen.length, `${sel} is on the page`).toBeGreaterThan(0)
      expect(seen, sel).not.toContain(true)
    }
    await page.emulateMedia({ media: 'screen' })
    expect(await shown(page, '.VPNav')).toEqual([true])
    await page.close()
  })

  it('shows every tab panel under its title, the closed expandable and every step', async () => {
    const page = await printed()
    // The tablist ran (screen: one panel shown); in print every panel shows.
    await expect(page.getByRole('tab').count()).resolves.toBe(0)
    expect(await page.locator('.gb-tabs--enhanced').count()).toBe(1)
    expect(await shown(page, '.gb-tab')).toEqual([true, true])
    expect(await shown(page, '.gb-tab__title')).toEqual([true, true])
    // Each title sits above its own panel's text.
    const order = await page.$$eval('.gb-tab', (tabs) => tabs.map((t) => (t as HTMLElement).innerText.replace(/\s+/g, ' ').trim()))
    expect(order[0]).toMatch(/^Linux Installez/)
    expect(order[1]).toMatch(/^Windows Lancez/)
    expect(await page.$eval('details', (d) => (d as HTMLDetailsElement).open)).toBe(false)
    for (const text of CONTENT) {
      const p = page.locator('p', { hasText: text })
      expect(await p.evaluate((e) => e.checkVisibility()), text).toBe(true)
    }
    await page.close()
  })

  it('follows an external link by its address, not an internal one', async () => {
    const page = await printed()
    const after = (sel: string) => page.$eval(sel, (a) => getComputedStyle(a, '::after').content)
    // Chromium gives the declared value (`attr(href)`) or its result; the PDF test below reads the printed text.
    expect(await after(`.vp-doc a[href="${EXTERNAL}"]`)).toMatch(/attr\(href\)|numerique\.gouv\.fr/)
    expect(await after('.vp-doc a[href$="stepper/basic"]')).toMatch(/^(none|normal)$/)
    await page.close()
  })

  it('cuts no code block or table at the margin', async () => {
    const page = await printed()
    // An A4 sheet's printable width, about 700 CSS px.
    await page.setViewportSize({ width: 700, height: 1000 })
    const overflow = await page.$$eval('.vp-doc pre, .vp-doc table', (els) =>
      els.map((e) => {
        const doc = document.querySelector('.vp-doc')!.getBoundingClientRect()
        const r = e.getBoundingClientRect()
        return { tag: e.tagName, cut: e.scrollWidth > e.clientWidth + 1 || r.right > doc.right + 1 }
      }),
    )
    expect(overflow.map((o) => o.tag).sort()).toEqual(['PRE', 'TABLE'])
    expect(overflow.filter((o) => o.cut)).toEqual([])
    await page.close()
  })

  it('printed to PDF by Chromium, the sheet holds every panel, the expandable and the address', async () => {
    const page = await printed()
    const pdf = await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } })
    await page.close()
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString().replace(/\s+/g, ' ')
    for (const t of CONTENT) expect(text, t).toContain(t)
    expect(text).toContain(EXTERNAL)
    // The long command is all there, wrapped rather than cut.
    expect(text.replace(/\s/g, '')).toContain('--journal=/var/log/outil/journal-detaille.log--verbeux')
    expect(text).not.toContain('Plan du site')
  })
})
