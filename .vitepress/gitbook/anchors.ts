// Heading ids: GitBook's slug everywhere (ids, outline, search). The ids are
// set by `headings.ts` before markdown-it-anchor runs; these options make the
// anchor plugin and the outline agree with them, and label permalinks in French.
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import { headingText } from './headings'
import { gitbookSlug } from './slug'

/** The accessible name of a heading's permalink. */
export function permalinkLabel(title: string): string {
  return `Lien vers la section « ${title} »`
}

/**
 * markdown-it-anchor's `permalink` option is a function `(slug, opts, state,
 * idx)`. This one builds what VitePress's `linkInsideHeader` builds (a space,
 * then `<a class="header-anchor" href="#id">&ZeroWidthSpace;</a>` inside the
 * heading), with a French label made from the heading's plain text.
 */
export function frenchPermalink(slug: string, _opts: unknown, state: StateCore, idx: number): void {
  const inline = state.tokens[idx + 1]
  const children = inline.children ?? (inline.children = [])
  const title = headingText(children)
  const space = new state.Token('text', '', 0)
  space.content = ' '
  const open = new state.Token('link_open', 'a', 1)
  open.attrs = [['class', 'header-anchor'], ['href', `#${slug}`], ['aria-label', permalinkLabel(title)]]
  const symbol = new state.Token('html_inline', '', 0)
  symbol.content = '&ZeroWidthSpace;'
  // The outline leaves out tokens marked so (mdit-vue resolveTitleFromToken).
  symbol.meta = { isPermalinkSymbol: true }
  children.push(space, open, symbol, new state.Token('link_close', 'a', -1))
}

export const GITBOOK_SLUG_OPTIONS = {
  // `#####` and deeper: no id, no permalink (GitBook gives them none; headings.ts MAX_ID_LEVEL).
  anchor: { slugify: gitbookSlug, level: [2, 3, 4], permalink: frenchPermalink },
  headers: { level: [2, 3], slugify: gitbookSlug },
}
