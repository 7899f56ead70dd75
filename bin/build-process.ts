// The Node process a build runs in: bin/build.mjs, free of tsx's module hooks,
// started by `npm run build` and `npm run pdf`.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * V8's garbage collector tuned for a build, which allocates gigabytes of
 * short-lived objects (Markdown tokens, HTML strings, Vue's server render):
 * - a young generation of 64 MB semi-spaces, not 16: fewer of those objects
 *   survive into the old generation, and the collector's share of the CPU
 *   time fell by a quarter on a 1,000-page space;
 * - the old generation grown by 25 % after each full collection, not by V8's
 *   default factor (up to 4× when allocation is fast): peak memory on that
 *   space fell from 1.5–1.8 GB to about 0.9 GB, for a few seconds of CPU.
 * Figures in bench/results.md.
 */
export const BUILD_NODE_FLAGS = ['--max-semi-space-size=64', '--heap-growing-percent=25']

/** Run bin/build.mjs with `env` (the GITBOOK_* options), its output on ours; returns its exit status. */
export function runBuild(env: NodeJS.ProcessEnv): number {
  const r = spawnSync(process.execPath, [...BUILD_NODE_FLAGS, path.join(ROOT, 'bin/build.mjs')], { stdio: 'inherit', env })
  return r.status ?? 1
}
