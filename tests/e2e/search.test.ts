// Search as a French reader uses it, in real Chromium on sites served by nginx:
// a table of everyday queries typed into the site's search box, each with the
// page (and section) expected in the top 3, on a small French space built
// here (tests/spaces/recherche); then the handbook (docs/) for results that
// share a section title, loading on demand and the modal's accessibility.
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { SITES } from '../global-setup'
import { buildSpaceAsync, OUTPUT, ROOT } from '../helpers/build'
import { servedSite } from '../helpers/served'
import { openSearch, searchFor } from '../helpers/search'

const SPACE = path.join(ROOT, 'tests/spaces/recherche')
const DIST = path.join(OUTPUT, 'recherche')

/**
 * [query, expected, what it tests]. `expected`: `route` = any section of that
 * page, `route#` = the page top (`#top`), `route#anchor` = that section.
 */
const QUERIES: [string, string, string][] = [
  // Page titles land on the page top.
  ['architecte', '/roles/equipe/architecte#', 'title'],
  ['Product Owner', '/roles/equipe/product-owner#', 'title'],
  ['homologation de sécurité', '/securite/homologation#', 'title'],
  ['analyse de devis', '/financer/devis#', 'title'],
  ['marchés publics', '/financer/marches#', 'title'],
  ['l’équipe produit', '/roles/equipe#', 'title, curly apostrophe'],
  ['protection des données', '/securite/donnees#', 'title'],
  // Words only in the opening paragraph (before the first heading) or description.
  ['système d’information', '/roles/equipe/architecte#', 'opening paragraph'],
  ['backlog', '/roles/equipe/product-owner#', 'opening paragraph'],
  ['autorité désignée', '/securite/homologation#', 'opening paragraph'],
  ['RGPD', '/securite/donnees#', 'opening paragraph'],
  ['prestataires', '/financer/devis#', 'opening paragraph'],
  ['égalité de traitement', '/financer/marches#', 'opening paragraph'],
  ['pluridisciplinaire', '/roles/equipe#', 'description front matter'],
  // No accents.
  ['securite', '/securite/homologation', 'accents'],
  ['procedure adaptee', '/financer/marches#procedures', 'accents, table cell'],
  ['delegue protection', '/securite/donnees#obligations', 'accents, hint'],
  ['referentiel interoperabilite', '/roles/equipe/architecte#competences-attendues', 'accents, hint'],
  ["l'equipe", '/roles/equipe#', 'straight apostrophe, no accent'],
  // Plurals and inflections.
  ['architectes', '/roles/equipe/architecte#', 'plural'],
  ['équipes produits', '/roles/equipe#', 'plurals'],
  ['rétrospectives', '/roles/equipe/product-owner#rituels', 'plural, table cell'],
  ['homologuer', '/securite/homologation', 'verb form'],
  ['signer décision', '/securite/homologation#decision', 'verb, step'],
  // Ligatures.
  ['maitrise d’oeuvre', '/financer/devis#points-de-vigilance', 'ligature œ'],
  ['unités d’œuvre', '/financer/devis#points-de-vigilance', 'ligature, card'],
  // One typo in words of 5 letters or more.
  ['architcte', '/roles/equipe/architecte', 'typo'],
  ['homolgation', '/securite/homologation', 'typo'],
  ['cartographie aplicative', '/roles/equipe/architecte#missions', 'typo, tab'],
  // Text only inside tabs, steps, expandables, tables, cards, annotations.
  ['haute disponibilité', '/roles/equipe/architecte#missions', 'tab'],
  ['EBIOS', '/securite/homologation#analyse-de-risques', 'step'],
  ['directeur métier', '/securite/homologation#responsabilites', 'expandable'],
  ['revue de sprint', '/roles/equipe/product-owner#rituels', 'table cell'],
  ['gré à gré', '/financer/marches#procedures', 'table cell, short words'],
  ['bordereau', '/financer/devis#points-de-vigilance', 'card title'],
  ['questionnaire trimestriel', '/roles/equipe/product-owner', 'annotation'],
  // Prefixes, as typed.
  ['interop', '/roles/equipe/architecte#competences-attendues', 'prefix'],
  ['effacem', '/securite/donnees#droits-des-personnes', 'prefix'],
]

function matches(href: string, expected: string): boolean {
  if (expected.endsWith('#')) return href === `${expected}top`
  if (expected.includes('#')) return href === expected
  return href.split('#')[0] === expected
}

beforeAll(async () => {
  fs.rmSync(DIST, { recursive: true, force: true })
  const r = await buildSpaceAsync({ src: SPACE, out: DIST })
  if (r.status !== 0) throw new Error(`building tests/spaces/recherche failed:\n${r.log}`)
})
const fixture = servedSite(DIST, '/')
const handbook = servedSite(SITES.root.out, SITES.root.base)

async function openPage(origin: string, route: string): Promise<{ page: Page; errors: string[] }> {
  const page = await fixture.browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  await page.goto(`${origin}${route}`, { waitUntil: 'networkidle' })
  return { page, errors }
}

describe('French queries typed into the search box', () => {
  let page: Page
  let errors: string[]
  beforeAll(async () => {
    ;({ page, errors } = await openPage(fixture.server.origin, '/'))
    await openSearch(page)
  })

  it(`has at least 30 queries`, () => expect(QUERIES.length).toBeGreaterThanOrEqual(30))

  it.each(QUERIES)('« %s » → %s in the top 3 (%s)', async (query, expected) => {
    const hits = await searchFor(page, query)
    const top = hits.slice(0, 3).map((h) => h.href)
    expect(top.some((h) => matches(h, expected)), `top 3: ${top.join(' | ')}`).toBe(true)
    expect(errors).toEqual([])
  })

  it('every result shows Page title › Section, and the page top the page title alone', async () => {
    const hits = await searchFor(page, 'architecte')
    const top = hits.find((h) => h.href === '/roles/equipe/architecte#top')!
    expect(top.titles).toEqual(['Architecte'])
    const missions = (await searchFor(page, 'haute disponibilité')).find((h) => h.href.endsWith('#missions'))!
    expect(missions.titles).toEqual(['Architecte', 'Missions'])
    expect(missions.excerpt).toContain('haute disponibilité')
  })

  it('highlights the matched words in the excerpt', async () => {
    await searchFor(page, 'cartographie')
    const marked = await page.$$eval('.VPLocalSearchBox .excerpt mark', (ms) => ms.map((m) => m.textContent ?? ''))
    expect(marked, marked.join()).toContain('cartographie')
  })

  it('marks whole accented words for a query typed without accents', async () => {
    await searchFor(page, 'equipe')
    const marked = await page.$$eval('.VPLocalSearchBox .excerpt mark', (ms) => ms.map((m) => m.textContent ?? ''))
    expect(marked.length).toBeGreaterThan(0)
    for (const m of marked) expect(m, marked.join()).toMatch(/^[ée]quipes?$/i)
    expect(marked.some((m) => /^[Éé]quipe/.test(m)), marked.join()).toBe(true)
  })

  it('a page-top result shows the page’s opening text, the words marked', async () => {
    const hits = await searchFor(page, 'backlog')
    const top = hits.find((h) => h.href === '/roles/equipe/product-owner#top')!
    expect(top.excerpt).toContain('Le Product Owner priorise le backlog')
    const marked = await page.$$eval('.VPLocalSearchBox a.result[href$="product-owner#top"] .excerpt mark', (ms) =>
      ms.map((m) => m.textContent),
    )
    expect(marked).toEqual(['backlog'])
  })

  it('finds nothing from a noIndex page nor from the navigation alone', async () => {
    for (const q of ['zorglub', 'brouillon']) {
      expect(await searchFor(page, q), q).toEqual([])
      await expect(page.locator('.VPLocalSearchBox .no-results').textContent()).resolves.toContain('Aucun résultat')
    }
  })

  it('a query made only of stop words shows nothing rather than noise', async () => {
    await page.locator('#localsearch-input').fill('de la')
    await page.waitForTimeout(500)
    await expect(page.locator('.VPLocalSearchBox a.result').count()).resolves.toBe(0)
  })
})

describe('the search modal, by keyboard and screen reader', () => {
  it('opens from its button, traps focus, moves with arrows, announces results, closes on Escape and gives focus back', async () => {
    const { page, errors } = await openPage(fixture.server.origin, '/roles/equipe/architecte')
    const button = page.locator('#local-search button').first()
    await button.focus()
    await openSearch(page)
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('localsearch-input')
    const hits = await searchFor(page, 'architecte')
    const status = page.locator('#gb-search-status')
    await expect(status.getAttribute('aria-live')).resolves.toBe('polite')
    await page.waitForFunction(() => /pour « architecte »/.test(document.getElementById('gb-search-status')?.textContent ?? ''))
    await expect(status.textContent()).resolves.toBe(`${hits.length} résultat${hits.length > 1 ? 's' : ''} pour « architecte »`)
    // Arrow keys move the selection the input points at.
    const input = page.locator('#localsearch-input')
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBe('localsearch-item-0')
    await page.keyboard.press('ArrowDown')
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBe('localsearch-item-1')
    await expect(page.locator('#localsearch-item-1').getAttribute('aria-selected')).resolves.toBe('true')
    await page.keyboard.press('ArrowUp')
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBe('localsearch-item-0')
    // Tab never leaves the modal.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab')
      await expect(page.evaluate(() => !!document.activeElement?.closest('.VPLocalSearchBox'))).resolves.toBe(true)
    }
    await page.keyboard.press('Escape')
    await page.locator('.VPLocalSearchBox').waitFor({ state: 'detached' })
    await expect(page.evaluate(() => !!document.activeElement?.closest('#local-search'))).resolves.toBe(true)
    await expect(status.textContent()).resolves.toBe('')
    expect(errors).toEqual([])
    await page.close()
  })

  it('says everything in French', async () => {
    const { page } = await openPage(fixture.server.origin, '/')
    await openSearch(page)
    await searchFor(page, 'zorglub')
    const said = await page.$eval('.VPLocalSearchBox', (box) =>
      [box.textContent, ...[...box.querySelectorAll('[title], [aria-label], [placeholder]')].flatMap((e) =>
        ['title', 'aria-label', 'placeholder'].map((a) => e.getAttribute(a) ?? ''))].join(' | '),
    )
    for (const english of ['Search', 'No results', 'Reset', 'Close', 'detailed', 'to navigate', 'to select', 'to close', 'enter', 'escape', 'up arrow', 'down arrow']) {
      expect(said.toLowerCase(), said).not.toContain(english.toLowerCase())
    }
    expect(said).toContain('Aucun résultat pour')
    await page.close()
  })
})

describe('the handbook (docs/)', () => {
  it('two results with the same section title show different page titles', async () => {
    const { page, errors } = await openPage(handbook.server.origin, '/')
    await openSearch(page)
    const title = 'Quelles sont les questions à se poser en tant que responsable métier ?'
    const hits = (await searchFor(page, 'questions à se poser responsable métier')).filter((h) => h.titles.at(-1) === title)
    expect(hits.length).toBe(2)
    expect(hits[0].titles[0]).not.toBe(hits[1].titles[0])
    expect(hits.map((h) => h.titles.length)).toEqual([2, 2])
    expect(errors).toEqual([])
    await page.close()
  })

  it('a page view requests no search index; opening search does', async () => {
    const page = await fixture.browser.newPage()
    const requested: string[] = []
    page.on('request', (r) => requested.push(r.url()))
    await page.goto(`${handbook.server.origin}/roles/product-manager`, { waitUntil: 'networkidle' })
    expect(requested.filter((u) => /localSearchIndex|VPLocalSearchBox/.test(u))).toEqual([])
    await openSearch(page)
    await page.waitForLoadState('networkidle')
    expect(requested.some((u) => /@localSearchIndexroot/.test(decodeURIComponent(u)))).toBe(true)
    await page.close()
  })
})
