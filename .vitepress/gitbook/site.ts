// Everything the VitePress config needs for one GitBook space, from the
// options the command line passes in the environment (bin/gitbook.ts).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'
import { writeCsp } from './deploy/csp'
import { copyLinkedFiles } from './deploy/linked-files'
import { oldOutputPlugin } from './deploy/old-output'
import { createPrecompressor, type Precompressor } from './deploy/precompress'
import { writeStaticPages } from './deploy/static-pages'
import { accessibilityPage, legalPage, privacyPage, publicSite } from './public-pages'
import { DiagnosticSink } from './diagnostics'
import { gitDates } from './git-dates'
import { spaceFolder } from './gitbook-yaml'
import { historyMode, startSpaceHistory, type HistoryMode, type SpaceHistory } from './history'
import { startMathThread, stopMathThread } from './transforms/math-thread'
import { writeNotFoundFallback } from './not-found'
import type { GitbookContext } from './env'
import { writeRedirects } from './redirects'
import { buildSidebar } from './sidebar'
import { idsParser, summaryAnchors } from './summary-anchors'
import { addRedirects, loadSpace, movedPages, spaceRewrites, type Space } from './space'
import { normalizeBase } from './urls'
import { sitemapHtml, writeSitemap } from './sitemap-page'
import { sitemapXml, writeSitemapXml } from './sitemap-xml'
import { writeLlms } from './llms'
import { breadcrumbTrails, type Crumb } from './reading-order'
import { hasTwin, twinFile, writeTwins, type TwinOptions } from './twins'
import { routeToUrl } from './urls'
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
   * Public origin of the site (`https://manuel.exemple.gouv.fr`), the base
   * path added to it: canonical links, `og:url`, absolute links in the
   * Markdown twins and llms.txt, and sitemap.xml (none without it: a sitemap
   * holds absolute URLs only). @default none
   */
  siteUrl?: string
  /**
   * « Modifier cette page » link, `:path` standing for the page's file in the
   * space (`https://github.com/org/depot/edit/main/docs/:path`). @default none: no link
   */
  editUrl?: string
  /**
   * Redirects from every route the space's pages had in its git history.
   * @default `auto`: on when the space sits in a git repository
   */
  history: HistoryMode
  /**
   * Brotli copies (`f.br`) beside the gzip ones, for nginx's brotli_static
   * module, which Debian does not install by default. @default off: they
   * added 13 % to a 3,000-page `dist/`
   */
  brotli: boolean
}

/**
 * Options from `GITBOOK_SRC`, `GITBOOK_OUT`, `GITBOOK_BASE` (or `BASE`),
 * `GITBOOK_FALLBACK_URL`, `GITBOOK_PREVIOUS`, `GITBOOK_SITE_URL`, `GITBOOK_EDIT_URL`,
 * `GITBOOK_HISTORY`, `GITBOOK_BROTLI` (`on`).
 */
export function siteOptions(env = process.env): SiteOptions {
  return {
    src: spaceFolder(PROJECT_ROOT, env),
    out: path.resolve(PROJECT_ROOT, env.GITBOOK_OUT || '.vitepress/dist'),
    base: normalizeBase(env.GITBOOK_BASE || env.BASE),
    fallbackUrl: env.GITBOOK_FALLBACK_URL || undefined,
    previous: env.GITBOOK_PREVIOUS ? path.resolve(PROJECT_ROOT, env.GITBOOK_PREVIOUS) : undefined,
    siteUrl: env.GITBOOK_SITE_URL ? normalizeSiteUrl(env.GITBOOK_SITE_URL) : undefined,
    editUrl: env.GITBOOK_EDIT_URL ? checkEditUrl(env.GITBOOK_EDIT_URL) : undefined,
    history: historyMode(env.GITBOOK_HISTORY),
    brotli: env.GITBOOK_BROTLI === 'on',
  }
}

/** `https://x.gouv.fr/` from `https://x.gouv.fr` or `https://x.gouv.fr/anything`: the base path is added to the origin. */
export function normalizeSiteUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    throw new Error(`--site-url / GITBOOK_SITE_URL: "${value}" is not a URL; give the site's public origin, e.g. https://manuel.exemple.gouv.fr`)
  }
  if (!/^https?:$/.test(url.protocol)) {
    throw new Error(`--site-url / GITBOOK_SITE_URL: "${value}" is not an http(s) URL; give the site's public origin, e.g. https://manuel.exemple.gouv.fr`)
  }
  return `${url.origin}/`
}

function checkEditUrl(value: string): string {
  const v = value.trim()
  if (!/^https?:\/\//i.test(v) || !v.includes(':path')) {
    throw new Error(`--edit-url / GITBOOK_EDIT_URL: "${value}" must be an http(s) URL holding :path, e.g. https://github.com/org/depot/edit/main/docs/:path`)
  }
  return v
}

export interface Site {
  options: SiteOptions
  space: Space
  ctx: GitbookContext
  sink: DiagnosticSink
  rewrites: Record<string, string>
  sidebar: ReturnType<typeof buildSidebar>
  /** Last commit time (ms) of each file, by path relative to the space root, once git has answered. */
  dates: Promise<Map<string, number>>
  /**
   * Previous and next page of the full sidebar, for the page at `relativePath`:
   * its HTML carries only its own branch, where VitePress would not find them.
   */
  pager(relativePath: string): { prev?: PagerLink; next?: PagerLink }
  /** The « Plan du site » page, every sidebar entry as a plain link. */
  sitemapHtml(): string
  /** Breadcrumbs of the page `file` (space-relative source path): home › group › parents › page. */
  breadcrumbs(file: string): Crumb[]
  /** Root-absolute path (without base) of the page's Markdown twin, or undefined when it has none. */
  twinLink(file: string): string | undefined
  /** Files VitePress must not treat as pages. */
  srcExclude: string[]
  /** Compressed copies of the built files, started as each is written (deploy/precompress.ts). */
  precompressor: Precompressor
  /**
   * Vite plugin of the build's own steps: it starts the git history walk on
   * its own thread as bundling starts, and the redirect pages and Markdown
   * twins as rendering starts.
   */
  buildStepsPlugin(): Plugin
  /** Vite plugin that moves the previous output aside and deletes it in the background (deploy/old-output.ts). */
  oldOutputPlugin: Plugin
  buildEnd(outDir: string): Promise<void>
}

export interface PagerLink {
  text: string
  link: string
}

/** Glob patterns for a symbolic link of the space: itself, and what is under it when it is a folder. */
function linkExcludes(link: string): string[] {
  const glob = link.replace(/[\\*?[\]{}()!+@]/g, '\\$&')
  return [glob, `${glob}/**`]
}

export function loadSite(options = siteOptions()): Site {
  const sink = new DiagnosticSink()
  if (!fs.existsSync(options.src)) throw new Error(`GitBook space not found: ${options.src}`)
  const space = loadSpace(options.src)
  if (options.previous) addRedirects(space, movedPages(loadSpace(options.previous), space))
  for (const d of space.diagnostics) sink.add(d)
  const ctx: GitbookContext = { space, sink, linkedAssets: new Set(), fallbackUrl: options.fallbackUrl }
  const anchored = summaryAnchors(space, idsParser(ctx), ctx)
  for (const d of anchored.diagnostics) sink.add(d)
  const sidebar = buildSidebar(space, anchored.ids)
  // As VitePress's usePrevNext: links in reading order, a page is the entry
  // without an anchor that points to it.
  const links = flatLinks(sidebar)
  const index = new Map<string, number>()
  links.forEach((l, i) => {
    const key = pageKey(l.link)
    if (!/[?#]/.test(l.link) && !index.has(key)) index.set(key, i)
  })
  let sitemap: string | undefined
  let trails: Map<string, Crumb[]> | undefined
  // A build started by bin/build.mjs walks the history from here, beside the
  // loading of VitePress and Vite, which leaves the second core idle; other
  // builds start it with bundling (buildStepsPlugin), the dev server never.
  let historyWalk: Promise<SpaceHistory | undefined> | undefined
  const startHistory = () => (historyWalk ??= startSpaceHistory(space, options.history))
  if (process.env.GITBOOK_BUILD === '1') {
    void startHistory()
    // MathJax too, when a page may hold a formula: it converts those pages' formulas ahead.
    const withMath = [...space.pages].filter(([, p]) => p.math).map(([file]) => path.join(space.root, file))
    if (withMath.length) startMathThread(withMath)
  }
  // The last build's files are deleted in the background instead of by Vite.
  const oldOutput = oldOutputPlugin(options.out, [space.dir, space.root, PROJECT_ROOT, ...(options.previous ? [options.previous] : [])])
  const dates = gitDates(space.root)
  /**
   * Redirect pages and Markdown twins (thousands with a long history), handed
   * to the compression threads, which write and compress them. Started as the
   * pages start rendering (buildStepsPlugin): the threads then only compress
   * each rendered page and have time to spare, where at the end of the build
   * this thread waited for them. Written once, into the first `outDir` asked.
   */
  let earlyFiles: Promise<{ n: number; twins: ReturnType<typeof writeTwins>; twinOptions: TwinOptions }> | undefined
  const redirectsAndTwins = (outDir: string) =>
    (earlyFiles ??= (async () => {
      const history = await startHistory()
      if (history) {
        addRedirects(space, history.redirects)
        for (const w of history.warnings) console.warn(`GitBook: git history: ${w}`)
        console.log(
          `GitBook: git history: ${history.commits} commits, ${history.versions} versions of the space, ` +
            `${history.redirects.length} earlier routes of current pages, ${history.deleted.length} of deleted pages ` +
            `(\`npm run check -- --history\` lists them); ${Math.round(history.ms)} ms`,
        )
      }
      const write = (file: string, text: string) => precompressor.write(file, text)
      const n = writeRedirects(outDir, options.base, space.redirects, write)
      const twinOptions = { base: options.base, siteUrl: options.siteUrl }
      return { n, twins: writeTwins(outDir, space, twinOptions, write), twinOptions }
    })())
  const precompressor = createPrecompressor({ brotli: options.brotli })
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
    breadcrumbs: (file) => (trails ??= breadcrumbTrails(space)).get(file) ?? [],
    twinLink(file) {
      const page = space.pages.get(file)
      return page && hasTwin(page) ? routeToUrl(twinFile(page)) : undefined
    },
    dates,
    // Symbolic links too: VitePress's own file search follows them (space.ts lists them).
    srcExclude: [space.summaryFile, ...space.nestedSummaries, '**/.gitbook/**', '**/node_modules/**', ...(space.links ?? []).flatMap(linkExcludes)],
    precompressor,
    oldOutputPlugin: oldOutput,
    buildStepsPlugin() {
      let ssr = false
      return {
        name: 'gitbook:build-steps',
        // Not at config load: the dev server writes no redirects and need not walk the history.
        apply: 'build',
        configResolved(config) {
          ssr = !!config.build.ssr
        },
        buildStart() {
          void startHistory()
        },
        // The server bundle is the last: VitePress renders the pages next.
        closeBundle() {
          if (ssr) void redirectsAndTwins(options.out).catch(() => {})
        },
      }
    },
    async buildEnd(outDir: string) {
      const { n, twins, twinOptions } = await redirectsAndTwins(outDir)
      // Markdown twins, llms.txt and sitemap.xml: see twins.ts, llms.ts, sitemap-xml.ts.
      writeLlms(outDir, space, { title: publicSite.service, description: publicSite.tagline }, twins, twinOptions)
      if (options.siteUrl) writeSitemapXml(outDir, sitemapXml(space, options.base, options.siteUrl, await dates))
      else console.log('GitBook: no sitemap.xml nor canonical links: give the public address with --site-url https://…')
      // The redirect pages and twins are on disk before the files below, which may replace one.
      await this.precompressor.settled()
      writeSitemap(outDir, this.sitemapHtml())
      writeNotFoundFallback(outDir, options.base)
      copyLinkedFiles(outDir, space.root, ctx.linkedAssets)
      writeStaticPages(outDir, [accessibilityPage(), legalPage(), privacyPage()], publicSite.service)
      // Last, once every file is written: the policy hashes the pages' inline
      // scripts, and the compressed copies must match the final files.
      writeCsp(outDir, (rel) => fs.existsSync(path.join(space.root, rel)))
      await this.precompressor.finish(outDir)
      await oldOutput.removal()
      const errors = sink.all.filter((d) => d.severity === 'error').length
      const warnings = sink.all.length - errors
      // Every page is rendered: MathJax's thread has no more formulas to convert.
      const formulas = stopMathThread()
      console.log(
        `GitBook: ${space.pages.size} pages, ${n} redirects, ${ctx.linkedAssets.size} linked files` +
          `${formulas.converted ? `, ${formulas.converted} formula(s) converted on MathJax's thread (${formulas.early} before their page asked)` : ''}; ` +
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
