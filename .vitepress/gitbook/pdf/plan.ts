// What the handbook's PDF holds, from SUMMARY.md alone: the pages in reading
// order and the outline (bookmarks) with the sidebar's hierarchy. Pure: the
// same tree the sidebar is built from (sidebar.ts), the same rules — hidden
// pages are left out with their children, external links and anchors into a
// page are not pages.
import type { Space } from '../space'
import type { SummaryEntry } from '../summary'
import { resolveHref } from '../resolve'
import { splitHash } from '../urls'

export interface OutlineNode {
  /** The sidebar's text (SUMMARY link text, or its label). */
  title: string
  /** Index into {@link PdfPlan.pages} this entry opens at; a group opens at its first page. */
  page: number
  children: OutlineNode[]
}

export interface PlannedPage {
  /** Route, as in PageInfo. */
  route: string
  file: string
  /** The page's own title (its first heading), printed at its top. */
  title: string
  /** The sidebar's text for it. */
  navTitle: string
}

export interface PdfPlan {
  pages: PlannedPage[]
  outline: OutlineNode[]
}

export function pdfPlan(space: Space): PdfPlan {
  const pages: PlannedPage[] = []
  const index = new Map<string, number>()

  const entry = (e: SummaryEntry): OutlineNode[] => {
    let at: number | undefined
    if (e.href && !splitHash(e.href).hash) {
      const r = resolveHref(space, space.summaryFile, e.href)
      if (r.kind === 'page') {
        const p = space.pages.get(r.file)!
        if (p.frontmatter.hidden === true) return []
        at = index.get(p.route)
        if (at === undefined) {
          at = pages.length
          index.set(p.route, at)
          pages.push({ route: p.route, file: p.file, title: p.title, navTitle: e.label || e.title })
        }
      }
    }
    const children = e.children.flatMap(entry)
    // An entry that is no page of the PDF (external link, anchor): its children move up.
    if (at === undefined) return children
    return [{ title: e.label || e.title, page: at, children }]
  }

  const outline: OutlineNode[] = []
  for (const g of space.groups) {
    const first = pages.length
    const items = g.entries.flatMap(entry)
    if (!g.title) outline.push(...items)
    else if (items.length) outline.push({ title: g.title, page: first < pages.length ? first : items[0].page, children: items })
  }
  return { pages, outline }
}

/** Every node of the outline, depth first, in reading order. */
export function flatOutline(nodes: OutlineNode[], depth = 0): { node: OutlineNode; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flatOutline(node.children, depth + 1)])
}
