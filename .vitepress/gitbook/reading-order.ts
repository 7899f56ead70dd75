// The pages of a space in SUMMARY.md order, with where each one sits (group ›
// parent pages), for what lists pages outside the sidebar: llms.txt,
// llms-full.txt, sitemap.xml, and each page's breadcrumbs.
import { resolveHref } from './resolve'
import type { PageInfo, Space } from './space'
import type { SummaryEntry } from './summary'
import { routeToUrl, splitHash } from './urls'

/** One step of a breadcrumb trail; `link` is root-absolute without base, encoded. */
export interface Crumb {
  text: string
  link?: string
}

/** GitBook's `hidden: true`: published, reachable by its address, listed nowhere. */
export const isHidden = (page: PageInfo) => page.frontmatter.hidden === true

/** GitBook's `noIndex` (and its older name `noRobotsIndex`): kept from search engines and from machine-read lists. */
export const isNoIndex = (page: PageInfo) => page.frontmatter.noIndex === true || page.frontmatter.noRobotsIndex === true

export interface PlacedPage {
  page: PageInfo
  /** SUMMARY group title, '' before the first `##`. */
  group: string
  /** The group then the ancestor entries, outermost first; the page itself is not in it. */
  trail: Crumb[]
}

/**
 * Every page SUMMARY.md places, in its order, each once (its first entry),
 * then the home page if SUMMARY.md does not list it, then pages SUMMARY.md
 * misses (sorted by file, as the build publishes them).
 */
export function placedPages(space: Space): PlacedPage[] {
  const out: PlacedPage[] = []
  const seen = new Set<string>()
  const visit = (entries: SummaryEntry[], group: string, trail: Crumb[]) => {
    for (const e of entries) {
      let crumb: Crumb = { text: e.title }
      const r = e.href ? resolveHref(space, space.summaryFile, e.href) : undefined
      if (r?.kind === 'page') {
        const page = space.pages.get(r.file)!
        crumb = { text: e.title, link: routeToUrl(page.route) + (r.hash ? `#${encodeURIComponent(r.hash)}` : '') }
        // An entry pointing at an anchor is a place in a page, not the page.
        if (!splitHash(e.href).hash && !seen.has(page.file)) {
          seen.add(page.file)
          out.push({ page, group, trail })
        }
      }
      visit(e.children, group, [...trail, crumb])
    }
  }
  for (const g of space.groups) visit(g.entries, g.title, g.title ? [{ text: g.title }] : [])
  const home = space.pages.get(space.readmeFile)
  if (home && !seen.has(home.file)) {
    seen.add(home.file)
    out.unshift({ page: home, group: '', trail: [] })
  }
  for (const page of [...space.pages.values()].sort((a, b) => a.file.localeCompare(b.file))) {
    if (!seen.has(page.file)) out.push({ page, group: '', trail: [] })
  }
  return out
}

/** Pages that lists for readers and machines name: neither hidden nor noIndex. */
export function listedPages(space: Space): PlacedPage[] {
  return placedPages(space).filter((p) => !isHidden(p.page) && !isNoIndex(p.page))
}

/**
 * The breadcrumbs of each page (by file): home › group › parents › page, the
 * page last and without a link. Computed once per build, stored per page: a
 * page carries its own trail, not the whole tree.
 */
export function breadcrumbTrails(space: Space): Map<string, Crumb[]> {
  const home = space.pages.get(space.readmeFile)
  const homeCrumb: Crumb[] = home ? [{ text: 'Accueil', link: '/' }] : []
  const out = new Map<string, Crumb[]>()
  for (const { page, trail } of placedPages(space)) {
    const self = { text: page.navTitle || page.title }
    out.set(page.file, page === home ? [{ text: 'Accueil' }] : [...homeCrumb, ...trail, self])
  }
  return out
}
