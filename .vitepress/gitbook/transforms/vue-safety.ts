// VitePress compiles every page as a Vue template, so author HTML that a
// browser would forgive (an unclosed `<div>`, a stray `</span>`, `<p % x %>`)
// stops the whole build. The rendered page is checked with Vue's own parser;
// when it objects, the markup is re-serialised by an HTML parser (linkedom:
// unclosed tags closed, stray end tags dropped), the build says so, and the page keeps its text.
import { parse as vueParse } from '@vue/compiler-dom'
import { parseHTML } from 'linkedom'

/** Vue's complaints about `html` as a template (empty when it compiles). */
export function vueTemplateErrors(html: string): string[] {
  const errors: string[] = []
  try {
    vueParse(html, { onError: (e) => errors.push(e.message), isCustomElement: () => true, comments: true })
  } catch (e) {
    errors.push((e as Error).message)
  }
  return errors
}

/** Attribute names Vue refuses (`%`, quotes…); directives such as fences' `v-pre` stay. */
const UNSAFE_ATTR = /[^a-zA-Z0-9_:.\-@#]/

/** Balance tags and drop attribute names Vue would choke on. */
export function repairHtml(html: string): string {
  // Component tags (`<GbTabs>`) come out lower-cased: remember their spelling.
  const names = new Map<string, string>()
  for (const m of html.matchAll(/<\/?([A-Z][A-Za-z0-9]*)/g)) names.set(m[1].toLowerCase(), m[1])
  const { document } = parseHTML(`<!doctype html><html><body><div id="gb-root">${html}</div></body></html>`)
  const root = document.getElementById('gb-root')!
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const name of el.getAttributeNames()) if (UNSAFE_ATTR.test(name)) el.removeAttribute(name)
  }
  let out = root.innerHTML
  for (const [lower, name] of names) out = out.replace(new RegExp(`(</?)${lower}(?=[\\s>/])`, 'g'), `$1${name}`)
  // The parser decodes entities in text; keep `{{` away from Vue again.
  return out.replace(/\{\{/g, '&#123;&#123;')
}

/** The page HTML, repaired when Vue cannot compile it; `problem` says what Vue said. */
export function vueSafe(html: string): { html: string; problem?: string } {
  const errors = vueTemplateErrors(html)
  if (!errors.length) return { html }
  const repaired = repairHtml(html)
  if (!vueTemplateErrors(repaired).length) return { html: repaired, problem: errors[0] }
  // Last resort: the page as text, so the build goes on and nothing is lost.
  const text = html.replace(/<[^>]*>/g, ' ').replace(/&(?!#?\w+;)/g, '&amp;').replace(/</g, '&lt;')
  return { html: `<div class="gb-unrenderable">${text.replace(/\{\{/g, '&#123;&#123;')}</div>`, problem: errors[0] }
}
