// The Node process a build runs in: bin/build.mjs, free of tsx's module hooks.
// `npm run build` starts it from package.json, with the same flags as here
// (a test checks that they agree); `npm run pdf`, the tests and the benches
// start it through this module.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * V8's old generation grown by 25 % after each full collection, not by its
 * default factor (up to 4× when allocation is fast, which a build's is:
 * Markdown tokens, HTML strings, Vue's server render). Most of the peak was
 * garbage waiting for a collection: on a generated 1,000-page space the peak
 * fell from 1.4–1.8 GB to about 0.8 GB (on docs/ it stays near 375 MB).
 * A larger young generation (`--max-semi-space-size=64`) was tried: it
 * raised docs/'s peak by 60 MB for a CPU gain lost in the noise.
 *
 * Growing by 25 % from V8's small first limit costs time, though: a build's
 * heap climbs from a few MB to about 200 MB while it loads, and with 25 %
 * steps that is ten full collections on docs/ (three with the default
 * factor), which showed as 0.5 s of wall time on docs/ and 1 s on 143
 * pages. The old generation therefore starts at 200 MB: the first full
 * collection comes when a small space's build is near its peak anyway (docs/
 * peaks at 364 MB, 143 pages at 441 MB, 1,000 pages at 769 MB).
 * Figures in bench/results.md.
 *
 * One V8 helper thread, not Node's default four. V8 gives its helpers the
 * garbage collector's parallel and concurrent work and the optimising
 * compiler; on the two cores of a CI machine, four of them beside the main
 * thread, Vite's esbuild and the build's own threads were more threads than
 * cores, and the main thread, which every step waits for, lost its core to
 * them: its CPU time was the same as plain VitePress's, its wall time 0.6 s
 * longer. With one helper, the 145-page bench space took 6.9 → 6.2 s and the
 * 1,009-page one 22.2 → 21.4 s, at the same peak memory (alternating builds).
 * A machine with more cores may do better with more helpers: the figure is
 * this flag.
 */
export const BUILD_NODE_FLAGS = ['--heap-growing-percent=25', '--initial-old-space-size=200', '--v8-pool-size=1']

/** Node's arguments for a build, as `npm run build -- …args` gives them. */
export function buildArgs(args: string[] = []): string[] {
  return [...BUILD_NODE_FLAGS, path.join(ROOT, 'bin/build.mjs'), ...args]
}

/** Run bin/build.mjs with `env` (the GITBOOK_* options), its output on ours; returns its exit status. */
export function runBuild(env: NodeJS.ProcessEnv): number {
  const r = spawnSync(process.execPath, buildArgs(), { stdio: 'inherit', env })
  return r.status ?? 1
}
