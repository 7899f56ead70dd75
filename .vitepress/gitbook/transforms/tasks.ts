// Task lists `* [ ]` / `* [x]` (D and A use them as checklists): read-only
// checkboxes, each labelled by its item's text so screen readers announce it.
import type MarkdownIt from 'markdown-it'
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import { type GitbookContext, nextId } from '../env'

const BOX = /^\[([ xX])\]\s+/

export function tasksPlugin(md: MarkdownIt, ctx: GitbookContext): void {
  md.core.ruler.after('inline', 'gitbook_tasks', (state: StateCore) => {
    const tokens = state.tokens
    for (let i = 2; i < tokens.length; i++) {
      const inline = tokens[i]
      if (inline.type !== 'inline' || tokens[i - 1].type !== 'paragraph_open' || tokens[i - 2].type !== 'list_item_open') continue
      const first = inline.children?.[0]
      const m = first?.type === 'text' ? BOX.exec(first.content) : null
      if (!first || !m) continue
      first.content = first.content.slice(m[0].length)
      const id = nextId(state.env, ctx, 'gb-task')
      const open = new state.Token('html_inline', '', 0)
      open.content = `<input type="checkbox" class="gb-task__box" id="${id}" disabled${m[1] === ' ' ? '' : ' checked'}><label for="${id}">`
      const close = new state.Token('html_inline', '', 0)
      close.content = '</label>'
      inline.children!.unshift(open)
      inline.children!.push(close)
      tokens[i - 2].attrJoin('class', 'gb-task')
    }
  })
}
