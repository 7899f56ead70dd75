// GitBook annotations and footnotes, through markdown-it-footnote. GitBook
// exports an annotation as `[text](#user-content-fn-1)[^1]` + `[^1]: note`:
// the text stays, its link goes to the note (the GitHub-style anchor would be
// dead here), and the note is also shown on hover/focus of the reference.
// Labels are French. An empty note keeps its text and is reported.
import type MarkdownIt from 'markdown-it'
import footnote from 'markdown-it-footnote'
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import type Token from 'markdown-it/lib/token.mjs'
import { type GitbookContext, type MarkdownEnv, pageState, report } from '../env'

const GITHUB_FN = /^#user-content-fn-(.+)$/

/** The link opening at `i` becomes its bare text. */
function unlink(children: Token[], i: number): void {
  let j = i + 1
  while (j < children.length && children[j].type !== 'link_close') j++
  if (j < children.length) children.splice(j, 1)
  children.splice(i, 1)
}

/** Text of an inline token, marks dropped (for the hover tooltip). */
function plainText(t: Token): string {
  return (t.children ?? []).map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type === 'softbreak' ? ' ' : '')).join('')
}

/**
 * The ids the note renderers below write for a page's tokens (after
 * markdown-it-footnote's tail rule): `fn1` on each note, `fnref1` (`fnref1:1`
 * when repeated) on each reference, and the notes' heading. Empty notes render
 * nothing, so they define no id.
 */
export function noteIds(tokens: Token[], env: MarkdownEnv): string[] {
  const empty = (label: unknown) => (env.gitbookEmptyNotes as Set<string> | undefined)?.has(String(label)) === true
  const ids: string[] = []
  for (const t of tokens) {
    if (t.type === 'footnote_block_open') ids.push('gb-notes-title')
    if (t.type === 'footnote_open' && !empty(t.meta?.label)) ids.push(`fn${t.meta.id + 1}`)
    for (const c of t.children ?? []) {
      if (c.type === 'footnote_ref' && !empty(c.meta?.label)) ids.push(`fnref${c.meta.id + 1}${c.meta.subId > 0 ? `:${c.meta.subId}` : ''}`)
    }
  }
  return ids
}

type Rule = (tokens: Token[], idx: number, options: any, env: any, self: any) => string

export function annotationsPlugin(md: MarkdownIt, ctx: GitbookContext): void {
  md.use(footnote as never)
  const rules = md.renderer.rules as Record<string, Rule>
  rules.footnote_caption = (tokens, idx) => {
    const m = tokens[idx].meta
    return `${m.id + 1}${m.subId > 0 ? `:${m.subId}` : ''}`
  }
  // An empty note renders nothing: no reference mark, no list item, no empty list.
  const empty = (env: MarkdownEnv, label: unknown) => (env.gitbookEmptyNotes as Set<string> | undefined)?.has(String(label)) === true
  const allEmpty = (env: MarkdownEnv) =>
    (env.footnotes?.list ?? []).every((n: { label?: string }) => n.label !== undefined && empty(env, n.label))
  const { footnote_open: open, footnote_close: close } = rules
  // footnote_close carries no label: remember whether its open was skipped.
  rules.footnote_open = (tokens, idx, options, env, self) => {
    env.gitbookSkippingNote = empty(env, tokens[idx].meta?.label)
    return env.gitbookSkippingNote ? '' : open(tokens, idx, options, env, self)
  }
  rules.footnote_close = (tokens, idx, options, env, self) => (env.gitbookSkippingNote ? '' : close(tokens, idx, options, env, self))
  rules.footnote_block_close = (_t, _i, _o, env) => (allEmpty(env) ? '' : '</ol>\n</section>\n')
  rules.footnote_ref = (tokens, idx, options, env, self) => {
    if (empty(env, tokens[idx].meta?.label)) return ''
    const id = self.rules.footnote_anchor_name(tokens, idx, options, env, self)
    const caption = self.rules.footnote_caption(tokens, idx, options, env, self)
    const refid = tokens[idx].meta.subId > 0 ? `${id}:${tokens[idx].meta.subId}` : id
    return `<sup class="footnote-ref"><a href="#fn${id}" id="fnref${refid}" aria-label="Note ${caption}">${caption}</a></sup>`
  }
  rules.footnote_block_open = (_t, _i, _o, env) => allEmpty(env) ? '' :
    '<section class="footnotes gb-notes" aria-labelledby="gb-notes-title">\n<h2 class="gb-notes__title" id="gb-notes-title">Notes</h2>\n<ol class="footnotes-list">\n'
  rules.footnote_anchor = (tokens, idx, options, env, self) => {
    if (empty(env, tokens[idx].meta?.label)) return ''
    let id = self.rules.footnote_anchor_name(tokens, idx, options, env, self)
    if (tokens[idx].meta.subId > 0) id += `:${tokens[idx].meta.subId}`
    return ` <a href="#fnref${id}" class="footnote-backref" aria-label="Retour au texte de la note ${tokens[idx].meta.id + 1}">\u21a9\uFE0E</a>`
  }

  // Before footnote_tail empties the definitions out of the token stream.
  md.core.ruler.before('footnote_tail', 'gitbook_annotations', (state: StateCore) => {
    const env = state.env as MarkdownEnv
    const tokens = state.tokens
    // Empty definitions: `[^1]:` with nothing after it.
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].type !== 'footnote_reference_open' || tokens[i + 1]?.type !== 'footnote_reference_close') continue
      const label: string = tokens[i].meta.label
      ;(env.gitbookEmptyNotes ??= new Set<string>()).add(label)
      if (!pageState(env, ctx).file) continue
      const body = (env.content ?? state.src).split('\n')
      const line = Math.max(0, body.findIndex((l) => l.startsWith(`[^${label}]:`)))
      report(env, ctx, line, 'warning', 'annotation-empty', `note [^${label}] is empty`,
        'write the note after the colon, or remove the note and its reference; the annotated text is shown without it')
    }
    // `[text](#user-content-fn-1)`: point it at the note markdown-it-footnote makes.
    const notes = new Map<string, string>()
    let current: string | null = null
    for (const t of tokens) {
      if (t.type === 'footnote_reference_open') current = t.meta.label
      else if (t.type === 'footnote_reference_close') current = null
      else if (current !== null && t.type === 'inline') notes.set(current, `${notes.get(current) ?? ''} ${plainText(t)}`.trim())
    }
    const labels = new Map<string, number>()
    for (const t of tokens) {
      for (const c of t.children ?? []) {
        if (c.type === 'footnote_ref' && !labels.has(c.meta.label)) labels.set(c.meta.label, c.meta.id)
      }
    }
    for (const t of tokens) {
      for (const c of t.children ?? []) {
        if (c.type !== 'link_open') continue
        const m = GITHUB_FN.exec(c.attrGet('href') ?? '')
        if (!m) continue
        const id = labels.get(m[1])
        if (id === undefined || empty(env, m[1])) {
          // No note to point at: the annotated text stays, as text.
          if (id === undefined && pageState(env, ctx).file) {
            report(env, ctx, t.map?.[0] ?? 0, 'warning', 'annotation-missing', `annotation links to note [^${m[1]}], which is not defined`,
              `add a line \`[^${m[1]}]: the note\` at the end of the page; the text is shown without its note meanwhile`)
          }
          unlink(t.children!, t.children!.indexOf(c))
          continue
        }
        c.attrSet('href', `#fn${id + 1}`)
        c.attrSet('class', 'gb-annotation')
        // Read with the text by screen readers, shown on hover and focus (annotations.css).
        c.attrSet('aria-describedby', `fn${id + 1}`)
        const note = notes.get(m[1])
        if (note) c.attrSet('data-note', note)
      }
    }
  })
}
