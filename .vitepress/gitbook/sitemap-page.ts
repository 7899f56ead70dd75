// « Plan du site »: one page listing every page of the sidebar in SUMMARY.md
// order, as plain links. Each page's HTML only carries its own branch of the
// sidebar (theme/sidebar-branch.ts), so this is how a reader without
// JavaScript reaches every page. A static file, written at the end of the
// build and served by the dev server: it needs no Vue page of its own.
import fs from 'node:fs'
import path from 'node:path'
import type { DefaultTheme } from 'vitepress'
import type { Plugin } from 'vite'
import { escapeHtml } from './tag/registry'
import { isExternal } from './urls'

export const SITEMAP_ROUTE = 'plan-du-site'
export const SITEMAP_TITLE = 'Plan du site'

type Item = DefaultTheme.SidebarItem

function list(items: Item[], base: string): string {
  if (!items.length) return ''
  const li = items.map((item) => {
    // Sidebar texts are HTML already (escaped titles, icon SVG).
    const label = item.link
      ? `<a href="${escapeHtml(isExternal(item.link) ? item.link : base + item.link.replace(/^\//, ''))}">${item.text ?? ''}</a>`
      : `<strong>${item.text ?? ''}</strong>`
    return `<li>${label}${list(item.items ?? [], base)}</li>`
  })
  return `<ul>${li.join('')}</ul>`
}

export function sitemapHtml(sidebar: Item[], base: string, siteTitle: string): string {
  return `<!doctype html>
<html lang="fr-FR">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${SITEMAP_TITLE} | ${escapeHtml(siteTitle)}</title>
<style>
body { font: 16px/1.6 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #161616; }
a { color: #000091; } ul { padding-left: 1.25rem; } svg { width: 1em; height: 1em; vertical-align: -0.125em; }
</style>
</head>
<body>
<p><a href="${escapeHtml(base)}">${escapeHtml(siteTitle)}</a></p>
<main>
<h1>${SITEMAP_TITLE}</h1>
<nav aria-label="${SITEMAP_TITLE}">${list(sidebar, base)}</nav>
</main>
</body>
</html>
`
}

export function writeSitemap(outDir: string, html: string): void {
  fs.writeFileSync(path.join(outDir, `${SITEMAP_ROUTE}.html`), html)
}

/** The dev server answers the page's address as the built site will. */
export function sitemapDevPlugin(base: string, html: () => string): Plugin {
  const urls = new Set([`${base}${SITEMAP_ROUTE}`, `${base}${SITEMAP_ROUTE}.html`])
  return {
    name: 'gitbook:sitemap-page',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!urls.has((req.url ?? '').split('?')[0])) return next()
        res.setHeader('content-type', 'text/html; charset=utf-8')
        res.end(html())
      })
    },
  }
}
