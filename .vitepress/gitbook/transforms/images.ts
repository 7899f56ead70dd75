// Images: a source that exists is handed to VitePress (which bundles it); a
// missing one (exports often come without some assets) shows its alt text and
// is reported, instead of failing the whole build as plain VitePress does.
import type MarkdownIt from 'markdown-it'
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import { type GitbookContext, type MarkdownEnv, pageState, report } from '../env'
import path from 'node:path'
import { resolveHref } from '../resolve'
import { escapeHtml } from '../tag/registry'
import { isExternal } from '../urls'

/** HTML shown in place of an image whose file is missing. */
export function missingImageHtml(alt: string): string {
  const text = alt.trim() || 'image'
  return `<span class="gb-missing-image" title="Image absente de cet export">${escapeHtml(text)}</span>`
}

/** Relative source as Vue and Vite want it: a literal path starting with `./` or `../`. */
function importable(src: string): string {
  return /^\.\.?\//.test(src) ? src : `./${src}`
}

/**
 * Image files Vite bundles as files (its own list of image types). Vite
 * imports whatever an image names: a `.js` file of the space would run as a
 * module, in the build and in the reader's browser.
 */
export const IMAGE_FILE = /\.(apng|bmp|png|jpe?g|jfif|pjpeg|pjp|gif|svg|ico|webp|avif)$/i

/**
 * Does `url`, as it stands in a page's final HTML, name an image file of the
 * space, from the page `file`? What Vue may turn into an import (see
 * stripDirectives): the images rule made every such source one.
 */
export function isSpaceImage(ctx: GitbookContext, file: string | undefined, url: string): boolean {
  if (!file || /[?#]/.test(url) || /^[~@]/.test(url)) return false
  const r = resolveHref(ctx.space, file, url)
  return r.kind === 'asset' && IMAGE_FILE.test(r.file)
}

type Check = { ok: true; src: string } | { ok: false; target: string; notImage?: boolean }

function checkSource(src: string, env: MarkdownEnv, ctx: GitbookContext): Check | null {
  if (!src || isExternal(src) || src.startsWith('data:') || src.startsWith('#')) return null
  const file = pageState(env, ctx).file
  const r = resolveHref(ctx.space, file, src.replace(/&amp;/g, '&').replace(/&#x26;/gi, '&'))
  if (r.kind === 'asset') {
    if (!IMAGE_FILE.test(r.file)) return { ok: false, target: r.file, notImage: true }
    // The file itself: a query (`?raw`, `?url`, `?worker`) tells Vite how to
    // import it, and a space's image needs none.
    const bare = src.replace(/[?#].*$/, '')
    let decoded = bare
    try {
      decoded = decodeURIComponent(bare)
    } catch {}
    // Relative to the page, also for a root-absolute source: Vue turns only
    // relative URLs into imports (includeAbsolute is off, see config.ts).
    return { ok: true, src: src.startsWith('/') ? importable(path.posix.relative(path.posix.dirname(file), r.file)) : importable(decoded) }
  }
  if (r.kind === 'missing') return { ok: false, target: r.target, notImage: r.script }
  return null
}

/** Report an image that is not shown: missing, or a file that is not an image. */
function reportImage(check: { target: string; notImage?: boolean }, env: MarkdownEnv, ctx: GitbookContext, line: number): void {
  if (check.notImage) {
    report(env, ctx, line, 'warning', 'image-not-image', `image ${check.target} is not an image file (PNG, JPEG, GIF, SVG, WebP, AVIF…)`,
      'link to the file instead, or name an image; its alt text is shown meanwhile')
  } else {
    report(env, ctx, line, 'warning', 'image-missing', `image ${check.target} is not in this space`,
      'add the file to .gitbook/assets or fix the path; its alt text is shown meanwhile')
  }
}

const ATTR = (name: string) => new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i')

/**
 * A srcset, each candidate checked: the value with each source importable,
 * and whether one was refused (each refusal reported). Vue imports every
 * candidate, not only the first.
 */
function checkSrcset(value: string, env: MarkdownEnv, ctx: GitbookContext, line: number): { value: string; refused: boolean } {
  let refused = false
  const out = value
    .split(',')
    .map((candidate) => {
      const [url, ...descriptor] = candidate.trim().split(/\s+/)
      const check = url ? checkSource(url, env, ctx) : null
      if (check && !check.ok) {
        reportImage(check, env, ctx, line)
        refused = true
      }
      return [check?.ok ? check.src : url, ...descriptor].join(' ')
    })
    .join(', ')
  return { value: out, refused }
}

const attrValue = (m: RegExpExecArray) => (m[2] ?? m[3] ?? '').trim()
const quoted = (name: string, value: string) => ` ${name}="${value.replace(/"/g, '&quot;')}"`

/**
 * Rewrite `<img>` and `<source>` tags in a piece of raw HTML: a source that is
 * not an image of the space drops the `<source>`, shows an `<img>` as its alt
 * text, or drops an `<img srcset>` (GitBook does not write one).
 */
export function rewriteHtmlImages(html: string, env: MarkdownEnv, ctx: GitbookContext, line: number): string {
  return html.replace(/<(img|source)\b[^>]*>/gi, (whole, name: string) => {
    let tag = whole
    const srcset = ATTR('srcset').exec(tag)
    if (srcset) {
      const checked = checkSrcset(attrValue(srcset), env, ctx, line)
      if (checked.refused && name.toLowerCase() === 'source') return ''
      tag = tag.replace(srcset[0], checked.refused ? '' : quoted('srcset', checked.value))
    }
    if (name.toLowerCase() !== 'img') return tag
    const src = ATTR('src').exec(tag)
    if (!src) return tag
    // The whole value: file names hold spaces.
    const check = checkSource(attrValue(src), env, ctx)
    if (!check) return tag
    if (!check.ok) {
      reportImage(check, env, ctx, line)
      const alt = ATTR('alt').exec(tag)
      return missingImageHtml(alt ? (alt[2] ?? alt[3] ?? '') : '')
    }
    return tag.replace(src[0], quoted('src', check.src))
  })
}

export function imagesPlugin(md: MarkdownIt, ctx: GitbookContext): void {
  md.core.ruler.after('inline', 'gitbook_images', (state: StateCore) => {
    if (!pageState(state.env, ctx).file) return
    for (const block of state.tokens) {
      const line = block.map?.[0] ?? 0
      if (block.type === 'html_block') {
        block.content = rewriteHtmlImages(block.content, state.env, ctx, line)
        continue
      }
      if (block.type !== 'inline' || !block.children) continue
      for (const t of block.children) {
        if (t.type === 'html_inline') {
          t.content = rewriteHtmlImages(t.content, state.env, ctx, line)
          continue
        }
        if (t.type !== 'image') continue
        const check = checkSource(t.attrGet('src') ?? '', state.env, ctx)
        if (!check) continue
        if (check.ok) {
          // VitePress's image plugin decodes the source and makes it importable:
          // given here relative to the page, without a query, as checkSource says.
          t.attrSet('src', check.src.split('/').map((s) => (s === '.' || s === '..' ? s : encodeURIComponent(s))).join('/'))
          continue
        }
        reportImage(check, state.env, ctx, line)
        t.type = 'html_inline'
        t.content = missingImageHtml(t.content || (t.children ?? []).map((c) => c.content).join(''))
        t.children = null
      }
    }
  })
}
