// The previous build's output, moved aside as the configuration loads and
// deleted in the background. Vite empties the output folder on the main
// thread, one synchronous `unlink` per file, in the middle of the build: the
// site's compressed copies double the files, and on the 145-page bench space
// that was 0.24 s of the main thread (plain VitePress: 0.14 s). Renaming the
// folder's entries costs one call each, and Vite finds an empty folder.
//
// The deletion runs in `rm` at the lowest priority (`nice`), so it takes
// only the CPU the build leaves idle. Not `fs.promises.rm`: its thousands of
// unlinks queue on libuv's four threads, which every asynchronous file read
// of Vite and Rollup waits for, and on the 1,000-page space the main thread
// sat idle for 2 s at the start of bundling. Where there is no `nice` or
// `rm`, a thread of its own deletes the folder.
import fs from 'node:fs'
import path from 'node:path'
import { spawn } from 'node:child_process'
import { Worker } from 'node:worker_threads'

/** The fallback thread's code: one synchronous removal, off the main thread and off libuv's pool. */
const REMOVE = "const { workerData } = require('node:worker_threads'); require('node:fs').rmSync(workerData, { recursive: true, force: true })"

/** Kept in place, as Vite keeps it: an output folder that is a git checkout (a `gh-pages` branch). */
const KEPT = new Set(['.git'])

const inside = (dir: string, p: string) => {
  const rel = path.relative(dir, p)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/**
 * Moves the entries of `out` into a new folder beside it and starts deleting
 * that folder. Returns the deletion, or undefined when nothing was moved: no
 * previous output, a folder beside it cannot be made (Vite then empties `out`
 * as before), or `out` holds one of `sources` (a space or the project), which
 * must stay where it is until the build has read it.
 */
export function setAsideOldOutput(out: string, sources: string[]): Promise<void> | undefined {
  if (sources.some((s) => inside(path.resolve(out), path.resolve(s)))) return undefined
  let entries: string[]
  try {
    entries = fs.readdirSync(out).filter((e) => !KEPT.has(e))
  } catch {
    return undefined
  }
  if (!entries.length) return undefined
  let aside: string
  try {
    aside = fs.mkdtempSync(path.join(path.dirname(path.resolve(out)), `.${path.basename(out)}-old-`))
  } catch {
    return undefined
  }
  for (const e of entries) {
    try {
      fs.renameSync(path.join(out, e), path.join(aside, e))
    } catch {
      // Another file system, or a busy file: Vite empties what is left, as before.
      break
    }
  }
  return new Promise<void>((resolve) => {
    const done = (why?: string) => {
      if (why) console.warn(`GitBook: the previous output set aside in ${aside} could not be deleted (${why}); delete it by hand`)
      resolve()
    }
    const rm = spawn('nice', ['-n', '19', 'rm', '-rf', '--', aside], { stdio: 'ignore' })
    rm.once('exit', (code) => done(code === 0 ? undefined : `rm exit code ${code}`))
    // No `nice` (or no `rm`) on this machine.
    rm.once('error', () => {
      let why: string | undefined
      const worker = new Worker(REMOVE, { eval: true, workerData: aside })
      worker.once('error', (e) => (why = e.message))
      worker.once('exit', (code) => done(code === 0 ? undefined : (why ?? `exit code ${code}`)))
    })
  })
}
