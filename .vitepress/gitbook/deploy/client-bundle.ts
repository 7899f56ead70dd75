// The shape shared by the plugins that rework or hand on the built client
// files (unused-css.ts, lazy-css.ts, css-names.ts, precompress.ts): run at
// build time only, after Vite's own plugins, on the browser's bundle. VitePress
// builds a server bundle too, whose CSS and chunks no reader receives.
import type { OutputAsset, OutputBundle, PluginContext } from 'rollup'
import type { Plugin } from 'vite'

/** The stylesheets of a bundle whose text is at hand (a string `source`). */
export function stylesheets(bundle: OutputBundle): (OutputAsset & { source: string })[] {
  return Object.values(bundle).filter((f): f is OutputAsset & { source: string } => f.type === 'asset' && f.fileName.endsWith('.css') && typeof f.source === 'string')
}

/**
 * `hook` runs on the client bundle: when Rollup generates it (the default,
 * to rework its files) or, with `stage` `written`, once its files are on
 * disk in `dir`.
 */
export function clientBundlePlugin(
  name: string,
  hook: (this: PluginContext, bundle: OutputBundle, dir: string | undefined) => void,
  stage: 'generate' | 'written' = 'generate',
): Plugin {
  let ssr = false
  const run = function (this: PluginContext, options: { dir?: string }, bundle: OutputBundle) {
    if (!ssr) hook.call(this, bundle, options.dir)
  }
  return {
    name,
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      ssr = !!config.build.ssr
    },
    ...(stage === 'generate' ? { generateBundle: run } : { writeBundle: run }),
  }
}
