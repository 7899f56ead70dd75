// Buttons and inline icons. `<a class="button primary" href="x.md"
// data-icon="…">` is a link styled as a button (href → published URL; no
// href = disabled). `<button data-action="search" data-query="…">` opens the
// local search with that query (theme/gitbook-actions.ts); `data-action="ask"`
// calls GitBook's AI assistant, which a static site does not have: the label
// stays as text and the build says so. `<i class="fa-x">:x:</i>` is a Font
// Awesome icon drawn at build time; the shortcode shows only when the icon is
// unknown.
import type MarkdownIt from 'markdown-it'
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import { type GitbookContext, type MarkdownEnv, pageState, report } from '../env'
import { iconOfClass, iconSvg } from '../icons'
import { escapeHtml } from '../tag/registry'
import { attrOf, escapeText, htmlText, mergeInlineElements } from './html'

type Warn = (code: string, message: string, hint: string) => void

function buttonClasses(cls: string): string {
  const variant = /\bsecondary\b/.test(cls) ? 'secondary' : 'primary'
  return `gb-button gb-button--${variant}`
}

function icon(name: string | null): string {
  const svg = name ? iconSvg(name, 'gb-icon gb-button__icon') : null
  return svg ? `${svg} ` : ''
}

/** An icon with an accessible name (the author's shortcode, or the icon name). */
export function namedIcon(name: string, label: string): string | null {
  const svg = iconSvg(name, 'gb-icon gb-inline-icon')
  if (!svg) return null
  // <title> names it for assistive technology and as a tooltip.
  return svg
    .replace(' aria-hidden="true"', ` role="img" aria-label="${escapeHtml(label)}"`)
    .replace(/(<svg\b[^>]*>)/, `$1<title>${escapeHtml(label)}</title>`)
}

export function rewriteButtons(html: string, warn: Warn): string {
  let out = html.replace(/<button\b[^>]*>([\s\S]*?)<\/button>/gi, (all, label: string) => {
    const tag = /^<button\b[^>]*>/i.exec(all)![0]
    const cls = attrOf(tag, 'class') ?? ''
    if (!/\bbutton\b/.test(cls)) return all
    const action = attrOf(tag, 'data-action')
    if (action === 'search') {
      const q = attrOf(tag, 'data-query') ?? ''
      return `<button type="button" class="${buttonClasses(cls)}" data-gb-search="${escapeHtml(q)}">${icon(attrOf(tag, 'data-icon'))}${label}</button>`
    }
    warn('button-action', `button with data-action="${action ?? ''}" has no equivalent here (no AI assistant on this site)`,
      'remove the button, or link to a page; its label is shown as text meanwhile')
    return `<span class="gb-button-dropped">${label}</span>`
  })
  out = out.replace(/<a\b[^>]*>/gi, (tag) => {
    const cls = attrOf(tag, 'class') ?? ''
    if (!/(^|\s)button(\s|$)/.test(cls)) return tag
    const h = attrOf(tag, 'href')
    const ic = icon(attrOf(tag, 'data-icon'))
    // The href itself is rewritten with every other raw link (mentions.ts).
    if (!h) return `<a class="${buttonClasses(cls)} gb-button--disabled" role="link" aria-disabled="true">${ic}`
    return `<a href="${escapeHtml(h)}" class="${buttonClasses(cls)}">${ic}`
  })
  out = out.replace(/<i\b[^>]*>([\s\S]*?)<\/i>/gi, (all, text: string) => {
    const tag = /^<i\b[^>]*>/i.exec(all)![0]
    const fa = iconOfClass(attrOf(tag, 'class') ?? '')
    if (!fa) return all
    const label = htmlText(text).replace(/^:|:$/g, '') || fa
    const svg = namedIcon(fa, label)
    if (svg) return svg
    warn('icon-unknown', `icon "${fa}" is not a Font Awesome icon we ship`, 'use a Font Awesome 6 name; the shortcode is shown meanwhile')
    return `<span class="gb-icon-fallback">${text}</span>`
  })
  return out
}

export function buttonsPlugin(md: MarkdownIt, ctx: GitbookContext): void {
  md.core.ruler.after('inline', 'gitbook_buttons', (state: StateCore) => {
    const env = state.env as MarkdownEnv
    if (!pageState(env, ctx).file) return
    const render = (t: { type: string; content: string }) =>
      t.type === 'html_inline' ? t.content : t.type === 'text' ? escapeText(t.content) : null
    for (const block of state.tokens) {
      const line = block.map?.[0] ?? 0
      const warn: Warn = (code, message, hint) => report(env, ctx, line, 'warning', code, message, hint)
      if (block.type === 'html_block') block.content = rewriteButtons(block.content, warn)
      else if (block.type === 'inline' && block.children) {
        mergeInlineElements(block.children, 'button', /^<button\b/i, render as never)
        mergeInlineElements(block.children, 'i', /^<i\b[^>]*fa-/i, render as never)
        for (const t of block.children) if (t.type === 'html_inline') t.content = rewriteButtons(t.content, warn)
      }
    }
  })
}
