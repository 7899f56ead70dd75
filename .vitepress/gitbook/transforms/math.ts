// Math as GitBook writes it: `$$…$$` only, inline in a sentence or alone as a
// block. markdown-it-mathjax3 reads single `$` as inline math, which eats
// prices in French prose ("10 $ … 20 $"), and its block rule runs to the end
// of the page when a paragraph merely starts with `$$`. Both rules are ours;
// its renderers (SVG at build time) are used, loaded on the first formula
// (math-tex.ts), or on a thread of their own from the start of a build of a
// space with formulas (math-thread.ts).
//
// A formula is author input too. MathJax reads only the TeX of math-tex.ts
// (no command that writes HTML attributes); each formula's unknown commands
// and refused values are reported here, at its line. Then a last check reads
// the HTML MathJax wrote: should it hold an element MathJax never writes, an
// address isSafeUrl refuses, an event handler, an id or a class that is not
// MathJax's, or a fixed, layered or `url(…)` style, the formula is shown as
// its TeX source instead.
import { Parser } from 'htmlparser2'
import type MarkdownIt from 'markdown-it'
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import type Token from 'markdown-it/lib/token.mjs'
import { type GitbookContext, type MarkdownEnv, report } from '../env'
import { escapeHtml } from '../tag/registry'
import { isSafeUrl } from '../url-policy'
import { type MathRenderers, type TexRefusals, withRefusals } from './math-tex'
import { mathRules } from './math-rules'
import { mathRenderers } from './math-thread'

/** Give each inline formula the line it is written on (markdown-it maps blocks only). */
function inlineLines(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.map || !block.children) continue
    for (const t of block.children) {
      if (t.type !== 'math_inline' || typeof t.meta?.line !== 'number') continue
      t.map = [block.map[0] + t.meta.line, block.map[0] + t.meta.line + 1]
    }
  }
}

/** Elements of MathJax's SVG output and of its assistive MathML. */
const MATH_ELEMENTS = new Set([
  'mjx-container', 'mjx-assistive-mml',
  'svg', 'g', 'path', 'rect', 'line', 'ellipse', 'polygon', 'text', 'title', 'a',
  'math', 'mi', 'mn', 'mo', 'mtext', 'mspace', 'ms', 'mrow', 'mfrac', 'msqrt', 'mroot', 'mstyle',
  'merror', 'mpadded', 'mphantom', 'mfenced', 'menclose', 'msub', 'msup', 'msubsup', 'munder',
  'mover', 'munderover', 'mmultiscripts', 'mprescripts', 'none', 'mtable', 'mlabeledtr', 'mtr',
  'mtd', 'maligngroup', 'malignmark', 'semantics', 'annotation',
])

/** A CSS text as a browser reads it: comments and escapes resolved, spaces dropped, lower case. */
export function cssText(value: string): string {
  return value
    .replace(/\/\*[\s\S]*?(?:\*\/|$)/g, '')
    .replace(/\\([0-9a-f]{1,6})[ \t\n\r\f]?/gi, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff) || 0xfffd))
    .replace(/\\(.)/gs, '$1')
    .replace(/\s+/g, '')
    .toLowerCase()
}

/** CSS that takes a formula out of its box, over the page, or loads from elsewhere. */
const UNSAFE_CSS = /position:(?:fixed|sticky)|z-index:|url\(|image(?:-set)?\(|expression\(|@import|behavior:|binding:/

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s)

/**
 * Why the HTML MathJax wrote for a formula may not be published, or null.
 * MathJax writes none of it from the TeX this site reads (math-tex.ts): this
 * is the last defence, should a MathJax update or a package let one through.
 */
export function unsafeMathHtml(html: string): string | null {
  let problem: string | null = null
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (problem) return
        if (!MATH_ELEMENTS.has(name)) {
          problem = `a <${name}> element`
          return
        }
        for (const [attr, value] of Object.entries(attribs)) {
          if (attr.startsWith('on')) problem = `an event handler (${attr})`
          else if (/(?:^|:)href$|^src$/.test(attr)) problem = isSafeUrl(value) ? null : `the address "${short(value)}"`
          else if (attr === 'id') problem = value.startsWith('mjx-') ? null : `the id "${short(value)}"`
          else if (attr === 'class') problem = value.split(/\s+/).every((c) => !c || /^(?:MathJax\w*|mjx-[\w-]+)$/.test(c)) ? null : `the class "${short(value)}"`
          else if (attr === 'style' ? UNSAFE_CSS.test(cssText(value)) : cssText(value).includes('url(')) problem = `the ${attr} "${short(value)}"`
          if (problem) return
        }
      },
    },
    { decodeEntities: true },
  )
  parser.end(html)
  return problem
}

/** MathJax commands that write HTML attributes: a link, a style, an id, a class. */
const HTML_COMMANDS = new Set(['href', 'style', 'class', 'cssId', 'data', 'bbox', 'mmlToken'])
/** MathJax commands of the packages left out: characters of any font, more packages, tooltips. */
const MATHJAX_COMMANDS = new Set(['unicode', 'require', 'mathtip', 'texttip', 'toggle', 'endtoggle'])
/** Attributes a formula's colours go in (\fcolorbox's frame goes in a style). */
const COLOR_ATTRIBUTES = new Set(['mathcolor', 'mathbackground', 'color', 'background', 'style'])

/** Where a formula is written: its body line (0-based, as `token.map`) and the column of its `$$`. */
function formulaPlace(env: MarkdownEnv, token: Token): { line: number; column: number } {
  const line = token.map?.[0] ?? 0
  const body = env.content ?? env.gitbookSource ?? ''
  const text = body.split('\n', line + 1)[line] ?? ''
  const at = text.indexOf(token.block ? '$$' : `$$${token.meta?.firstLine ?? ''}`)
  return { line, column: at >= 0 ? at + 1 : 1 }
}

/** Say what a formula asked for that is not rendered. */
function reportRefusals(env: MarkdownEnv, ctx: GitbookContext, token: Token, refusals: TexRefusals): void {
  if (!refusals.unknown.length && !refusals.values.length && !refusals.error) return
  const { line, column } = formulaPlace(env, token)
  if (refusals.error) {
    report(env, ctx, line, 'warning', 'math-error', `formula: MathJax cannot read it (${short(refusals.error)}); it is shown as its TeX source`,
      'correct the TeX: a brace, an argument or an environment is missing or misplaced', column)
  }
  for (const name of refusals.unknown) {
    if (HTML_COMMANDS.has(name)) {
      report(env, ctx, line, 'warning', 'math-refused', `formula: \\${name} is not rendered, as it would put a link, a style or HTML attributes on the page; it is shown in red`,
        `a formula holds only mathematics (GitBook’s formulas have no \\${name} either): write links and styling in the text around it`, column)
    } else if (MATHJAX_COMMANDS.has(name)) {
      report(env, ctx, line, 'warning', 'math-refused', `formula: \\${name} is a MathJax extension this site does not render; it is shown in red`,
        `GitBook’s formulas have no \\${name} either: write the formula with standard LaTeX commands`, column)
    } else {
      report(env, ctx, line, 'warning', 'math-unknown', `formula: \\${name} is not a command MathJax knows; it is shown in red`,
        'check its spelling, or write it with the LaTeX commands GitBook’s formulas know', column)
    }
  }
  for (const { name, value } of refusals.values) {
    if (COLOR_ATTRIBUTES.has(name)) {
      report(env, ctx, line, 'warning', 'math-refused', `formula: the colour "${short(value)}" is not a colour; it is ignored`,
        'write a colour name (red, blue…) or a colour model: \\color[rgb]{1,0,0}', column)
    } else {
      report(env, ctx, line, 'warning', 'math-refused', `formula: ${name}="${short(value)}" is not an attribute MathJax writes; it is ignored`,
        'write the formula with the LaTeX commands GitBook’s formulas know', column)
    }
  }
}

/** The formula as its author wrote it, when its HTML cannot be published. */
function asSource(token: Token): string {
  const tex = escapeHtml(`$$${token.content}$$`)
  return token.block ? `<p><code>${tex}</code></p>\n` : `<code>${tex}</code>`
}

/** `$$` math, rendered by `renderers` (MathJax's, on its thread or set up on the first formula; tests give others). */
export function mathPlugin(md: MarkdownIt, ctx: GitbookContext, renderers: () => MathRenderers = mathRenderers): void {
  mathRules(md)
  md.core.ruler.after('inline', 'gitbook_math_lines', inlineLines)
  for (const rule of ['math_inline', 'math_block'] as const) {
    md.renderer.rules[rule] = (tokens, idx, options, env: MarkdownEnv, self) => {
      const token = tokens[idx]
      let converted: { result: string; refusals: TexRefusals }
      try {
        converted = withRefusals(() => renderers()[rule](tokens, idx, options, env, self))
      } catch (e) {
        const { line, column } = formulaPlace(env, token)
        report(env, ctx, line, 'warning', 'math-crash', `formula: MathJax could not render it (${short(e instanceof Error ? e.message : String(e))}); it is shown as its TeX source`,
          'simplify the formula, or report the message to the site maintainers', column)
        return asSource(token)
      }
      reportRefusals(env, ctx, token, converted.refusals)
      const problem = unsafeMathHtml(converted.result)
      if (!problem) return converted.result
      const { line, column } = formulaPlace(env, token)
      report(env, ctx, line, 'warning', 'math-unsafe', `formula: its HTML holds ${problem}, which a page may not publish; it is shown as its TeX source`,
        'write the formula with the LaTeX commands GitBook’s formulas know', column)
      return asSource(token)
    }
  }
}
