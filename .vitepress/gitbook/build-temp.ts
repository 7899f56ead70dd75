// One temporary folder per build process. VitePress writes the server bundle
// of every build to `.vitepress/.temp` and deletes it at the end: two builds
// started from one checkout (two spaces built side by side in CI, a bench next
// to the tests) overwrote and deleted each other's files, and one of them died
// with ERR_MODULE_NOT_FOUND. The folder stays under `.vitepress/`, so the
// bundle still finds `vue` in the project's node_modules.
import fs from 'node:fs'
import path from 'node:path'
import type { Plugin } from 'vite'

export function ownTempDir(): Plugin {
  return {
    name: 'gitbook:own-temp-dir',
    // VitePress hands its site config to Vite as `vitepress`, and reads
    // `tempDir` from that same object for the server bundle (configured after
    // the client bundle), for rendering and for the final clean-up.
    config(config) {
      const site = (config as { vitepress?: { tempDir: string } }).vitepress
      if (!site || path.basename(site.tempDir) !== '.temp') return
      const shared = site.tempDir
      site.tempDir = path.join(path.dirname(shared), `.temp-${process.pid}`)
      removeStoppedBuildsTemp(path.dirname(shared))
      // A server bundle configured before this hook ran (mpa mode) moves too.
      if (config.build?.outDir === shared) config.build.outDir = site.tempDir
    },
  }
}

/**
 * A build that was stopped (Ctrl-C, a CI timeout, a killed test run) never
 * deletes its `.temp-<pid>`: the folders of processes that no longer run go
 * now. A running build's folder stays, whoever started it.
 */
export function removeStoppedBuildsTemp(dir: string): string[] {
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    const pid = /^\.temp-(\d+)$/.exec(name)?.[1]
    if (!pid || Number(pid) === process.pid || isRunning(Number(pid))) continue
    fs.rmSync(path.join(dir, name), { recursive: true, force: true })
    removed.push(name)
  }
  return removed
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: the process runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}
