// Links pasted from the GitBook site (and old forms typed in git) land on
// their heading: opened at #<gitbook id>, at the accented GitHub-style form and
// at VitePress's default form, the heading is in view and the hash ends as the
// GitBook id. Served by nginx under /ressources/, read in Chromium.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { SITES } from '../global-setup'
import { FIXTURE_SITE } from '../helpers/fixtures'
import { servedSite } from '../helpers/served'

const BASE = SITES.sub.base
const TEAM = 'cadrer/les-differents-roles-et-metiers/'
const site = servedSite(SITES.sub.out, BASE)
// The fixture space has the headings whose id the 2026-12 revision of §6 changed (`’`).
const fixtures = servedSite(FIXTURE_SITE, '/')

/** The heading's top is inside the viewport, below the fixed navigation bar. */
async function inView(page: Page, id: string): Promise<boolean> {
  return page.evaluate((id) => {
    const r = document.getElementById(id)!.getBoundingClientRect()
    const nav = document.querySelector('.VPNav')?.getBoundingClientRect().bottom ?? 0
    return r.top >= nav - 1 && r.bottom <= window.innerHeight
  }, id)
}

const CASES: [string, string, string][] = [
  // [page, hash as typed, GitBook id]
  [`${TEAM}responsable-metier`, 'quelles-sont-les-questions-a-se-poser-en-tant-que-responsable-metier', 'quelles-sont-les-questions-a-se-poser-en-tant-que-responsable-metier'],
  [`${TEAM}responsable-metier`, 'en-quoi-ce-rôle-est-important-', 'en-quoi-ce-role-est-important'],
  [`${TEAM}responsable-metier`, encodeURIComponent('quelles-sont-les-questions-à-se-poser-en-tant-que-responsable-métier-'), 'quelles-sont-les-questions-a-se-poser-en-tant-que-responsable-metier'],
  // VitePress's default slug: `c'est` → `c-est`, no trailing periods.
  [TEAM, 'porter-un-produit-c-est', 'porter-un-produit-cest'],
  [TEAM, 'une-equipe-produit-c-est', 'une-equipe-produit-cest'],
  // The id this project published before the 2026-12 revision: trailing periods kept.
  [TEAM, 'une-equipe-produit-cest...', 'une-equipe-produit-cest'],
]

/** Opened at `hash`, the page ends at `#id` with the heading in view, and no script error. */
async function lands(s: typeof site, url: string, id: string): Promise<void> {
  const page = await s.browser.newPage({ viewport: { width: 1280, height: 600 } })
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${s.server.origin}${url}`, { waitUntil: 'networkidle' })
  await page.waitForFunction((id) => decodeURIComponent(location.hash) === `#${id}`, id)
  await expect.poll(() => inView(page, id)).toBe(true)
  expect(errors).toEqual([])
  await page.close()
}

const FIXTURE_CASES: [string, string, string][] = [
  // `’` used to give `-`: the id before the revision, then the GitHub form typed in git.
  ['headings/anchor-links', 'equipe-d-accompagnement', 'equipe-daccompagnement'],
  ['headings/anchor-links', encodeURIComponent('équipe-daccompagnement'), 'equipe-daccompagnement'],
  ['headings/formatting', 'qu-est-ce-que-le-mode-produit', 'quest-ce-que-le-mode-produit'],
  ['headings/formatting', encodeURIComponent('quest-ce-que-le-mode-produit-'), 'quest-ce-que-le-mode-produit'],
  // Older GitBook pins dropped periods.
  ['headings/formatting', 'id-32-object-lock-limmuabilite-pour-la-conformite', 'id-3.2-object-lock-limmuabilite-pour-la-conformite'],
  // An expandable's id before the revision.
  ['details/apostrophe', 'qu-est-ce-qu-un-produit...', 'quest-ce-quun-produit'],
]

describe('old and new heading anchors', () => {
  for (const [p, hash, id] of CASES) {
    it(`${p}#${decodeURIComponent(hash)} lands on #${id}`, () => lands(site, `${BASE}${p}#${hash}`, id))
  }
  for (const [p, hash, id] of FIXTURE_CASES) {
    it(`fixture ${p}#${decodeURIComponent(hash)} lands on #${id}`, () => lands(fixtures, `/${p}#${hash}`, id))
  }

  it('an old form typed after the page is open (hashchange) lands too', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 600 } })
    await page.goto(`${site.server.origin}${BASE}${TEAM}responsable-produit`, { waitUntil: 'networkidle' })
    await page.evaluate(() => (location.hash = 'quel-est-son-quotidien-'))
    await page.waitForFunction(() => location.hash === '#quel-est-son-quotidien')
    await expect.poll(() => inView(page, 'quel-est-son-quotidien')).toBe(true)
    await page.close()
  })

  it('an unknown hash is left alone', async () => {
    const page = await site.browser.newPage()
    await page.goto(`${site.server.origin}${BASE}${TEAM}responsable-produit#nulle-part`, { waitUntil: 'networkidle' })
    expect(await page.evaluate(() => location.hash)).toBe('#nulle-part')
    await page.close()
  })
})
