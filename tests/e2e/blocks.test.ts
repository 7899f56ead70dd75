// One page per GitBook block, from the fixture site served by nginx: axe finds
// no accessibility violation (WCAG 2.1 AA rules, whole page, light and dark), the page asks no other host
// for anything (embeds are links, not iframes), and the browser logs no error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext } from 'playwright-core'
import { axeViolations, prepareAxe } from '../helpers/axe'
import { FIXTURE_SITE } from '../helpers/fixtures'
import { servedSite } from '../helpers/served'

const PAGES = [
  'hint/title-icon', 'tabs/icons', 'stepper/basic', 'code/options', 'code/expandable', 'code/pre-html',
  'columns/two', 'content-ref/cards', 'file/download', 'embed/links', 'include/splice', 'if/adaptive',
  'updates/timeline', 'openapi/local', 'openapi/remote', 'prompt/box',
]

const site = servedSite(FIXTURE_SITE, '/')

describe('block pages in the browser', () => {
  // One context with axe for the block pages: the theme is set on each page, never stored.
  let context: BrowserContext
  beforeAll(async () => {
    context = await site.browser.newContext()
    await prepareAxe(context)
  })
  afterAll(() => context?.close())

  for (const p of PAGES) {
    it(`${p}: accessible, self-contained, no error`, async () => {
      const page = await context.newPage()
      const errors: string[] = []
      const foreign: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
      page.on('request', (r) => {
        const u = new URL(r.url())
        if (u.hostname !== '127.0.0.1' && !u.protocol.startsWith('data')) foreign.push(r.url())
      })
      const res = await page.goto(`${site.server.origin}/${p}`, { waitUntil: 'networkidle' })
      expect(res!.status()).toBe(200)
      // The whole page, code blocks included (Shiki's high-contrast themes), in
      // the light and the dark theme.
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme })
        await page.evaluate((dark) => document.documentElement.classList.toggle('dark', dark), scheme === 'dark')
        expect(await axeViolations(page), scheme).toEqual([])
      }
      expect(foreign).toEqual([])
      expect(errors).toEqual([])
      await expect(page.locator('.vp-doc iframe').count()).resolves.toBe(0)
      await page.close()
    })
  }

  // The check above is only worth something if it can fail.
  it('axe, as the tests run it, reports violations: images without text, in the whole page or the included part; a best practice with everyRule', async () => {
    const page = await context.newPage()
    // The paragraph outside any landmark breaks a best practice, not a WCAG rule.
    await page.goto('data:text/html,<html lang="fr"><title>t</title><p>hors</p><main><img src="a.png"><dialog open><img src="b.png"></dialog></main></html>')
    expect(await axeViolations(page)).toEqual(['image-alt (critical) img[src="a.png"], img[src="b.png"]'])
    expect(await axeViolations(page, { include: 'dialog' })).toEqual(['image-alt (critical) img[src="b.png"]'])
    expect(await axeViolations(page, { everyRule: true })).toEqual([
      'image-alt (critical) img[src="a.png"], img[src="b.png"]',
      'region (moderate) p',
    ])
    await page.close()
  })

  it('the file tag links to a copy of the file published with the site', async () => {
    const page = await site.browser.newPage()
    await page.goto(`${site.server.origin}/file/download`, { waitUntil: 'networkidle' })
    const href = await page.locator('a.gb-file__link').first().getAttribute('href')
    const res = await page.request.get(`${site.server.origin}${href}`)
    expect(res.status()).toBe(200)
    expect((await res.body()).length).toBe(12634)
    await page.close()
  })

  it('expandable code is collapsed, and opening the native toggle shows all of it', async () => {
    const page = await site.browser.newPage()
    await page.goto(`${site.server.origin}/code/expandable`, { waitUntil: 'networkidle' })
    const block = page.locator('.gb-code--expandable div[class*="language-"]')
    const collapsed = (await block.boundingBox())!.height
    await page.getByText('Afficher tout le code').click()
    const open = (await block.boundingBox())!.height
    expect(open).toBeGreaterThan(collapsed)
    await expect(page.getByText('ligne_14 = 14').isVisible()).resolves.toBe(true)
    await page.close()
  })
})
