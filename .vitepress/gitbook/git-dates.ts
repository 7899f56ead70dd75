// Last-updated dates of every file of a space from ONE `git log`, instead of
// VitePress's one `git log -1 <file>` per page (a process per page: seconds on
// a 100-page space, minutes on thousands).
import { spawnSync } from 'node:child_process'

const MARK = '\u0001'

/**
 * Path (relative to `dir`, `/`-separated) → Unix time in milliseconds of the
 * newest commit touching it, by author date like VitePress (`%ai`). Files never
 * committed are absent; outside a git repository (or without git) the map is
 * empty and pages simply show no date.
 */
export function gitDates(dir: string): Map<string, number> {
  const dates = new Map<string, number>()
  // --relative: paths relative to `dir`, changes outside it left out.
  // core.quotepath=off: accented file names come out as written, not octal-escaped.
  const r = spawnSync('git', ['-c', 'core.quotepath=off', 'log', '--relative', `--format=${MARK}%at`, '--name-only', '--no-renames', '--', '.'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  })
  if (r.status !== 0 || !r.stdout) return dates
  let time = 0
  for (const line of r.stdout.split('\n')) {
    if (line.startsWith(MARK)) time = Number(line.slice(1)) * 1000
    // Newest commits come first: the first time a file shows is its date.
    else if (line && !dates.has(line)) dates.set(line, time)
  }
  return dates
}
