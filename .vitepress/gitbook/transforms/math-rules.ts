// How a page's `$$` formulas are read: inline in a sentence, or alone as a
// block. The build's renderer (math.ts) and MathJax's thread, which reads the
// pages' formulas ahead (math-ahead.ts), use these same rules.
import type MarkdownIt from 'markdown-it'
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs'
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs'

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
    // Its line in the paragraph, and how it starts: to report it where it is written.
    token.meta = { line: src.slice(0, start).split('\n').length - 1, firstLine: content.split('\n')[0] }
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

/** The two rules, where markdown-it-mathjax3 puts its own. */
export function mathRules(md: MarkdownIt): void {
  md.inline.ruler.after('escape', 'math_inline', mathInline)
  md.block.ruler.after('blockquote', 'math_block', mathBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] })
}
