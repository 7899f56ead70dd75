// GitBook tabs in a real browser, on the fixture site served by nginx: the
// WAI-ARIA tablist (click, arrow keys, Home/End with focus following), tabs
// nested in a stepper step, and every panel readable without JavaScript and in print.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { FIXTURE_SITE } from '../helpers/fixtures'
import { servedSite } from '../helpers/served'

const ICONS_PAGE = 'tabs/icons'
const PANELS = ['Installez avec Homebrew.', 'Conseil dans un onglet.', 'Utilisez le gestionnaire de paquets.']

const site = servedSite(FIXTURE_SITE, '/')

async function open(path: string, page?: Page): Promise<{ page: Page; errors: string[] }> {
  const p = page ?? (await site.browser.newPage())
  const errors: string[] = []
  p.on('pageerror', (e) => errors.push(e.message))
  p.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  await p.goto(`${site.server.origin}/${path}`, { waitUntil: 'networkidle' })
  return { page: p, errors }
}

/** Id of the focused element. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '')

describe('tabs in the browser', () => {
  it('first tab open; a click selects a tab and shows only its panel', async () => {
    const { page, errors } = await open(ICONS_PAGE)
    const tabs = page.getByRole('tab')
    await expect(tabs.count()).resolves.toBe(3)
    await expect(tabs.nth(0).getAttribute('aria-selected')).resolves.toBe('true')
    await expect(page.getByText(PANELS[0]).isVisible()).resolves.toBe(true)
    await expect(page.getByText(PANELS[1]).isVisible()).resolves.toBe(false)
    // Tab icons are inline SVG, decorative.
    await expect(tabs.nth(0).locator('svg[aria-hidden="true"]').count()).resolves.toBe(1)
    await tabs.nth(1).click()
    await expect(tabs.nth(1).getAttribute('aria-selected')).resolves.toBe('true')
    await expect(tabs.nth(0).getAttribute('aria-selected')).resolves.toBe('false')
    await expect(page.getByText(PANELS[1]).isVisible()).resolves.toBe(true)
    await expect(page.getByText(PANELS[0]).isVisible()).resolves.toBe(false)
    const panel = page.getByRole('tabpanel')
    await expect(panel.getAttribute('aria-labelledby')).resolves.toBe(await tabs.nth(1).getAttribute('id'))
    expect(errors).toEqual([])
    await page.close()
  })

  it('ArrowRight/ArrowLeft/Home/End move the selection and the focus, wrapping around', async () => {
    const { page, errors } = await open(ICONS_PAGE)
    const tabs = page.getByRole('tab')
    const ids = await Promise.all([0, 1, 2].map((i) => tabs.nth(i).getAttribute('id')))
    await tabs.nth(0).focus()
    const steps: [string, number][] = [
      ['ArrowRight', 1],
      ['ArrowRight', 2],
      ['ArrowRight', 0],
      ['ArrowLeft', 2],
      ['Home', 0],
      ['End', 2],
      ['ArrowLeft', 1],
    ]
    for (const [key, expected] of steps) {
      await page.keyboard.press(key)
      expect(await focused(page), `${key} focuses tab ${expected + 1}`).toBe(ids[expected])
      await expect(tabs.nth(expected).getAttribute('aria-selected')).resolves.toBe('true')
      await expect(tabs.nth(expected).getAttribute('tabindex')).resolves.toBe('0')
      await expect(page.getByText(PANELS[expected]).isVisible()).resolves.toBe(true)
    }
    // Roving tabindex: only the selected tab is in the Tab order.
    await expect(page.locator('[role="tab"][tabindex="-1"]').count()).resolves.toBe(2)
    expect(errors).toEqual([])
    await page.close()
  })

  it('tabs nested in a stepper step work, and the hint in a tab shows', async () => {
    const { page, errors } = await open('stepper/basic')
    const tabs = page.getByRole('tab')
    await expect(tabs.count()).resolves.toBe(2)
    await expect(page.locator('ol.gb-stepper > li.gb-step').count()).resolves.toBe(3)
    await tabs.nth(1).click()
    await expect(page.getByText('Sur le téléphone.').isVisible()).resolves.toBe(true)
    await expect(page.getByText('Dans le navigateur.').isVisible()).resolves.toBe(false)
    const nested = await open('tabs/bad/nested')
    await expect(nested.page.getByText('Conseil imbriqué.').isVisible()).resolves.toBe(true)
    expect([...errors, ...nested.errors]).toEqual([])
    await nested.page.close()
    await page.close()
  })

  it('without JavaScript every panel is visible, under its title', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${site.server.origin}/${ICONS_PAGE}`, { waitUntil: 'networkidle' })
    await expect(page.getByRole('tab').count()).resolves.toBe(0)
    for (const text of PANELS) await expect(page.getByText(text).isVisible(), text).resolves.toBe(true)
    for (const title of ['macOS', 'Windows', 'Linux']) {
      await expect(page.locator('.gb-tab__title', { hasText: title }).isVisible()).resolves.toBe(true)
    }
    await context.close()
  })

  it('in print every panel is visible, even once the tablist runs', async () => {
    const { page } = await open(ICONS_PAGE)
    await page.emulateMedia({ media: 'print' })
    for (const text of PANELS) await expect(page.getByText(text).isVisible(), text).resolves.toBe(true)
    await page.close()
  })
})

describe('tab choice synced by title, as GitBook does', () => {
  it('choosing a tab selects the tab of the same title in the other groups, and on the next page', async () => {
    const context = await site.browser.newContext()
    const page = await context.newPage()
    await page.goto(`${site.server.origin}/tabs/synced`, { waitUntil: 'networkidle' })
    const lists = page.getByRole('tablist')
    await expect(lists.count()).resolves.toBe(2)
    await expect(page.getByText('Second groupe, Linux.').isVisible()).resolves.toBe(true)
    await lists.nth(0).getByRole('tab', { name: 'Windows' }).click()
    await expect(page.getByText('Second groupe, Windows.').isVisible()).resolves.toBe(true)
    await expect(page.getByText('Second groupe, Linux.').isVisible()).resolves.toBe(false)
    // A group without that tab keeps its own choice; the next page follows the choice.
    await page.goto(`${site.server.origin}/${ICONS_PAGE}`, { waitUntil: 'networkidle' })
    await expect(page.getByText(PANELS[1]).isVisible()).resolves.toBe(true)
    await context.close()
  })
})
