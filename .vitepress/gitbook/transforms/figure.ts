// Images as GitBook exports them, in raw HTML: `<figure><img><figcaption>`
// on one line (empty captions are common and dropped), `width="563"` or
// `width="50%"`, `data-size="line"` text-height images, and `<picture>` with a
// dark-scheme `<source>`. The media query would follow only the OS setting, not
// VitePress's theme switch (`html.dark`), so a `<picture>` becomes two `<img>`
// that CSS shows or hides by theme; both are then bundled by the images rule.
import type MarkdownIt from 'markdown-it'
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import type { GitbookContext } from '../env'
import { attrOf, escapeText, mergeInlineElements } from './html'

/** `<picture>…</picture>` → a light `<img>` and a dark `<img>`. */
export function splitPicture(html: string): string {
  return html.replace(/<picture\b[^>]*>([\s\S]*?)<\/picture>/gi, (all, inner: string) => {
    const img = /<img\b[^>]*>/i.exec(inner)
    if (!img) return all
    const dark = [...inner.matchAll(/<source\b[^>]*>/gi)].find((s) => /prefers-color-scheme:\s*dark/i.test(attrOf(s[0], 'media') ?? ''))
    const srcset = dark ? attrOf(dark[0], 'srcset') : null
    if (!srcset) return img[0]
    const url = srcset.split(/,\s*/)[0].replace(/\s+\d+(\.\d+)?[wx]$/, '').trim()
    const light = addClass(img[0], 'gb-only-light')
    const darkImg = addClass(img[0], 'gb-only-dark').replace(/\ssrc\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i, ` src="${url.replace(/"/g, '&quot;')}"`)
    return light + darkImg
  })
}

export function addClass(tag: string, cls: string): string {
  const current = /\sclass\s*=\s*"([^"]*)"/i.exec(tag)
  if (current) return tag.replace(current[0], ` class="${`${current[1]} ${cls}`.trim()}"`)
  return tag.replace(/^<([a-z0-9-]+)/i, `<$1 class="${cls}"`)
}

/** `width="50%"` (not valid HTML for `<img>`) → a style; pixel widths stay attributes. */
function sizeImages(html: string): string {
  return html.replace(/<img\b[^>]*>/gi, (tag) => {
    let out = tag
    const w = attrOf(tag, 'width')
    if (w && /^\d+(\.\d+)?%$/.test(w.trim())) {
      out = out.replace(/\swidth\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i, '')
      out = out.replace(/^<img/i, `<img style="width: ${w.trim()}"`)
    }
    if (attrOf(tag, 'data-size') === 'line') out = addClass(out, 'gb-inline-image')
    return out
  })
}

/** The whole rewrite, for one piece of raw HTML. */
export function rewriteFigures(html: string): string {
  if (!/<(img|picture|figure|figcaption)\b/i.test(html)) return html
  let out = splitPicture(html)
  // GitBook writes `<figcaption><p></p></figcaption>` for an image without caption.
  out = out.replace(/<figcaption\b[^>]*>\s*(<p>\s*<\/p>\s*)?<\/figcaption>/gi, '')
  // Author figures only: the code block's own `<figure class="gb-code">` is ours already.
  out = out.replace(/<figure\b[^>]*>/gi, (tag) => (/class="gb-/.test(tag) ? tag : addClass(tag, 'gb-figure')))
  return sizeImages(out)
}

export function figurePlugin(md: MarkdownIt, _ctx: GitbookContext): void {
  md.core.ruler.after('inline', 'gitbook_figure', (state: StateCore) => {
    for (const block of state.tokens) {
      if (block.type === 'html_block') block.content = rewriteFigures(block.content)
      else if (block.type === 'inline' && block.children) {
        // An inline `<picture>` comes as one token per tag: make it one piece first.
        mergeInlineElements(block.children, 'picture', /^<picture\b/i, (t) =>
          t.type === 'html_inline' ? t.content : t.type === 'text' ? escapeText(t.content) : t.type === 'softbreak' ? '\n' : null)
        for (const t of block.children) if (t.type === 'html_inline') t.content = rewriteFigures(t.content)
      }
    }
  })
}
