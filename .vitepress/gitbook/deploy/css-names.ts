// The stylesheet's file name from its final content. Vite names a CSS file
// from the CSS it bundled; unused-css.ts and lazy-css.ts change that content
// afterwards (a new page using a class brings back its rules), and a name that
// stays while the content changes is served from the browser's year-long
// cache (deploy/nginx.conf): the old rules, without the new ones.
import { createHash } from 'node:crypto'
import type { OutputChunk } from 'rollup'
import type { Plugin } from 'vite'
import { clientBundlePlugin, stylesheets } from './client-bundle'

/** `assets/style.AbCd1234.css` with the hash part replaced by one of `source`. */
export function contentName(fileName: string, source: string): string {
  const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8)
  return fileName.replace(/\.[\w-]{8}\.css$/, `.${hash}.css`)
}

/** Vite plugin, after every plugin that edits CSS: rename the page stylesheets. */
export function cssContentNamesPlugin(): Plugin {
  return clientBundlePlugin('gitbook:css-content-names', (bundle) => {
    const chunkNames = new Set(
      Object.values(bundle)
        .filter((f): f is OutputChunk => f.type === 'chunk')
        .map((c) => c.fileName.replace(/\.js$/, '')),
    )
    for (const sheet of stylesheets(bundle)) {
      // A lazy component's stylesheet keeps its chunk's name (lazy-css.ts).
      if (chunkNames.has(sheet.fileName.replace(/\.css$/, ''))) continue
      // Renamed in place: Rollup writes each file under its `fileName`,
      // and VitePress links the first stylesheet of the output, whose
      // order is the bundle's.
      sheet.fileName = contentName(sheet.fileName, sheet.source)
    }
  })
}
