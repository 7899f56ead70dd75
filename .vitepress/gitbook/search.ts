// Local search tuned for French: `metier` finds `métier`, `ELEVE` finds `élève`.
import { fr } from '../theme/i18n/fr'

/** MiniSearch applies it to the index and to queries alike. */
export const foldTerm = (term: string) => term.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()

const miniSearch = { searchOptions: { prefix: true, fuzzy: 0.2 } }
// VitePress would send a function in the config to the browser as source text
// revived with `new Function`, which the Content-Security-Policy forbids (no
// 'unsafe-eval'). Non-enumerable, `options` stays out of the page's site data
// but the build's indexer still reads it; the theme gives the browser the same
// function (installFrenchSearch).
Object.defineProperty(miniSearch, 'options', { value: { processTerm: foldTerm }, enumerable: false })

export const frenchSearch = {
  provider: 'local' as const,
  options: {
    ...fr.search.options,
    miniSearch: miniSearch as typeof miniSearch & { options?: { processTerm: typeof foldTerm } },
  },
}

/** In the browser: the folding the index was built with, applied to queries. */
export function installFrenchSearch(themeConfig: { search?: { options?: { miniSearch?: Record<string, unknown> } } }) {
  const ms = themeConfig.search?.options?.miniSearch
  if (ms) ms.options = { processTerm: foldTerm }
}
