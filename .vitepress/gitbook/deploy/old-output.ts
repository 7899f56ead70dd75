// The previous build's output, moved aside when Vite would empty the output
// folder, and deleted in the background. Vite empties it on the main thread,
// one synchronous `unlink` per file, between bundling the browser's code and
// writing it: the site's compressed copies double the files, and on the
// 145-page bench space that was 0.24 s of the main thread (plain VitePress:
// 0.14 s). Renaming the folder's entries costs one call each, and Vite finds
// an empty folder. Same moment as Vite's: a build that fails while bundling
// leaves the published site (and the redirect map nginx includes) in place.
//
// The deletion runs in `rm` at the lowest CPU priority (`nice`), in a process
// group of its own (an interrupted build does not stop it), and takes the
// folders an interrupted build left behind with it. Not `fs.promises.rm`:
// its thousands of unlinks queue on libuv's four threads, which every
// asynchronous file read of Vite and Rollup waits for, and on the 1,000-page
// space the main thread sat idle for 2 s. Where `nice` or `rm` cannot run, a
// thread of its own deletes the folders.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { Plugin } from 'vite'
import { insideDir } from '../resolve'

/** The fallback thread's code: synchronous removals, off the main thread and off libuv's pool. */
const REMOVE =
  "const { workerData } = require('node:worker_threads'); for (const dir of workerData) require('node:fs').rmSync(dir, { recursive: true, force: true })"

/** Kept in place, as Vite keeps it: an output folder that is a git checkout (a `gh-pages` branch). */
const KEPT = new Set(['.git'])

/** Folders set aside by earlier builds that were stopped before deleting them: `.<out>-old-XXXXXX` beside `out`. */
function leftBehind(parent: string, prefix: string): string[] {
  try {
    return fs
      .readdirSync(parent)
      .filter((e) => e.startsWith(prefix) && e.length === prefix.length + 6)
      .map((e) => path.join(parent, e))
  } catch {
    return []
  }
}

/** Deletes `dirs`; resolves when they are gone, or with a warning when they could not be. */
function remove(dirs: string[]): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (why?: string) => {
      if (why) console.warn(`GitBook: the previous output set aside in ${dirs.join(', ')} could not be deleted (${why}); delete it by hand`)
      resolve()
    }
    const inThread = () => {
      let why: string | undefined
      const worker = new Worker(REMOVE, { eval: true, workerData: dirs })
      worker.once('error', (e) => (why = e.message))
      worker.once('exit', (code) => done(code === 0 ? undefined : (why ?? `exit code ${code}`)))
    }
    try {
      const rm = spawn('nice', ['-n', '19', 'rm', '-rf', '--', ...dirs], { stdio: 'ignore', detached: true })
      // 127: `nice` ran, but found no `rm`.
      rm.once('exit', (code) => (code === 127 ? inThread() : done(code === 0 ? undefined : `rm exit code ${code}`)))
      // No `nice` on this machine.
      rm.once('error', inThread)
    } catch {
      inThread()
    }
  })
}

/**
 * Moves the entries of `out` into a new folder beside it and starts deleting
 * that folder. Returns the deletion, or undefined when nothing was moved: no
 * previous output, a folder beside it cannot be made (Vite then empties `out`
 * as before), or `out` holds one of `sources` (a space or the project).
 */
export function setAsideOldOutput(out: string, sources: string[]): Promise<void> | undefined {
  // Symbolic links followed, as for every link of every page.
  if (sources.some((s) => insideDir(out, s))) return undefined
  let dir: string
  let entries: string[]
  try {
    dir = fs.realpathSync(out)
    entries = fs.readdirSync(dir).filter((e) => !KEPT.has(e))
  } catch {
    return undefined
  }
  if (!entries.length) return undefined
  const parent = path.dirname(dir)
  const prefix = `.${path.basename(dir)}-old-`
  const stale = leftBehind(parent, prefix)
  let aside: string
  try {
    aside = fs.mkdtempSync(path.join(parent, prefix))
  } catch {
    return undefined
  }
  for (const e of entries) {
    try {
      fs.renameSync(path.join(dir, e), path.join(aside, e))
    } catch {
      // Another file system, or a busy file: Vite empties what is left, as before.
      break
    }
  }
  return remove([aside, ...stale])
}

/**
 * Sets the old output aside at the end of the browser bundle's build, just
 * before Vite would empty the folder, unless that build failed. `removal()`
 * is the deletion, for the build's end to wait for.
 */
export function oldOutputPlugin(out: string, sources: string[]): Plugin & { removal(): Promise<void> | undefined } {
  let ssr = false
  let removal: Promise<void> | undefined
  return {
    name: 'gitbook:old-output',
    apply: 'build',
    configResolved(config) {
      ssr = !!config.build.ssr
    },
    buildEnd(error) {
      if (!ssr && !error && !removal) removal = setAsideOldOutput(out, sources)
    },
    removal: () => removal,
  }
}
