// Mentions and links written in raw HTML.
// - Page mentions, `[file.md](../x/file.md "mention")` or `<a data-mention
//   href>`: GitBook shows the target page's title and icon, not the link text.
// - User mentions (`https://app.gitbook.com/u/<id>`): the person's name as
//   text; the GitBook app is not for readers.
// - `/broken/pages/<id>`: GitBook's export of a link it could not resolve →
//   text, reported.
// - Every other `<a href>` in raw HTML gets the published URL, as Markdown
//   links do in links.ts (VitePress leaves raw HTML alone).
import type MarkdownIt from 'markdown-it'
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import type Token from 'markdown-it/lib/token.mjs'
import { type GitbookContext, type MarkdownEnv, pageState, report } from '../env'
import { iconSvg } from '../icons'
import { resolveHref } from '../resolve'
import { escapeHtml } from '../tag/registry'
import { attrOf, escapeText, mergeInlineElements, withBase } from './html'
import { publishedHref } from './links'
import { rememberRawAnchor } from './anchor-check'

const USER = /^https:\/\/app\.gitbook\.com\/u\//i
const BROKEN = /^\/broken\/pages\//i

function brokenWarning(env: MarkdownEnv, ctx: GitbookContext, line: number, href: string): void {
  report(env, ctx, line, 'warning', 'link-broken', `link ${href} was exported by GitBook as broken (its target page was deleted or moved)`,
    'point it at the right page; its text is shown without a link meanwhile')
}

/** Title and icon of the page a mention points to, as HTML; null when not a page here. */
function mentionLabel(href: string, env: MarkdownEnv, ctx: GitbookContext): string | null {
  const r = resolveHref(ctx.space, pageState(env, ctx).file, href)
  if (r.kind !== 'page') return null
  const page = ctx.space.pages.get(r.file)
  if (!page) return null
  const icon = typeof page.frontmatter.icon === 'string' ? iconSvg(page.frontmatter.icon, 'gb-icon gb-mention__icon') : null
  return `${icon ? `${icon} ` : ''}${escapeHtml(page.title)}`
}

/** Published href of a raw-HTML link (base included), or null when there is nowhere to go (reported). */
export function rawLinkHref(href: string, env: MarkdownEnv, ctx: GitbookContext, line: number): string | null {
  if (href.startsWith('#')) return href
  if (BROKEN.test(href)) {
    brokenWarning(env, ctx, line, href)
    return null
  }
  const r = resolveHref(ctx.space, pageState(env, ctx).file, href)
  if (r.kind === 'external') return href
  const published = publishedHref(r, ctx)
  if (r.kind === 'missing') {
    report(env, ctx, line, 'warning', r.page ? 'link-missing-page' : 'link-missing-file', `link to ${r.target}, which is not in this space`,
      'fix the path; the link text is shown without a link meanwhile')
  }
  if (published === null) return null
  // Its anchor is checked once the target's ids are known (anchor-check.ts).
  rememberRawAnchor(env, withBase(published), r, href)
  return withBase(published)
}

/** Rewrite the links of a piece of raw HTML; `<a data-mention>` shows the page title. */
export function rewriteRawLinks(html: string, env: MarkdownEnv, ctx: GitbookContext, line: number): string {
  if (!/<a\b/i.test(html)) return html
  let out = html.replace(/(<a\b[^>]*\sdata-mention\b[^>]*>)([\s\S]*?)(<\/a>)/gi, (all, open: string, _text, close: string) => {
    const href = attrOf(open, 'href')
    const label = href ? mentionLabel(href, env, ctx) : null
    return label ? `${open.replace(/^<a/i, '<a class="gb-mention"')}${label}${close}` : all
  })
  out = out.replace(/<a\b[^>]*>/gi, (tag) => {
    const href = attrOf(tag, 'href')
    // Card links were resolved by cards.ts already.
    if (href === null || /class="gb-card__/.test(tag)) return tag
    const published = rawLinkHref(href, env, ctx, line)
    if (published === null) {
      return tag.replace(/\shref\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i, '').replace(/^<a\b/i, '<a class="gb-unavailable" title="Cette page n’est pas publiée sur ce site"')
    }
    return tag.replace(/\shref\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i, ` href="${escapeHtml(published)}"`)
  })
  return out
}

/** Replace the tokens between link_open `i` and its link_close by `html`; returns the close index. */
function replaceLinkText(children: Token[], i: number, html: string, Tok: typeof Token): number {
  let j = i + 1
  while (j < children.length && children[j].type !== 'link_close') j++
  const t = new Tok('html_inline', '', 0)
  t.content = html
  children.splice(i + 1, j - i - 1, t)
  return i + 2
}

/** A link (open at `i`) becomes a span with the same text. */
function linkToSpan(children: Token[], i: number, cls: string): void {
  let j = i + 1
  while (j < children.length && children[j].type !== 'link_close') j++
  const open = children[i]
  open.type = 'html_inline'
  open.tag = ''
  open.nesting = 0
  open.attrs = null
  open.content = `<span class="${cls}">`
  const close = children[j]
  if (close) {
    close.type = 'html_inline'
    close.tag = ''
    close.nesting = 0
    close.content = '</span>'
  }
}

export function mentionsPlugin(md: MarkdownIt, ctx: GitbookContext): void {
  md.core.ruler.after('inline', 'gitbook_mentions', (state: StateCore) => {
    const env = state.env as MarkdownEnv
    if (!pageState(env, ctx).file) return
    for (const block of state.tokens) {
      const line = block.map?.[0] ?? 0
      if (block.type === 'html_block') {
        block.content = rewriteRawLinks(block.content, env, ctx, line)
        continue
      }
      if (block.type !== 'inline' || !block.children) continue
      const children = block.children
      mergeInlineElements(children, 'a', /^<a\b[^>]*\sdata-mention\b/i, (t) =>
        t.type === 'html_inline' ? t.content : t.type === 'text' ? escapeText(t.content) : null)
      for (let i = 0; i < children.length; i++) {
        const t = children[i]
        if (t.type === 'html_inline') {
          t.content = rewriteRawLinks(t.content, env, ctx, line)
          continue
        }
        if (t.type !== 'link_open') continue
        const href = t.attrGet('href') ?? ''
        const mention = t.attrGet('title') === 'mention'
        if (BROKEN.test(href)) {
          brokenWarning(env, ctx, line, href)
          linkToSpan(children, i, 'gb-unavailable')
        } else if (mention && USER.test(href)) {
          linkToSpan(children, i, 'gb-mention gb-mention--user')
        } else if (mention) {
          const label = mentionLabel(href, env, ctx)
          if (!label) continue
          t.attrs = (t.attrs ?? []).filter(([k]) => k !== 'title')
          t.attrSet('class', 'gb-mention')
          i = replaceLinkText(children, i, label, state.Token) - 1
        }
      }
    }
  })
}
