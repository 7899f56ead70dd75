// Image zoom by keyboard, in Chromium on the fixture page print/page served by
// nginx: Enter on an image opens it in a modal dialog with a name, Escape
// closes it and the focus is back on the image. Images after the first load lazily.
import { describe, expect, it } from 'vitest'
import { axeViolations, prepareAxe } from '../helpers/axe'
import { FIXTURE_SITE } from '../helpers/fixtures'
import { servedSite } from '../helpers/served'

const site = servedSite(FIXTURE_SITE, '/')

describe('image zoom', () => {
  it('Enter opens an accessible dialog, Escape closes it, the focus returns', async () => {
    // A context of its own, with axe loaded.
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } })
    await prepareAxe(context)
    const page = await context.newPage()
    await page.goto(`${site.server.origin}/print/page`, { waitUntil: 'networkidle' })
    const button = page.getByRole('button', { name: 'Agrandir l’image : Capture de l’écran de réglages' })
    await button.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Image agrandie : Capture de l’écran de réglages' })
    await expect(dialog.isVisible()).resolves.toBe(true)
    expect(await page.evaluate(() => (document.querySelector('dialog.gb-zoom-dialog') as HTMLDialogElement).matches(':modal'))).toBe(true)
    // The focus is inside the dialog, on « Fermer »; the image is the page's own file.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Fermer')
    const [small, big] = await Promise.all([
      button.locator('img').evaluate((i) => (i as HTMLImageElement).currentSrc),
      dialog.locator('img').evaluate((i) => (i as HTMLImageElement).src),
    ])
    expect(big).toBe(small)
    // The dialog alone, by every axe rule (best practices too), as before.
    expect(await axeViolations(page, { include: 'dialog', everyRule: true })).toEqual([])
    await page.keyboard.press('Escape')
    await expect(dialog.isVisible()).resolves.toBe(false)
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Agrandir l’image : Capture de l’écran de réglages')
    // A click opens it too, and a click closes it.
    await button.click()
    await expect(dialog.isVisible()).resolves.toBe(true)
    await dialog.click()
    await expect(dialog.isVisible()).resolves.toBe(false)
    await context.close()
  })

  it('the first image loads at once, the next ones lazily', async () => {
    const page = await site.browser.newPage()
    await page.goto(`${site.server.origin}/print/page`, { waitUntil: 'networkidle' })
    const loading = await page.$$eval('.vp-doc img', (imgs) => imgs.map((i) => i.getAttribute('loading')))
    expect(loading).toEqual([null, 'lazy'])
    await page.close()
  })
})
