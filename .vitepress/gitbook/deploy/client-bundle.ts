// The shape shared by the plugins that rework the built client files
// (unused-css.ts, lazy-css.ts, css-names.ts): run at build time only, after
// Vite's own plugins, on the browser's bundle. VitePress builds a server
// bundle too, whose CSS and chunks no reader receives.
import type { OutputBundle, PluginContext } from 'rollup'
import type { Plugin } from 'vite'

export function clientBundlePlugin(name: string, generateBundle: (this: PluginContext, bundle: OutputBundle) => void): Plugin {
  let ssr = false
  return {
    name,
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      ssr = !!config.build.ssr
    },
    generateBundle(_options, bundle) {
      if (!ssr) generateBundle.call(this, bundle)
    },
  }
}
