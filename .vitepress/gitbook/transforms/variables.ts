// GitBook variables (GITBOOK.md §1): space variables in `.gitbook/vars.yaml`,
// page variables in the front matter's `vars:`. GitBook exports a use as
// `<code class="expression">space.vars.x</code>` (or `page.vars.x`); the skill
// doc writes `{% vars.x %}`, templates `{{ vars.x }}`. Each is replaced by the
// value, as text: a value is author content, escaped, never parsed as Markdown
// or HTML, and nothing is evaluated: only a plain name is looked up. An
// unknown name stays visible as written, and is reported.
import fs from 'node:fs'
import path from 'node:path'
import type MarkdownIt from 'markdown-it'
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import type Token from 'markdown-it/lib/token.mjs'
import { LineCounter, parseDocument } from 'yaml'
import type { Diagnostic } from '../diagnostics'
import { documentValue } from '../gitbook-yaml'
import { type GitbookContext, type MarkdownEnv, pageState, report } from '../env'
import { escapeHtml } from '../tag/registry'
import { outsideSpace } from '../gitbook-yaml'
import { insideDir } from '../resolve'

export type Vars = Record<string, unknown>

/** Where space variables live, relative to the space root. */
export const VARS_FILE = '.gitbook/vars.yaml'

const NAME = String.raw`((?:space|page)\.)?vars\.([\w-]+(?:\.[\w-]+)*)`
/** `space.vars.x`, `page.vars.x`, `vars.x`: the whole text of an expression. */
const EXPRESSION = new RegExp(`^\\s*${NAME}\\s*$`)
/** `{% vars.x %}` and `{{ vars.x }}` inside text. */
const TEMPLATE = new RegExp(String.raw`\{%-?\s*${NAME}\s*-?%\}|\{\{\s*${NAME}\s*\}\}`, 'g')
/** `<code class="expression">…</code>` in raw HTML, as the sanitizer writes it. */
const CODE_EXPRESSION = /<code class="expression">([^<]*)<\/code>/g
const CODE_OPEN = /^<code class="expression">$/

/** Does a `{% … %}` line name a variable (not a tag)? The tag tokenizer leaves those to this file. */
export function isVariableTag(line: string): boolean {
  return new RegExp(String.raw`^\{%-?\s*${NAME}\s*-?%\}$`).test(line.trim())
}

/**
 * Read `.gitbook/vars.yaml` of a space. Invalid YAML, too many aliases, or a
 * file that is not a map of names, is reported with its line; the space is
 * built without it.
 */
export function readSpaceVars(root: string, diagnostics: Diagnostic[]): Vars {
  const file = path.join(root, VARS_FILE)
  if (!fs.existsSync(file)) return {}
  if (!insideDir(root, file)) {
    diagnostics.push(outsideSpace(VARS_FILE))
    return {}
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter })
  const warn = (pos: number, message: string, hint: string) => {
    const at = lineCounter.linePos(pos)
    diagnostics.push({ file: VARS_FILE, line: at.line, column: at.col, severity: 'warning', code: 'vars-yaml', message, hint })
  }
  if (doc.errors.length) {
    const err = doc.errors[0]
    warn(err.pos[0], `${VARS_FILE} is not valid YAML (${err.message.split('\n')[0]})`,
      'fix the YAML syntax; the space variables are shown as written meanwhile')
    return {}
  }
  const read = documentValue(doc)
  if ('problem' in read) {
    warn(read.at, `${VARS_FILE} ${read.problem}`, `${read.advice}; the space variables are shown as written meanwhile`)
    return {}
  }
  const value = read.value
  if (value === null || value === undefined) return {}
  if (typeof value !== 'object' || Array.isArray(value)) {
    warn(0, `${VARS_FILE} must map names to values (name: value)`, 'write one `name: value` per line; the space variables are shown as written meanwhile')
    return {}
  }
  return value as Vars
}

/** The text of `scope`.vars.`name` (`a.b` goes into maps), or undefined when there is none. */
function lookup(scope: string | undefined, name: string, page: Vars | undefined, space: Vars): string | undefined {
  const sources = scope === 'space.' ? [space] : scope === 'page.' ? [page] : [page, space]
  for (const vars of sources) {
    let v: unknown = vars
    for (const key of name.split('.')) v = v && typeof v === 'object' && !Array.isArray(v) ? (v as Vars)[key] : undefined
    if (v === undefined || v === null || typeof v === 'object') continue
    return String(v)
  }
  return undefined
}

/** Line and column of `needle` in a block, for the message. */
function locate(env: MarkdownEnv, block: Token, needle: string): { line: number; column: number } {
  const first = block.map?.[0] ?? 0
  const lines = (env.content ?? '').split('\n').slice(first, block.map?.[1] ?? first + 1)
  for (let i = 0; i < lines.length; i++) {
    const at = lines[i].indexOf(needle)
    if (at >= 0) return { line: first + i, column: at + 1 }
  }
  return { line: first, column: 1 }
}

export function variablesPlugin(md: MarkdownIt, ctx: GitbookContext): void {
  md.core.ruler.after('inline', 'gitbook_variables', (state: StateCore) => {
    const env = state.env as MarkdownEnv
    const file = pageState(env, ctx).file
    const fm = ctx.space.pages.get(file)?.frontmatter ?? env.frontmatter
    const pageVars = fm?.vars && typeof fm.vars === 'object' ? (fm.vars as Vars) : undefined
    const spaceVars = ctx.space.vars ?? {}
    /** The value, or undefined once the unknown name is reported at `written`. */
    const value = (m: RegExpExecArray | string[], scopeAt: number, block: Token, written: string) => {
      const v = lookup(m[scopeAt], m[scopeAt + 1], pageVars, spaceVars)
      if (v === undefined && file) {
        const at = locate(env, block, written)
        const where = m[scopeAt] === 'space.' ? VARS_FILE : m[scopeAt] === 'page.' ? 'the page’s front matter (vars:)' : `the page’s front matter or ${VARS_FILE}`
        report(env, ctx, at.line, 'warning', 'variable-unknown', `variable ${written.trim()} is not defined in ${where}`,
          'define it there, or fix its name; it is shown as written meanwhile', at.column)
      }
      return v
    }
    const inText = (s: string, block: Token) =>
      s.replace(TEMPLATE, (all, s1, n1, s2, n2) => value(n1 ? [s1, n1] : [s2, n2], 0, block, all) ?? all)
    for (const block of state.tokens) {
      if (block.type === 'html_block') {
        block.content = block.content.replace(CODE_EXPRESSION, (all, text: string) => {
          const m = EXPRESSION.exec(text)
          const v = m ? value(m, 1, block, text.trim()) : undefined
          return v === undefined ? all : escapeHtml(v)
        })
      }
      if (block.type !== 'inline' || !block.children) continue
      const ch = block.children
      for (let i = 0; i < ch.length; i++) {
        const t = ch[i]
        if (t.type === 'text') t.content = inText(t.content, block)
        if (t.type !== 'html_inline' || !CODE_OPEN.test(t.content)) continue
        // `<code class="expression">`, its text (maybe split), `</code>`: one text token.
        let j = i + 1
        while (j < ch.length && ch[j].type === 'text') j++
        if (ch[j]?.type !== 'html_inline' || !/^<\/code>$/i.test(ch[j].content)) continue
        const text = ch.slice(i + 1, j).map((c) => c.content).join('')
        const m = EXPRESSION.exec(text)
        const v = m ? value(m, 1, block, text.trim()) : undefined
        if (v === undefined) continue
        const out = new state.Token('text', '', 0)
        out.content = v
        ch.splice(i, j - i + 1, out)
      }
    }
  })
}
