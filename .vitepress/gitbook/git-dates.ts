// Last-updated dates of every file of a space from ONE `git log`, instead of
// VitePress's one `git log -1 <file>` per page (a process per page: seconds on
// a 100-page space, minutes on thousands).
import { execFile } from 'node:child_process'

const MARK = '\u0001'

/**
 * Path (relative to `dir`, `/`-separated) → Unix time in milliseconds of the
 * newest commit touching it, by author date like VitePress (`%ai`). Files never
 * committed are absent; outside a git repository (or without git) the map is
 * empty and pages simply show no date. Asynchronous: git runs while the
 * configuration loads, and the first page waits for it.
 */
export function gitDates(dir: string): Promise<Map<string, number>> {
  // --relative: paths relative to `dir`, changes outside it left out.
  // core.quotepath=off: accented file names come out as written, not octal-escaped.
  const args = ['-c', 'core.quotepath=off', 'log', '--relative', `--format=${MARK}%at`, '--name-only', '--no-renames', '--', '.']
  return new Promise((resolve) => {
    execFile('git', args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 }, (error, stdout) => {
      resolve(error || !stdout ? new Map() : parseDates(stdout))
    })
  })
}

function parseDates(out: string): Map<string, number> {
  const dates = new Map<string, number>()
  let time = 0
  for (const line of out.split('\n')) {
    if (line.startsWith(MARK)) time = Number(line.slice(1)) * 1000
    // Newest commits come first: the first time a file shows is its date.
    else if (line && !dates.has(line)) dates.set(line, time)
  }
  return dates
}
