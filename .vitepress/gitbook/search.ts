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
    /**
     * The page HTML the index is built from. VitePress names each section
     * `page#anchor`, the anchor being the first `href="#…"` of the heading
     * (its own regular expressions, copied here), and MiniSearch aborts the
     * whole build on a repeated id: two headings linking to the same anchor
     * did that. A repeated one is indexed with the section before it.
     * Self-contained: VitePress sends theme-config functions to the browser.
     */
    _render(src: string, env: { frontmatter?: Record<string, unknown> }, md: { render: (s: string, e: unknown) => string }) {
      const html = md.render(src, env)
      if (env.frontmatter?.search === false) return ''
      const seen = new Set<string>()
      return html.replace(/<h(\d*).*?>(.*?<a.*? href="#.*?".*?>.*?<\/a>)<\/h\1>/gi, (heading: string) => {
        const anchor = /(.*?)<a.*? href="#(.*?)".*?>.*?<\/a>/i.exec(heading)?.[2] ?? ''
        if (!seen.has(anchor)) {
          seen.add(anchor)
          return heading
        }
        return heading.replace(/ href="#/g, ' data-href="#')
      })
    },
  },
}
