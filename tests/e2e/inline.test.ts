// GitBook inline and HTML constructs in a real browser, on the fixture site
// (tests/fixtures, built by global-setup) served by nginx: expandables open by
// mouse and keyboard, annotations lead to their note, light/dark images follow
// the theme switch and the OS preference, the search button opens the search,
// images are bundled files, math is SVG with nothing fetched, and axe finds no
// WCAG 2.1 A or AA violation on the whole page, of any impact.
import fs from 'node:fs'
import path from 'node:path'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { axeViolations, prepareAxe } from '../helpers/axe'
import { FIXTURE_SITE } from '../helpers/fixtures'
import { servedSite } from '../helpers/served'

const site = servedSite(FIXTURE_SITE, '/')

/** A fresh context (no stored theme choice), a page that records foreign requests and errors. */
async function open(route: string, colorScheme: 'light' | 'dark' = 'light', width = 1280) {
  const context: BrowserContext = await site.browser.newContext({ colorScheme, viewport: { width, height: 900 } })
  const page: Page = await context.newPage()
  const foreign: string[] = []
  const errors: string[] = []
  page.on('request', (r) => {
    const u = new URL(r.url())
    if (u.hostname !== '127.0.0.1' && !u.protocol.startsWith('data')) foreign.push(r.url())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${site.server.origin}/${route}`, { waitUntil: 'networkidle' })
  return { page, context, foreign, errors }
}

describe('expandables', () => {
  it('open on click, and on Enter and Space on the summary', async () => {
    const { page, context, errors } = await open('details/basic')
    const details = page.locator('details#deja-ouvert')
    expect(await details.getAttribute('open')).not.toBeNull()
    const first = page.locator('details#comment-demarrer-1')
    expect(await first.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false)
    await first.locator('summary').click()
    expect(await first.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true)
    await expect(first.getByText('Premier paragraphe').isVisible()).resolves.toBe(true)

    const third = page.locator('details#comment-demarrer-2')
    await third.locator('summary').focus()
    await page.keyboard.press('Enter')
    expect(await third.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true)
    await page.keyboard.press('Space')
    expect(await third.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false)
    await page.keyboard.press('Space')
    expect(await third.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })

  it('opens when the address targets its anchor', async () => {
    const { page, context } = await open('details/no-blank-line#les-etapes')
    await page.waitForFunction(() => (document.getElementById('les-etapes') as HTMLDetailsElement | null)?.open === true)
    await context.close()
  })
})

describe('annotations', () => {
  it('show the note on hover and focus, and lead to it', async () => {
    const { page, context } = await open('annotations/notes')
    const annotated = page.locator('a.gb-annotation')
    const tooltip = () => annotated.evaluate((a) => getComputedStyle(a, '::after').content)
    expect(await tooltip()).toBe('none')
    await annotated.hover()
    expect(await tooltip()).toContain('Version la plus simple')
    await page.mouse.move(0, 0)
    await annotated.focus()
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Tab')
    expect(await tooltip()).toContain('Version la plus simple')
    // Its accessible description is the note itself.
    expect(await annotated.getAttribute('aria-describedby')).toBe('fn1')
    await page.locator('sup.footnote-ref a').first().click()
    await page.waitForURL(/#fn1$/)
    await expect(page.locator('#fn1').isVisible()).resolves.toBe(true)
    await expect(page.locator('#fn1').textContent()).resolves.toContain('Version la plus simple')
    await context.close()
  })
})

describe('light and dark images', () => {
  const visible = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('.vp-doc figure img')].filter((i) => (i as HTMLElement).offsetWidth > 0).map((i) => i.className),
    )

  it('follow the VitePress theme switch', async () => {
    const { page, context } = await open('picture/dark-light', 'light')
    expect(await visible(page)).toEqual(['gb-only-light'])
    await page.locator('.VPNavBarAppearance button.VPSwitchAppearance').click()
    await page.waitForFunction(() => document.documentElement.classList.contains('dark'))
    expect(await visible(page)).toEqual(['gb-only-dark'])
    await page.locator('.VPNavBarAppearance button.VPSwitchAppearance').click()
    await page.waitForFunction(() => !document.documentElement.classList.contains('dark'))
    expect(await visible(page)).toEqual(['gb-only-light'])
    await context.close()
  })

  it('follow prefers-color-scheme: dark on first load', async () => {
    const { page, context } = await open('picture/dark-light', 'dark')
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true)
    expect(await visible(page)).toEqual(['gb-only-dark'])
    // The image really loaded (bundled file, not a broken link).
    const loaded = await page.locator('img.gb-only-dark').first().evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)
    expect(loaded).toBe(true)
    await context.close()
  })
})

describe('buttons', () => {
  it('the search button opens the local search with its query', async () => {
    const { page, context, errors } = await open('buttons/links')
    await page.locator('button[data-gb-search]').click()
    const input = page.locator('.VPLocalSearchBox input')
    await input.waitFor()
    await expect(input.inputValue()).resolves.toBe('produit')
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('math', () => {
  it('is SVG in the built page, with nothing fetched from elsewhere', async () => {
    const html = fs.readFileSync(path.join(FIXTURE_SITE, 'math/formulas.html'), 'utf8')
    const { document } = parseHTML(html)
    expect(document.querySelectorAll('.vp-doc mjx-container svg').length).toBe(3)
    expect(document.querySelector('script[src*="mathjax"]')).toBeNull()
    const { page, context, foreign, errors } = await open('math/formulas')
    expect(await page.locator('.vp-doc mjx-container svg').count()).toBe(3)
    expect(await page.locator('.vp-doc').textContent()).toContain('10 $ ou 20 $')
    expect(foreign).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('images', () => {
  it('every <img src> of the figure and picture pages is a file of the built site', () => {
    for (const file of ['figure/images.html', 'picture/dark-light.html', 'cards/grid.html', 'frontmatter/cover.html']) {
      const { document } = parseHTML(fs.readFileSync(path.join(FIXTURE_SITE, file), 'utf8'))
      const srcs = [...document.querySelectorAll('.vp-doc img')].map((i) => i.getAttribute('src') ?? '')
      expect(srcs.length).toBeGreaterThan(0)
      for (const src of srcs) {
        if (src.startsWith('data:')) continue
        expect(src.startsWith('/assets/'), src).toBe(true)
        expect(fs.existsSync(path.join(FIXTURE_SITE, decodeURIComponent(src))), src).toBe(true)
      }
    }
  })
})

describe('front matter', () => {
  const page = (file: string) => parseHTML(fs.readFileSync(path.join(FIXTURE_SITE, file), 'utf8')).document

  it('layout.*.visible hides the sidebar, outline, pagination and last update', async () => {
    const { page: p, context } = await open('frontmatter/hide-parts')
    expect(await p.locator('.VPSidebar').count()).toBe(0)
    expect(await p.locator('.VPDoc .aside').count()).toBe(0)
    expect(await p.locator('.VPDocFooter .pager-link').count()).toBe(0)
    expect(await p.locator('.VPLastUpdated').count()).toBe(0)
    // Title and description stay for screen readers, out of sight.
    expect(await p.locator('.vp-doc h1').evaluate((h) => h.getBoundingClientRect().width <= 1)).toBe(true)
    await context.close()
    const { page: q, context: c2 } = await open('frontmatter/description')
    expect(await q.locator('.VPSidebar').count()).toBe(1)
    expect(await q.locator('.VPDocFooter .pager-link').count()).toBeGreaterThan(0)
    await c2.close()
  })

  it('description is the meta description; noIndex adds robots noindex; GitBook keys do not reach VitePress', () => {
    expect(page('frontmatter/description.html').querySelector('meta[name="description"]')?.getAttribute('content'))
      .toBe('Une description pliée sur deux lignes, reprise en chapeau.')
    expect(page('frontmatter/noindex.html').querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex')
    const keys = page('frontmatter/gitbook-keys.html')
    expect(keys.querySelector('title')?.textContent).toMatch(/^Clés GitBook/)
    expect(keys.querySelector('meta[name="robots"]')).toBeNull()
  })

  it('a hidden page is built and reachable but not in the sidebar; icon pages show it in the sidebar', async () => {
    const { page: p, context } = await open('frontmatter/hidden')
    await expect(p.locator('h1').textContent()).resolves.toContain('Page cachée')
    expect(await p.locator('.VPSidebar a', { hasText: 'frontmatter/hidden' }).count()).toBe(0)
    expect(await p.locator('.VPSidebar a', { hasText: 'frontmatter/icon' }).locator('svg').count()).toBe(1)
    await context.close()
  })

  it('layout.width: wide widens the content', async () => {
    const width = async (route: string) => {
      // Wide enough for the content to grow beside the sidebar and the outline.
      const { page: p, context } = await open(route, 'light', 1920)
      const w = await p.locator('.vp-doc').evaluate((d) => d.getBoundingClientRect().width)
      await context.close()
      return w
    }
    expect(await width('frontmatter/wide')).toBeGreaterThan((await width('frontmatter/description')) + 50)
  })
})

describe('accessibility (axe)', () => {
  const PAGES = [
    'details/basic', 'figure/images', 'picture/dark-light', 'cards/grid', 'tables/options', 'mark/colours',
    'buttons/links', 'icons/inline', 'annotations/notes', 'mentions/pages', 'math/formulas', 'text/escapes', 'text/tasks',
  ]
  // The whole page and every impact: no part or construct left out (issue #12).
  // Each page is loaded once and checked in both themes, switched as
  // VitePress's button does (the `dark` class; prefers-color-scheme on first
  // load has its own test above): a second load per page took 20 s more.
  it('no WCAG 2.1 A or AA violation on the whole page, in the light and the dark theme', async () => {
    const found: string[] = []
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } })
    await prepareAxe(context)
    for (const route of PAGES) {
      const page = await context.newPage()
      await page.goto(`${site.server.origin}/${route}`, { waitUntil: 'networkidle' })
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme })
        await page.evaluate((dark) => document.documentElement.classList.toggle('dark', dark), theme === 'dark')
        for (const v of await axeViolations(page)) found.push(`${theme} ${route}: ${v}`)
      }
      await page.close()
    }
    await context.close()
    expect(found).toEqual([])
    // Thirteen pages through axe, twice: a minute or more on a loaded two-core machine.
  }, 600_000)
})
