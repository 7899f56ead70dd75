// `npm run build -- [options]` runs here: plain Node, no TypeScript loader.
// Under tsx's hooks (bin/gitbook.ts) every module VitePress and Rollup load
// goes through the loader with source maps on, which cost about a third more
// CPU time and twice the memory of plain VitePress; and starting tsx alone
// takes 0.3 s. .vitepress/config.js compiles config.ts and the engine with
// esbuild (config-bundle.mjs), so nothing here needs tsx.
// Options come from the command line (bin/options.mjs) or, when another
// command starts the build (`npm run pdf`), as GITBOOK_* environment variables.
// The V8 flags this process runs with are in package.json's `build` script
// and in bin/build-process.ts (BUILD_NODE_FLAGS, which explains them).
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { applyOptionsOrExit, USAGE } from './options.mjs'

const { command } = applyOptionsOrExit(process.argv.slice(2))
if (command) {
  console.error(`npm run build takes options, not « ${command} »\n${USAGE}`)
  process.exit(2)
}
// The engine starts the git history walk as the configuration loads (site.ts).
process.env.GITBOOK_BUILD = '1'
const { build } = await import('vitepress')
await build(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'))
