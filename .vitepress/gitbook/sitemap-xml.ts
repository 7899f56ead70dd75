// sitemap.xml for search engines: every page that is neither hidden nor
// noIndex, in SUMMARY.md order, at its absolute public URL, with the date of
// its last commit. Redirect pages are not pages of the space: never listed.
// VitePress's own `sitemap` option was not used: it streams the file after
// the build has started our buildEnd, which compresses every file, so the .gz
// copy could be cut short; and it cannot tell hidden pages.
// Without a public origin (--site-url) there is no sitemap.xml: the protocol
// requires absolute URLs, and guessing the host would publish wrong ones.
import fs from 'node:fs'
import path from 'node:path'
import { listedPages } from './reading-order'
import type { Space } from './space'
import { escapeHtml } from './tag/registry'
import { publicUrl } from './twins'
import { routeToUrl } from './urls'

export function sitemapXml(space: Space, base: string, siteUrl: string, dates: Map<string, number>): string {
  const urls = listedPages(space).map(({ page }) => {
    const date = dates.get(page.file)
    const lastmod = date ? `<lastmod>${new Date(date).toISOString().slice(0, 10)}</lastmod>` : ''
    return `  <url><loc>${escapeHtml(publicUrl(routeToUrl(page.route, base), siteUrl))}</loc>${lastmod}</url>`
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n')
}

export function writeSitemapXml(outDir: string, xml: string): void {
  fs.writeFileSync(path.join(outDir, 'sitemap.xml'), xml)
}
