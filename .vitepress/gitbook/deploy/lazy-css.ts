// The CSS of components loaded on demand out of the stylesheet every page
// loads. VitePress bundles all CSS into one file (it forces
// `cssCodeSplit: false` and links a single stylesheet), so the search box's
// styles and icons, which no reader sees before pressing « Rechercher », are
// downloaded with every first visit. Here, after bundling, a rule that only a
// lazily imported component can use moves to a stylesheet of that component,
// which its chunk loads, and waits for, before it runs: the box never shows
// unstyled.
//
// The stylesheet is named after the chunk (`VPLocalSearchBox.<hash>.css`),
// not after its own content: the chunk's hash is computed before this step,
// so a chunk cached by a browser keeps finding a stylesheet of that name.
import path from 'node:path'
import postcss, { type AtRule, type Container, type Root, type Rule } from 'postcss'
import type { OutputChunk } from 'rollup'
import type { Plugin } from 'vite'
import { clientBundlePlugin, stylesheets } from './client-bundle'
import { cssWords, requiredClasses, wordsOf } from './unused-css'

/**
 * Split `css` in two: what `eager` code (every page's chunks) may use, and
 * what only `lazy` code (one on-demand chunk) may use. A selector goes to the
 * lazy part when one of its classes or scope attributes is a word of the lazy
 * code alone; anything unsure stays eager.
 */
export function splitLazyCss(css: string, eager: Set<string>, lazy: Set<string>): { eager: string; lazy: string } {
  const root = postcss.parse(css)
  const out = postcss.root()
  root.walkRules((rule: Rule) => {
    if (rule.parent?.type === 'atrule' && /keyframes$/.test((rule.parent as AtRule).name)) return
    const moved: string[] = []
    const kept: string[] = []
    for (const s of rule.selectors) {
      const words = requiredClasses(s, true)
      const lazyOnly = words !== null && words.some((w) => !eager.has(w)) && words.every((w) => eager.has(w) || lazy.has(w))
      ;(lazyOnly ? moved : kept).push(s)
    }
    if (moved.length === 0) return
    appendWithAncestors(out, rule, moved)
    if (kept.length === 0) rule.remove()
    else rule.selectors = kept
  })
  root.walkAtRules((a) => {
    if (a.nodes && a.nodes.length === 0) a.remove()
  })
  return { eager: root.toString(), lazy: out.toString() }
}

/** A copy of `rule` with `selectors` into `out`, inside copies of its @media/@supports. */
function appendWithAncestors(out: Root, rule: Rule, selectors: string[]): void {
  let node: Rule | AtRule = rule.clone({ selectors })
  for (let p = rule.parent as Container | undefined; p && p.type === 'atrule'; p = p.parent as Container | undefined) {
    const wrapper = (p as AtRule).clone({ nodes: [] })
    wrapper.append(node)
    node = wrapper
  }
  out.append(node)
}

/** Appended to the lazy chunk: its stylesheet, loaded before the module settles. */
export function stylesheetLoader(href: string): string {
  const url = JSON.stringify(href)
  return (
    `\nawait (typeof document>"u"?0:new Promise(r=>{const h=new URL(${url},import.meta.url).href;` +
    `if([...document.styleSheets].some(s=>s.href===h))return r();` +
    `const l=document.createElement("link");l.rel="stylesheet";l.href=h;l.onload=l.onerror=r;document.head.append(l)}));\n`
  )
}

/** Lazily imported Vue components: dynamic entries of the client build, not pages. */
function lazyComponentChunks(chunks: OutputChunk[]): OutputChunk[] {
  return chunks.filter((c) => c.isDynamicEntry && !c.isEntry && !!c.facadeModuleId?.split('?')[0].endsWith('.vue'))
}

/** Vite plugin: after unused-css.ts, move on-demand components' CSS to their own stylesheet. */
export function lazyCssPlugin(keep: string[] = []): Plugin {
  return clientBundlePlugin('gitbook:lazy-css', function (bundle) {
    const chunks = Object.values(bundle).filter((f): f is OutputChunk => f.type === 'chunk')
    const lazy = lazyComponentChunks(chunks)
    const sheets = stylesheets(bundle)
    // Only the words the stylesheets name are worth collecting (see wordsOf).
    const named = cssWords(sheets.map((f) => f.source))
    const eagerWords = wordsOf(
      chunks
        .filter((c) => !lazy.includes(c))
        .map((c) => c.code)
        .concat(keep),
      named,
    )
    for (const chunk of lazy) {
      let moved = ''
      const lazyWords = wordsOf(chunk.code, named)
      for (const sheet of sheets) {
        const split = splitLazyCss(sheet.source, eagerWords, lazyWords)
        sheet.source = split.eager
        moved += split.lazy
      }
      if (!moved.trim()) continue
      const fileName = chunk.fileName.replace(/\.js$/, '.css')
      this.emitFile({ type: 'asset', fileName, source: moved })
      chunk.code += stylesheetLoader(path.posix.relative(path.posix.dirname(chunk.fileName), fileName))
    }
  })
}
