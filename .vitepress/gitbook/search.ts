// Local search tuned for French: `metier` finds `métier`, `ELEVE` finds `élève`.
import { fr } from '../theme/i18n/fr'

export const frenchSearch = {
  provider: 'local' as const,
  options: {
    ...fr.search.options,
    miniSearch: {
      options: {
        // Self-contained on purpose: VitePress sends this function's source to
        // the browser, where imported helpers do not exist. MiniSearch applies
        // it to the index and to queries alike.
        processTerm: (term: string) =>
          term.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(),
      },
      searchOptions: { prefix: true, fuzzy: 0.2 },
    },
  },
}
