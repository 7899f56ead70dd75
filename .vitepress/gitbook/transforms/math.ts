// Math as GitBook writes it: `$$…$$` only, inline in a sentence or alone as a
// block. markdown-it-mathjax3 (VitePress `markdown.math`) reads single `$` as
// inline math, which eats prices in French prose ("10 $ … 20 $"), and its
// block rule runs to the end of the page when a paragraph merely starts with
// `$$`. Both rules are replaced; its renderers (SVG at build time) are kept.
import type MarkdownIt from 'markdown-it'
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs'
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs'
import type { GitbookContext } from '../env'

function mathInline(state: StateInline, silent: boolean): boolean {
  const src = state.src
  const start = state.pos
  if (!src.startsWith('$$', start)) return false
  const end = src.indexOf('$$', start + 2)
  if (end < 0 || end === start + 2) return false
  const content = src.slice(start + 2, end)
  if (!content.trim()) return false
  if (!silent) {
    const token = state.push('math_inline', 'math', 0)
    token.markup = '$$'
    token.content = content.trim()
  }
  state.pos = end + 2
  return true
}

/** `$$` alone on a line … `$$` alone on a line, or `$$ x $$` alone on its line. */
function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const line = (n: number) => state.src.slice(state.bMarks[n] + state.tShift[n], state.eMarks[n]).trim()
  if (state.sCount[startLine] - state.blkIndent >= 4) return false
  const first = line(startLine)
  if (!first.startsWith('$$')) return false
  let content: string
  let next = startLine
  if (first.length > 4 && first.endsWith('$$') && first.indexOf('$$', 2) === first.length - 2) {
    content = first.slice(2, -2)
  } else if (first === '$$') {
    next = startLine + 1
    while (next < endLine && line(next) !== '$$') next++
    if (next >= endLine) return false
    content = state.getLines(startLine + 1, next, state.tShift[startLine], true)
  } else return false
  if (silent) return true
  state.line = next + 1
  const token = state.push('math_block', 'math', 0)
  token.block = true
  token.content = content.trim()
  token.map = [startLine, state.line]
  token.markup = '$$'
  return true
}

export function mathPlugin(md: MarkdownIt, _ctx: GitbookContext): void {
  if (!md.renderer.rules.math_inline) return // math not enabled in this renderer
  md.inline.ruler.at('math_inline', mathInline)
  md.block.ruler.at('math_block', mathBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] })
}
