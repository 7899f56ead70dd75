// Wiring only: the GitBook space, its URLs and sidebar come from ./gitbook/site.
import { defineConfig } from 'vitepress'
import { cssContentNamesPlugin } from './gitbook/deploy/css-names'
import { lazyCssPlugin } from './gitbook/deploy/lazy-css'
import { unusedCssPlugin } from './gitbook/deploy/unused-css'
import { precompressPlugin } from './gitbook/deploy/precompress'
import { markdownOptions } from './gitbook/markdown'
import { unusedPartsAliases } from './gitbook/unused-parts'
import { themePatchesPlugin } from './gitbook/theme-patches'
import { sidebarServerPlugin } from './gitbook/sidebar-server-plugin'
import { leanVueusePlugin } from './gitbook/lean-vueuse'
import { dropBuildOnlyData } from './gitbook/page-data'
import { publicSite } from './gitbook/public-pages'
import { frenchSearch } from './gitbook/search'
import { loadSite, PROJECT_ROOT } from './gitbook/site'
import { sitemapDevPlugin } from './gitbook/sitemap-page'
import { pageMeta } from './gitbook/page-meta'
import { twinsDevPlugin } from './gitbook/twins'
import { deferredSearchIndexPlugin } from './gitbook/dev-search'
import { fr } from './theme/i18n/fr'
import { translateThemePlugin } from './theme/i18n/untranslated'
import { ownTempDir } from './gitbook/build-temp'
import { sfcCompiler, SSR_EXTERNAL, vueFromProject } from './gitbook/vue-resolve'
import { isCustomElement } from './gitbook/transforms/vue-safety'

const site = loadSite()
const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%23000091'/%3E%3C/svg%3E"

// What the footer shows on every page; the rest of public-pages.ts stays on
// its own pages (every page carries the theme config).
const footerData = {
  publicSite: {
    service: publicSite.service,
    publisher: publicSite.publisher,
    ministry: publicSite.ministry,
    status: publicSite.accessibility.status,
  },
}

export default defineConfig({
  lang: 'fr-FR',
  title: publicSite.service,
  description: publicSite.tagline,
  srcDir: site.space.root,
  outDir: site.options.out,
  cacheDir: `${PROJECT_ROOT}/.vitepress/cache`,
  base: site.options.base,
  cleanUrls: true,
  // The State's header is taller than VitePress's: an anchor scrolls the
  // heading below the header and the local outline bar, whatever their height.
  scrollOffset: { selector: ['.VPNav', '.VPLocalNav'], padding: 24 },
  // Dates come from one `git log` for the whole space (site.dates), not from
  // VitePress's one git process per page.
  lastUpdated: false,
  async transformPageData(pageData) {
    const fm = pageData.frontmatter
    // Written into <meta> as text: `description: 42` or a list stopped the build.
    if (fm.description != null && typeof fm.description !== 'string') fm.description = String(fm.description)
    if (pageData.description != null && typeof pageData.description !== 'string') pageData.description = String(pageData.description)
    // Previous/next from the full sidebar: the page's HTML only has its branch.
    const pager = site.pager(pageData.relativePath)
    if (fm.prev === undefined) fm.prev = pager.prev ?? false
    if (fm.next === undefined) fm.next = pager.next ?? false
    // Set here, whatever the author wrote: the page's own trail and twin only.
    fm.gitbookBreadcrumbs = site.breadcrumbs(pageData.filePath)
    fm.gitbookTwin = site.twinLink(pageData.filePath) ?? false
    if (fm.lastUpdated !== false) {
      const date = fm.lastUpdated instanceof Date ? +fm.lastUpdated : (await site.dates).get(pageData.filePath)
      if (date) pageData.lastUpdated = date
    }
    dropBuildOnlyData(pageData)
  },
  transformHead: ({ pageData, title, description }) =>
    pageMeta({
      page: site.space.pages.get(pageData.filePath),
      title: pageData.title || title,
      description,
      siteName: publicSite.service,
      base: site.options.base,
      siteUrl: site.options.siteUrl,
    }),
  // The page map and the site data (with the full sidebar) in one shared,
  // hashed chunk, not inlined in every page: per-page output stays flat.
  metaChunk: true,
  // Dead links are reported by our own link rule with file and line; a space
  // is never refused for what it lacks.
  ignoreDeadLinks: true,
  srcExclude: site.srcExclude,
  // A function, not the object form: VitePress reads object keys as
  // path-to-regexp patterns, matched without case (`Casse.md` would also take
  // `casse.md`) and with `:x` or `(` in a file name read as syntax.
  rewrites: (page: string) => site.rewrites[page] ?? page,
  markdown: markdownOptions(site.ctx),
  head: [
    ['meta', { name: 'theme-color', content: '#000091' }],
    // Inline icon: the browser asks no server for /favicon.ico, whatever the base.
    ['link', { rel: 'icon', href: FAVICON }],
  ],
  themeConfig: {
    ...fr,
    sidebar: site.sidebar,
    search: frenchSearch(site.space),
    socialLinks: [],
    // « Modifier cette page », only when the repository is configured (--edit-url).
    ...(site.options.editUrl ? { editLink: { pattern: site.options.editUrl, text: 'Modifier cette page' } } : {}),
    ...footerData,
  },
  vite: {
    plugins: [
      ownTempDir(),
      translateThemePlugin(),
      vueFromProject(PROJECT_ROOT),
      sitemapDevPlugin(site.options.base, site.sitemapHtml),
      twinsDevPlugin(site.space, { base: site.options.base, siteUrl: site.options.siteUrl }),
      deferredSearchIndexPlugin(),
      unusedCssPlugin(['gb-placeholder'], [
        // Algolia's search dialog and its own dark mode: VitePress's search
        // button looks for `.DocSearch-Modal` by name, but with local search
        // it never exists, and VitePress marks dark mode with `.dark`.
        /\.DocSearch-Modal\b/,
        /\[data-theme[=\]]/,
        // « Modifier cette page » only with --edit-url (themeConfig.editLink).
        ...(site.options.editUrl ? [] : [/\.edit-link\b/, /\.vpi-square-pen\b/]),
      ]),
      // After unused-css: splits what is left.
      lazyCssPlugin(['gb-placeholder']),
      // Last of the three: names the stylesheet after what it now holds.
      cssContentNamesPlugin(),
      themePatchesPlugin(),
      sidebarServerPlugin(),
      leanVueusePlugin(),
      precompressPlugin(site.precompressor),
      site.buildStepsPlugin(),
      site.oldOutputPlugin,
    ],
    ssr: { external: SSR_EXTERNAL },
    // Neither the theme nor the pages use Vue's Options API (data, methods…):
    // without it the framework chunk every page loads is smaller.
    define: { __VUE_OPTIONS_API__: 'false' },
    build: {
      // Images referenced by the CSS (the Marianne block) stay files, cached
      // once for all pages, rather than data: URLs inside the stylesheet.
      assetsInlineLimit: (file: string) => (file.endsWith('.svg') ? false : undefined),
    },
    resolve: { alias: unusedPartsAliases() },
    // A space's public/ folder is a folder of the space: Vite would publish
    // every file in it as it is (an HTML page with its scripts, allowed by the
    // CSP's hashes), past the sanitizer. Pages link to their files instead.
    publicDir: false,
    server: { fs: { allow: [PROJECT_ROOT, site.space.dir] } },
  },
  vue: {
    compiler: sfcCompiler,
    // Only relative URLs (`./x.png`) become imports, as Vue's own default:
    // @vitejs/plugin-vue also imports root-absolute and bare ones in a build,
    // so `srcset="/tool.js 2x"` ran a file, and `/etc/hostname?raw` published
    // one. The images rule gives every image of the space a relative source.
    // MathJax's elements are elements, not components (VitePress sets this
    // with its own `markdown.math`, which the site leaves off: math-tex.ts).
    template: { transformAssetUrls: { includeAbsolute: false }, compilerOptions: { isCustomElement } },
  },
  // Each page's compressed copy is made as the page is rendered; VitePress
  // writes the HTML unchanged (nothing is returned).
  transformHtml: (html, file) => site.precompressor.add(file, html),
  buildEnd: (config) => site.buildEnd(config.outDir),
})
