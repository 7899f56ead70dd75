// Wiring only: the GitBook space, its URLs and sidebar come from ./gitbook/site.
import { createRequire } from 'node:module'
import { defineConfig } from 'vitepress'
import { markdownOptions } from './gitbook/markdown'
import { frenchSearch } from './gitbook/search'
import { loadSite, PROJECT_ROOT } from './gitbook/site'
import { fr } from './theme/i18n/fr'
import { translateThemePlugin } from './theme/i18n/untranslated'

const site = loadSite()
const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%23000091'/%3E%3C/svg%3E"
const require = createRequire(import.meta.url)

export default defineConfig({
  lang: 'fr-FR',
  title: 'Ressources DNUM',
  description: 'Le manuel produit de la direction du numérique',
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
  },
  vite: {
    plugins: [translateThemePlugin()],
    resolve: {
      // A space outside the project: resolve Vue from here, not from the page's folder.
      alias: [
        { find: /^vue$/, replacement: require.resolve('vue/dist/vue.runtime.esm-bundler.js') },
        { find: /^vue\/server-renderer$/, replacement: require.resolve('vue/server-renderer') },
      ],
    },
    server: { fs: { allow: [PROJECT_ROOT, site.space.dir] } },
  },
  buildEnd: (config) => site.buildEnd(config.outDir),
})
