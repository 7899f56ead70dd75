// What the reader's browser needs of the French search: the term folding and
// the search options, given as real functions when the search box loads
// (installFrenchSearch, called from it: theme-patches.ts). VitePress would otherwise send config functions as
// source text revived with `new Function`, which the Content-Security-Policy
// forbids (no 'unsafe-eval'). No Node import here: this module is bundled.
import { frenchTerm, typoAllowance } from './search-terms'

/**
 * Field weights: a page title is the `title` of the page-top section (and
 * `titles[0]` of every other one); a heading is a section's `title`.
 */
export const SEARCH_BOOST = { title: 6, titles: 2, text: 1 }

/** The options MiniSearch searches with in the browser. */
export function searchOptions() {
  return {
    prefix: true,
    fuzzy: typoAllowance,
    boost: SEARCH_BOOST,
    // The page top wins a tie against one of its sections, so a title query lands on the page.
    boostDocument: (id: string) => (id.endsWith('#top') ? 1.5 : 1),
  }
}

type SearchConfig = { search?: { options?: { miniSearch?: Record<string, unknown> } } }

/** Give the site data's search config its functions back, in the browser. */
export function installFrenchSearch(themeConfig: SearchConfig): void {
  const ms = themeConfig.search?.options?.miniSearch
  if (!ms) return
  ms.options = { processTerm: frenchTerm }
  ms.searchOptions = searchOptions()
}
