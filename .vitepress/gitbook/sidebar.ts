// SUMMARY.md tree → VitePress sidebar: `## Group` → group, nested lists nest,
// titles keep their emoji and get the page's front-matter icon, external
// links stay external, hidden pages stay out.
import type { DefaultTheme } from 'vitepress'
import { iconSvg } from './icons'
import type { Space } from './space'
import type { SummaryEntry } from './summary'
import { escapeHtml } from './tag/registry'
import { isExternal, safeDecode, splitHash } from './urls'
import { resolveHref } from './resolve'
import { isSafeUrl } from './url-policy'

type Item = DefaultTheme.SidebarItem

function entryItem(space: Space, e: SummaryEntry, ids: Map<string, string>): Item | null {
  let text = escapeHtml(e.label || e.title)
  let link: string | undefined
  if (e.href && !isSafeUrl(e.href)) {
    // Reported by the space loader; the entry stays as text.
  } else if (e.href && isExternal(e.href)) {
    link = e.href
  } else if (e.href) {
    const r = resolveHref(space, space.summaryFile, e.href)
    if (r.kind === 'page') {
      const page = space.pages.get(r.file)!
      if (page.frontmatter.hidden === true && !splitHash(e.href).hash) return null
      link = `/${page.route}${r.hash ? `#${ids.get(e.href) ?? r.hash}` : ''}`
      const icon = typeof page.frontmatter.icon === 'string' ? iconSvg(page.frontmatter.icon, 'gb-icon gb-sidebar-icon') : null
      if (icon) text = `${icon} ${text}`
    } else if (r.kind === 'asset') {
      link = `/${r.file}`
    }
  }
  const items = e.children.map((c) => entryItem(space, c, ids)).filter((x): x is Item => !!x)
  const item: Item = { text }
  if (link) item.link = safeDecode(link)
  if (items.length) {
    item.items = items
    item.collapsed = true
  }
  return item
}

/** The sidebar; `ids` maps an entry's href to the current id of its anchor (summary-anchors.ts). */
export function buildSidebar(space: Space, ids = new Map<string, string>()): DefaultTheme.SidebarItem[] {
  const out: Item[] = []
  for (const g of space.groups) {
    const items = g.entries.map((e) => entryItem(space, e, ids)).filter((x): x is Item => !!x)
    if (!g.title) out.push(...items)
    else out.push({ text: escapeHtml(g.title), items })
  }
  return out
}
