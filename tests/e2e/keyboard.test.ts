// The keyboard walk (RGAA 12.x, WCAG 2.1.1 and 2.4.7): with Tab alone, from the
// top of a page, the skip link, the header, the search, the sidebar, the tabs,
// the expandables and the footer are all reached, each with a visible focus.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { FIXTURE_SITE } from '../helpers/fixtures'
import { servedSite } from '../helpers/served'

const site = servedSite(FIXTURE_SITE, '/')

interface Stop {
  /** Which part of the page holds the focused element. */
  part: string
  /** Outline or box-shadow drawn around it. */
  visible: boolean
  label: string
}

/** Press Tab until the focus leaves the page or `max` presses; where did it stop? */
async function walk(page: Page, max = 600): Promise<Stop[]> {
  const stops: Stop[] = []
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (!el || el === document.body) return null
      const parts: [string, string][] = [
        ['skip link', '.VPSkipLink'],
        ['footer', '.gb-footer'],
        ['search', '.VPNavBarSearch'],
        ['header', '.VPNavBarTitle'],
        ['sidebar', '.VPSidebar'],
        ['tab', '[role="tab"]'],
        ['expandable', 'details > summary'],
      ]
      const part = parts.find(([, sel]) => el.closest(sel))?.[0] ?? el.tagName.toLowerCase()
      const s = getComputedStyle(el)
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1
      const shadow = s.boxShadow !== 'none'
      return { part, visible: outline || shadow, label: (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40) }
    })
    if (!stop) break
    stops.push(stop)
  }
  return stops
}

describe('keyboard walk', () => {
  for (const [p, needed] of [
    ['details/basic', ['skip link', 'header', 'search', 'sidebar', 'expandable', 'footer']],
    ['tabs/icons', ['skip link', 'header', 'search', 'sidebar', 'tab', 'footer']],
  ] as const) {
    it(`${p}: ${needed.join(', ')} reached by Tab, focus visible on every stop`, async () => {
      const page = await site.browser.newPage()
      await page.goto(`${site.server.origin}/${p}`, { waitUntil: 'networkidle' })
      const stops = await walk(page)
      const reached = new Set(stops.map((s) => s.part))
      for (const part of needed) expect([...reached], part).toContain(part)
      expect(stops.filter((s) => !s.visible).map((s) => `${s.part}: ${s.label}`)).toEqual([])
      // The skip link comes first and leads to the content.
      expect(stops[0].part).toBe('skip link')
      await page.close()
    })
  }
})
