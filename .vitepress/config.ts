// Wiring only: the GitBook space, its URLs and sidebar come from ./gitbook/site.
import { createRequire } from 'node:module'
import { defineConfig } from 'vitepress'
import { unusedCssPlugin } from './gitbook/deploy/unused-css'
import { markdownOptions } from './gitbook/markdown'
import { unusedPartsAliases } from './gitbook/unused-parts'
import { publicSite } from './gitbook/public-pages'
import { frenchSearch } from './gitbook/search'
import { loadSite, PROJECT_ROOT } from './gitbook/site'
import { fr } from './theme/i18n/fr'
import { translateThemePlugin } from './theme/i18n/untranslated'

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
const require = createRequire(import.meta.url)

export default defineConfig({
  lang: 'fr-FR',
  title: publicSite.service,
  description: publicSite.tagline,
  srcDir: site.space.root,
  outDir: site.options.out,
  cacheDir: `${PROJECT_ROOT}/.vitepress/cache`,
  base: site.options.base,
  cleanUrls: true,
  lastUpdated: true,
  // Dead links are reported by our own link rule with file and line; a space
  // is never refused for what it lacks.
  ignoreDeadLinks: true,
  srcExclude: site.srcExclude,
  rewrites: site.rewrites,
  markdown: markdownOptions(site.ctx),
  head: [
    ['meta', { name: 'theme-color', content: '#000091' }],
    // Inline icon: the browser asks no server for /favicon.ico, whatever the base.
    ['link', { rel: 'icon', href: FAVICON }],
  ],
  themeConfig: {
    ...fr,
    sidebar: site.sidebar,
    search: frenchSearch,
    socialLinks: [],
    ...footerData,
  },
  vite: {
    plugins: [translateThemePlugin(), unusedCssPlugin(['gb-placeholder'])],
    // Neither the theme nor the pages use Vue's Options API (data, methods…):
    // without it the framework chunk every page loads is smaller.
    define: { __VUE_OPTIONS_API__: 'false' },
    build: {
      // Images referenced by the CSS (the Marianne block) stay files, cached
      // once for all pages, rather than data: URLs inside the stylesheet.
      assetsInlineLimit: (file: string) => (file.endsWith('.svg') ? false : undefined),
    },
    resolve: {
      // A space outside the project: resolve Vue from here, not from the page's folder.
      alias: [
        { find: /^vue$/, replacement: require.resolve('vue/dist/vue.runtime.esm-bundler.js') },
        { find: /^vue\/server-renderer$/, replacement: require.resolve('vue/server-renderer') },
        ...unusedPartsAliases(),
      ],
    },
    server: { fs: { allow: [PROJECT_ROOT, site.space.dir] } },
  },
  buildEnd: (config) => site.buildEnd(config.outDir),
})
