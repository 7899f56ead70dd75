// Formulas MathJax's thread (math-worker.ts) converts before their page asks
// for them, and keeps for when it does. A page waits for each of its formulas
// while the thread converts it, 10 to 30 ms each: 0.1 s of the main thread on
// the 145-page bench space, 0.6 s at 1,000 pages. Converted ahead from the
// pages' sources, while the main thread bundles, a formula is ready when its
// page renders; a formula written twice is converted once.
//
// Only formulas whose result cannot depend on the formulas before them:
// MathJax keeps what a formula defines (\newcommand, \def, \label…) for the
// rest of a build. Once a space holds one that defines something, or a page
// asks for one, the thread converts every formula in the order the pages ask,
// as the main thread would, and keeps none.
import MarkdownIt from 'markdown-it'
import { mathRules } from './math-rules'

/** The two rules of math.ts, as the thread's requests name them. */
export interface Formula {
  rule: 'math_inline' | 'math_block'
  tex: string
}

/**
 * Commands that change what later formulas give: definitions (newcommand,
 * base, ams, mathtools, color, extpfeil packages), labels and references, tag forms
 * (`\require` is no command here: its package is not loaded).
 * Too broad is only slower.
 */
export const DEFINES =
  /\\(?:(?:re)?newcommand|providecommand|(?:re)?newenvironment|[gex]?def|let|futurelet|global|DeclareMathOperator|DeclarePairedDelimiter[A-Za-z]*|(?:new|renew|use)tagform|mathtoolsset|definecolor|label|(?:eq)?ref|tag|newcounter|setcounter|addtocounter|Newextarrow)(?![A-Za-z])/

/** Bounds on the work ahead: past them, the rest is converted as the pages ask. */
const MAX_SOURCE = 1 << 20
const MAX_FORMULAS = 5_000
/**
 * A formula longer than this is converted only when its page asks, within
 * the time limit math-thread.ts gives each formula: converted ahead, a slow
 * one would keep the thread busy while an earlier page waits for its own.
 */
export const MAX_TEX = 2_000

/** markdown-it with math.ts's rules only: the pages' other syntax reads as plain Markdown. */
let reader: MarkdownIt | undefined

/**
 * The formulas of a page's Markdown, read by math.ts's own rules (math-rules.ts).
 * A formula the page's GitBook blocks would read otherwise is only converted
 * for nothing; one missed is converted when its page asks.
 */
export function formulasIn(source: string): Formula[] {
  if (source.length > MAX_SOURCE || !source.includes('$$')) return []
  if (!reader) mathRules((reader = new MarkdownIt()))
  const out: Formula[] = []
  for (const token of reader.parse(source, {})) {
    for (const t of token.type === 'inline' ? (token.children ?? []) : [token]) {
      if ((t.type === 'math_inline' || t.type === 'math_block') && out.length < MAX_FORMULAS) out.push({ rule: t.type, tex: t.content })
    }
  }
  return out
}

/** The formulas of `sources` worth converting ahead: none when one of them defines something; each once. */
export function formulasAhead(sources: string[]): Formula[] {
  const seen = new Set<string>()
  const out: Formula[] = []
  for (const source of sources) {
    for (const f of formulasIn(source)) {
      if (DEFINES.test(f.tex)) return []
      const key = formulaKey(f)
      if (seen.has(key) || out.length >= MAX_FORMULAS || f.tex.length > MAX_TEX) continue
      seen.add(key)
      out.push(f)
    }
  }
  return out
}

export const formulaKey = (f: Formula): string => `${f.rule}\n${f.tex}`
