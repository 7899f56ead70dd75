// markdown-it stops nesting at `maxNesting` (100 levels: blockquotes in
// blockquotes, lists in lists) and then silently drops the rest of the block:
// a page 500 levels deep lost its words. Past the limit, the remaining lines
// are kept as one plain paragraph, and the page is told once.
import type MarkdownIt from 'markdown-it'
import { type GitbookContext, pageState, report } from '../env'

export function nestingLimitPlugin(md: MarkdownIt, ctx: GitbookContext): void {
  const tokenize = md.block.tokenize.bind(md.block)
  // In markdown-it's options, missing from @types/markdown-it.
  const limit = () => (md.options as { maxNesting?: number }).maxNesting ?? 100
  md.block.tokenize = (state, startLine, endLine) => {
    if (state.level < limit() || startLine >= endLine) return tokenize(state, startLine, endLine)
    const text = state.getLines(startLine, endLine, state.blkIndent, false).trim()
    if (text) {
      const open = state.push('paragraph_open', 'p', 1)
      open.map = [startLine, endLine]
      const inline = state.push('inline', '', 0)
      inline.content = text
      inline.map = [startLine, endLine]
      inline.children = []
      state.push('paragraph_close', 'p', -1)
    }
    state.line = endLine
    const page = pageState(state.env, ctx)
    if (!page.ids.has('nesting-too-deep')) {
      page.ids.set('nesting-too-deep', 1)
      report(state.env, ctx, startLine, 'warning', 'nesting-too-deep',
        `blocks are nested more than ${limit()} levels deep; the deeper lines are shown as plain text`,
        'nest fewer quotes or lists')
    }
  }
}
