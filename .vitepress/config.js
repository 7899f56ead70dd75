// @ts-check
// VitePress reads this file, not config.ts: it looks for config.js first.
// The site's configuration is config.ts; this file only loads it, compiled
// with the engine into one module by config-bundle.mjs (and reused while
// their sources are unchanged), instead of by Vite's slower config loader.
import { bundleConfig } from './config-bundle.mjs'

const { url } = await bundleConfig()
export default (await import(url)).default
