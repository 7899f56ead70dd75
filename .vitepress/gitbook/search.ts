// Local search (VitePress's MiniSearch) tuned for French readers of a GitBook
// space: pages found by their title and opening text, results shown as
// `Page title › Section`, French folding and light stemming. Engine choice
// and figures: bench/search.bench.ts.
import fs from 'node:fs'
import path from 'node:path'
import { fr } from '../theme/i18n/fr'
import { once } from './once'
import { frenchTerm, typoAllowance } from './search-terms'
import { splitSections } from './search-sections'
import type { Space } from './space'
import type MarkdownIt from 'markdown-it'
import { renderedPage } from './index'
import { searchOptions } from './search-client'

export { installFrenchSearch } from './search-client'

/**
 * frenchTerm for the build's indexer, remembered per word: the index of
 * 1,000 pages folds millions of words, mostly the same few thousand (frenchTerm
 * itself stays self-contained: the browser gets its source).
 */
export function rememberedTerms(): typeof frenchTerm {
  // Words of a huge space: started again past 200,000 rather than grown without end.
  const terms = once(frenchTerm, 200_000)
  return (word) => {
    const term = terms(word)
    // A copy of a list: the caller may keep or change it.
    return Array.isArray(term) ? [...term] : term
  }
}

/**
 * `options` (term folding, for the build's indexer) and `searchOptions` kept
 * out of the page's site data: the browser gets them from installFrenchSearch.
 */
function hiddenFunctions<T extends object>(miniSearch: T) {
  Object.defineProperty(miniSearch, 'options', { value: { processTerm: rememberedTerms() }, enumerable: false })
  Object.defineProperty(miniSearch, 'searchOptions', { value: searchOptions(), enumerable: false })
  return miniSearch
}

export function frenchSearch(space: Space) {
  return {
    provider: 'local' as const,
    options: {
      ...fr.search.options,
      // Excerpts with the matched words highlighted, by default.
      detailedView: true,
      miniSearch: hiddenFunctions({
        // Build-time only (keys starting with `_` never reach the browser).
        _splitIntoSections: (file: string, html: string) => {
          // VitePress 1.6.4's dev server re-indexes an edited page under a
          // wrong path (the space's path twice), which it renders as nothing:
          // a page-top section for it would be added again on the next edit,
          // MiniSearch would throw on the duplicate id, and that edit would
          // never reach the browser.
          if (!fs.existsSync(file)) return []
          const rel = path.relative(space.root, file).split(path.sep).join('/')
          const page = space.pages.get(rel)
          const fm = page?.frontmatter ?? {}
          if (fm.noIndex === true || fm.noRobotsIndex === true || fm.search === false) return []
          const description = typeof fm.description === 'string' ? fm.description : ''
          return splitSections(html, page?.title ?? path.basename(file, '.md'), description)
        },
      }),
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
}
