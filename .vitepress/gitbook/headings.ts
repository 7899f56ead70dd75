// Heading ids as GitBook stores them (GITBOOK.md §6), set on every heading
// before markdown-it-anchor runs, so the anchor plugin, the outline
// (`headers`), local search and the checker all read the same ids. Also the
// alias map (old id forms → id) the theme's script and the link rule use.
import fs from 'node:fs'
import path from 'node:path'
import { bodyOf } from './matter'
import type MarkdownIt from 'markdown-it'
import { unescapeAll } from 'markdown-it/lib/common/utils.mjs'
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import type Token from 'markdown-it/lib/token.mjs'
import { type GitbookContext, type MarkdownEnv, report } from './env'
import { noteIds } from './transforms/annotations'
import { decodeEntities } from './transforms/html'
import { githubSlug, gitbookOlderSlug, gitbookSlug, legacyGitbookSlug, SlugCounter, vitepressSlug } from './slug'

export interface HeadingInfo {
  id: string
  /** Plain text, as the outline and search show it. */
  text: string
  level: number
  /** 0-based body line. */
  line: number
}

export interface PageAnchors {
  /** Every heading id of the page (levels 2–4), and ids written in raw HTML. */
  ids: Set<string>
  /** Old forms of those ids → the id (never an id itself). */
  aliases: Record<string, string>
  headings: HeadingInfo[]
}

/** Deepest heading level with an id: GitBook gives `#####` and `######` none (§6 rule 12). */
export const MAX_ID_LEVEL = 4

/** `id="x"` on any element, `name="x"` (only `<a>` keeps one), as the sanitizer writes them. */
const RAW_ID = /\s(?:id|name)\s*=\s*(?:"([^"]+)"|'([^']+)')/gi

/** `<a href="#x" id="x"></a>` at the end of a heading line: GitBook's stored id (rule 0). */
const EXPLICIT_OPEN = /^<a\s[^>]*\bid\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>$/i

/**
 * Plain text of a heading's inline tokens: formatting, HTML and images ignored,
 * link text kept. VitePress keeps entities as written in text tokens
 * (`restoreEntities`), so `Exemples&#x20;` is decoded here.
 */
export function headingText(children: Token[]): string {
  let s = ''
  for (const t of children) {
    if (t.type === 'text' || t.type === 'text_special' || t.type === 'emoji') {
      s += t.content.replace(/&(?:#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (e) => unescapeAll(e))
    } else if (t.type === 'code_inline') s += t.content
    else if (t.type === 'softbreak' || t.type === 'hardbreak') s += ' '
  }
  return s.replace(/\s+/g, ' ').trim()
}

/**
 * Remove a trailing `<a id="x"></a>` from a heading's inline token and return
 * `x` (or undefined). The anchor is syntax: it leaves the text, the outline
 * and the search index.
 */
export function stripExplicitAnchor(inline: Token): string | undefined {
  const ch = inline.children
  if (!ch) return undefined
  let end = ch.length - 1
  while (end >= 0 && ch[end].type === 'text' && !ch[end].content.trim()) end--
  if (end < 1 || ch[end].type !== 'html_inline' || !/^<\/a\s*>$/i.test(ch[end].content)) return undefined
  const open = EXPLICIT_OPEN.exec(ch[end - 1].type === 'html_inline' ? ch[end - 1].content : '')
  if (!open) return undefined
  const id = (open[1] ?? open[2] ?? '').trim()
  ch.splice(end - 1)
  const last = ch[ch.length - 1]
  if (last?.type === 'text') last.content = last.content.replace(/\s+$/, '')
  inline.content = inline.content.replace(/\s*<a\s[^>]*>\s*<\/a>\s*$/i, '')
  return id || undefined
}

/** Add a form to the alias table unless it is empty, the id itself, or another heading's id. */
function addAlias(aliases: Record<string, string>, ids: Set<string>, form: string, id: string): void {
  const f = form.normalize('NFC')
  if (!f || ids.has(f) || f in aliases) return
  aliases[f] = id
}

/** Compute ids (rule 0, GitBook slug, `-1`/`-2` for repeats) and aliases for a token stream. */
export function assignHeadingIds(
  tokens: Token[],
  onDuplicateExplicit?: (id: string, line: number) => void,
): PageAnchors {
  const entries: { open: Token; inline: Token; level: number; explicit?: string }[] = []
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]
    if (open.type !== 'heading_open' || tokens[i + 1]?.type !== 'inline') continue
    const level = Number(open.tag.slice(1))
    const explicit = stripExplicitAnchor(tokens[i + 1])
    entries.push({ open, inline: tokens[i + 1], level, explicit })
  }
  const counter = new SlugCounter()
  const explicitSeen = new Set<string>()
  for (const e of entries) {
    if (e.level < 2 || !e.explicit) continue
    if (explicitSeen.has(e.explicit)) {
      onDuplicateExplicit?.(e.explicit, e.open.map?.[0] ?? 0)
      e.explicit = undefined
    } else {
      explicitSeen.add(e.explicit)
      counter.reserve(e.explicit)
    }
  }
  const headings: HeadingInfo[] = []
  // One counter per alias form, so the second `Stratégie` maps `-1` to `-1`.
  // `previous` replays this project's ids before the 2026-12 revision exactly:
  // pins reserved, and h5/h6 counted (they had ids then).
  const previous = new SlugCounter()
  for (const id of explicitSeen) previous.reserve(id)
  const forms = [vitepressSlug, githubSlug, gitbookOlderSlug, (t: string) => gitbookSlug(t.normalize('NFKD').replace(/\./g, ''))].map(
    (slug) => ({ slug, counter: new SlugCounter() }),
  )
  const old: [string, string][] = []
  for (const e of entries) {
    const text = headingText(e.inline.children ?? [])
    // The page H1 gets no anchor (GitBook): no id, not in the outline.
    if (e.level < 2) continue
    const before = e.explicit ?? previous.unique(legacyGitbookSlug(text) || 'section')
    // `#####` and deeper get no id either (§6 rule 12) unless pinned; their old forms have nowhere to land.
    if (e.level > MAX_ID_LEVEL && !e.explicit) continue
    const id = e.explicit ?? counter.unique(gitbookSlug(text) || 'section')
    e.open.attrSet('id', id)
    headings.push({ id, text, level: e.level, line: e.open.map?.[0] ?? 0 })
    old.push([before, id])
    for (const f of forms) old.push([f.counter.unique(f.slug(text)), id])
  }
  const ids = new Set(headings.map((h) => h.id))
  // Ids written in raw HTML are link targets too: any element's `id` the
  // sanitizer kept (it ran before), and `<a name>`, the only element it lets keep a name.
  for (const t of tokens) {
    const htmls = t.type === 'inline' ? (t.children ?? []).filter((c) => c.type === 'html_inline') : t.type === 'html_block' ? [t] : []
    for (const h of htmls) for (const m of h.content.matchAll(RAW_ID)) ids.add(decodeEntities(m[1] ?? m[2]))
  }
  const aliases: Record<string, string> = {}
  for (const [form, id] of old) addAlias(aliases, ids, form, id)
  return { ids, aliases, headings }
}

/** The rule: ids on headings, and the alias map in the page's front matter for the theme. */
export function headingIdsPlugin(md: MarkdownIt, ctx: GitbookContext): void {
  const rule = (state: StateCore) => {
    const env = state.env as MarkdownEnv
    const anchors = assignHeadingIds(state.tokens, (id, line) =>
      report(env, ctx, line, 'warning', 'anchor-duplicate', `two headings of this page set the anchor #${id}`,
        'give each `<a id>` a different value; this heading gets a computed id meanwhile'),
    )
    // Notes are link targets too (`#fn1`, `#fnref1`): their ids are made at render time.
    for (const id of noteIds(state.tokens, env)) anchors.ids.add(id)
    env.gitbookAnchors = anchors
    // VitePress serialises front matter into the page data the theme reads.
    if (env.frontmatter && Object.keys(anchors.aliases).length) env.frontmatter.gitbookAnchors = anchors.aliases
  }
  try {
    md.core.ruler.before('anchor', 'gitbook_heading_ids', rule)
  } catch {
    md.core.ruler.push('gitbook_heading_ids', rule)
  }
}

/** Per markdown-it instance: the sidebar's parser (summary-anchors.ts) lacks VitePress's plugins. */
const caches = new WeakMap<MarkdownIt, Map<string, { mtimeMs: number; anchors: PageAnchors }>>()

/**
 * Heading ids of another page of the space, parsed by the same markdown-it
 * instance without reporting anything (the page reports when it is built).
 */
export function pageAnchors(md: MarkdownIt, ctx: GitbookContext, file: string): PageAnchors | undefined {
  const abs = path.join(ctx.space.root, file)
  let stat: fs.Stats
  try {
    stat = fs.statSync(abs)
  } catch {
    return undefined
  }
  let cache = caches.get(md)
  if (!cache) caches.set(md, (cache = new Map()))
  const hit = cache.get(abs)
  if (hit && hit.mtimeMs === stat.mtimeMs) return hit.anchors
  const src = fs.readFileSync(abs, 'utf8')
  const body = bodyOf(src)
  const env: MarkdownEnv = { realPath: abs, path: abs, gitbookQuiet: true }
  md.parse(body, env)
  const anchors: PageAnchors = env.gitbookAnchors ?? { ids: new Set(), aliases: {}, headings: [] }
  cache.set(abs, { mtimeMs: stat.mtimeMs, anchors })
  return anchors
}
