// Images below the fold load when the reader scrolls to them: every image of a
// page but the first gets `loading="lazy"` (the first is usually in view on
// arrival, where lazy loading would only delay it). An author's own `loading`
// attribute is kept. Sizes (`width`/`height`) are not read from the files:
// LIBRARIES.md lists no image-size reader, and GitBook's own `width` stays.
import type MarkdownIt from 'markdown-it'
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import type Token from 'markdown-it/lib/token.mjs'

const IMG = /<img\b[^>]*>/gi
const HAS_LOADING = /\sloading\s*=/i

export function lazyImagesPlugin(md: MarkdownIt): void {
  // Pushed last: images added by the other transforms (cover, figures, cards) are counted too.
  md.core.ruler.push('gitbook_lazy_images', (state: StateCore) => {
    let seen = 0
    const html = (t: Token) => {
      t.content = t.content.replace(IMG, (tag) => (seen++ === 0 || HAS_LOADING.test(tag) ? tag : tag.replace(/^<img\b/i, '<img loading="lazy"')))
    }
    for (const block of state.tokens) {
      if (block.type === 'html_block') html(block)
      if (block.type !== 'inline' || !block.children) continue
      for (const t of block.children) {
        if (t.type === 'html_inline') html(t)
        else if (t.type === 'image' && seen++ > 0 && !t.attrGet('loading')) t.attrSet('loading', 'lazy')
      }
    }
  })
}
