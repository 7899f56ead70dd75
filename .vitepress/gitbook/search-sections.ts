// A rendered page → the sections the local search indexes. Replaces
// VitePress's splitter, which only cuts at headings carrying a header-anchor
// link: our H1 has none (GitBook gives it no anchor), so VitePress dropped the
// page title and everything before the first `##`.
import { parseHTML } from './html-dom'
import { escapeHtml } from './tag/registry'

/**
 * Anchor of the page-top section. VitePress needs one (an id without `#`
 * breaks its excerpt loader, which cuts the last character), and HTML
 * defines `#top` as the top of the document when no element has that id.
 */
export const PAGE_TOP = 'top'

export interface SearchSection {
  /** Heading id as the page renders it (GitBook anchor); PAGE_TOP for the page top. */
  anchor: string
  /** Breadcrumb: page title first, then parent headings, then this section's heading. */
  titles: string[]
  text: string
}

/** Elements whose text a reader never reads as content. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'SVG', 'NOSCRIPT'])

function isSkipped(el: Element): boolean {
  return (
    SKIP.has(el.tagName.toUpperCase()) ||
    el.classList.contains('header-anchor') ||
    el.getAttribute('aria-hidden') === 'true'
  )
}

const squash = (s: string) => s.replace(/[\s\u200b]+/g, ' ').trim()

/**
 * Split `html` (one page's Markdown rendered to HTML) into sections:
 * the page top (title + text before the first heading, + `description`),
 * then one section per heading h2–h6 whose id is the anchor. The first
 * `<h1>` gives the page title, else `fallbackTitle` (SUMMARY title).
 * Text is taken from the DOM, so entities come out decoded.
 */
export function splitSections(html: string, fallbackTitle: string, description = ''): SearchSection[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  let pageTitle = ''
  const top: SearchSection = { anchor: PAGE_TOP, titles: [], text: description }
  const sections: SearchSection[] = [top]
  const parents: string[] = [] // parents[level] = heading text
  let current = top

  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        current.text += child.textContent ?? ''
        continue
      }
      if (child.nodeType !== 1) continue
      const el = child as Element
      if (isSkipped(el)) continue
      const m = /^H([1-6])$/.exec(el.tagName.toUpperCase())
      if (m) {
        const level = Number(m[1])
        const text = squash(headingText(el))
        if (level === 1 && !pageTitle) {
          pageTitle = text
          continue
        }
        // A repeated id (two headings pinned to one anchor) stays in the
        // section before it: MiniSearch aborts the whole build on a duplicate id.
        if (level >= 2 && el.id && text && !sections.some((s) => s.anchor === el.id)) {
          parents.length = level
          parents[level] = text
          current = { anchor: el.id, titles: parents.filter(Boolean), text: '' }
          sections.push(current)
          continue
        }
      }
      current.text += ' '
      walk(el)
      current.text += ' '
    }
  }
  walk(document.body)

  const title = pageTitle || fallbackTitle
  top.titles = [title]
  for (const s of sections) {
    s.text = squash(s.text)
    if (s !== top) s.titles = [title, ...s.titles]
    // VPLocalSearchBox shows titles with v-html: decoded author text must
    // go back to HTML text, or a heading `&lt;img onerror…&gt;` would run.
    s.titles = s.titles.map(escapeHtml)
  }
  return sections.filter((s) => s === top || s.text || s.titles.length)
}

function headingText(el: Element): string {
  let s = ''
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) s += c.textContent ?? ''
    else if (c.nodeType === 1 && !isSkipped(c as Element)) s += headingText(c as Element)
  }
  return s
}
