// The server bundle renders the sidebar's entries with theme/sidebar-server.ts
// (one string per group) instead of VitePress's VPSidebarItem (one component
// per entry); the browser keeps VitePress's component. GITBOOK_VUE_SIDEBAR=1
// keeps VitePress's component on the server too: the tests build both ways
// and compare the HTML.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

const SIDEBAR_SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../theme/sidebar-server.ts')

export function sidebarServerPlugin(): Plugin {
  return {
    name: 'gitbook:sidebar-server',
    enforce: 'pre',
    resolveId(source, importer, options) {
      if (process.env.GITBOOK_VUE_SIDEBAR === '1' || !options?.ssr) return null
      // Only the group's import: the real component stays importable (sidebar-server.ts reads its style scope).
      if (!source.endsWith('/VPSidebarItem.vue') || !importer?.split('?')[0].endsWith('/VPSidebarGroup.vue')) return null
      return SIDEBAR_SERVER
    },
  }
}
