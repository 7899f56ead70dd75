// Every route each page of a space ever had, from its git log: the log is
// replayed commit by commit (file additions, renames, deletions), and each
// version of the file list, SUMMARY.md and .gitbook.yaml is placed by the
// build's own rules (placement.ts). Pure: the git commands live in history.ts,
// so this runs on synthetic log text in tests.
import path from 'node:path'
import { isSpaceMarkdown, placePages } from './placement'
import type { Redirect, Space } from './space'
import { parseGitbookYaml, spaceLayout, type GitbookYaml } from './gitbook-yaml'
import { parseSummaryCached, type SummaryGroup } from './summary'
import { routeKeys, unsafeRoute } from './urls'

/** Separators of the `--format` the log is read with (see `LOG_FORMAT`). */
const COMMIT = '\u0001'
const FIELD = '\u0002'

/** `git log --format` matching `parseLog`: hash, commit time, subject. */
export const LOG_FORMAT = `${COMMIT}%H${FIELD}%ct${FIELD}%s`

export interface Commit {
  hash: string
  /** Commit time, seconds since 1970. */
  time: number
  subject: string
}

export interface Change {
  /** `A`, `M`, `D`, `R`, `C`, `T` (git's `--raw` status letter). */
  status: string
  /** Path after the change, relative to the space folder. */
  path: string
  /** Path before a rename or copy. */
  from?: string
  /** Blob id after the change (all zeros for a deletion). */
  blob: string
}

export interface LogEntry {
  commit: Commit
  changes: Change[]
}

/**
 * `git log -z --raw --no-abbrev --format=LOG_FORMAT` output → commits with
 * their changes. Paths are author content: any byte but NUL may be in them,
 * which is why the log is NUL-separated. Unknown records are skipped.
 */
export function parseLog(text: string): LogEntry[] {
  const out: LogEntry[] = []
  const tokens = text.split('\0')
  let current: LogEntry | undefined
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i].replace(/^\n+/, '')
    if (token.startsWith(COMMIT)) {
      const [hash, time, ...subject] = token.slice(1).split(FIELD)
      current = { commit: { hash, time: Number(time) || 0, subject: subject.join(FIELD).trim() }, changes: [] }
      out.push(current)
      continue
    }
    // `:100644 100644 <old blob> <new blob> R086`, then one path, two for a rename or copy.
    const meta = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) ([A-Z])\d*$/.exec(token)
    if (!meta || !current) continue
    const status = meta[2]
    if (status === 'R' || status === 'C') {
      const from = tokens[++i]
      const to = tokens[++i]
      if (from === undefined || to === undefined) break
      current.changes.push({ status, from, path: to, blob: meta[1] })
    } else {
      const p = tokens[++i]
      if (p === undefined) break
      current.changes.push({ status, path: p, blob: meta[1] })
    }
  }
  return out
}

/** The space's configuration at one commit: where the pages sit and which files structure them. */
interface Layout {
  /** Folder of the pages relative to the space folder, '' for the folder itself. */
  prefix: string
  summaryFile: string
  readmeFile: string
}

export const GITBOOK_YAML = '.gitbook.yaml'

function layoutOf(conf: GitbookYaml): Layout | undefined {
  const { summaryFile, readmeFile, ...layout } = spaceLayout(conf)
  const root = path.posix.normalize(layout.root.replace(/^\.?\/+/, '') || '.')
  // A root outside the space folder has no history here.
  if (root === '..' || root.startsWith('../')) return undefined
  return { prefix: root === '.' ? '' : `${root.replace(/\/$/, '')}/`, summaryFile, readmeFile }
}

/** Parsed `.gitbook.yaml` of a blob, `{}` when absent, unreadable or invalid (as the build does). */
function confOf(text: string | undefined): GitbookYaml {
  if (text === undefined) return {}
  try {
    return parseGitbookYaml(text, [])
  } catch {
    return {}
  }
}

/**
 * The blobs the walk will ask for, in two rounds: first every version of
 * `.gitbook.yaml`; then, knowing every root and summary name it ever gave,
 * every version of the SUMMARY files those name.
 */
export function configBlobs(entries: LogEntry[]): Set<string> {
  const out = new Set<string>()
  for (const e of entries) for (const c of e.changes) if (c.path === GITBOOK_YAML && c.status !== 'D') out.add(c.blob)
  return out
}

export function summaryBlobs(entries: LogEntry[], blobs: Map<string, string>): Set<string> {
  const names = new Set<string>()
  // `{}`: the versions without .gitbook.yaml, GitBook's defaults.
  for (const conf of [{}, ...[...configBlobs(entries)].map((sha) => confOf(blobs.get(sha)))]) {
    const layout = layoutOf(conf)
    if (layout) names.add(layout.prefix + layout.summaryFile)
  }
  const out = new Set<string>()
  for (const e of entries) for (const c of e.changes) if (names.has(c.path) && c.status !== 'D') out.add(c.blob)
  return out
}

export interface RouteOwner {
  route: string
  /** Lineage of the file (stable across renames). */
  lineage: number
  /** Its path, relative to the space folder, when it last had the route. */
  path: string
  /** Last commit whose version of the space published the route. */
  lastCommit: Commit
}

export interface RouteHistory {
  /** Every route ever published → the page that had it last. */
  owners: Map<string, RouteOwner>
  /** Lineages alive at the end of the log → their path, relative to the space folder. */
  alive: Map<number, string>
  /** Commits read. */
  commits: number
  /** Versions of the space placed (commits that changed files, SUMMARY.md or .gitbook.yaml). */
  versions: number
}

/**
 * Replay the log (oldest commit first) and record who published each route.
 * A route later taken by another page belongs to the later one: links to it
 * last showed that page.
 */
export function walkHistory(entries: LogEntry[], blobs: Map<string, string>): RouteHistory {
  const files = new Map<string, { lineage: number; blob: string }>()
  const owners = new Map<string, RouteOwner>()
  let lineages = 0
  let versions = 0
  let lastKey = ''
  let shown = new Set<string>()
  const groupCache = new Map<string, SummaryGroup[]>()
  const isPage = new Map<string, boolean>()
  const layouts = new Map<string, Layout | undefined>()
  let previous: Commit | undefined
  for (const { commit, changes } of entries) {
    let moved = false
    for (const c of changes) {
      if (c.status === 'D') {
        moved = files.delete(c.path) || moved
      } else if (c.status === 'R' && c.from !== undefined) {
        const old = files.get(c.from)
        files.delete(c.from)
        files.set(c.path, { lineage: old?.lineage ?? ++lineages, blob: c.blob })
        moved = true
      } else if (c.status === 'A' || c.status === 'C' || !files.has(c.path)) {
        files.set(c.path, { lineage: ++lineages, blob: c.blob })
        moved = true
      } else {
        files.get(c.path)!.blob = c.blob
      }
    }
    const yaml = files.get(GITBOOK_YAML)?.blob ?? ''
    // Parsed once per version of .gitbook.yaml, not once per commit.
    if (!layouts.has(yaml)) layouts.set(yaml, layoutOf(confOf(blobs.get(yaml))))
    const layout = layouts.get(yaml)
    const summary = layout && files.get(layout.prefix + layout.summaryFile)?.blob
    const key = `${yaml}|${summary}`
    if (!moved && key === lastKey) {
      previous = commit
      continue
    }
    lastKey = key
    versions++
    const now = new Set<string>()
    if (layout) {
      const text = summary ? blobs.get(summary) : undefined
      const groups = text === undefined ? [] : parseSummaryCached(text, groupCache)
      const markdown: string[] = []
      for (const p of files.keys()) {
        if (!p.startsWith(layout.prefix)) continue
        const rel = p.slice(layout.prefix.length)
        let page = isPage.get(rel)
        if (page === undefined) isPage.set(rel, (page = isSpaceMarkdown(rel)))
        if (page) markdown.push(rel)
      }
      const plan = placePages({ markdown: markdown.sort(), groups, summaryFile: layout.summaryFile, readmeFile: layout.readmeFile })
      const record = (route: string, file: string) => {
        const p = layout.prefix + file
        const lineage = files.get(p)!.lineage
        now.add(route)
        // Its last commit is set when it stops being published (below), or at the end.
        const o = owners.get(route)
        if (!o || o.lineage !== lineage || o.path !== p) owners.set(route, { route, lineage, path: p, lastCommit: commit })
      }
      for (const page of plan.placed.values()) record(page.route, page.file)
      // The URL GitBook gave a page whose route the build had to shorten (and,
      // when the shortened route collided, suffixed: then it is not found here).
      for (const long of plan.longRoutes) {
        const file = plan.routes.get(long.to)
        if (file !== undefined) record(long.from, file)
      }
    }
    // A route that stops being published was last there in the commit before.
    for (const route of shown) {
      const o = owners.get(route)
      if (!now.has(route) && o && previous) o.lastCommit = previous
    }
    shown = now
    previous = commit
  }
  // Routes still published at the end of the log were there in its last commit.
  for (const route of shown) if (previous) owners.get(route)!.lastCommit = previous
  const alive = new Map<number, string>()
  for (const [p, f] of files) alive.set(f.lineage, p)
  return { owners, alive, commits: entries.length, versions }
}

export interface DeletedRoute {
  route: string
  /** Path of the page (relative to the space folder) when it last had the route. */
  path: string
  lastCommit: Commit
}

/**
 * Redirects from every earlier route of a current page to its route today,
 * and the routes whose last page is gone. Never over a route of a current
 * page (in any of the forms `routeKeys` treats as one address), never over a
 * redirect the space declares (`.gitbook.yaml` wins); a deleted page gets none.
 */
export function historyRedirects(space: Space, history: RouteHistory): { redirects: Redirect[]; deleted: DeletedRoute[]; warnings: string[] } {
  const taken = new Set<string>()
  for (const route of space.routes.keys()) for (const k of routeKeys(route)) if (k.startsWith('url:')) taken.add(k)
  const declared = new Set(space.redirects.map((r) => r.from.toLowerCase()))
  // Lineage paths are relative to the space folder; pages, to the space root.
  const rootPrefix = path.relative(space.dir, space.root).split(path.sep).join('/')
  const pageAt = (p: string) => space.pages.get(rootPrefix ? path.posix.relative(rootPrefix, p) : p)
  const redirects: Redirect[] = []
  const deleted: DeletedRoute[] = []
  const warnings: string[] = []
  for (const o of [...history.owners.values()].sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0))) {
    // The home page is always somewhere; a route that is a page today stays that page.
    if (o.route === '' || routeKeys(o.route).some((k) => taken.has(k))) continue
    // An old file name becomes a file of the site and a key of the nginx map: never outside it.
    const unsafe = unsafeRoute(o.route)
    if (unsafe) {
      warnings.push(
        `the route ${JSON.stringify(o.route)} that ${JSON.stringify(o.path)} had until commit ${o.lastCommit.hash.slice(0, 12)} ` +
          `is not a path of the site (${unsafe}): no redirect from it, old links to it end on the 404 page`,
      )
      continue
    }
    const now = history.alive.get(o.lineage)
    const page = now === undefined ? undefined : pageAt(now)
    if (page) {
      if (page.route !== o.route) redirects.push({ from: o.route, to: page.route, source: `git history (${o.path})` })
    } else if (!declared.has(o.route.toLowerCase())) {
      deleted.push({ route: o.route, path: o.path, lastCommit: o.lastCommit })
    }
  }
  return { redirects, deleted, warnings }
}
