// The top of a page as GitBook shows it: the front-matter icon before the H1,
// and the front-matter description as a lead paragraph under it.
import type MarkdownIt from 'markdown-it'
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import { type GitbookContext, pageState, report } from '../env'
import { applyGitbookFrontmatter } from '../frontmatter'
import { iconSvg } from '../icons'
import { escapeHtml } from '../tag/registry'

export function pageHeadPlugin(md: MarkdownIt, ctx: GitbookContext): void {
  md.core.ruler.after('inline', 'gitbook_page_head', (state: StateCore) => {
    const fm = state.env.frontmatter
    if (!fm) return
    const gb = applyGitbookFrontmatter(fm)
    const page = pageState(state.env, ctx)
    if (page.file) {
      const lines = (state.env.gitbookSource ?? '').split('\n').slice(0, page.lineOffset)
      for (const key of gb.ignoredKeys) {
        const at = Math.max(0, lines.findIndex((l: string) => l.startsWith(`${key}:`) || l.startsWith(`'${key}'`) || l.startsWith(`"${key}"`)))
        report(state.env, ctx, at - page.lineOffset, 'warning', 'frontmatter-unknown',
          `front matter key "${key}" is not one GitBook writes; it is ignored`,
          'remove it: a page may not set the site’s head, layout or styles')
      }
    }
    const h1 = state.tokens.findIndex((t) => t.type === 'heading_open' && t.tag === 'h1')
    if (gb.icon && h1 >= 0) {
      const svg = iconSvg(gb.icon, 'gb-icon gb-page-icon')
      if (svg) {
        const token = new state.Token('html_inline', '', 0)
        token.content = `${svg} `
        state.tokens[h1 + 1].children?.unshift(token)
      } else if (pageState(state.env, ctx).file) {
        report(state.env, ctx, -pageState(state.env, ctx).lineOffset, 'warning', 'icon-unknown',
          `icon "${gb.icon}" is not a Font Awesome icon we ship`, 'use a Font Awesome 6 name (solid, regular or brands)')
      }
    }
    if (gb.description && gb.visible.description) {
      const lead = new state.Token('html_block', '', 0)
      lead.content = `<p class="gb-description">${escapeHtml(gb.description)}</p>\n`
      // After the H1 when there is one, else at the top.
      state.tokens.splice(h1 >= 0 ? h1 + 3 : 0, 0, lead)
    }
  })
}
