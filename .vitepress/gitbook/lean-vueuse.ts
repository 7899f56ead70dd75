// The default theme's imports of @vueuse/core go to theme/vueuse-lean.ts,
// which re-exports VueUse but for a lighter useWindowScroll (see there). Only
// VitePress's own files are redirected; the module itself reaches the real
// package.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

export const LEAN_VUEUSE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../theme/vueuse-lean.ts')

export function leanVueusePlugin(): Plugin {
  return {
    name: 'gitbook:lean-vueuse',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== '@vueuse/core' || !importer?.includes('/vitepress/dist/client/')) return null
      return LEAN_VUEUSE
    },
  }
}
