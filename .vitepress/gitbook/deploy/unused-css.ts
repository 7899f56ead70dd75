// Only the CSS that is used: VitePress's default theme ships styles for every
// component it has (sponsors, carbon ads, team pages, code groups…) and ~400
// colour variables; a page needs a fraction. After bundling, a rule is
// dropped when one of the classes its selector requires appears nowhere in
// the client's JavaScript — which holds every component template and every
// page's rendered Markdown — and a custom property when nothing reads it.
// Over-approximate on purpose: any word of the JavaScript counts as a class.
import postcss, { type Root, type Rule } from 'postcss'
import type { Plugin } from 'vite'
import { clientBundlePlugin, stylesheets } from './client-bundle'

/**
 * Every identifier-like word of the client code (`codes`, one string per
 * chunk): the classes it may set. With `among`, only the words that are in
 * it: the code of 1,000 pages holds millions of words, and keeping only the
 * few hundred the stylesheet names (cssWords) is about five times faster
 * than collecting them all.
 */
export function wordsOf(codes: string | Iterable<string>, among?: Set<string>): Set<string> {
  const words = new Set<string>()
  for (const code of typeof codes === 'string' ? [codes] : codes) {
    const word = /[A-Za-z_][\w-]*/g
    for (let m = word.exec(code); m; m = word.exec(code)) if (!among || among.has(m[0])) words.add(m[0])
  }
  return words
}

/**
 * Every word requiredClasses can find in `sheets` (one stylesheet's text or
 * several), and more: each `.class` of the text and each scoped-style
 * attribute (`[data-v-1a2b3c4d]`).
 */
export function cssWords(sheets: string | Iterable<string>): Set<string> {
  const words = new Set<string>()
  for (const css of typeof sheets === 'string' ? [sheets] : sheets) {
    for (const m of css.matchAll(/\.(-?[A-Za-z_][\w-]*)/g)) words.add(m[1])
    for (const m of css.matchAll(/\[(data-v-[\da-f]+)\]/g)) words.add(m[1])
  }
  return words
}

/**
 * Classes a selector needs to match; those under :not() are not needed.
 * With `scopes`, also the scoped-style attributes of Vue components
 * (`[data-v-1a2b3c4d]`), whose names the component's code holds.
 */
export function requiredClasses(selector: string, scopes = false): string[] | null {
  // :is()/:where()/:has() lists: too subtle to prune; keep.
  if (/:(is|where|has|matches)\(/.test(selector)) return null
  const noNot = selector.replace(/:not\([^)]*\)/g, '')
  const bare = noNot.replace(/\[[^\]]*\]/g, '')
  const classes = [...bare.matchAll(/\.(-?[A-Za-z_][\w-]*)/g)].map((m) => m[1].replace(/\\/g, ''))
  if (scopes) for (const m of noNot.matchAll(/\[(data-v-[\da-f]+)\]/g)) classes.push(m[1])
  return classes
}

function pruneSelectors(root: Root, words: Set<string>, absent: RegExp[]): void {
  root.walkRules((rule: Rule) => {
    // Keyframe steps (from, 50%) are not selectors.
    if (rule.parent?.type === 'atrule' && /keyframes$/.test((rule.parent as { name: string }).name)) return
    const kept = rule.selectors.filter((s) => {
      if (absent.some((a) => a.test(s))) return false
      const classes = requiredClasses(s)
      return classes === null || classes.every((c) => words.has(c))
    })
    if (kept.length === 0) rule.remove()
    else if (kept.length < rule.selectors.length) rule.selectors = kept
  })
}

/** Custom properties `text` reads: `var(--x)`. */
function varsRead(text: string, into: Set<string>): Set<string> {
  for (const m of text.matchAll(/var\(\s*(--[\w-]+)/g)) into.add(m[1])
  return into
}

/** Drop custom property declarations nothing reads, until none is left. */
function pruneVariables(root: Root, code: string): void {
  // What the code reads, once: it holds every page's chunk (30 MB at 1,000
  // pages), and each pass below only changes the stylesheet.
  const byCode = varsRead(code, new Set())
  // Scripts may read or set variables by name (style.setProperty('--vp-…')).
  for (const m of code.matchAll(/['"`](--[\w-]+)/g)) byCode.add(m[1])
  for (;;) {
    const read = varsRead(root.toString(), new Set(byCode))
    let removed = 0
    root.walkDecls(/^--/, (d) => {
      if (!read.has(d.prop)) {
        d.remove()
        removed++
      }
    })
    if (!removed) break
  }
  root.walk((node) => {
    if ((node.type === 'rule' || node.type === 'atrule') && node.nodes && node.nodes.length === 0) node.remove()
  })
}

/**
 * A custom property set again later for the same selector in the same
 * context (our tokens over VitePress's defaults): the first value never
 * applies, so drop it, and with it what only it read.
 */
function pruneShadowed(root: Root): void {
  const last = new Map<string, import('postcss').Declaration>()
  root.walkDecls(/^--/, (d) => {
    const rule = d.parent
    if (rule?.type !== 'rule') return
    let context = ''
    for (let p = rule.parent; p && p.type === 'atrule'; p = p.parent) context += `@${(p as import('postcss').AtRule).params}`
    const key = `${context}|${(rule as Rule).selector}|${d.prop}`
    const before = last.get(key)
    if (before && !d.important) before.remove()
    last.set(key, d)
  })
}

/**
 * `css` without the rules and variables `code` (the client JavaScript) cannot
 * use, nor the selectors matching one of `absent`: what the code names but
 * never puts in a page of this site. `words`: the code's words, when already
 * collected for another stylesheet.
 */
export function dropUnusedCss(css: string, code: string, absent: RegExp[] = [], words = wordsOf(code, cssWords(css))): string {
  const root = postcss.parse(css)
  pruneSelectors(root, words, absent)
  pruneShadowed(root)
  pruneVariables(root, code)
  // Emptied at-rules (@media with no rule left).
  root.walkAtRules((a) => {
    if (a.nodes && a.nodes.length === 0) a.remove()
  })
  return root.toString()
}

/**
 * Vite plugin: prune the client build's CSS against its own JavaScript.
 * @param keep classes of HTML written outside Vue (the static pages)
 * @param absent selectors to drop although the code names their classes
 */
export function unusedCssPlugin(keep: string[] = [], absent: RegExp[] = []): Plugin {
  return clientBundlePlugin('gitbook:unused-css', (bundle) => {
    // Plus the classes of HTML written outside Vue (the static pages).
    const code = Object.values(bundle)
      .map((f) => (f.type === 'chunk' ? f.code : ''))
      .concat(keep)
      .join('\n')
    const sheets = stylesheets(bundle)
    // One pass over the code for every stylesheet.
    const words = wordsOf(code, cssWords(sheets.map((f) => f.source)))
    for (const f of sheets) f.source = dropUnusedCss(f.source, code, absent, words)
  })
}
