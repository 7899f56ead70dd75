// What a page tells search engines and link previews, in its <head>: its
// canonical URL and OpenGraph card (title, description, URL, type, French
// locale, site name), and where its Markdown twin is. `robots` noindex for
// `noIndex` pages is set with the front matter (frontmatter.ts).
import type { HeadConfig } from 'vitepress'
import type { PageInfo } from './space'
import { hasTwin, publicUrl, twinFile } from './twins'
import { routeToUrl } from './urls'

export interface PageMetaInput {
  /** The page of the space, undefined for pages the build adds (404). */
  page?: PageInfo
  title: string
  description: string
  siteName: string
  base: string
  siteUrl?: string
}

export function pageMeta(m: PageMetaInput): HeadConfig[] {
  if (!m.page) return []
  const url = m.siteUrl ? publicUrl(routeToUrl(m.page.route, m.base), m.siteUrl) : undefined
  const og = (property: string, content: string): HeadConfig => ['meta', { property, content }]
  const head: HeadConfig[] = [
    og('og:title', m.title),
    og('og:description', m.description),
    og('og:type', m.page.route === '' ? 'website' : 'article'),
    og('og:locale', 'fr_FR'),
    og('og:site_name', m.siteName),
  ]
  if (url) head.unshift(['link', { rel: 'canonical', href: url }], og('og:url', url))
  if (hasTwin(m.page)) {
    head.push(['link', { rel: 'alternate', type: 'text/markdown', href: publicUrl(routeToUrl(twinFile(m.page), m.base), m.siteUrl) }])
  }
  return head
}
