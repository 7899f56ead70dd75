// Expandables: GitBook exports them as native `<details>`/`<summary>` HTML
// with Markdown between (blank lines or not). markdown-it already keeps the
// Markdown inside; this rule only gives each `<details>` the anchor GitBook
// gives it (`Expandable.tsx`: block id), derived from the summary text so it
// is stable, and unique on the page (headings included).
import type MarkdownIt from 'markdown-it'
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import type { GitbookContext, MarkdownEnv } from '../env'
import { gitbookSlug, legacyGitbookSlug, SlugCounter } from '../slug'
import { attrOf, htmlText } from './html'

const DETAILS_OPEN = /<details\b([^>]*)>/gi

export function detailsPlugin(md: MarkdownIt, _ctx: GitbookContext): void {
  // Pushed last: heading ids (markdown-it-anchor, a core rule) are known by then.
  md.core.ruler.push('gitbook_details', (state: StateCore) => {
    const blocks = state.tokens.filter((t) => t.type === 'html_block')
    if (!blocks.some((t) => /<details\b/i.test(t.content))) return
    const ids = new SlugCounter()
    // The ids expandables had before the 2026-12 slug revision (`’` → `-`,
    // trailing periods kept) join the page's alias map, so old links land.
    const previous = new SlugCounter()
    for (const t of state.tokens) {
      const id = t.attrGet('id')
      const html = t.type === 'html_block' ? t.content : ''
      for (const x of [id, ...[...html.matchAll(/\sid\s*=\s*"([^"]+)"/gi)].map((m) => m[1])]) {
        if (!x) continue
        ids.reserve(x)
        previous.reserve(x)
      }
    }
    const env = state.env as MarkdownEnv
    const aliases = env.gitbookAnchors?.aliases
    for (let i = 0; i < state.tokens.length; i++) {
      const t = state.tokens[i]
      if (t.type !== 'html_block' || !/<details\b/i.test(t.content)) continue
      t.content = t.content.replace(DETAILS_OPEN, (tag, attrs: string) => {
        if (attrOf(tag, 'id')) return tag.replace(/^<details/i, '<details class="gb-details"')
        // The summary is in this block or the next html block (blank line between).
        const rest = t.content.slice(t.content.indexOf(tag)) + (state.tokens[i + 1]?.type === 'html_block' ? state.tokens[i + 1].content : '')
        const summary = /<summary\b[^>]*>([\s\S]*?)<\/summary>/i.exec(rest)
        const text = summary ? htmlText(summary[1]) : ''
        const id = ids.unique(gitbookSlug(text) || 'details')
        const before = previous.unique(legacyGitbookSlug(text) || 'details')
        if (aliases && before !== id && !ids.has(before) && !(before in aliases)) aliases[before] = id
        // A link target like a heading: the anchor check (pushed after this rule) knows it.
        env.gitbookAnchors?.ids.add(id)
        return `<details class="gb-details" id="${id}"${attrs}>`
      })
    }
    if (aliases && env.frontmatter && Object.keys(aliases).length) env.frontmatter.gitbookAnchors = aliases
  })
}
