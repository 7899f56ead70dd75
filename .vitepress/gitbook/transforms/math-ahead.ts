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
 * The formulas of a page's Markdown, as math.ts's rules would read them in
 * the common cases: `$$` alone on a line … `$$` alone on a line, `$$ x $$`
 * alone on its line (display), `$$ x $$` within a paragraph (inline). A
 * formula read otherwise here (in a code block, in a nested list) is only
 * converted for nothing; one missed is converted when its page asks.
 */
export function formulasIn(source: string): Formula[] {
  if (source.length > MAX_SOURCE || !source.includes('$$')) return []
  const out: Formula[] = []
  const lines = source.split('\n')
  let paragraph: string[] = []
  const flush = () => {
    const text = paragraph.join('\n')
    paragraph = []
    for (let at = text.indexOf('$$'); at >= 0; ) {
      const end = text.indexOf('$$', at + 2)
      if (end < 0) break
      const tex = text.slice(at + 2, end).trim()
      if (tex) out.push({ rule: 'math_inline', tex })
      at = text.indexOf('$$', end + 2)
    }
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim()
    if (line === '$$') {
      const close = lines.findIndex((l, j) => j > i && l.trim() === '$$')
      if (close > i) {
        flush()
        const indent = /^\s*/.exec(lines[i])![0].length
        const tex = lines
          .slice(i + 1, close)
          .map((l) => l.slice(Math.min(indent, /^\s*/.exec(l)![0].length)))
          .join('\n')
          .trim()
        if (tex) out.push({ rule: 'math_block', tex })
        i = close
        continue
      }
    }
    if (line.length > 4 && line.startsWith('$$') && line.indexOf('$$', 2) === line.length - 2) {
      flush()
      const tex = line.slice(2, -2).trim()
      if (tex) out.push({ rule: 'math_block', tex })
      continue
    }
    if (!line) flush()
    else paragraph.push(lines[i])
  }
  flush()
  return out.slice(0, MAX_FORMULAS)
}

/** The formulas of `sources` worth converting ahead: none when one of them defines something; each once. */
export function formulasAhead(sources: string[]): Formula[] {
  const seen = new Set<string>()
  const out: Formula[] = []
  for (const source of sources) {
    for (const f of formulasIn(source)) {
      if (DEFINES.test(f.tex)) return []
      const key = formulaKey(f)
      if (seen.has(key) || out.length >= MAX_FORMULAS) continue
      seen.add(key)
      out.push(f)
    }
  }
  return out
}

export const formulaKey = (f: Formula): string => `${f.rule}\n${f.tex}`
