// VitePress compiles every page as a Vue template, so author HTML that a
// browser would forgive (an unclosed `<div>`, a stray `</span>`, `<p % x %>`)
// stops the whole build. The rendered page is checked with Vue's own parser;
// when it objects, the markup is repaired as a browser would read it (stray
// end tags dropped, bad attributes removed, unclosed elements closed), the
// build says so, and the page keeps its text. The check compiles, not only
// parses: a directive Vue refuses (`v-html` on an element with children, an
// expression that is not JavaScript) fails in its transform phase.
import { createRequire } from 'node:module'
import { parseHTML } from '../html-dom'

// Required, not imported: Vue's compiler is CommonJS, and an `import` has
// Node scan it and the compiler core it re-exports for their export names
// (about 35 ms of every build's start); @vitejs/plugin-vue requires the same
// module later, which is then already loaded.
const { compile: vueCompile, ErrorCodes, parse: vueParse } = createRequire(import.meta.url)('@vue/compiler-dom') as typeof import('@vue/compiler-dom')

export interface VueProblem {
  message: string
  /** The start tag or end tag Vue stopped at, as written in the HTML. */
  tag?: string
  /** Vue's error code (`ErrorCodes`), when it gave one. */
  code?: number
}

interface RawError {
  code: number
  offset: number
  message: string
}

/** Every error Vue reports compiling `html` as a template, as the build would. */
function compileErrors(html: string): RawError[] {
  const errors: RawError[] = []
  try {
    vueCompile(html, {
      onError: (e) => errors.push({ code: Number(e.code), offset: e.loc?.start.offset ?? -1, message: e.message }),
      onWarn: () => {},
      isCustomElement: () => true,
      comments: true,
      // As @vitejs/plugin-vue compiles: expressions are parsed as JavaScript.
      prefixIdentifiers: true,
    })
  } catch (e) {
    errors.push({ code: -1, offset: -1, message: (e as Error).message })
  }
  return errors
}

/** Errors of Vue's transform phase (directives, expressions), after parsing succeeded. */
const isTransformError = (code: number) => code >= ErrorCodes.X_V_IF_NO_EXPRESSION

/** Vue's complaints about `html` as a template (empty when it compiles). */
export function vueTemplateErrors(html: string): VueProblem[] {
  return compileErrors(html).map((e) => {
    const lt = e.offset < 0 ? -1 : html.lastIndexOf('<', e.offset)
    const tag = lt >= 0 ? /^<\/?[^\s>]+[^>]*>?/.exec(html.slice(lt))?.[0] : undefined
    return { message: e.message, tag, code: e.code }
  })
}

/** What the author should do about a problem. */
export function problemHint(problem: VueProblem): string {
  const after = 'it was repaired the way a browser reads it meanwhile'
  if (problem.tag?.startsWith('</')) return `remove this end tag or add its start tag; ${after}`
  if (/missing end tag/i.test(problem.message)) return `close this element; ${after}`
  if (problem.code !== undefined && isTransformError(problem.code)) return `remove the Vue attributes (v-…, :…, @…) of this tag; ${after}`
  return `write attributes as name="value", or remove this tag's odd ones; ${after}`
}

/** 0-based line of `body` where the tag Vue stopped at is written (0 when not found). */
export function problemLine(body: string, problem: VueProblem): number {
  if (!problem.tag) return 0
  const lines = body.split('\n')
  for (const needle of [problem.tag, /^<\/?[^\s>]+/.exec(problem.tag)?.[0] ?? problem.tag]) {
    const i = lines.findIndex((l) => l.includes(needle))
    if (i >= 0) return i
  }
  return 0
}

/** Attribute names Vue refuses (`%`, quotes…); directives such as fences' `v-pre` stay. */
const VALID_ATTR = /^[a-zA-Z_:@#][a-zA-Z0-9_:.\-@#]*$/

/** Vue template syntax in an attribute name: `v-…`, `:x`, `@x`, `#x`. */
const DIRECTIVE = /^(v-|[:@#])/i

/** A start tag keeping only well-formed, distinct attributes (and no directive, when asked). */
function cleanStartTag(tag: string, dropDirectives = false): string {
  const m = /^<([^\s/>]+)([\s\S]*?)(\/?)>$/.exec(tag)
  if (!m) return tag
  const seen = new Set<string>()
  const attrs: string[] = []
  for (const a of m[2].matchAll(/([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
    const name = a[1]
    if (!VALID_ATTR.test(name) || seen.has(name.toLowerCase())) continue
    if (dropDirectives && DIRECTIVE.test(name)) continue
    seen.add(name.toLowerCase())
    attrs.push(a[2] ? `${name}=${a[2]}` : name)
  }
  return `<${m[1]}${attrs.map((a) => ` ${a}`).join('')}${m[3] ? ' /' : ''}>`
}

/**
 * Repair what Vue objects to, keeping the rest byte for byte: stray end tags
 * are dropped (as browsers do) and start tags with bad attributes cleaned; then,
 * if elements are still unclosed, the markup is re-serialised by an HTML
 * parser (linkedom) which closes them.
 */
export function repairHtml(html: string): string {
  let out = html
  for (let n = 0; n < 200; n++) {
    const errors = compileErrors(out)
    const e = errors.find((x) => x.code !== ErrorCodes.X_MISSING_END_TAG && x.offset >= 0)
    if (!e) break
    const lt = out.lastIndexOf('<', e.offset)
    const gt = lt < 0 ? -1 : out.indexOf('>', lt)
    if (gt < 0) break
    const tag = out.slice(lt, gt + 1)
    const fixed = tag.startsWith('</') ? '' : cleanStartTag(tag, isTransformError(e.code))
    if (fixed === tag) break
    out = out.slice(0, lt) + fixed + out.slice(gt + 1)
  }
  if (!vueTemplateErrors(out).length) return out
  // Component tags (`<GbTabs>`) come out lower-cased: remember their spelling.
  const names = new Map<string, string>()
  for (const m of out.matchAll(/<\/?([A-Z][A-Za-z0-9]*)/g)) names.set(m[1].toLowerCase(), m[1])
  const { document } = parseHTML(`<!doctype html><html><body><div id="gb-root">${out}</div></body></html>`)
  let serialised = document.getElementById('gb-root')!.innerHTML
  for (const [lower, name] of names) serialised = serialised.replace(new RegExp(`(</?)${lower}(?=[\\s>/])`, 'g'), `$1${name}`)
  // The parser decodes entities in text; keep `{{` away from Vue again.
  return serialised.replace(/\{\{/g, '&#123;&#123;')
}

type TemplateAst = ReturnType<typeof vueParse>

/** Vue's parse of `html` as stripDirectives reads it, and whether it reported an error. */
function parseTemplate(html: string): { ast: TemplateAst; clean: boolean } | undefined {
  let clean = true
  try {
    // No `isCustomElement`: a tag Vue does not know must show as a component here.
    const ast = vueParse(html, { comments: true, isCustomElement, onError: () => (clean = false) })
    return { ast, clean }
  } catch {
    return undefined
  }
}

/**
 * Whether compiling could find an error that parsing did not. Vue's transform
 * phase only objects to its own syntax (directives, `{{ }}` expressions) and
 * to `<script>`/`<style>` in a template; a page with none of them compiles
 * once it parses, so most pages skip the compile, which took a tenth of the
 * Markdown transform's time. `v-pre` (code blocks) and the literal bindings
 * of our own components cannot fail. On 30,000 inputs (every page of the
 * bench, fixture and attack spaces, and random Vue-ish tag soup) the answer
 * was the same as compiling every page.
 */
function mayFailToCompile(node: any): boolean {
  if (node.type === 5) return true
  if (node.type === 1) {
    if (node.tag === 'script' || node.tag === 'style') return true
    for (const prop of node.props ?? []) if (prop.type === 7 && prop.name !== 'pre' && !isLiteralBinding(prop)) return true
  }
  for (const child of node.children ?? []) if (mayFailToCompile(child)) return true
  return false
}

/**
 * The page HTML, repaired when Vue cannot compile it; `problems` says what
 * Vue said. `ast`, when given, is Vue's parse of the returned HTML, for
 * stripDirectives.
 */
export function vueSafe(html: string): { html: string; problems: VueProblem[]; ast?: TemplateAst } {
  const parsed = parseTemplate(html)
  if (parsed?.clean && !mayFailToCompile(parsed.ast)) return { html, problems: [], ast: parsed.ast }
  const errors = vueTemplateErrors(html)
  if (!errors.length) return { html, problems: [] }
  const repaired = repairHtml(html)
  if (!vueTemplateErrors(repaired).length) return { html: repaired, problems: errors }
  // Last resort: the page as text, so the build goes on and nothing is lost.
  const text = html.replace(/<[^>]*>/g, ' ').replace(/&(?!#?\w+;)/g, '&amp;').replace(/</g, '&lt;')
  return { html: `<div class="gb-unrenderable">${text.replace(/\{\{/g, '&#123;&#123;')}</div>`, problems: errors }
}

/** A directive the site's own renderers write: a prop bound to a JSON literal (`:index="3"`). */
function isLiteralBinding(prop: { name: string; exp?: { content?: string } }): boolean {
  if (prop.name !== 'bind' || !prop.exp?.content) return false
  try {
    JSON.parse(prop.exp.content)
    return true
  } catch {
    return false
  }
}

/** Components the site's own renderers write (registered in the theme). */
const OWN_COMPONENTS = new Set(['GbTabs', 'GbTab'])

/** Tags Vue compiles as plain elements on this site: MathJax's (the site's `vue` options). */
export const isCustomElement = (tag: string) => tag.startsWith('mjx-')

/**
 * Attributes whose URL Vue's compiler may turn into an import (its
 * transformAssetUrls, and srcset): Vite then bundles the file, and a `.js`
 * one runs, in the build and in the browser. Which URLs depends on options
 * (@vitejs/plugin-vue imports root-absolute and bare ones too, unless told
 * otherwise): every URL that is not another site's, nor data, is checked.
 */
const ASSET_ATTRS: Record<string, string[]> = {
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  image: ['href', 'xlink:href'],
  use: ['href', 'xlink:href'],
}

/**
 * Could Vue import `url`? Not another site's (`https://`, `//`), nor data,
 * nor a fragment of the page where a fragment is what the attribute takes
 * (`<use href="#glyph">`, as MathJax writes them); anything else may be.
 */
function mayImport(tag: string, url: string): boolean {
  if (!url || /^(?:https?:)?\/\//i.test(url) || /^\s*data:/i.test(url)) return false
  return !(url.startsWith('#') && (tag === 'use' || tag === 'image'))
}

/** The URLs of an attribute value: each candidate of a srcset, or the value itself. */
function assetUrls(attr: string, value: string): string[] {
  if (attr !== 'srcset') return [value.trim()]
  return value.split(',').map((c) => c.trim().split(/\s+/)[0]).filter(Boolean)
}

/**
 * Vue template syntax left in a page (`v-…`, `:x`, `@x`, `#x`) runs code when
 * the page renders, in Node during the build and in the reader's browser. The
 * sanitizer removes it from author HTML; this is the last line of defence:
 * every directive but a binding to a JSON literal is cut out of the HTML.
 * Likewise a tag Vue would take for a component (`<Note>`, `<summaLes`, a
 * `<template>` or `<slot>`) renders nothing, its words lost: it becomes a
 * `<span>` that keeps its children, the name kept in `data-gb-tag`. And a
 * relative URL Vue would import is cut out unless `asset(url)` accepts it
 * (the images rule let it through: an image file of the space).
 */
export function stripDirectives(
  html: string,
  ast: TemplateAst | undefined = parseTemplate(html)?.ast,
  asset: (url: string) => boolean = () => false,
): { html: string; dropped: VueProblem[]; refused: string[] } {
  const edits: [number, number, string][] = []
  const dropped: VueProblem[] = []
  const refused: string[] = []
  if (!ast) return { html, dropped, refused }
  const walk = (node: any) => {
    if (node.type === 1) {
      const assetAttrs = ASSET_ATTRS[node.tag]
      for (const prop of node.props ?? []) {
        if (prop.type === 6 && assetAttrs?.includes(prop.name) && prop.value) {
          const urls = assetUrls(prop.name, prop.value.content).filter((u) => mayImport(node.tag, u))
          const bad = urls.filter((u) => !asset(u))
          if (bad.length) {
            edits.push([prop.loc.start.offset, prop.loc.end.offset, ''])
            refused.push(...bad)
          }
          continue
        }
        if (prop.type !== 7 || prop.name === 'pre' || isLiteralBinding(prop)) continue
        edits.push([prop.loc.start.offset, prop.loc.end.offset, ''])
        dropped.push({ message: `the Vue attribute ${prop.loc.source.split('=')[0]} of <${node.tag}>`, tag: prop.loc.source })
      }
      if ((node.tagType !== 0 || node.tag === 'template') && !OWN_COMPONENTS.has(node.tag) && !isCustomElement(node.tag)) {
        const start = node.loc.start.offset
        edits.push([start, start + 1 + node.tag.length, `<span data-gb-tag="${node.tag.replace(/[^\w-]/g, '')}"`])
        const src: string = node.loc.source
        const end = `</${node.tag}>`
        if (src.toLowerCase().endsWith(end.toLowerCase())) edits.push([node.loc.end.offset - end.length, node.loc.end.offset, '</span>'])
      }
    }
    for (const child of node.children ?? []) walk(child)
  }
  walk(ast)
  let out = html
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end)
  return { html: out, dropped, refused }
}
