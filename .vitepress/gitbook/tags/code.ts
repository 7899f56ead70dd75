// {% code title="index.js" overflow="wrap" lineNumbers="true" expandable="true"
// fullWidth="true" %} + fence + {% endcode %}: the fence is rendered (and
// highlighted) by VitePress's own fence renderer; this tag only wraps it in a
// titled frame and sets the options. GitBook's HTML export of the same block,
// `<pre class="language-yaml" data-title="x" data-overflow="wrap">`, gets the
// same frame with its content left as written.
import type MarkdownIt from 'markdown-it'
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import type Token from 'markdown-it/lib/token.mjs'
import { type GitbookContext, report } from '../env'
import { defineTag, escapeHtml, findClose, type TagMeta } from '../tag/registry'

/** GitBook collapses expandable code to about ten lines (*Code blocks*). */
export const COLLAPSED_LINES = 10

const BOOL = { values: ['true', 'false'], fallback: 'false' }

type CodeMeta = TagMeta & { collapsible?: boolean }

function frameOpen(classes: string[], title: string | undefined): string {
  const caption = title ? `<figcaption class="gb-code__title">${escapeHtml(title)}</figcaption>\n` : ''
  return `<figure class="${['gb-code', ...classes].join(' ')}">\n${caption}`
}

/** A native toggle that lifts the height limit: no script, and print shows all (CSS). */
const EXPAND_TOGGLE =
  '<details class="gb-code__more"><summary>' +
  '<span class="gb-code__more-open">Afficher tout le code</span>' +
  '<span class="gb-code__more-close">Réduire le code</span></summary></details>\n'

export const code = defineTag({
  name: 'code',
  end: 'always',
  args: { title: {}, overflow: { values: ['wrap', 'scroll'], fallback: 'scroll' }, lineNumbers: BOOL, expandable: BOOL, fullWidth: BOOL },
  open({ tokens, idx, meta, env, ctx }) {
    const close = findClose(tokens, idx)
    const fences: Token[] = []
    for (let i = idx + 1; i < close; i++) if (tokens[i].type === 'fence') fences.push(tokens[i])
    if (!fences.length) {
      report(env, ctx, tokens[idx].map?.[0] ?? 0, 'warning', 'code-no-fence',
        '{% code %} holds no fenced code block', 'put the code between ``` lines inside it; its content is shown as is')
    }
    const a = meta.args
    if (a.lineNumbers === 'true') {
      // VitePress's own option, read from the fence info: ```js:line-numbers
      for (const f of fences) if (!/:line-numbers/.test(f.info)) f.info = f.info.replace(/^(\S*)/, '$1:line-numbers')
    }
    const lines = fences.reduce((n, f) => n + f.content.replace(/\n$/, '').split('\n').length, 0)
    const m = meta as CodeMeta
    m.collapsible = a.expandable === 'true' && lines > COLLAPSED_LINES
    const classes = []
    if (a.overflow === 'wrap') classes.push('gb-code--wrap')
    if (m.collapsible) classes.push('gb-code--expandable')
    if (a.fullWidth === 'true') classes.push('gb-code--full')
    return frameOpen(classes, a.title)
  },
  close({ meta }) {
    return `${(meta as CodeMeta).collapsible ? EXPAND_TOGGLE : ''}</figure>\n`
  },
})

const PRE_OPEN = /^<pre\b([^>]*)>/i

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i').exec(attrs)
  return m ? (m[2] ?? m[3]) : undefined
}

function decodeAttr(v: string): string {
  return v.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
}

/** `<pre data-title data-overflow>` blocks: framed and titled like {% code %}. */
export function preTitlePlugin(md: MarkdownIt, _ctx: GitbookContext): void {
  md.core.ruler.after('inline', 'gitbook_pre_title', (state: StateCore) => {
    for (const t of state.tokens) {
      if (t.type !== 'html_block') continue
      const m = PRE_OPEN.exec(t.content)
      if (!m) continue
      const title = attr(m[1], 'data-title')
      const wrap = attr(m[1], 'data-overflow') === 'wrap'
      const full = attr(m[1], 'data-full-width') === 'true'
      if (title === undefined && !wrap && !full) continue
      const classes = ['gb-code--html']
      if (wrap) classes.push('gb-code--wrap')
      if (full) classes.push('gb-code--full')
      t.content = frameOpen(classes, title === undefined ? undefined : decodeAttr(title)) + t.content.replace(/\n?$/, '\n') + '</figure>\n'
    }
  })
}
