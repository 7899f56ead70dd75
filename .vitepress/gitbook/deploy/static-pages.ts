// The pages the site adds to the space (« Plan du site », « Déclaration
// d'accessibilité », « Mentions légales », « Données personnelles ») are not
// Markdown of the space, which the build leaves untouched. They are written
// after the build into the chrome of the rendered home page (header, sidebar,
// footer, styles), as plain static pages: their scripts are removed, since
// the client router knows no such route and would replace them with the 404.
import fs from 'node:fs'
import path from 'node:path'
import { parseHTML } from '../html-dom'
import type { StaticPage } from '../public-pages'

/**
 * A function that puts a page inside the chrome of `templateHtml` (a rendered
 * doc page). The template is parsed and emptied once for all the pages: its
 * parsing was most of the time this step took.
 */
export function staticPageFrame(templateHtml: string, siteTitle: string): (page: StaticPage) => string {
  const { document } = parseHTML(templateHtml)
  // The router and the page chunks: this route is none of theirs.
  for (const el of document.querySelectorAll('script[type="module"], link[rel="modulepreload"]')) el.remove()
  for (const el of document.querySelectorAll('script:not([id])')) {
    if (/__VP_HASH_MAP__|__VP_SITE_DATA__/.test(el.textContent ?? '')) el.remove()
  }
  // What belonged to the template page: its outline, footer links, description.
  for (const el of document.querySelectorAll('.VPDoc .aside, .VPDocFooter, meta[name="description"], .VPLocalNav')) el.remove()
  for (const el of document.querySelectorAll('.VPSidebar .is-active')) el.classList.remove('is-active')
  const doc = document.querySelector('main .vp-doc')
  if (!doc) throw new Error('static pages: the home page has no main .vp-doc to put them in')
  return (page) => {
    document.title = `${page.title} | ${siteTitle}`
    doc.innerHTML = `<div>${page.html}</div>`
    return `<!DOCTYPE html>\n${document.documentElement.outerHTML}\n`
  }
}

/** Write each page at `<route>.html` of `outDir`, unless the space has a page there. */
export function writeStaticPages(outDir: string, pages: StaticPage[], siteTitle: string): string[] {
  const home = path.join(outDir, 'index.html')
  if (!fs.existsSync(home)) {
    console.warn('GitBook: the space has no home page (README.md) to frame the generated pages; they are not written')
    return []
  }
  const frame = staticPageFrame(fs.readFileSync(home, 'utf8'), siteTitle)
  const written: string[] = []
  for (const page of pages) {
    const file = path.join(outDir, `${page.route}.html`)
    if (fs.existsSync(file)) {
      console.warn(`GitBook: the space has a page at /${page.route}; the generated « ${page.title} » is not written`)
      continue
    }
    fs.writeFileSync(file, frame(page))
    written.push(page.route)
  }
  return written
}
