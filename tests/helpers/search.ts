// The site's own search box driven like a reader: Ctrl+K, type, read the
// results list. Shared by the search tests and bench/search.bench.ts.
import type { Page } from 'playwright-core'

export interface SearchHit {
  /** Link of the result, as the page holds it (base included). */
  href: string
  /** Breadcrumb shown: page title first, section last. */
  titles: string[]
  excerpt: string
}

/** Open the search modal on a loaded page and return its input. */
export async function openSearch(page: Page) {
  const input = page.locator('#localsearch-input')
  // The shortcut works once the page is hydrated: on a busy machine that can
  // follow `networkidle`, so press again until the box shows.
  for (let i = 0; ; i++) {
    await page.keyboard.press('Control+k')
    try {
      await input.waitFor({ state: 'visible', timeout: 3000 })
      return input
    } catch (e) {
      if (i === 9) throw e
    }
  }
}

/** What the results list shows now (empty when none). */
export function readHits(page: Page): Promise<SearchHit[]> {
  return page.$$eval('.VPLocalSearchBox .results a.result', (links) =>
    links.map((a) => ({
      href: a.getAttribute('href') ?? '',
      titles: [...a.querySelectorAll('.titles .text')].map((t) => (t.textContent ?? '').trim()),
      excerpt: (a.querySelector('.excerpt')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    })),
  )
}

/** Clear the box, type `query` key by key, and return the settled results. */
export async function searchFor(page: Page, query: string): Promise<SearchHit[]> {
  const input = page.locator('#localsearch-input')
  await input.fill('')
  await page.waitForFunction(() => !document.querySelector('.VPLocalSearchBox .results li'))
  await input.pressSequentially(query)
  await page.waitForFunction(() => document.querySelector('.VPLocalSearchBox .results li'))
  // The box searches 200 ms after the last key: wait until two reads agree.
  let last = ''
  for (;;) {
    await page.waitForTimeout(250)
    const now = JSON.stringify(await readHits(page))
    if (now === last) return JSON.parse(now)
    last = now
  }
}
