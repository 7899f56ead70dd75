// The previous build's output, moved aside as the configuration loads and
// deleted in the background. Vite empties the output folder on the main
// thread, one synchronous `unlink` per file, in the middle of the build: the
// site's compressed copies double the files, and on the 145-page bench space
// that was 0.24 s of the main thread (plain VitePress: 0.14 s). Renaming the
// folder's entries costs one call each; libuv's threads then delete them
// while the build goes on. Vite finds an empty folder.
import fs from 'node:fs'
import path from 'node:path'

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
  return fs.promises.rm(aside, { recursive: true, force: true }).catch((e: Error) => {
    console.warn(`GitBook: the previous output set aside in ${aside} could not be deleted (${e.message}); delete it by hand`)
  })
}
