// Images load without making the page jump:
// - every image of a page but the first gets `loading="lazy"` (the first is
//   usually in view on arrival, where lazy loading would only delay it);
// - an image of the space gets the `width` and `height` of its file, so the
//   browser keeps its place before it arrives (the theme's `height: auto`
//   keeps the ratio when the column is narrower). Read with image-size, which
//   knows PNG, JPEG, GIF, WebP, SVG, AVIF… from the first bytes of the file.
// An author's own `loading`, `width` or `height` is kept.
import fs from 'node:fs'
import { imageSize } from 'image-size'
import type MarkdownIt from 'markdown-it'
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import type Token from 'markdown-it/lib/token.mjs'
import { type GitbookContext, type MarkdownEnv, pageState } from '../env'
import { resolveHref } from '../resolve'
import { isExternal } from '../urls'

const IMG = /<img\b[^>]*>/gi
const HAS_LOADING = /\sloading\s*=/i
const HAS_SIZE = /\s(?:width|height)\s*=/i
const SRC = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)')/i

/** Sizes by absolute file, for the whole build: one read per image file. */
const sizes = new Map<string, { width: number; height: number } | null>()

function fileSize(abs: string): { width: number; height: number } | null {
  let size = sizes.get(abs)
  if (size !== undefined) return size
  size = null
  try {
    // A header is enough for every format but SVG and JPEG (whose size may
    // come late): read the whole file, images of a handbook are small.
    const s = imageSize(fs.readFileSync(abs))
    const rotated = (s.orientation ?? 1) >= 5
    if (s.width && s.height) size = rotated ? { width: s.height, height: s.width } : { width: s.width, height: s.height }
  } catch {
    // Not an image image-size knows, or unreadable: no size, nothing said
    // (the images transform reports missing files).
  }
  sizes.set(abs, size)
  return size
}

function sizeOf(src: string, env: MarkdownEnv, ctx: GitbookContext): { width: number; height: number } | null {
  if (!src || isExternal(src) || src.startsWith('#')) return null
  const r = resolveHref(ctx.space, pageState(env, ctx).file, src.replace(/&amp;/g, '&'), { image: true })
  return r.kind === 'asset' ? fileSize(r.abs) : null
}

export function imageLoadingPlugin(md: MarkdownIt, ctx: GitbookContext): void {
  // Pushed last: images added by the other transforms (cover, figures, cards) are counted too.
  md.core.ruler.push('gitbook_image_loading', (state: StateCore) => {
    const env = state.env as MarkdownEnv
    let seen = 0
    const html = (t: Token) => {
      t.content = t.content.replace(IMG, (tag) => {
        let out = tag
        if (seen++ > 0 && !HAS_LOADING.test(tag)) out = out.replace(/^<img\b/i, '<img loading="lazy"')
        const m = SRC.exec(tag)
        const size = !HAS_SIZE.test(tag) && m ? sizeOf(m[1] ?? m[2] ?? '', env, ctx) : null
        if (size) out = out.replace(/^<img\b/i, `<img width="${size.width}" height="${size.height}"`)
        return out
      })
    }
    for (const block of state.tokens) {
      if (block.type === 'html_block') html(block)
      if (block.type !== 'inline' || !block.children) continue
      for (const t of block.children) {
        if (t.type === 'html_inline') html(t)
        else if (t.type === 'image') {
          if (seen++ > 0 && !t.attrGet('loading')) t.attrSet('loading', 'lazy')
          if (t.attrGet('width') === null && t.attrGet('height') === null) {
            const size = sizeOf(t.attrGet('src') ?? '', env, ctx)
            if (size) {
              t.attrSet('width', String(size.width))
              t.attrSet('height', String(size.height))
            }
          }
        }
      }
    }
  })
}
