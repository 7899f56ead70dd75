// « Plan du site », the page every French public site links from its footer
// (RGAA 12.1): every published page, in the order and groups of SUMMARY.md,
// from the very sidebar the site shows.
import type { DefaultTheme } from 'vitepress'
import { isExternal } from './urls'

export const SITEMAP_ROUTE = 'plan-du-site'

function href(link: string, base: string): string {
  if (isExternal(link)) return link
  return encodeURI(base + link.replace(/^\//, ''))
}

function list(items: DefaultTheme.SidebarItem[], base: string): string {
  const li = items.map((item) => {
    // Sidebar texts are HTML already (escaped titles, icons).
    const label = item.link ? `<a href="${href(item.link, base)}">${item.text ?? ''}</a>` : `<span>${item.text ?? ''}</span>`
    return `<li>${label}${item.items?.length ? list(item.items, base) : ''}</li>`
  })
  return `<ul>${li.join('')}</ul>`
}

/** The body of the page: one list per SUMMARY.md group, nested as the sidebar is. */
export function sitemapHtml(sidebar: DefaultTheme.SidebarItem[], base: string): string {
  const parts = ['<h1 id="plan-du-site" tabindex="-1">Plan du site</h1>']
  const loose: DefaultTheme.SidebarItem[] = []
  const flush = () => {
    if (loose.length) parts.push(list(loose.splice(0), base))
  }
  for (const item of sidebar) {
    if (!item.link && item.items) {
      flush()
      parts.push(`<h2>${item.text ?? ''}</h2>`, list(item.items, base))
    } else loose.push(item)
  }
  flush()
  return parts.join('\n')
}
