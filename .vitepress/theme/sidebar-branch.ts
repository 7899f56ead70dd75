// The sidebar a page carries in its HTML: the top-level entries and group
// titles (a window of them around the page's in a very large space), the
// entries of the page's own group, and the open branch (the ancestors'
// siblings and the page's own children). The full sidebar reaches
// the browser once, in VitePress's shared metadata chunk (`metaChunk`), and
// replaces this one after hydration; without it each page's HTML held every
// entry of the handbook and the output grew with the square of the page count.
// Shared by the build (SSR) and the browser: no Node import here.
import type { DefaultTheme } from 'vitepress'

type Item = DefaultTheme.SidebarItem

/** A page path or a sidebar link in one form: `guide/ecrire`, `guide/` for an index, `` for the home page. */
export function pageKey(pathOrLink: string): string {
  let p = pathOrLink.replace(/[?#].*$/, '').replace(/^\//, '')
  try {
    p = decodeURI(p)
  } catch {
    // a malformed escape stays as written
  }
  return p.replace(/\.(md|html)$/, '').replace(/(^|\/)index$/, '$1')
}

/**
 * For each page key, the sidebar items that are that page or hold it below,
 * computed once per sidebar: walking the whole sidebar for each page made the
 * build's render grow with the square of the page count (0.2 s at 1,000
 * pages, about 2 s at 3,000).
 */
const holderIndexes = new WeakMap<Item[], Map<string, Item[]>>()
function holderIndex(sidebar: Item[]): Map<string, Item[]> {
  let index = holderIndexes.get(sidebar)
  if (index) return index
  const built = new Map<string, Item[]>()
  const walk = (items: Item[], above: Item[]) => {
    for (const item of items) {
      const chain = [...above, item]
      if (item.link) {
        const key = pageKey(item.link)
        const holding = built.get(key)
        if (holding) holding.push(...chain)
        else built.set(key, [...chain])
      }
      if (item.items?.length) walk(item.items, chain)
    }
  }
  walk(sidebar, [])
  holderIndexes.set(sidebar, (index = built))
  return index
}

/** Every item that is the page `key` or holds it below (a page may be listed twice). */
function holders(sidebar: Item[], key: string): Set<Item> {
  return new Set(holderIndex(sidebar).get(key))
}

/** `item` with its children only when it is on the page's branch (a group off the branch keeps its title). */
function pruned(item: Item, branch: Set<Item>): Item {
  if (!item.items?.length) return item
  if (!branch.has(item)) return { ...item, items: [] }
  return { ...item, items: item.items.map((c) => pruned(c, branch)) }
}

/**
 * Top-level entries a page's HTML carries at most: those around the page's
 * own. A space made of many parts (one measured had 281 top-level groups,
 * 87 KB of every page's 100 KB) would otherwise grow with the square of its
 * size again. The full list arrives with hydration; without JavaScript,
 * « Plan du site » (linked under the sidebar) lists every page. 16, not 30:
 * each closed group costs about 360 bytes of HTML and a Vue component to
 * render on the server, per page (at 3,000 pages, 30 put `dist/` over 150 MB).
 */
export const TOP_LEVEL_WINDOW = 16

/** The top-level entries kept: a window of TOP_LEVEL_WINDOW around the one on the page's branch. */
function topWindow(sidebar: Item[], branch: Set<Item>): Item[] {
  if (sidebar.length <= TOP_LEVEL_WINDOW) return sidebar
  const at = Math.max(0, sidebar.findIndex((top) => branch.has(top)))
  const start = Math.min(Math.max(0, at - Math.floor(TOP_LEVEL_WINDOW / 2)), sidebar.length - TOP_LEVEL_WINDOW)
  return sidebar.slice(start, start + TOP_LEVEL_WINDOW)
}

/** The sidebar of the page at `relativePath` (VitePress's `page.relativePath`). */
export function openBranch(sidebar: Item[], relativePath: string): Item[] {
  const branch = holders(sidebar, pageKey(relativePath))
  return topWindow(sidebar, branch).map((top) => pruned(top, branch))
}

/** Sidebar links in reading order, as VitePress's previous/next links take them. */
export function flatLinks(sidebar: Item[]): { text: string; link: string }[] {
  const out: { text: string; link: string }[] = []
  const seen = new Set<string>()
  const walk = (items: Item[]) => {
    for (const item of items) {
      if (item.text && item.link) {
        const bare = item.link.replace(/[?#].*$/, '')
        if (!seen.has(bare)) {
          seen.add(bare)
          out.push({ text: item.docFooterText ?? item.text, link: item.link })
        }
      }
      if (item.items) walk(item.items)
    }
  }
  walk(sidebar)
  return out
}
