// Everything the VitePress config needs for one GitBook space, from the
// options the command line passes in the environment (bin/gitbook.ts).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeCsp } from './deploy/csp'
import { precompress } from './deploy/precompress'
import { writeStaticPages } from './deploy/static-pages'
import { accessibilityPage, legalPage, privacyPage, publicSite } from './public-pages'
import { sitemapHtml, SITEMAP_ROUTE } from './sitemap-page'
import { DiagnosticSink } from './diagnostics'
import type { GitbookContext } from './env'
import { writeRedirects } from './redirects'
import { buildSidebar } from './sidebar'
import { addRedirects, loadSpace, movedPages, spaceRewrites, type Space } from './space'
import { normalizeBase } from './urls'

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

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
}

/** Options from `GITBOOK_SRC`, `GITBOOK_OUT`, `GITBOOK_BASE` (or `BASE`), `GITBOOK_FALLBACK_URL`, `GITBOOK_PREVIOUS`. */
export function siteOptions(env = process.env): SiteOptions {
  return {
    src: path.resolve(PROJECT_ROOT, env.GITBOOK_SRC || 'docs'),
    out: path.resolve(PROJECT_ROOT, env.GITBOOK_OUT || '.vitepress/dist'),
    base: normalizeBase(env.GITBOOK_BASE || env.BASE),
    fallbackUrl: env.GITBOOK_FALLBACK_URL || undefined,
    previous: env.GITBOOK_PREVIOUS ? path.resolve(PROJECT_ROOT, env.GITBOOK_PREVIOUS) : undefined,
  }
}

export interface Site {
  options: SiteOptions
  space: Space
  ctx: GitbookContext
  sink: DiagnosticSink
  rewrites: Record<string, string>
  sidebar: ReturnType<typeof buildSidebar>
  /** Files VitePress must not treat as pages. */
  srcExclude: string[]
  buildEnd(outDir: string): void
}

export function loadSite(options = siteOptions()): Site {
  const sink = new DiagnosticSink()
  if (!fs.existsSync(options.src)) throw new Error(`GitBook space not found: ${options.src}`)
  const space = loadSpace(options.src)
  if (options.previous) addRedirects(space, movedPages(loadSpace(options.previous), space))
  for (const d of space.diagnostics) sink.add(d)
  const ctx: GitbookContext = { space, sink, linkedAssets: new Set(), fallbackUrl: options.fallbackUrl }
  const sidebar = buildSidebar(space)
  return {
    options,
    space,
    ctx,
    sink,
    rewrites: spaceRewrites(space),
    sidebar,
    srcExclude: [space.summaryFile, '**/.gitbook/**', '**/node_modules/**'],
    buildEnd(outDir: string) {
      const n = writeRedirects(outDir, options.base, space.redirects)
      for (const abs of ctx.linkedAssets) {
        const dest = path.join(outDir, path.relative(space.root, abs))
        fs.mkdirSync(path.dirname(dest), { recursive: true })
        fs.copyFileSync(abs, dest)
      }
      const sitemap = { route: SITEMAP_ROUTE, title: 'Plan du site', html: sitemapHtml(sidebar, options.base) }
      writeStaticPages(outDir, [sitemap, accessibilityPage(), legalPage(), privacyPage()], publicSite.service)
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
