// A rendered page → the sections the local search indexes. Replaces
// VitePress's splitter, which only cuts at headings carrying a header-anchor
// link: our H1 has none (GitBook gives it no anchor), so VitePress dropped the
// page title and everything before the first `##`.
import { Parser } from 'htmlparser2'
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
const SKIP = new Set(['script', 'style', 'template', 'svg', 'noscript'])

function isSkipped(name: string, attrs: Record<string, string>): boolean {
  return SKIP.has(name) || /(^|\s)header-anchor(\s|$)/.test(attrs.class ?? '') || attrs['aria-hidden'] === 'true'
}

const squash = (s: string) => s.replace(/[\s\u200b]+/g, ' ').trim()

/** A heading read to its end before it is known whether it opens a section. */
interface OpenHeading {
  level: number
  id: string
  /** Its text alone: the section's title. */
  title: string
  /** Its text spaced at element edges, as the rest of the page: kept when it opens no section. */
  text: string
  /** Open elements inside it. */
  depth: number
}

/**
 * Split `html` (one page's Markdown rendered to HTML) into sections:
 * the page top (title + text before the first heading, + `description`),
 * then one section per heading h2–h6 whose id is the anchor. The first
 * `<h1>` gives the page title, else `fallbackTitle` (SUMMARY title).
 * Read in one pass of htmlparser2's events (entities come out decoded),
 * without building a DOM: linkedom's tree per page cost three times as long.
 */
export function splitSections(html: string, fallbackTitle: string, description = ''): SearchSection[] {
  let pageTitle = ''
  const top: SearchSection = { anchor: PAGE_TOP, titles: [], text: description }
  const sections: SearchSection[] = [top]
  const anchors = new Set<string>()
  const parents: string[] = [] // parents[level] = heading text
  let current = top
  /** Depth inside an element whose text is not content (0: outside). */
  let skipped = 0
  let heading: OpenHeading | null = null
  let cdata = false

  const closeHeading = (h: OpenHeading): void => {
    const text = squash(h.title)
    if (h.level === 1 && !pageTitle) {
      pageTitle = text
      return
    }
    // A repeated id (two headings pinned to one anchor) stays in the
    // section before it: MiniSearch aborts the whole build on a duplicate id.
    if (h.level >= 2 && h.id && text && !anchors.has(h.id)) {
      anchors.add(h.id)
      parents.length = h.level
      parents[h.level] = text
      current = { anchor: h.id, titles: parents.filter(Boolean), text: '' }
      sections.push(current)
      return
    }
    current.text += ` ${h.text} `
  }

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (skipped || isSkipped(name, attrs)) {
          skipped++
          return
        }
        if (heading) {
          heading.depth++
          heading.text += ' '
          return
        }
        // Only a heading that may become the title or a section is read
        // apart; any other is text like the elements around it.
        const level = Number(/^h([1-6])$/.exec(name)?.[1])
        if (level === 1 ? !pageTitle : level >= 2 && attrs.id && !anchors.has(attrs.id)) {
          heading = { level, id: attrs.id ?? '', title: '', text: '', depth: 0 }
        } else current.text += ' '
      },
      ontext(text) {
        if (skipped || cdata) return
        if (heading) {
          heading.title += text
          heading.text += text
        } else current.text += text
      },
      onclosetag() {
        if (skipped) {
          skipped--
          return
        }
        if (!heading) current.text += ' '
        else if (heading.depth) {
          heading.depth--
          heading.text += ' '
        } else {
          const h = heading
          heading = null
          closeHeading(h)
        }
      },
      oncdatastart() {
        cdata = true
      },
      oncdataend() {
        cdata = false
      },
    },
    { decodeEntities: true },
  )
  parser.write(html)
  parser.end()
  if (heading) closeHeading(heading)

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
