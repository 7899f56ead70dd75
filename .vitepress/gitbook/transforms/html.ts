// Small helpers shared by the transforms that rewrite author HTML (figures,
// cards, buttons, marks…): attributes read the way browsers read them, entity
// decoding, and the site base that raw `<a href>` needs (VitePress only adds
// it to Markdown links).
import type Token from 'markdown-it/lib/token.mjs'
import { siteOptions } from '../site'

/** Value of attribute `name` in one start tag, entities decoded; null when absent, '' when bare. */
export function attrOf(tag: string, name: string): string | null {
  const re = new RegExp(`\\s${name}(?:\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s"'>]+)))?(?=[\\s/>])`, 'i')
  const m = re.exec(tag)
  if (!m) return null
  return decodeEntities(m[2] ?? m[3] ?? m[4] ?? '')
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : all
    }
    return NAMED[e.toLowerCase()] ?? all
  })
}

/** Text of an HTML fragment: tags dropped, entities decoded, spaces collapsed. */
export function htmlText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim()
}

/** The base the site is served under (`/`, `/ressources/`), for raw HTML links. */
export function siteBase(): string {
  return siteOptions().base
}

/** `/x/y` → `/base/x/y`; other hrefs unchanged. */
export function withBase(href: string): string {
  return href.startsWith('/') && !href.startsWith('//') ? siteBase().replace(/\/$/, '') + href : href
}

/**
 * Inline HTML arrives as separate tokens (`<mark …>`, text, `</mark>`). Merge
 * an opening tag matching `open`, what follows, and its `</tag>` into one
 * html_inline token so a transform can rewrite the whole element. Text tokens
 * are escaped; other tokens are rendered with `render`.
 */
export function mergeInlineElements(
  children: Token[],
  tag: string,
  open: RegExp,
  render: (t: Token) => string | null,
): void {
  const closeRe = new RegExp(`^</${tag}\\s*>$`, 'i')
  const openRe = new RegExp(`^<${tag}\\b`, 'i')
  for (let i = 0; i < children.length; i++) {
    const t = children[i]
    if (t.type !== 'html_inline' || !open.test(t.content)) continue
    let depth = 0
    for (let j = i; j < children.length; j++) {
      const c = children[j]
      if (c.type === 'html_inline' && openRe.test(c.content)) depth++
      if (c.type === 'html_inline' && closeRe.test(c.content.trim()) && --depth === 0) {
        const parts: string[] = []
        let ok = true
        for (let k = i; k <= j; k++) {
          const s = render(children[k])
          if (s === null) {
            ok = false
            break
          }
          parts.push(s)
        }
        if (ok) {
          t.content = parts.join('')
          children.splice(i + 1, j - i)
        }
        break
      }
    }
  }
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
