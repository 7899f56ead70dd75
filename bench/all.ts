// `npm run bench [-- options]`: the build bench with the options given
// (--sizes, --runs, …), then the search and page-weight benches. npm appends
// a script's arguments to its last command only, so the three benches run
// from here rather than joined with && in package.json.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const tsx = path.join(here, '../node_modules/.bin/tsx')
for (const [file, args] of [['build.bench.ts', process.argv.slice(2)], ['search.bench.ts', []], ['weight.bench.ts', []]] as const) {
  const r = spawnSync(tsx, [path.join(here, file), ...args], { stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
