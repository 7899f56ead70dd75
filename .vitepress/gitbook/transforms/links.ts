// Links written between source files (`responsable-produit.md`, `../x/`,
// `.gitbook/assets/x.pdf`) → the published URLs. A link to a page or file the
// space does not have keeps its text, never leads to a 404, and is reported.
import type MarkdownIt from 'markdown-it'
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import type Token from 'markdown-it/lib/token.mjs'
import { type GitbookContext, type MarkdownEnv, pageState, report } from '../env'
import { resolveHref, type Resolved } from '../resolve'
import { routeToUrl } from '../urls'

/** The href to publish for a resolved target, or null when there is nowhere to go. */
export function publishedHref(r: Resolved, ctx: GitbookContext): string | null {
  switch (r.kind) {
    case 'external':
      return r.href
    case 'unsafe':
      return null
    case 'anchor':
      return `#${r.hash}`
    case 'page':
      // Root-absolute without base: VitePress's link plugin adds the base.
      return routeToUrl(r.route) + (r.hash ? `#${r.hash}` : '')
    case 'asset':
      ctx.linkedAssets.add(r.abs)
      return routeToUrl(r.file)
    case 'missing':
      if (r.page && ctx.fallbackUrl) {
        const page = r.target.replace(/^(\.\.\/)+/, '').replace(/(^|\/)README\.md$/i, '$1').replace(/\.md$/i, '')
        return ctx.fallbackUrl.replace(/\/?$/, '/') + page + (r.hash ? `#${r.hash}` : '')
      }
      return null
  }
}

function missingMessage(r: Extract<Resolved, { kind: 'missing' }>, ctx: GitbookContext): [string, string] {
  if (r.page) {
    return [
      `link to ${r.target}, a page that is not in this space`,
      ctx.fallbackUrl
        ? `it points to the complete handbook (${ctx.fallbackUrl}); fix the path if the page exists here`
        : 'fix the path, or add the page; the link text is shown as not available meanwhile',
    ]
  }
  if (r.script) {
    return [`link to ${r.target}, a JavaScript file: the site publishes no author script`,
      'show the code in a code block, or link to it in a .zip; the link text is shown without a link meanwhile']
  }
  return [`link to ${r.target}, a file that is not in this space`, 'add the file to the space or fix the path']
}

/**
 * Where a link is written: a paragraph's map covers all its lines, so find the
 * destination in them, for the line and column authors need (first match).
 * Markdown links point at their `[`; raw HTML links (`raw`) at their `<a`.
 */
export function locateHref(env: MarkdownEnv, block: Token, href: string, raw = false): { line: number; column: number } {
  const first = block.map?.[0] ?? 0
  const body = env.content ?? env.gitbookSource
  if (!body || !block.map) return { line: first, column: 1 }
  const lines = body.split('\n').slice(first, block.map[1])
  const needles = raw ? [`href="${href}"`, `href='${href}'`, href] : [`(${href}`, `(<${href}`, href]
  for (const needle of needles) {
    for (let i = 0; i < lines.length; i++) {
      const at = lines[i].indexOf(needle)
      if (at < 0) continue
      // Column of the link's `[` (or `<a`) when it is on the same line, else of the destination.
      const open = raw ? lines[i].toLowerCase().lastIndexOf('<a', at) : lines[i].lastIndexOf('[', at)
      return { line: first + i, column: (open >= 0 ? open : at) + 1 }
    }
  }
  return { line: first, column: 1 }
}

/** Turn a link into plain text that says the page is not available. */
function unlink(tokens: Token[], i: number): void {
  const open = tokens[i]
  let depth = 0
  for (let j = i; j < tokens.length; j++) {
    if (tokens[j].type === 'link_open') depth++
    if (tokens[j].type === 'link_close' && --depth === 0) {
      const close = tokens[j]
      close.type = 'html_inline'
      close.tag = ''
      close.nesting = 0
      close.content = '<span class="gb-unavailable__note"> (page non disponible)</span></span>'
      break
    }
  }
  open.type = 'html_inline'
  open.tag = ''
  open.nesting = 0
  open.content = '<span class="gb-unavailable" title="Cette page n’est pas publiée sur ce site">'
  open.attrs = null
}

export function linksPlugin(md: MarkdownIt, ctx: GitbookContext): void {
  const linkOpen = md.renderer.rules.link_open
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const html = linkOpen ? linkOpen(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options)
    return tokens[idx].meta?.gitbookDownload ? html.replace(/^<a\b/, '<a download') : html
  }
  md.core.ruler.after('inline', 'gitbook_links', (state: StateCore) => {
    const page = pageState(state.env, ctx)
    if (!page.file || state.env.gitbookQuiet) return
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue
      const children = block.children
      for (let i = 0; i < children.length; i++) {
        const t = children[i]
        if (t.type !== 'link_open') continue
        const href = t.attrGet('href')
        if (!href || href.startsWith('#')) continue
        const r = resolveHref(ctx.space, page.file, href)
        if (r.kind === 'external') continue
        const published = publishedHref(r, ctx)
        if (r.kind === 'missing') {
          const [message, hint] = missingMessage(r, ctx)
          const at = locateHref(state.env, block, href)
          report(state.env, ctx, at.line, 'warning', r.page ? 'link-missing-page' : 'link-missing-file', message, hint, at.column)
        }
        if (published === null) unlink(children, i)
        else {
          // The anchor is checked once the page's own heading ids are known.
          if (r.kind === 'page' && r.hash) t.meta = { ...t.meta, gitbookAnchor: { file: r.file, hash: r.hash, href } }
          t.attrSet('href', published)
          // `download` is added at render time: VitePress's link rule skips links that have it, base included.
          if (r.kind === 'asset') t.meta = { ...t.meta, gitbookDownload: true }
        }
      }
    }
  })
}
