// Everything the VitePress config needs for one GitBook space, from the
// options the command line passes in the environment (bin/gitbook.ts).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeCsp } from './deploy/csp'
import { precompress } from './deploy/precompress'
import { writeStaticPages } from './deploy/static-pages'
import { accessibilityPage, legalPage, privacyPage, publicSite } from './public-pages'
import { DiagnosticSink } from './diagnostics'
import { gitDates } from './git-dates'
import { historyMode, spaceHistory, type HistoryMode } from './history'
import { writeNotFoundFallback } from './not-found'
import type { GitbookContext } from './env'
import { writeRedirects } from './redirects'
import { buildSidebar } from './sidebar'
import { addRedirects, loadSpace, movedPages, spaceRewrites, type Space } from './space'
import { normalizeBase } from './urls'
import { sitemapHtml, writeSitemap } from './sitemap-page'
import { flatLinks, pageKey } from '../theme/sidebar-branch'

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export const SITE_TITLE = 'Ressources DNUM'

export interface SiteOptions {
  /** The GitBook space folder. @default `docs/` of the project */
  src: string
  /** Where the static site is written. @default `.vitepress/dist` */
  out: string
  /** Base path the site is served under. @default `/` */
  base: string
  /** Base URL of the complete handbook, for links to pages this space lacks. */
  fallbackUrl?: string
  /** A previous version of the space: pages it published elsewhere get redirects. */
  previous?: string
  /**
   * Redirects from every route the space's pages had in its git history.
   * @default `auto`: on when the space sits in a git repository
   */
  history: HistoryMode
}

/** Options from `GITBOOK_SRC`, `GITBOOK_OUT`, `GITBOOK_BASE` (or `BASE`), `GITBOOK_FALLBACK_URL`, `GITBOOK_PREVIOUS`, `GITBOOK_HISTORY`. */
export function siteOptions(env = process.env): SiteOptions {
  return {
    src: path.resolve(PROJECT_ROOT, env.GITBOOK_SRC || 'docs'),
    out: path.resolve(PROJECT_ROOT, env.GITBOOK_OUT || '.vitepress/dist'),
    base: normalizeBase(env.GITBOOK_BASE || env.BASE),
    fallbackUrl: env.GITBOOK_FALLBACK_URL || undefined,
    previous: env.GITBOOK_PREVIOUS ? path.resolve(PROJECT_ROOT, env.GITBOOK_PREVIOUS) : undefined,
    history: historyMode(env.GITBOOK_HISTORY),
  }
}

export interface Site {
  options: SiteOptions
  space: Space
  ctx: GitbookContext
  sink: DiagnosticSink
  rewrites: Record<string, string>
  sidebar: ReturnType<typeof buildSidebar>
  /** Last commit time (ms) of each file, by path relative to the space root. */
  dates: Map<string, number>
  /**
   * Previous and next page of the full sidebar, for the page at `relativePath`:
   * its HTML carries only its own branch, where VitePress would not find them.
   */
  pager(relativePath: string): { prev?: PagerLink; next?: PagerLink }
  /** The « Plan du site » page, every sidebar entry as a plain link. */
  sitemapHtml(): string
  /** Files VitePress must not treat as pages. */
  srcExclude: string[]
  buildEnd(outDir: string): void
}

export interface PagerLink {
  text: string
  link: string
}

export function loadSite(options = siteOptions()): Site {
  const sink = new DiagnosticSink()
  if (!fs.existsSync(options.src)) throw new Error(`GitBook space not found: ${options.src}`)
  const space = loadSpace(options.src)
  if (options.previous) addRedirects(space, movedPages(loadSpace(options.previous), space))
  for (const d of space.diagnostics) sink.add(d)
  const ctx: GitbookContext = { space, sink, linkedAssets: new Set(), fallbackUrl: options.fallbackUrl }
  const sidebar = buildSidebar(space)
  // As VitePress's usePrevNext: links in reading order, a page is the entry
  // without an anchor that points to it.
  const links = flatLinks(sidebar)
  const index = new Map<string, number>()
  links.forEach((l, i) => {
    const key = pageKey(l.link)
    if (!/[?#]/.test(l.link) && !index.has(key)) index.set(key, i)
  })
  let sitemap: string | undefined
  return {
    options,
    space,
    ctx,
    sink,
    rewrites: spaceRewrites(space),
    sidebar,
    pager(relativePath) {
      const i = index.get(pageKey(relativePath)) ?? -1
      return { prev: links[i - 1], next: links[i + 1] }
    },
    sitemapHtml: () => (sitemap ??= sitemapHtml(sidebar, options.base, SITE_TITLE)),
    dates: gitDates(space.root),
    srcExclude: [space.summaryFile, ...space.nestedSummaries, '**/.gitbook/**', '**/node_modules/**'],
    buildEnd(outDir: string) {
      // Here, not at config load: the dev server writes no redirects and need not walk the history.
      const history = spaceHistory(space, options.history)
      if (history) {
        addRedirects(space, history.redirects)
        for (const w of history.warnings) console.warn(`GitBook: git history: ${w}`)
        console.log(
          `GitBook: git history: ${history.commits} commits, ${history.versions} versions of the space, ` +
            `${history.redirects.length} earlier routes of current pages, ${history.deleted.length} of deleted pages ` +
            `(\`npm run check -- --history\` lists them); ${Math.round(history.ms)} ms`,
        )
      }
      const n = writeRedirects(outDir, options.base, space.redirects)
      writeSitemap(outDir, this.sitemapHtml())
      writeNotFoundFallback(outDir, options.base)
      for (const abs of ctx.linkedAssets) {
        const dest = path.join(outDir, path.relative(space.root, abs))
        fs.mkdirSync(path.dirname(dest), { recursive: true })
        fs.copyFileSync(abs, dest)
      }
      writeStaticPages(outDir, [accessibilityPage(), legalPage(), privacyPage()], publicSite.service)
      // Last, once every file is written: the policy hashes the pages' inline
      // scripts, and the compressed copies must match the final files.
      writeCsp(outDir)
      precompress(outDir)
      const errors = sink.all.filter((d) => d.severity === 'error').length
      const warnings = sink.all.length - errors
      console.log(
        `GitBook: ${space.pages.size} pages, ${n} redirects, ${ctx.linkedAssets.size} linked files; ` +
          `${errors} error(s), ${warnings} warning(s)`,
      )
      // The site is written (readers keep a page even when a tag is broken), but
      // CI must not publish it: an error is what `npm run check` fails on too.
      if (errors) {
        console.error(`GitBook: the build fails on ${errors} error(s) above; \`npm run check\` lists them`)
        process.exitCode = 1
      }
    },
  }
}
