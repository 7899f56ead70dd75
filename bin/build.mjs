// `npm run build` runs here, in a Node process without the TypeScript loader
// bin/gitbook.ts runs under: tsx's hooks see every module VitePress and Rollup
// load and turn on source maps for all of them, which cost about a third more
// CPU time and twice the memory of plain VitePress. VitePress compiles
// .vitepress/config.ts itself (esbuild), so nothing here needs tsx.
// Options arrive as GITBOOK_* environment variables, set by bin/gitbook.ts.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vitepress'

await build(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'))
