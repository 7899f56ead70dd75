// The TeX MathJax reads from a page: what GitBook's KaTeX reads, and nothing
// that writes HTML. markdown-it-mathjax3 loads every MathJax TeX package by
// default, and some of them let an author put attributes on the page: `html`
// (\href, \style, \class, \cssId, \data), `bbox` (a style), `unicode` (a font
// family spliced into a style), `action` (tooltips, which also crash the
// build's SVG output), and base's own \mmlToken (href, style, id and class on
// any token). A link to `javascript:`, a fixed full-page overlay or a second
// `id="app"` came out of a formula. Those packages are left out, \mmlToken is
// refused, and every command MathJax does not know shows as MathJax shows it
// (its name in red) and is reported. The colours an author gives (\color,
// \colorbox, \fcolorbox, colortbl) go into attributes and a style: one that
// is not a colour is dropped, and reported.
//
// MathJax's TeX packages are registered by name in mathjax-full's module:
// this one is loaded from where markdown-it-mathjax3 loads it, so that our
// package is registered in the very registry its TeX input reads.
//
// MathJax is loaded on the first formula a build renders, not with the
// configuration as VitePress's `markdown.math` does: its modules and TeX
// packages take about 0.2 s to load, and most spaces have no formula.
import { createRequire } from 'node:module'
import MarkdownIt from 'markdown-it'
import type { PluginWithOptions } from 'markdown-it'
import type { RenderRule } from 'markdown-it/lib/renderer.mjs'
import type Token from 'markdown-it/lib/token.mjs'

/** What one formula asked for that was not rendered: read by the math renderer. */
export interface TexRefusals {
  /** Commands shown as unknown (without the backslash), in order, once each. */
  unknown: string[]
  /** Attribute values dropped: colours that are not colours, and what MathJax itself never writes. */
  values: { name: string; value: string }[]
  /** MathJax's message when it could not read the formula (shown as its source, in a box). */
  error?: string
}

/**
 * MathJax's TeX packages this site reads. Every package of MathJax's own
 * `AllPackages` but `html`, `bbox`, `unicode`, `action` and `noundefined`
 * (replaced by ours); `require` (which loads any other) is not among them.
 * Named one by one, so that a MathJax update adds nothing by itself.
 */
export const TEX_PACKAGES = [
  'base', 'ams', 'amscd', 'boldsymbol', 'braket', 'bussproofs', 'cancel', 'cases', 'centernot',
  'color', 'colortbl', 'empheq', 'enclose', 'extpfeil', 'gensymb', 'mathtools', 'mhchem',
  'newcommand', 'noerrors', 'upgreek', 'verb', 'configmacros', 'tagformat', 'textcomp', 'textmacros',
]

/** Our package: refused commands, unknown commands, and the attribute check. */
const PACKAGE = 'gitbook-untrusted'

/** Commands of the packages above that write HTML attributes from their arguments. */
const REFUSED = ['mmlToken']

/** A colour as MathJax writes it: a name (`red`, `RoyalBlue` once mapped) or `#rgb`…`#rrggbbaa`. */
const COLOR = /^(?:[a-z]+|#[0-9a-f]{3,8})$/i
/** A border MathJax itself styles (\fcolorbox, \overbracket): `border: 2px solid red; border-top: none`. */
const BORDER = /^border(?:-(?:top|right|bottom|left))?\s*:\s*[\w.#%\s-]*$/i
const COLOR_ATTRIBUTES = ['mathcolor', 'mathbackground', 'color', 'background']

/** The refusals of the formula being converted (conversion is synchronous). */
let current: TexRefusals | null = null

/** Add what a formula converted elsewhere (math-thread.ts) refused to the formula being converted here. */
export function addRefusals(refusals: TexRefusals): void {
  if (!current) return
  for (const name of refusals.unknown) if (!current.unknown.includes(name)) current.unknown.push(name)
  current.values.push(...refusals.values)
  if (refusals.error) current.error = refusals.error
}

/** Convert one formula with `convert`, and say what it asked for that was not rendered. */
export function withRefusals<T>(convert: () => T): { result: T; refusals: TexRefusals } {
  const refusals: TexRefusals = { unknown: [], values: [] }
  const outer = current
  current = refusals
  try {
    return { result: convert(), refusals }
  } finally {
    current = outer
  }
}

/** Minimal shapes of MathJax's TeX parser and MathML nodes, as used here. */
interface TexParser {
  create(kind: 'text', text: string): unknown
  create(kind: 'node', type: string, children: unknown[], attributes: Record<string, string>, text?: unknown): unknown
  Push(node: unknown): void
}
interface MmlAttributes {
  getAllAttributes(): Record<string, unknown>
}
interface MmlNode {
  attributes?: MmlAttributes
  walkTree(fn: (node: MmlNode) => void): void
}

/** As MathJax's `noundefined` package shows an unknown command: its name, in red. */
function unknownCommand(parser: TexParser, name: string): void {
  if (current && !current.unknown.includes(name)) current.unknown.push(name)
  parser.Push(parser.create('node', 'mtext', [], { mathcolor: 'red' }, parser.create('text', `\\${name}`)))
}

/** Does MathJax's own TeX code produce this attribute value? */
function allowedValue(name: string, value: string): boolean {
  if (COLOR_ATTRIBUTES.includes(name)) return COLOR.test(value.trim())
  if (name === 'style') {
    return value.split(';').every((decl) => {
      if (!decl.trim()) return true
      if (!BORDER.test(decl.trim())) return false
      const words = decl.split(':')[1].trim().split(/\s+/)
      // The colour of `border: 2px solid red`, the author's, is a colour too.
      return words.every((w) => w === '' || /^[\d.]+[a-z%]*$/i.test(w) || COLOR.test(w))
    })
  }
  // \ref and \eqref: a link to the equation's tag, on this page.
  if (name === 'href') return value.startsWith('#')
  // \label: the tag's id, always under MathJax's prefix.
  if (name === 'id') return value.startsWith('mjx-eqn')
  if (name === 'class') return value.split(/\s+/).every((c) => c === '' || /^(?:MathJax_\w+|mjx-[\w-]+)$/.test(c))
  return true
}

/** Drop from the parsed formula any attribute value MathJax's own code would not write. */
function checkAttributes({ data }: { data: { root: MmlNode } }): void {
  data.root.walkTree((node) => {
    const attributes = node.attributes
    if (!attributes) return
    const all = attributes.getAllAttributes()
    for (const name of Object.keys(all)) {
      const value = all[name]
      if (typeof value !== 'string' || allowedValue(name, value)) continue
      delete all[name]
      // \fcolorbox's frame: the author wrote the colour after `solid`.
      const written = name === 'style' ? value.replace(/^border:\s*[\d.]+[a-z]*\s+solid\s+/i, '') : value
      if (current && !current.values.some((v) => v.name === name && v.value === written)) current.values.push({ name, value: written })
    }
  })
}

let registered = false

/** Register our package in MathJax's TeX registry, once per process. */
function registerPackage(): void {
  if (registered) return
  registered = true
  const load = createRequire(createRequire(import.meta.url).resolve('markdown-it-mathjax3'))
  // Registers every package of TEX_PACKAGES (markdown-it-mathjax3 loads the same file).
  load('mathjax-full/js/input/tex/AllPackages.js')
  const { Configuration } = load('mathjax-full/js/input/tex/Configuration.js')
  const { CommandMap } = load('mathjax-full/js/input/tex/SymbolMap.js')
  new CommandMap(
    `${PACKAGE}-refused`,
    Object.fromEntries(REFUSED.map((name) => [name, 'Refused'])),
    { Refused: (parser: TexParser, cs: string) => unknownCommand(parser, cs.replace(/^\\/, '')) },
  )
  Configuration.create(PACKAGE, {
    handler: { macro: [`${PACKAGE}-refused`] },
    fallback: { macro: unknownCommand },
    postprocessors: [[checkAttributes, 10]],
    // Before every other package: a refused command stays refused even when redefined.
    priority: 1,
  })
}

/** MathJax's TeX input, as far as a formula it cannot read is concerned. */
interface TexJax {
  formatError(error: Error): unknown
}

/** A formula MathJax cannot read: noted for the report, then shown as MathJax shows it. */
function formatError(jax: TexJax, error: Error): unknown {
  if (current) current.error = error.message.replace(/\n[\s\S]*/, '')
  return jax.formatError(error)
}

/** markdown-it-mathjax3's options: it passes `tex` to MathJax's TeX input. */
function mathOptions(): { tex: { packages: string[]; formatError: typeof formatError } } {
  registerPackage()
  return { tex: { packages: [...TEX_PACKAGES, PACKAGE], formatError } }
}

/** The renderers of the two math tokens. */
export type MathRenderers = Record<'math_inline' | 'math_block', RenderRule>

let renderers: MathRenderers | undefined

/**
 * markdown-it-mathjax3's renderers (MathJax, SVG output), set up on the first
 * call. Its tokenizer rules are not used: math.ts reads GitBook's `$$` itself.
 */
export function mathjaxRenderers(): MathRenderers {
  if (renderers) return renderers
  const mathjax3 = createRequire(import.meta.url)('markdown-it-mathjax3') as PluginWithOptions<ReturnType<typeof mathOptions>>
  const scratch = new MarkdownIt().use(mathjax3, mathOptions())
  const block = scratch.renderer.rules.math_block!
  renderers = {
    math_inline: scratch.renderer.rules.math_inline!,
    // As VitePress's `markdown.math`: a display formula wider than the page scrolls, so it takes the keyboard focus.
    math_block: (...args) => block(...args).replace(/^<mjx-container /, '<mjx-container tabindex="0" '),
  }
  return renderers
}

let plainMd: MarkdownIt | undefined

/** One formula converted: MathJax's HTML and what it refused, or MathJax's message when it threw. */
export type ConvertedFormula = { result: string; refusals: TexRefusals } | { crash: string }

/**
 * Convert the TeX of one formula as the renderer of `rule` does (MathJax's
 * renderers read nothing of the token but its content): the work of the math
 * thread (math-worker.ts), as data that crosses threads.
 */
export function convertFormula(rule: keyof MathRenderers, tex: string): ConvertedFormula {
  try {
    const tokens = [{ content: tex }] as Token[]
    const md = (plainMd ??= new MarkdownIt())
    return withRefusals(() => mathjaxRenderers()[rule](tokens, 0, md.options, {}, md.renderer))
  } catch (e) {
    return { crash: e instanceof Error ? e.message : String(e) }
  }
}
