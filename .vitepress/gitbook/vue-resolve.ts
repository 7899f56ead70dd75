// Vue for the pages of a space outside the project (`--src /elsewhere`): a
// compiled page imports `vue` and `vue/server-renderer`, which Node cannot find
// from the page's folder. They are resolved as if imported from the project.
//
// Not a `resolve.alias` to Vue's files: an alias turns the bare `vue` into a
// file path, which Vite can no longer keep external in the SSR bundle, so
// Rollup bundled a 1.3 MB copy of Vue and its server renderer on every build.
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Plugin } from 'vite'

const VUE = /^vue(\/|$)/

export function vueFromProject(projectRoot: string): Plugin {
  const anchor = path.join(projectRoot, 'package.json')
  const outside = (file: string) => path.relative(projectRoot, file).startsWith('..')
  return {
    name: 'gitbook:vue-from-project',
    enforce: 'pre',
    resolveId(source, importer, options) {
      if (!VUE.test(source) || !importer || !path.isAbsolute(importer) || !outside(importer)) return null
      return this.resolve(source, anchor, { ...options, skipSelf: true })
    },
  }
}

/**
 * Kept external in the SSR bundle whatever the space's folder: Vite checks
 * externals from its root, which is the space, where Vue cannot be found.
 */
export const SSR_EXTERNAL = ['vue', 'vue/server-renderer']

/**
 * Vue's single-file-component compiler for @vitejs/plugin-vue (VitePress's
 * `vue.compiler`), taken as the package itself rather than through
 * `vue/compiler-sfc`, whose entry also registers TypeScript. The compiler
 * then loaded TypeScript (9 MB of JavaScript, about 0.3 s of every build) to
 * resolve types imported in VitePress's components, and the built site came
 * out the same without it: a test compiles every component of the theme and
 * of VitePress both ways and requires the same code.
 */
export const sfcCompiler = createRequire(import.meta.url)('@vue/compiler-sfc') as typeof import('vue/compiler-sfc')
