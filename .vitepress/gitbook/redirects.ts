// Redirect pages for old URLs: a static HTML page per old path that forwards
// (keeping the #anchor) and shows a link for readers without JavaScript.
import fs from 'node:fs'
import path from 'node:path'
import type { Redirect } from './space'
import { routeToUrl } from './urls'
import { escapeHtml } from './tag/registry'

/** Output file for an old route: `a/b/` → `a/b/index.html`, `a/b` → `a/b.html`. */
export function redirectFile(route: string): string {
  return route === '' || route.endsWith('/') ? `${route}index.html` : `${route}.html`
}

export function redirectHtml(target: string): string {
  const t = escapeHtml(target)
  const js = JSON.stringify(target).replace(/</g, '\\u003c')
  return `<!doctype html>
<html lang="fr-FR">
<head>
<meta charset="utf-8">
<title>Page déplacée</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${t}">
<meta http-equiv="refresh" content="0; url=${t}">
<script>location.replace(${js} + location.search + location.hash)</script>
</head>
<body>
<p>Cette page a changé d’adresse : <a href="${t}">${t}</a>.</p>
</body>
</html>
`
}

/** Write one forwarding page per redirect; never over a page the build made. */
export function writeRedirects(outDir: string, base: string, redirects: Redirect[]): number {
  let n = 0
  for (const r of redirects) {
    const file = path.join(outDir, redirectFile(r.from))
    if (fs.existsSync(file)) continue
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, redirectHtml(routeToUrl(r.to, base)))
    n++
  }
  return n
}
