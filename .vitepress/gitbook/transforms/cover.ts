// Front-matter `cover`: GitBook's hero image above the title, `coverY` its
// vertical offset in px, `coverHeight` its height, `layout.cover.visible`
// whether it shows. The image goes through the images rule like any other
// (bundled, or its absence reported).
import type MarkdownIt from 'markdown-it'
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import { type GitbookContext, pageState, report } from '../env'
import { isSafeUrl, UNSAFE_URL_HINT, unsafeUrlMessage } from '../url-policy'
import { applyGitbookFrontmatter } from '../frontmatter'
import { escapeHtml } from '../tag/registry'

export function coverPlugin(md: MarkdownIt, ctx: GitbookContext): void {
  md.core.ruler.after('inline', 'gitbook_cover', (state: StateCore) => {
    const fm = state.env.frontmatter
    if (!fm) return
    const gb = applyGitbookFrontmatter(fm)
    if (!gb.cover || !gb.coverVisible) return
    if (!isSafeUrl(gb.cover, { image: true })) {
      report(state.env, ctx, -pageState(state.env, ctx).lineOffset, 'warning', 'url-unsafe', unsafeUrlMessage('front matter cover', gb.cover), UNSAFE_URL_HINT)
      return
    }
    const height = gb.coverHeight && gb.coverHeight > 0 ? gb.coverHeight : 240
    // GitBook's coverY moves the image up (negative) or down inside the frame.
    const y = gb.coverY ? `calc(50% ${gb.coverY < 0 ? '-' : '+'} ${Math.abs(gb.coverY)}px)` : '50%'
    const token = new state.Token('html_block', '', 0)
    token.map = [0, 0]
    token.content =
      `<div class="gb-cover${gb.coverSize === 'hero' ? ' gb-cover--hero' : ''}" style="height: ${height}px">` +
      `<img class="gb-cover__image" src="${escapeHtml(gb.cover)}" alt="" style="object-position: 50% ${y}"></div>\n`
    state.tokens.unshift(token)
  })
}
