// Expandables: GitBook exports them as native `<details>`/`<summary>` HTML
// with Markdown between (blank lines or not). markdown-it already keeps the
// Markdown inside; this rule only gives each `<details>` the anchor GitBook
// gives it (`Expandable.tsx`: block id), derived from the summary text so it
// is stable, and unique on the page (headings included).
import type MarkdownIt from 'markdown-it'
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import type { GitbookContext } from '../env'
import { gitbookSlug, SlugCounter } from '../slug'
import { attrOf, htmlText } from './html'

const DETAILS_OPEN = /<details\b([^>]*)>/gi

export function detailsPlugin(md: MarkdownIt, _ctx: GitbookContext): void {
  // Pushed last: heading ids (markdown-it-anchor, a core rule) are known by then.
  md.core.ruler.push('gitbook_details', (state: StateCore) => {
    const blocks = state.tokens.filter((t) => t.type === 'html_block')
    if (!blocks.some((t) => /<details\b/i.test(t.content))) return
    const ids = new SlugCounter()
    for (const t of state.tokens) {
      const id = t.attrGet('id')
      if (id) ids.reserve(id)
      const html = t.type === 'html_block' ? t.content : ''
      for (const m of html.matchAll(/\sid\s*=\s*"([^"]+)"/gi)) ids.reserve(m[1])
    }
    for (let i = 0; i < state.tokens.length; i++) {
      const t = state.tokens[i]
      if (t.type !== 'html_block' || !/<details\b/i.test(t.content)) continue
      t.content = t.content.replace(DETAILS_OPEN, (tag, attrs: string) => {
        if (attrOf(tag, 'id')) return tag.replace(/^<details/i, '<details class="gb-details"')
        // The summary is in this block or the next html block (blank line between).
        const rest = t.content.slice(t.content.indexOf(tag)) + (state.tokens[i + 1]?.type === 'html_block' ? state.tokens[i + 1].content : '')
        const summary = /<summary\b[^>]*>([\s\S]*?)<\/summary>/i.exec(rest)
        const base = gitbookSlug(summary ? htmlText(summary[1]) : '') || 'details'
        return `<details class="gb-details" id="${ids.unique(base)}"${attrs}>`
      })
    }
  })
}
