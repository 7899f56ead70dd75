// Dev server: VitePress's local search indexes every page before the server
// listens (its configureServer awaits the scan), rendering each page with our
// engine: on a 1,000-page space, seconds before the first page can answer,
// for an index the browser asks for only when the search box opens. Here the
// scan waits: it starts when the index is asked for, or once the server has
// been quiet for a while after serving a page's module, whichever comes
// first. Not sooner: on a busy machine the browser loading the first page
// leaves gaps of seconds, and a scan started then (or during an author's
// first edits) takes the CPU they wait for. The build is untouched (apply: 'serve').
import type { Plugin, ViteDevServer } from 'vite'

/** The index module VitePress's search box imports (`/@localSearchIndex…`). */
const INDEX_PATH = '/@localSearchIndex'
const SEARCH_PLUGIN = 'vitepress:local-search'
/** Quiet time after the last request, once a page was served, before the scan starts on its own. */
const QUIET_MS = 10_000

type Hook<T> = T | { handler: T }
type ConfigureServer = (server: ViteDevServer) => unknown
type Load = (this: unknown, id: string, ...rest: unknown[]) => unknown
type HotUpdate = (this: unknown, ...args: unknown[]) => unknown

const handler = <T>(hook: Hook<T>): T => (typeof hook === 'object' && hook && 'handler' in hook ? hook.handler : (hook as T))

export function deferredSearchIndexPlugin(quietMs = QUIET_MS): Plugin {
  let scan: (() => Promise<unknown>) | undefined
  let scanned: Promise<unknown> | undefined
  const startScan = () => (scanned ??= scan ? scan() : Promise.resolve())
  return {
    name: 'gitbook:deferred-search-index',
    apply: 'serve',
    configResolved(config) {
      const search = config.plugins.find((p) => p.name === SEARCH_PLUGIN)
      if (!search?.configureServer) return
      // Hooks are read when Vite first runs them, after configResolved: the
      // search plugin's own are replaced here, before the server starts.
      const configure = handler(search.configureServer as Hook<ConfigureServer>)
      const load = search.load && handler(search.load as Hook<Load>)
      const hot = search.handleHotUpdate && handler(search.handleHotUpdate as Hook<HotUpdate>)
      const s = search as { configureServer: ConfigureServer; load?: Load; handleHotUpdate?: HotUpdate }
      s.configureServer = (server) => {
        // The original scans, then tells an open search box to reload the index.
        scan = async () => configure.call(search, server)
        let timer: NodeJS.Timeout | undefined
        let pageServed = false
        server.middlewares.use((req, _res, next) => {
          clearTimeout(timer)
          // A page's Vue module (`/x.md?import&t=…`): the reader has a page.
          pageServed ||= /\.md\?/.test(req.url ?? '')
          if (pageServed && !scanned) timer = setTimeout(startScan, quietMs)
          next()
        })
        server.httpServer?.once('close', () => clearTimeout(timer))
      }
      if (load) {
        s.load = async function (id, ...rest) {
          if (id.startsWith(INDEX_PATH)) await startScan()
          return load.call(this, id, ...rest)
        }
      }
      // An edit before the scan changes nothing: the scan reads the file as it is then.
      if (hot) s.handleHotUpdate = function (...args) { if (scanned) return hot.apply(this, args) }
    },
  }
}
