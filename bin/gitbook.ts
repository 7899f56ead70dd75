// The handbook's dev server and preview (`npm run dev`, `npm run preview`);
// `npm run build` runs bin/build.mjs directly, and `tsx bin/gitbook.ts build`
// still starts it. Options and their usage: bin/options.mjs.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runBuild } from './build-process'
import { applyOptionsOrExit, USAGE } from './options.mjs'

const { command, port } = applyOptionsOrExit(process.argv.slice(2))
// Not imported from .vitepress/gitbook/site: that would load the whole engine here too.
const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

if (command === 'build') {
  // A child process free of tsx's module hooks: see bin/build.mjs.
  process.exit(runBuild(process.env))
}
if (command === 'dev') {
  await startDev()
} else if (command === 'preview') {
  const vitepress = await import('vitepress')
  const { siteOptions } = await import('../.vitepress/gitbook/site')
  const o = siteOptions()
  await vitepress.serve({ root: PROJECT_ROOT, base: o.base, port })
} else {
  console.error(USAGE)
  process.exit(2)
}

/**
 * The dev server (bin/dev.mjs, a child process free of tsx's hooks), started
 * again when what the navigation and the URLs come from changes: SUMMARY.md
 * and .gitbook.yaml are read once per config load, so a page edit hot-reloads
 * but a SUMMARY edit needs a fresh config.
 */
async function startDev(): Promise<void> {
  const env = { ...process.env, ...(port ? { GITBOOK_PORT: String(port) } : {}) }
  const spawnServer = () => spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/dev.mjs')], { stdio: 'inherit', env })
  let child = spawnServer()
  let restarting = false
  const restart = async () => {
    if (restarting) return
    restarting = true
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
    child = spawnServer()
    restarting = false
  }
  // The child goes with this process, however it is stopped.
  const stop = () => {
    child.kill('SIGTERM')
    process.exit(0)
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  process.on('exit', () => child.kill('SIGTERM'))
  // Only .gitbook.yaml is read here, not the space nor the engine: on two
  // cores, this process would take CPU from the server's start.
  const { navigationFiles, spaceFolder } = await import('../.vitepress/gitbook/gitbook-yaml')
  const watched = navigationFiles(spaceFolder(PROJECT_ROOT))
  for (const f of watched.filter((f) => fs.existsSync(f))) fs.watch(f, () => void restart())
}
