// One temporary folder per build process. VitePress writes the server bundle
// of every build to `.vitepress/.temp` and deletes it at the end: two builds
// started from one checkout (two spaces built side by side in CI, a bench next
// to the tests) overwrote and deleted each other's files, and one of them died
// with ERR_MODULE_NOT_FOUND. The folder stays under `.vitepress/`, so the
// bundle still finds `vue` in the project's node_modules.
import path from 'node:path'
import type { Plugin } from 'vite'

export function ownTempDir(): Plugin {
  return {
    name: 'gitbook:own-temp-dir',
    // VitePress hands its site config to Vite as `vitepress`, and reads
    // `tempDir` from that same object for the server bundle (configured after
    // the client bundle), for rendering and for the final clean-up.
    config(config) {
      const site = (config as { vitepress?: { tempDir: string } }).vitepress
      if (!site || path.basename(site.tempDir) !== '.temp') return
      const shared = site.tempDir
      site.tempDir = path.join(path.dirname(shared), `.temp-${process.pid}`)
      // A server bundle configured before this hook ran (mpa mode) moves too.
      if (config.build?.outDir === shared) config.build.outDir = site.tempDir
    },
  }
}
