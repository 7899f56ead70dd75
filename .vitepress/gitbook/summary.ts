// SUMMARY.md → a tree of groups and entries, read the way GitBook reads it:
// `## Group` headings, nested bullet lists, `[Title](path.md "label")` links.
import MarkdownIt from 'markdown-it'
import type Token from 'markdown-it/lib/token.mjs'

export interface SummaryEntry {
  /** Link text as written, emoji included. */
  title: string
  /** The optional link title `[Title](x.md "Sidebar label")`. */
  label?: string
  /** The href as written, '' for an entry without a link. */
  href: string
  /** 1-based line in SUMMARY.md. */
  line: number
  children: SummaryEntry[]
}

export interface SummaryGroup {
  /** '' for the entries written before the first `##` heading. */
  title: string
  /** Custom slug exported as `<a id="…">` on the heading line. */
  id?: string
  line: number
  entries: SummaryEntry[]
}

const md = new MarkdownIt({ html: true })
// Every entry keeps its address, whatever its scheme: the space loader refuses
// the unsafe ones by name (url-policy.ts) instead of leaving bracketed text.
md.validateLink = () => true

/** The text of an inline token's children, HTML tags left out. */
function inlineText(children: Token[]): string {
  return children
    .filter((t) => t.type === 'text' || t.type === 'code_inline' || t.type === 'softbreak')
    .map((t) => (t.type === 'softbreak' ? ' ' : t.content))
    .join('')
    .trim()
}

export function parseSummary(source: string): SummaryGroup[] {
  const tokens = md.parse(source, {})
  const groups: SummaryGroup[] = [{ title: '', line: 1, entries: [] }]
  // One open list of entries per list depth; the innermost takes new entries.
  const stack: SummaryEntry[][] = []
  let lastItem: SummaryEntry | null = null
  const itemsByDepth: (SummaryEntry | null)[] = []

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (t.type === 'heading_open' && t.tag === 'h2' && stack.length === 0) {
      const inline = tokens[i + 1]
      const idMatch = /\bid="([^"]+)"/.exec(inline.content)
      groups.push({
        title: inlineText(inline.children ?? []),
        id: idMatch?.[1],
        line: (t.map?.[0] ?? 0) + 1,
        entries: [],
      })
    } else if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
      const parent = itemsByDepth[stack.length - 1]
      stack.push(parent ? parent.children : groups[groups.length - 1].entries)
    } else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') {
      stack.pop()
      itemsByDepth.length = stack.length
    } else if (t.type === 'list_item_open') {
      lastItem = { title: '', href: '', line: (t.map?.[0] ?? 0) + 1, children: [] }
      stack[stack.length - 1].push(lastItem)
      itemsByDepth[stack.length - 1] = lastItem
    } else if (t.type === 'inline' && lastItem && !lastItem.title && stack.length > 0) {
      const children = t.children ?? []
      const open = children.findIndex((c) => c.type === 'link_open')
      if (open >= 0) {
        const close = children.findIndex((c, j) => j > open && c.type === 'link_close')
        lastItem.href = children[open].attrGet('href') ?? ''
        lastItem.label = children[open].attrGet('title') ?? undefined
        lastItem.title = inlineText(children.slice(open + 1, close < 0 ? undefined : close))
      } else {
        lastItem.title = inlineText(children)
      }
    }
  }
  return groups.filter((g) => g.title || g.entries.length)
}

/**
 * Constructs that tie one part of SUMMARY.md to another (a fence or an HTML
 * block may hold a `## ` line; a link reference is defined once for all).
 * Without them, a `## ` line at column 0 always starts a new group, so each
 * group's text parses alone to the same entries.
 */
const CROSS_GROUP = /^ {0,3}(`{3,}|~{3,}|<|\[[^\]]*\]:)/m

function shiftLines(entries: SummaryEntry[], by: number): SummaryEntry[] {
  return entries.map((e) => ({ ...e, line: e.line + by, children: shiftLines(e.children, by) }))
}

/**
 * `parseSummary`, for the many versions of one SUMMARY.md in a space's git
 * history: most commits change one group, so each group's text is parsed once
 * and cached in `cache`. Texts the split could read differently are parsed whole.
 */
export function parseSummaryCached(source: string, cache: Map<string, SummaryGroup[]>): SummaryGroup[] {
  if (CROSS_GROUP.test(source)) return parseSummary(source)
  const lines = source.split('\n')
  const out: SummaryGroup[] = []
  let start = 0
  for (let i = 1; i <= lines.length; i++) {
    if (i < lines.length && !/^##(\s|$)/.test(lines[i])) continue
    const chunk = lines.slice(start, i).join('\n')
    let groups = cache.get(chunk)
    if (!groups) cache.set(chunk, (groups = parseSummary(chunk)))
    for (const g of groups) out.push({ ...g, line: g.line + start, entries: shiftLines(g.entries, start) })
    start = i
  }
  return out
}
