// GitBook tables in raw HTML. `<table data-view="cards">` is a card grid: the
// header row gives each column a role (`data-card-target`: where the card
// leads, `data-card-cover[-dark]`: its image, `data-hidden`: not shown), each
// body row is one card. Medium cards go 3 per row, `data-card-size="large"` 2.
// Plain HTML tables keep their markup; `data-header-hidden` hides the header
// row from sight (D repeats it as the first body row), `data-full-width` widens.
import type MarkdownIt from 'markdown-it'
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import { parseHTML } from '../html-dom'
import { type GitbookContext, type MarkdownEnv, pageState, report } from '../env'
import { resolveHref } from '../resolve'
import { escapeHtml } from '../tag/registry'
import { publishedHref } from './links'
import { rememberRawAnchor } from './anchor-check'
import { addClass } from './figure'
import { withBase } from './html'

type Role = 'text' | 'hidden' | 'target' | 'cover' | 'cover-dark' | 'content-ref'

function roleOf(th: Element): Role {
  if (th.hasAttribute('data-card-target')) return 'target'
  if (th.hasAttribute('data-card-cover-dark')) return 'cover-dark'
  if (th.hasAttribute('data-card-cover')) return 'cover'
  if (th.hasAttribute('data-hidden')) return 'hidden'
  // D: a content-ref column that is not the target shows the linked page's title.
  if (th.getAttribute('data-type') === 'content-ref') return 'content-ref'
  return 'text'
}

interface Where {
  env: MarkdownEnv
  ctx: GitbookContext
  line: number
}

/** The href a target/cover cell names: its first link, else its text. */
function cellHref(td: Element | undefined): string | null {
  if (!td) return null
  // Files columns hold a link; image columns may hold the image itself.
  const href = td.querySelector('a[href]')?.getAttribute('href') ?? td.querySelector('img[src]')?.getAttribute('src') ?? td.textContent?.trim()
  return href || null
}

function pageLink(href: string, w: Where): { url: string; title?: string } | null {
  const file = pageState(w.env, w.ctx).file
  const r = resolveHref(w.ctx.space, file, href)
  const url = publishedHref(r, w.ctx)
  if (r.kind === 'missing' || url === null) {
    report(w.env, w.ctx, w.line, 'warning', 'card-target-missing', `card links to ${href}, which is not in this space`,
      'fix the path in the card table; the card is shown without a link meanwhile')
    return null
  }
  const title = r.kind === 'page' ? w.ctx.space.pages.get(r.file)?.title : undefined
  rememberRawAnchor(w.env, withBase(url), r, href)
  return { url: withBase(url), title }
}

function renderCards(table: Element, w: Where): string {
  const heads = [...table.querySelectorAll('thead th, thead td')]
  const roles = heads.map(roleOf)
  const rows = [...table.querySelectorAll('tbody tr')]
  const large = table.getAttribute('data-card-size') === 'large'
  const cards = rows.map((tr) => {
    const cells = [...tr.children].filter((c) => /^t[dh]$/i.test(c.tagName))
    const parts: string[] = []
    let target: { url: string; title?: string } | null = null
    let cover = ''
    cells.forEach((td, i) => {
      const role = roles[i] ?? 'text'
      const inner = td.innerHTML.trim()
      if (role === 'target') {
        const href = cellHref(td)
        if (href) target = pageLink(href, w)
      } else if (role === 'cover' || role === 'cover-dark') {
        const src = cellHref(td)
        if (src && resolveHref(w.ctx.space, pageState(w.env, w.ctx).file, src).kind === 'missing') {
          // A card without its cover is still a card: report, show no image box.
          report(w.env, w.ctx, w.line, 'warning', 'image-missing', `card cover ${src} is not in this space`,
            'add the file to .gitbook/assets or fix the path; the card is shown without a cover meanwhile')
        } else if (src) {
          const cls = role === 'cover-dark' ? 'gb-card__cover gb-only-dark' : 'gb-card__cover'
          cover += `<img class="${cls}" src="${escapeHtml(src)}" alt="">`
        }
      } else if (role === 'content-ref') {
        const href = cellHref(td)
        const link = href ? pageLink(href, w) : null
        if (link) parts.push(`<p class="gb-card__cell"><a class="gb-card__ref" href="${escapeHtml(link.url)}">${escapeHtml(link.title ?? td.textContent?.trim() ?? '')}</a></p>`)
        else if (inner) parts.push(`<p class="gb-card__cell">${escapeHtml(td.textContent ?? '')}</p>`)
      } else if (role === 'text' && inner) {
        // Its links are rewritten with every raw link (mentions.ts).
        parts.push(`<p class="gb-card__cell">${inner}</p>`)
      }
    })
    // With a dark cover, the light one shows only in the light theme.
    if (cover.includes('gb-only-dark')) cover = cover.replace('class="gb-card__cover"', 'class="gb-card__cover gb-only-light"')
    const body = `${cover}<div class="gb-card__body">${parts.join('')}</div>`
    const t = target as { url: string; title?: string } | null
    if (!t) return `<li class="gb-card">${body}</li>`
    // A card is one link, unless it holds links of its own (no nested links in HTML).
    if (!/<a\b/i.test(body)) return `<li class="gb-card gb-card--link"><a class="gb-card__link" href="${escapeHtml(t.url)}">${body}</a></li>`
    return `<li class="gb-card gb-card--link">${body}<a class="gb-card__more" href="${escapeHtml(t.url)}">Ouvrir${t.title ? ` « ${escapeHtml(t.title)} »` : ''}</a></li>`
  })
  return `<ul class="gb-cards${large ? ' gb-cards--large' : ''}">${cards.join('')}</ul>\n`
}

/** Rewrite one html block holding tables. */
export function rewriteTables(html: string, w: Where): string {
  if (!/<table\b/i.test(html)) return html
  let out = html.replace(/<table\b[^>]*>/gi, (tag) => {
    let t = tag
    if (/\sdata-header-hidden\b/i.test(tag)) t = addClass(t, 'gb-table--header-hidden')
    if (/\sdata-full-width\s*=\s*"true"/i.test(tag)) t = addClass(t, 'gb-table--full-width')
    return t
  })
  if (!/data-view\s*=\s*"cards"/i.test(out)) return out
  const { document } = parseHTML(`<!doctype html><html><body>${out}</body></html>`)
  for (const table of [...document.querySelectorAll('table[data-view="cards"]')]) {
    const holder = document.createElement('div')
    holder.innerHTML = renderCards(table, w)
    table.replaceWith(...holder.childNodes)
  }
  out = document.body.innerHTML
  return out
}

export function cardsPlugin(md: MarkdownIt, ctx: GitbookContext): void {
  md.core.ruler.after('inline', 'gitbook_cards', (state: StateCore) => {
    if (!pageState(state.env, ctx).file) return
    for (const t of state.tokens) {
      if (t.type === 'html_block') t.content = rewriteTables(t.content, { env: state.env, ctx, line: t.map?.[0] ?? 0 })
    }
  })
}
