// Markdown links and images under the URL policy (url-policy.ts). markdown-it
// would silently leave `[text](javascript:…)` as bracketed text; here every
// destination becomes a token, and a refused one is turned into its text with
// a message naming where it is written. A last check at render time drops any
// refused href that reached a link some other way (linkify, a plugin).
import type MarkdownIt from 'markdown-it'
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import type Token from 'markdown-it/lib/token.mjs'
import { type GitbookContext, type MarkdownEnv, report } from '../env'
import { isSafeUrl, UNSAFE_URL_HINT, unsafeUrlMessage } from '../url-policy'
import { locateHref } from './links'

/** Remove link_open `i` and its link_close, keeping what is between. */
function unwrapLink(children: Token[], i: number): void {
  let depth = 0
  for (let j = i; j < children.length; j++) {
    if (children[j].type === 'link_open') depth++
    if (children[j].type === 'link_close' && --depth === 0) {
      children.splice(j, 1)
      break
    }
  }
  children.splice(i, 1)
}

export function safeUrlsPlugin(md: MarkdownIt, ctx: GitbookContext): void {
  // Every destination becomes a token, so that a refused one can be reported.
  md.validateLink = () => true
  md.core.ruler.after('inline', 'gitbook_safe_urls', (state: StateCore) => {
    const env = state.env as MarkdownEnv
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue
      const children = block.children
      for (let i = 0; i < children.length; i++) {
        const t = children[i]
        const image = t.type === 'image'
        if (t.type !== 'link_open' && !image) continue
        const href = t.attrGet(image ? 'src' : 'href') ?? ''
        if (isSafeUrl(href, { image })) continue
        const at = locateHref(env, block, href)
        report(env, ctx, at.line, 'warning', 'url-unsafe', unsafeUrlMessage(image ? 'image' : 'link', href), UNSAFE_URL_HINT, at.column)
        if (image) {
          // The picture's alt text stands in for it.
          t.type = 'text'
          t.tag = ''
          t.attrs = null
          t.children = null
        } else {
          unwrapLink(children, i)
          i--
        }
      }
    }
  })
  for (const [rule, attr] of [['link_open', 'href'], ['image', 'src']] as const) {
    const render = md.renderer.rules[rule]
    md.renderer.rules[rule] = (tokens, idx, options, env, self) => {
      const t = tokens[idx]
      const url = t.attrGet(attr)
      if (url !== null && !isSafeUrl(url, { image: rule === 'image' })) {
        t.attrs = (t.attrs ?? []).filter(([name]) => name !== attr)
      }
      return render ? render(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options)
    }
  }
}
