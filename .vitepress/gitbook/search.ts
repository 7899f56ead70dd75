// Local search tuned for French: `metier` finds `métier`, `ELEVE` finds `élève`.
import type MarkdownIt from 'markdown-it'
import { fr } from '../theme/i18n/fr'
import { renderedPage } from './index'

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
    // The page's HTML from its build render when the source is unchanged,
    // instead of rendering it again. VitePress keeps `_` keys out of the
    // browser's site data.
    _render(src: string, env: { path: string; frontmatter?: Record<string, unknown> }, md: MarkdownIt) {
      const hit = renderedPage(env.path, src)
      const html = hit ? hit.html : md.render(src, env)
      const off = hit ? hit.searchOff : env.frontmatter?.search === false
      return off ? '' : html
    },
  },
}
