// « Copier le lien » on headings, in Chromium against the handbook served by
// nginx under /ressources/: reached with Tab, shown when focused or hovered,
// it puts the page's full URL with the GitBook anchor on the clipboard and
// says « Lien copié » in a polite live region. VitePress's `#` anchor stays.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { SITES } from '../global-setup'
import { servedSite } from '../helpers/served'

const BASE = SITES.sub.base
const PAGE = 'roles/responsable-metier'
const ID = 'de-quoi-parle-t-on'
const site = servedSite(SITES.sub.out, BASE)

async function open(): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin })
  const page = await context.newPage()
  await page.goto(`${site.server.origin}${BASE}${PAGE}`, { waitUntil: 'networkidle' })
  await page.waitForSelector(`#${ID} > .gb-copy-link`)
  return { page, close: () => context.close() }
}

const opacity = (page: Page, sel: string) => page.$eval(sel, (e) => getComputedStyle(e).opacity)

describe('copy a heading link', () => {
  it('every heading with an id (h2–h4) has one button, and keeps its # anchor', async () => {
    const { page, close } = await open()
    const counts = await page.$$eval('.vp-doc :is(h2, h3, h4)[id]', (hs) =>
      hs.map((h) => [h.querySelectorAll('.gb-copy-link').length, h.querySelectorAll('a.header-anchor').length]),
    )
    expect(counts.length).toBeGreaterThan(3)
    expect(counts.every(([b, a]) => b === 1 && a === 1)).toBe(true)
    expect(await page.$eval(`#${ID} .header-anchor`, (a) => a.getAttribute('href'))).toBe(`#${ID}`)
    const button = page.locator(`#${ID} > .gb-copy-link`)
    await expect(button.getAttribute('aria-label')).resolves.toBe('Copier le lien vers « De quoi parle-t-on ? »')
    // The outline (aside) lists the heading by its text only.
    const outline = await page.locator('.VPDocAsideOutline a', { hasText: 'De quoi parle-t-on' }).first().textContent()
    expect(outline?.trim()).toBe('De quoi parle-t-on ?')
    await close()
  })

  it('faint at rest, shown on hover and on keyboard focus', async () => {
    const { page, close } = await open()
    const sel = `#${ID} > .gb-copy-link`
    expect(await opacity(page, sel)).toBe('0')
    await page.hover(`#${ID}`)
    await expect.poll(() => opacity(page, sel)).toBe('1')
    await page.mouse.move(0, 700)
    await expect.poll(() => opacity(page, sel)).toBe('0')
    // Keyboard: from the heading's # anchor, Tab reaches the button.
    await page.focus(`#${ID} .header-anchor`)
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.closest('h2, h3, h4')?.id + ' ' + document.activeElement?.className)).toBe(`${ID} gb-copy-link ignore-header`)
    await expect.poll(() => opacity(page, sel)).toBe('1')
    await close()
  })

  it('Enter copies the full URL with the GitBook anchor, announced as « Lien copié »', async () => {
    const { page, close } = await open()
    await page.focus(`#${ID} .header-anchor`)
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    const live = page.locator('[aria-live="polite"].gb-live')
    await expect.poll(() => live.textContent()).toBe('Lien copié')
    expect(await live.getAttribute('role')).toBe('status')
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe(`${site.server.origin}${BASE}${PAGE}#${ID}`)
    // The page did not move to the anchor: copying is not following.
    expect(await page.evaluate(() => location.hash)).toBe('')
    await close()
  })

  it('after a navigation inside the site, the new page has its buttons too', async () => {
    const { page, close } = await open()
    await page.locator('.VPSidebar a[href$="roles/product-manager"]').first().click()
    await page.waitForURL(/product-manager$/)
    await page.waitForSelector('.vp-doc h3[id] > .gb-copy-link')
    const missing = await page.$$eval('.vp-doc :is(h2, h3, h4)[id]', (hs) => hs.filter((h) => !h.querySelector('.gb-copy-link')).length)
    expect(missing).toBe(0)
    await close()
  })
})
