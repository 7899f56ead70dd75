// VitePress 1.6 writes 404.html with an empty `#app`, filled in by the
// browser. A reader without JavaScript (and nginx's answer to an unknown
// path) would get a blank page: the French message and the ways back are
// added in a <noscript>, which the running site never shows.
import fs from 'node:fs'
import path from 'node:path'
import { fr } from '../theme/i18n/fr'
import { escapeHtml } from './tag/registry'

export function writeNotFoundFallback(outDir: string, base: string): void {
  const file = path.join(outDir, '404.html')
  if (!fs.existsSync(file)) return
  const html = fs.readFileSync(file, 'utf8')
  if (html.includes('gb-not-found')) return
  const t = fr.notFound
  const fallback =
    `<noscript><main class="gb-not-found"><p>${escapeHtml(t.code)}</p><h1>${escapeHtml(t.title)}</h1>` +
    `<p>${escapeHtml(t.quote)}</p><p><a href="${escapeHtml(base)}">${escapeHtml(t.linkText)}</a> · ` +
    `<a href="${escapeHtml(base)}plan-du-site">Plan du site</a></p></main></noscript>`
  fs.writeFileSync(file, html.replace('<div id="app"></div>', `<div id="app"></div>${fallback}`))
}
