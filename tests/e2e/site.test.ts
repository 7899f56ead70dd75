// The handbook served by nginx under /ressources/ and read in Chromium: every
// page opens without console errors or requests to any other host, the sidebar
// and relative links lead where they should, tabs work.
import { describe, expect, it } from 'vitest'
import { SITES } from '../global-setup'
import { axeViolations, prepareAxe } from '../helpers/axe'
import { servedSite } from '../helpers/served'

const BASE = SITES.sub.base
const PAGES = [
  '',
  'cadrer/les-differents-roles-et-metiers/',
  'cadrer/les-differents-roles-et-metiers/responsable-metier',
  'cadrer/les-differents-roles-et-metiers/responsable-produit',
  'roles/responsable-metier',
  'roles/product-manager',
]

const site = servedSite(SITES.sub.out, BASE)

/** A page that records console errors and every request leaving 127.0.0.1. */
async function watchedPage() {
  const page = await site.browser.newPage()
  const errors: string[] = []
  const foreign: string[] = []
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('request', (r) => {
    const u = new URL(r.url())
    if (!['127.0.0.1'].includes(u.hostname) && !u.protocol.startsWith('data')) foreign.push(r.url())
  })
  return { page, errors, foreign }
}

describe('served by nginx under a sub-path', () => {
  for (const p of PAGES) {
    it(`opens ${BASE}${p} with no console error and no foreign request`, async () => {
      const { page, errors, foreign } = await watchedPage()
      const res = await page.goto(`${site.server.origin}${BASE}${p}`, { waitUntil: 'networkidle' })
      expect(res!.status()).toBe(200)
      expect(await page.locator('h1').first().textContent()).toBeTruthy()
      expect(errors).toEqual([])
      expect(foreign).toEqual([])
      await page.close()
    })
  }

  it('the interface stays French once the page runs, last update date included', async () => {
    const { page } = await watchedPage()
    await page.goto(`${site.server.origin}${BASE}roles/product-manager`, { waitUntil: 'networkidle' })
    await expect(page.locator('#sidebar-aria-label').textContent()).resolves.toContain('Navigation latérale')
    await expect(page.locator('.VPDocAsideOutline .outline-title').textContent()).resolves.toBe('Sur cette page')
    await expect(page.locator('.VPSkipLink').textContent()).resolves.toContain('Aller au contenu')
    // The date comes from git; the CI clone and any commit of docs/ have it.
    const time = page.locator('.VPLastUpdated time')
    if (process.env.CI) expect(await time.count()).toBe(1)
    if ((await time.count()) > 0) {
      await expect(time.textContent()).resolves.toMatch(
        /^\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}$/,
      )
    }
    await page.close()
  })

  it('search is French: `metier` finds « métier », `equipe` finds « équipe »', async () => {
    const { page, errors, foreign } = await watchedPage()
    await page.goto(`${site.server.origin}${BASE}`, { waitUntil: 'networkidle' })
    await page.getByRole('button', { name: 'Rechercher' }).click()
    const input = page.locator('.VPLocalSearchBox input')
    await input.fill('metier')
    const results = page.locator('.VPLocalSearchBox .result')
    await results.first().waitFor()
    // Sections of the two « Responsable métier » pages, found without the accent.
    expect((await results.allTextContents()).join(' | ')).toContain('responsable métier')
    const hrefs = await results.evaluateAll((els) => els.map((e) => e.getAttribute('href')))
    expect(hrefs).toContain(`${BASE}roles/responsable-metier#quelles-sont-les-questions-a-se-poser-en-tant-que-responsable-metier`)
    await input.fill('equipe')
    // Results refresh after a debounce: poll until the new ones are in.
    await expect.poll(async () => (await results.allTextContents()).join(' | ')).toContain('Une équipe produit')
    expect(errors).toEqual([])
    expect(foreign).toEqual([])
    await page.close()
  })

  it('every page passes axe (WCAG 2.1 A and AA) in the light and the dark theme', async () => {
    // Each page loaded once, then switched to dark as VitePress's button does (the `dark` class).
    const context = await site.browser.newContext()
    await prepareAxe(context)
    for (const p of PAGES) {
      const page = await context.newPage()
      await page.goto(`${site.server.origin}${BASE}${p}`, { waitUntil: 'networkidle' })
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme })
        await page.evaluate((dark) => document.documentElement.classList.toggle('dark', dark), colorScheme === 'dark')
        expect(await axeViolations(page), `${colorScheme} ${p}`).toEqual([])
      }
      await page.close()
    }
    await context.close()
  }, 600_000)

  it('the .html form of a URL works too', async () => {
    const { page, errors } = await watchedPage()
    const res = await page.goto(`${site.server.origin}${BASE}roles/product-manager.html`)
    expect(res!.status()).toBe(200)
    await expect(page.locator('h1').first().textContent()).resolves.toContain('Product Manager')
    expect(errors).toEqual([])
    await page.close()
  })

  it('the page hydrates with its own branch of the sidebar, then shows the whole sidebar; « Plan du site » opens', async () => {
    const { page, errors } = await watchedPage()
    await page.goto(`${site.server.origin}${BASE}roles/product-manager`, { waitUntil: 'networkidle' })
    // Entries of another group come from the shared site data, not from this page's HTML.
    await page.locator('.VPSidebar a', { hasText: 'Une équipe produit' }).waitFor()
    await expect(page.locator('.VPSidebar a.VPLink').count()).resolves.toBe(6)
    // No hydration mismatch: Vue reports one as a console error.
    expect(errors).toEqual([])
    await page.locator('.VPSidebar .gb-sitemap-link a').click()
    await page.waitForURL(`${site.server.origin}${BASE}plan-du-site`)
    await expect(page.locator('h1').textContent()).resolves.toBe('Plan du site')
    await expect(page.locator('nav a').count()).resolves.toBe(6)
    await page.close()
  })

  it('follows the sidebar and a relative link', async () => {
    const { page, errors } = await watchedPage()
    await page.goto(`${site.server.origin}${BASE}`, { waitUntil: 'networkidle' })
    // The section is collapsed, as in GitBook: open it, then follow the page.
    await page.locator('.VPSidebarItem.collapsible', { hasText: 'Une équipe produit' }).locator('.caret').click()
    await page.locator('.VPSidebar a', { hasText: 'Responsable métier (PM)' }).click()
    await page.waitForURL(`${site.server.origin}${BASE}cadrer/les-differents-roles-et-metiers/responsable-metier`)
    // The router changes the URL first, then the content: wait for the new title.
    await page.locator('h1', { hasText: 'Responsable métier (PM)' }).waitFor()
    await page.locator('.vp-doc a', { hasText: 'responsable produit' }).click()
    await page.waitForURL(`${site.server.origin}${BASE}cadrer/les-differents-roles-et-metiers/responsable-produit`)
    await page.locator('h1', { hasText: 'Responsable produit' }).waitFor()
    expect(errors).toEqual([])
    await page.close()
  })

  it('an old file-path URL forwards to the published page, keeping the anchor', async () => {
    const { page } = await watchedPage()
    await page.goto(`${site.server.origin}${BASE}preparer-et-lancer/les-differents-roles-et-metiers/responsable-metier#quel-est-son-quotidien`)
    await page.waitForURL(/\/cadrer\/les-differents-roles-et-metiers\/responsable-metier#quel-est-son-quotidien$/)
    await page.locator('h1', { hasText: 'Responsable métier' }).waitFor()
    await page.close()
  })

  it('an unknown URL shows the French 404 page', async () => {
    const { page } = await watchedPage()
    const res = await page.goto(`${site.server.origin}${BASE}nulle-part`)
    expect(res!.status()).toBe(404)
    await expect(page.locator('body').textContent()).resolves.toContain('Page introuvable')
    await page.close()
  })

  it('tabs: a tablist once running, click and arrow keys switch panels', async () => {
    const { page, errors } = await watchedPage()
    await page.goto(`${site.server.origin}${BASE}roles/responsable-metier`, { waitUntil: 'networkidle' })
    const tabs = page.getByRole('tab')
    await expect(tabs.count()).resolves.toBe(3)
    await expect(page.getByRole('tabpanel').textContent()).resolves.toContain('assume pleinement')
    await tabs.nth(1).click()
    await expect(page.getByRole('tabpanel').textContent()).resolves.toContain('Dans ce modèle')
    await page.keyboard.press('ArrowRight')
    await expect(tabs.nth(2).getAttribute('aria-selected')).resolves.toBe('true')
    await page.keyboard.press('Home')
    await expect(tabs.nth(0).getAttribute('aria-selected')).resolves.toBe('true')
    expect(errors).toEqual([])
    await page.close()
  })
})
