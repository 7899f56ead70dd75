// Coloured text: GitBook writes `<mark style="color:orange;">`, with
// `background-color:…`, or theme tokens (`color:$info`). Author colours are
// not used as such (orange on white fails contrast): each one maps to a class
// whose light and dark values keep 4.5:1 (styles/blocks/mark.css).
import type MarkdownIt from 'markdown-it'
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import { type GitbookContext, type MarkdownEnv, pageState, report } from '../env'
import { attrOf } from './html'

/** GitBook's palette and theme tokens → our colour names. */
const COLOURS: Record<string, string> = {
  red: 'red', orange: 'orange', yellow: 'yellow', green: 'green', blue: 'blue', purple: 'purple',
  pink: 'pink', grey: 'grey', gray: 'grey', black: 'default', default: 'default',
  $info: 'info', $primary: 'primary', $success: 'success', $warning: 'warning', $danger: 'danger',
}

function parseStyle(style: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const decl of style.split(';')) {
    const i = decl.indexOf(':')
    if (i > 0) out[decl.slice(0, i).trim().toLowerCase()] = decl.slice(i + 1).trim().toLowerCase()
  }
  return out
}

export function rewriteMarks(html: string, report_: (message: string) => void): string {
  return html.replace(/<mark\b[^>]*>/gi, (tag) => {
    const style = parseStyle(attrOf(tag, 'style') ?? '')
    const classes = ['gb-mark']
    for (const [prop, prefix] of [['color', 'gb-mark--'], ['background-color', 'gb-mark--bg-']] as const) {
      const v = style[prop]
      if (!v) continue
      const name = COLOURS[v]
      if (name) classes.push(prefix + name)
      else report_(`colour "${v}" in <mark> is not one of GitBook's colours`)
    }
    // Coloured text has no highlight behind it; an unknown colour keeps the plain highlight.
    if (!style['background-color'] && classes.length > 1) classes.push('gb-mark--text')
    return `<mark class="${classes.join(' ')}">`
  })
}

export function markPlugin(md: MarkdownIt, ctx: GitbookContext): void {
  md.core.ruler.after('inline', 'gitbook_mark', (state: StateCore) => {
    const env = state.env as MarkdownEnv
    for (const block of state.tokens) {
      const warn = (message: string) => {
        if (pageState(env, ctx).file) report(env, ctx, block.map?.[0] ?? 0, 'warning', 'mark-colour', message, 'use red, orange, yellow, green, blue, purple or $info/$primary/$success/$warning/$danger; the text is highlighted without that colour meanwhile')
      }
      if (block.type === 'html_block') block.content = rewriteMarks(block.content, warn)
      else if (block.type === 'inline' && block.children) {
        for (const t of block.children) if (t.type === 'html_inline') t.content = rewriteMarks(t.content, warn)
      }
    }
  })
}
