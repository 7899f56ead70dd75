// GitBook front matter → VitePress page settings. GitBook's `layout:` is an
// object of visibility switches; VitePress reads `layout` as the name of a page
// layout and renders an unknown one as an empty page. So every GitBook key is
// read here and moved under `frontmatter.gitbook` before VitePress sees it.

export interface GitbookFrontmatter {
  description?: string
  icon?: string
  hidden?: boolean
  cover?: string
  coverY?: number
  coverHeight?: number
  /** `layout.cover.visible` (default true) and `layout.cover.size` (`full`/`hero`). */
  coverVisible: boolean
  coverSize?: string
  noIndex?: boolean
  /** GitBook-only keys, kept for GitBook features, never read by VitePress. */
  title?: string
  tags?: string[]
  vars?: Record<string, unknown>
  if?: string
  /** `layout.<part>.visible`, missing keys meaning visible. */
  visible: {
    title: boolean
    description: boolean
    tableOfContents: boolean
    outline: boolean
    pagination: boolean
    metadata: boolean
  }
  width: 'default' | 'wide'
  /** Keys GitBook does not write, kept away from VitePress (`fm.gitbookIgnored`). */
  ignoredKeys: string[]
}

const PARTS = ['title', 'description', 'tableOfContents', 'outline', 'pagination', 'metadata'] as const

/**
 * Keys GitBook writes. Any other key would be read by VitePress, and some run
 * or restyle things (`head` adds scripts, `layout: home` renders raw HTML,
 * `pageClass` restyles the page): they are moved aside and reported.
 */
const GITBOOK_KEYS = new Set([
  'description', 'icon', 'hidden', 'cover', 'coverY', 'coverHeight', 'layout', 'tags', 'title', 'name',
  'metadata', 'noIndex', 'noRobotsIndex', 'vars', 'if', 'metaLinks',
])

const GITBOOK_ONLY = ['title', 'tags', 'vars', 'if', 'metaLinks', 'name', 'metadata']

function visibleOf(layout: any, part: string): boolean {
  const v = layout?.[part]?.visible
  return v !== false
}

/**
 * Rewrite `fm` in place for VitePress and return GitBook's reading of it.
 * `layout`: VitePress's `sidebar`, `aside`/`outline`, `prev`/`next`,
 * `lastUpdated`, plus page classes for what only CSS can hide.
 */
export function applyGitbookFrontmatter(fm: Record<string, any>): GitbookFrontmatter {
  if (fm.gitbook) return fm.gitbook as GitbookFrontmatter
  const ignoredKeys = Object.keys(fm).filter((k) => !GITBOOK_KEYS.has(k))
  for (const key of ignoredKeys) {
    ;(fm.gitbookIgnored ??= {})[key] = fm[key]
    delete fm[key]
  }
  const layout = fm.layout && typeof fm.layout === 'object' ? fm.layout : undefined
  const gb: GitbookFrontmatter = {
    description: typeof fm.description === 'string' ? fm.description.trim() : undefined,
    icon: typeof fm.icon === 'string' ? fm.icon : undefined,
    hidden: fm.hidden === true,
    cover: typeof fm.cover === 'string' ? fm.cover : undefined,
    coverY: typeof fm.coverY === 'number' ? fm.coverY : undefined,
    coverHeight: typeof fm.coverHeight === 'number' ? fm.coverHeight : undefined,
    coverVisible: layout?.cover?.visible !== false,
    coverSize: typeof layout?.cover?.size === 'string' ? layout.cover.size : undefined,
    title: typeof fm.title === 'string' ? fm.title : undefined,
    tags: Array.isArray(fm.tags) ? fm.tags.map(String) : undefined,
    vars: fm.vars && typeof fm.vars === 'object' ? fm.vars : undefined,
    if: typeof fm.if === 'string' ? fm.if : undefined,
    noIndex: fm.noIndex === true || fm.noRobotsIndex === true,
    visible: Object.fromEntries(PARTS.map((p) => [p, visibleOf(layout, p)])) as GitbookFrontmatter['visible'],
    width: layout?.width === 'wide' ? 'wide' : 'default',
    ignoredKeys,
  }
  // Whatever `layout` holds is GitBook's: VitePress must never read it.
  if ('layout' in fm) {
    fm.gitbookLayout = fm.layout
    delete fm.layout
  }
  // GitBook-only keys: `title` would become the page's <title> in VitePress
  // (GitBook uses it in include files only); the others mean nothing to it.
  for (const key of GITBOOK_ONLY) {
    if (key in fm) {
      ;(fm.gitbookKeys ??= {})[key] = fm[key]
      delete fm[key]
    }
  }
  const classes = ['gb-page']
  if (!gb.visible.title) classes.push('gb-hide-title')
  if (!gb.visible.description) classes.push('gb-hide-description')
  if (gb.width === 'wide') classes.push('gb-wide')
  fm.pageClass = classes.filter(Boolean).join(' ')
  if (!gb.visible.tableOfContents) fm.sidebar = false
  if (!gb.visible.outline) fm.aside = false
  if (!gb.visible.pagination) {
    fm.prev = false
    fm.next = false
  }
  if (!gb.visible.metadata) fm.lastUpdated = false
  if (gb.noIndex) {
    fm.head = [['meta', { name: 'robots', content: 'noindex' }]]
  }
  fm.gitbook = gb
  return gb
}
