// The anchor check: every `#anchor` a page links to, in a Markdown link or in
// raw HTML (`<a href>` of cards, buttons, plain links), must name an id the
// target page defines: a heading or an old form of it, a note, an expandable,
// an id written in raw HTML (headings.ts collects them all). An old form is
// rewritten to the current id; an anchor nothing defines is reported with
// file:line:col. Pushed last: expandables get their ids in a late rule.
import type MarkdownIt from 'markdown-it'
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import type Token from 'markdown-it/lib/token.mjs'
import { type GitbookContext, type MarkdownEnv, pageState, report } from '../env'
import { pageAnchors, type PageAnchors } from '../headings'
import type { Resolved } from '../resolve'
import { escapeHtml } from '../tag/registry'
import { safeDecode } from '../urls'
import { attrOf } from './html'
import { locateHref } from './links'

/** A link to an anchor: the page file that should define it, the hash, the href as the author wrote it. */
export interface AnchorTarget {
  file: string
  hash: string
  href: string
}

/**
 * Raw HTML links are rewritten to published URLs before heading ids are known
 * (mentions.ts, cards.ts): they leave here, by published href, what they pointed at.
 */
export function rememberRawAnchor(env: MarkdownEnv, published: string, r: Resolved, written: string): void {
  if (r.kind !== 'page' || !r.hash) return
  ;((env.gitbookRawAnchors ??= new Map<string, AnchorTarget>()) as Map<string, AnchorTarget>).set(published, {
    file: r.file,
    hash: r.hash,
    href: written,
  })
}

/** Where a hash lands on a page: its id, the id an old form stands for, or nothing. */
export function resolveAnchor(anchors: PageAnchors, hash: string): string | undefined {
  if (anchors.ids.has(hash)) return hash
  const nfc = hash.normalize('NFC')
  return anchors.ids.has(nfc) ? nfc : anchors.aliases[nfc]
}

/** The message of an anchor no id of the target page matches. */
export function deadAnchorMessage(hash: string, where: string): [string, string] {
  return [`link to #${hash}, a heading ${where} does not have`, 'link to an existing heading of that page, or remove the anchor']
}

/** `href` with its hash replaced by `#id`. */
function withHash(href: string, id: string): string {
  const i = href.indexOf('#')
  return `${i < 0 ? href : href.slice(0, i)}#${id}`
}

const HREF_ATTR = /\shref\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i

export function anchorLinksPlugin(md: MarkdownIt, ctx: GitbookContext): void {
  md.core.ruler.push('gitbook_anchor_links', (state: StateCore) => {
    const env = state.env as MarkdownEnv
    const page = pageState(env, ctx)
    if (!page.file || env.gitbookQuiet || !env.gitbookAnchors) return
    /** The id `target` lands on, or undefined (reported) when the page has none. */
    const land = (target: AnchorTarget, block: Token, raw: boolean): string | undefined => {
      const anchors = target.file === page.file ? (env.gitbookAnchors as PageAnchors) : pageAnchors(md, ctx, target.file)
      if (!anchors) return undefined
      const id = resolveAnchor(anchors, target.hash)
      if (id === undefined) {
        const at = locateHref(env, block, target.href, raw)
        report(env, ctx, at.line, 'warning', 'anchor-dead', ...deadAnchorMessage(target.hash, target.file === page.file ? 'this page' : target.file), at.column)
      }
      return id
    }
    const samePage = (href: string): AnchorTarget | undefined =>
      href.startsWith('#') && href.length > 1 ? { file: page.file, hash: safeDecode(href.slice(1)), href } : undefined
    const rawLinks = (html: string, block: Token): string =>
      html.replace(/<a\b[^>]*>/gi, (tag) => {
        const href = attrOf(tag, 'href')
        const target = href ? samePage(href) ?? (env.gitbookRawAnchors as Map<string, AnchorTarget> | undefined)?.get(href) : undefined
        if (!href || !target) return tag
        const id = land(target, block, true)
        return id === undefined || id === target.hash ? tag : tag.replace(HREF_ATTR, ` href="${escapeHtml(withHash(href, id))}"`)
      })
    for (const block of state.tokens) {
      if (block.type === 'html_block') {
        block.content = rawLinks(block.content, block)
        continue
      }
      if (block.type !== 'inline' || !block.children) continue
      for (const t of block.children) {
        if (t.type === 'html_inline') t.content = rawLinks(t.content, block)
        if (t.type !== 'link_open') continue
        const href = t.attrGet('href') ?? ''
        const target: AnchorTarget | undefined = t.meta?.gitbookAnchor ?? samePage(href)
        if (!target) continue
        const id = land(target, block, false)
        if (id !== undefined && id !== target.hash) t.attrSet('href', withHash(href, id))
      }
    }
  })
}
