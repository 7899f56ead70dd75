// Small token helpers the tag renderers share: titles taken from a heading,
// children of a container, bodies replaced by what the tag shows instead.
import type Token from 'markdown-it/lib/token.mjs'
import { iconSvg } from '../icons'
import { type MarkdownEnv, report } from '../env'
import type MarkdownIt from 'markdown-it'
import { escapeHtml, findClose, type RenderArgs } from './registry'

/**
 * GitBook makes a heading written as the first block of a hint, step or update
 * its title: mark it with `className` and return its text (null when there is none).
 */
export function markTitleHeading(tokens: Token[], idx: number, className: string): string | null {
  const t = tokens[idx + 1]
  if (t?.type !== 'heading_open') return null
  t.attrJoin('class', className)
  return tokens[idx + 2]?.content ?? null
}

/** Tokens of type `childType` (openings or one-line tags) directly inside the container opened at `idx`. */
export function childOpens(tokens: Token[], idx: number, childType: string): Token[] {
  const close = findClose(tokens, idx)
  const out: Token[] = []
  let depth = 0
  for (let i = idx + 1; i < close; i++) {
    const t = tokens[i]
    if (depth === 0 && t.type === childType) out.push(t)
    if (t.type.startsWith('gitbook_')) depth += t.nesting
  }
  return out
}

/** Render nothing for tokens `from`…`to` (inclusive): the tag shows them otherwise. */
export function hideTokens(tokens: Token[], from: number, to: number): void {
  for (let i = from; i <= to; i++) {
    tokens[i].type = 'gitbook_hidden'
    tokens[i].nesting = 0
  }
}

/**
 * Paragraphs in the body of the tag opened at `idx` that hold nothing but one
 * link: `[x.md](x.md)` under `{% content-ref %}`. Returns [paragraph_open index, href].
 */
export function linkOnlyParagraphs(tokens: Token[], idx: number): [number, string][] {
  const close = findClose(tokens, idx)
  const out: [number, string][] = []
  for (let i = idx + 1; i + 2 < close; i++) {
    if (tokens[i].type !== 'paragraph_open' || tokens[i + 1].type !== 'inline') continue
    const kids = (tokens[i + 1].children ?? []).filter((k) => !(k.type === 'text' && !k.content.trim()) && k.type !== 'softbreak')
    const first = kids[0]
    if (first?.type === 'link_open' && kids[kids.length - 1].type === 'link_close') {
      const inner = kids.slice(1, -1)
      if (!inner.some((k) => k.type === 'link_open')) out.push([i, first.attrGet('href') ?? ''])
    }
  }
  return out
}

/** Plain text of an inline token's children. */
export function inlineText(inline: Token | undefined): string {
  if (!inline) return ''
  if (!inline.children) return inline.content
  return inline.children.map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : '')).join('')
}

/** Inline SVG for a Font Awesome name an author wrote, or '' with a warning. */
export function authorIcon(a: RenderArgs, name: string | undefined): string {
  if (!name) return ''
  const svg = iconSvg(name)
  if (svg) return svg
  report(a.env, a.ctx, a.tokens[a.idx].map?.[0] ?? 0, 'warning', 'icon-unknown',
    `{% ${a.meta.name} %}: icon="${name}" is not a Font Awesome icon`, 'check its name on fontawesome.com; the default icon, if any, is shown instead')
  return ''
}

/**
 * `<a …>` for a published href, rendered by the page's own `link_open` rule so
 * VitePress adds the site base (and external-link attributes) as it does for
 * Markdown links. `after` attributes are added once that rule has run: VitePress
 * leaves links with `download` untouched, base included.
 */
export function linkOpenHtml(md: MarkdownIt, env: MarkdownEnv, href: string, after: Record<string, string> = {}): string {
  const TokenClass = (md.core.State.prototype as any).Token as typeof Token
  const t = new TokenClass('link_open', 'a', 1)
  t.attrSet('href', href)
  const rule = md.renderer.rules.link_open
  let html = rule ? rule([t], 0, md.options, env, md.renderer) : md.renderer.renderToken([t], 0, md.options)
  for (const [k, v] of Object.entries(after)) html = html.replace(/^<a\b/, `<a ${k}${v ? `="${escapeHtml(v)}"` : ''}`)
  return html
}
