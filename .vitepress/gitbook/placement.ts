// Where each page of a space is published, from its file list and SUMMARY.md
// alone: GitBook's URL rules (GITBOOK.md §5) as one pure function, so that the
// build (space.ts) and the walk through the space's git history (history.ts)
// place pages by the very same rules, today's files or a 2019 commit's.
import path from 'node:path'
import type { Diagnostic } from './diagnostics'
import { once } from './once'
import { fitRoute } from './route-limits'
import type { SummaryEntry, SummaryGroup } from './summary'
import { isSafeUrl, UNSAFE_URL_HINT, unsafeUrlMessage } from './url-policy'
import { fileRoute, groupSlug, isExternal, isReadme, pageSlug, routeKeys, safeDecode, splitHash, unsafeGroupSlug } from './urls'

export interface Placement {
  file: string
  route: string
  /** The SUMMARY text the page was claimed with ('' for the home page and unlisted pages). */
  entryTitle: string
  /** SUMMARY text that names the home page in the navigation, when SUMMARY.md lists it. */
  homeTitle?: string
  inSummary: boolean
  summaryLine?: number
}

export interface PlacementInput {
  /** Every `.md` file under the space root (see `isSpaceMarkdown`), forward slashes. */
  markdown: string[]
  groups: SummaryGroup[]
  summaryFile: string
  readmeFile: string
}

export interface PlacementResult {
  /** Pages in the order they were placed: the home page, SUMMARY order, then unlisted pages. */
  placed: Map<string, Placement>
  /** route → file */
  routes: Map<string, string>
  /** `SUMMARY.md` files of nested spaces: neither pages nor navigation. */
  nestedSummaries: string[]
  /** GitBook routes too long for VitePress → the shortened route they are published at. */
  longRoutes: { from: string; to: string; source: string }[]
  diagnostics: Diagnostic[]
}

/** A path (relative to the space root) that is a page candidate: `.md`, outside dot folders and dependencies. */
export function isSpaceMarkdown(file: string): boolean {
  const parts = file.split('/')
  return /\.md$/i.test(file) && parts.every((p) => p !== '' && !p.startsWith('.') && p !== 'node_modules')
}

// Computed once per argument: the walk through a space's history places its
// pages again for each of up to thousands of versions, with the same file
// names, hrefs and routes each time; on a 3,000-commit history these pure
// string functions were a third of the walk.
const fitRouteOnce = once(fitRoute)
const routeKeysOnce = once(routeKeys)
const pageSlugOnce = once(pageSlug)
const fileRouteOnce = once(fileRoute)

/** The space path a SUMMARY href names: decoded, `./` dropped, a folder read as its README.md. */
const hrefFile = once((href: string) => {
  let p = safeDecode(splitHash(href).pathPart).replace(/^\.?\//, '')
  if (p === '' || p.endsWith('/')) p += 'README.md'
  return path.posix.normalize(p)
})

/** Resolve a SUMMARY href to a space file, case-insensitively as a last resort. */
function resolveFile(href: string, files: Set<string>, lower: Map<string, string>): string | undefined {
  const p = hrefFile(href)
  if (files.has(p)) return p
  return lower.get(p.toLowerCase())
}

export function placePages({ markdown, groups, summaryFile, readmeFile }: PlacementInput): PlacementResult {
  const diagnostics: Diagnostic[] = []
  const all = markdown.filter((f) => f !== summaryFile)
  // A space holding other spaces: each sub-folder keeps its own SUMMARY.md.
  // Only the top one is navigation; the nested ones are neither pages nor
  // sidebars (GitBook ignores them too), and each is reported once.
  const nestedSummaries = all.filter((f) => path.posix.basename(f) === path.posix.basename(summaryFile))
  for (const f of nestedSummaries) {
    diagnostics.push({
      file: f,
      line: 1,
      severity: 'warning',
      code: 'summary-nested',
      message: `${f} is the table of contents of a nested space; only ${summaryFile} at the root is navigation, so it is neither a page nor a sidebar`,
      hint: `list the nested space's pages in the root ${summaryFile} (its README.md is a page once listed there)`,
    })
  }
  const nested = new Set(nestedSummaries)
  const files = all.filter((f) => !nested.has(f))
  const fileSet = new Set(files)
  const lower = new Map(files.map((f) => [f.toLowerCase(), f]))
  const placed = new Map<string, Placement>()
  const longRoutes: PlacementResult['longRoutes'] = []
  const routes = new Map<string, string>()

  // Route keys already taken (see `routeKeys`) → the file that took them.
  const owners = new Map<string, string>()
  const ownerOf = (keys: string[]) => keys.map((k) => owners.get(k)).find(Boolean)
  const claim = (file: string, wanted: string, entryTitle: string, inSummary: boolean, line?: number) => {
    const where = { file: inSummary ? summaryFile : file, line: line ?? 1 }
    // A route too long for VitePress's file names is shortened; the GitBook URL redirects to it.
    const route = fitRouteOnce(wanted)
    if (route !== wanted) {
      longRoutes.push({ from: wanted, to: route, source: 'long path' })
      diagnostics.push({
        ...where,
        severity: 'warning',
        code: 'url-too-long',
        message: `${file} would be published at a URL too long for a file name (/${wanted.slice(0, 60)}…, ${Buffer.byteLength(wanted)} bytes); it is published at /${route} and the long URL redirects there`,
        hint: 'shorten the titles or file names of this branch of SUMMARY.md',
      })
    }
    let r = route
    let keys = routeKeysOnce(r)
    // Two pages cannot share a URL (in any letter case, `a.md` and `a/README.md`
    // alike): the later one gets a suffix and a warning naming both files.
    for (let n = 2; ownerOf(keys); n++) {
      r = route.endsWith('/') ? `${route.slice(0, -1)}-${n}/` : `${route}-${n}`
      keys = routeKeysOnce(r)
    }
    if (r !== route) {
      diagnostics.push({
        ...where,
        severity: 'warning',
        code: 'url-collision',
        message: `${file} would be published at /${route}, which ${ownerOf(routeKeysOnce(route))} already has; it gets /${r}`,
        hint: 'rename one of the two files',
      })
    }
    for (const k of keys) owners.set(k, file)
    routes.set(r, file)
    placed.set(file, { file, route: r, entryTitle, inSummary, summaryLine: line })
  }

  // The space's README is the home page, wherever SUMMARY.md lists it.
  if (fileSet.has(readmeFile)) claim(readmeFile, '', '', false)

  const visit = (entries: SummaryEntry[], prefix: string) => {
    for (const e of entries) {
      let childPrefix = prefix
      if (e.href && !isSafeUrl(e.href)) {
        // A sidebar link is on every page: it may not run code either.
        diagnostics.push({
          file: summaryFile,
          line: e.line,
          severity: 'warning',
          code: 'url-unsafe',
          message: unsafeUrlMessage(`SUMMARY.md entry "${e.title}"`, e.href),
          hint: UNSAFE_URL_HINT,
        })
      } else if (e.href && !isExternal(e.href) && !splitHash(e.href).hash) {
        const file = resolveFile(e.href, fileSet, lower)
        if (!file) {
          diagnostics.push({
            file: summaryFile,
            line: e.line,
            severity: 'warning',
            code: 'summary-missing-file',
            message: `SUMMARY.md lists "${e.title}" as ${safeDecode(e.href)}, which does not exist`,
            hint: 'add the file or remove the entry',
          })
        } else if (placed.get(file)?.inSummary) {
          diagnostics.push({
            file: summaryFile,
            line: e.line,
            severity: 'warning',
            code: 'summary-duplicate',
            message: `${file} is listed twice in SUMMARY.md; the first entry gives its URL`,
            hint: 'list a page once, or link to one of its anchors (page.md#section)',
          })
        } else if (file === readmeFile) {
          const home = placed.get(file)!
          home.inSummary = true
          home.summaryLine = e.line
          home.homeTitle = e.title || undefined
        } else {
          const slug = pageSlugOnce(file)
          const route = prefix + slug + (isReadme(file) ? '/' : '')
          claim(file, route, e.title, true, e.line)
          childPrefix = placed.get(file)!.route.replace(/\/?$/, '/')
        }
      }
      visit(e.children, childPrefix)
    }
  }
  for (const g of groups) {
    const slug = g.title ? groupSlug(g.title, g.id) : ''
    // An id or title that is no URL segment would make a route outside the site.
    const refused = g.id !== undefined && g.id !== slug
    if (g.title && (refused || !slug)) {
      const where = slug ? `under /${slug}/, its title's slug` : 'at the top of the site, without a group segment'
      diagnostics.push({
        file: summaryFile,
        line: g.line,
        severity: 'warning',
        code: 'summary-group-id',
        message: refused
          ? `the group "${g.title}" has the id ${JSON.stringify(g.id)}, which is not a URL segment (${unsafeGroupSlug(g.id!)}); its pages are published ${where}`
          : `the group "${g.title}" gives no URL segment: its title has no letter or digit; its pages are published ${where}`,
        hint: 'give the heading an id of letters, digits and dashes, without / or ..: `## Title <a href="#my-group" id="my-group"></a>`',
      })
    }
    visit(g.entries, slug ? `${slug}/` : '')
  }

  // Pages missing from SUMMARY.md are still built, at their file path, and reported.
  for (const file of files) {
    if (placed.has(file)) continue
    claim(file, fileRouteOnce(file), '', false)
    diagnostics.push({
      file,
      line: 1,
      severity: 'warning',
      code: 'summary-missing-page',
      message: `${file} is not listed in SUMMARY.md; it is built at /${placed.get(file)!.route} but not in the navigation`,
      hint: 'add it to SUMMARY.md, or set `hidden: true` in its front matter',
    })
  }
  return { placed, routes, nestedSummaries, longRoutes, diagnostics }
}
