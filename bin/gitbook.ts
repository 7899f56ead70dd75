// The handbook's command line: build, dev and preview of any GitBook space.
//   npm run build -- [--src <space>] [--out <dir>] [--base /path/] [--fallback-url <url>] [--previous <old-space>]
//                    [--site-url <https://origin>] [--edit-url <https://…/:path>]
//                    [--history | --no-history]   (redirects from the space's git history; default: on when there is one)
//                    [--brotli]   (f.br copies beside the f.gz ones, for nginx's brotli_static module)
//   npm run dev   -- [--src <space>] [--port 5173]
//   npm run preview -- [--out <dir>] [--base /path/] [--port 4173]
// Options reach .vitepress/config.ts through GITBOOK_* environment variables,
// which an operator may also set directly (GITBOOK_BASE=/ressources/).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { runBuild } from './build-process'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    src: { type: 'string' },
    out: { type: 'string' },
    base: { type: 'string' },
    'fallback-url': { type: 'string' },
    previous: { type: 'string' },
    'site-url': { type: 'string' },
    'edit-url': { type: 'string' },
    // Node 20's parseArgs has no `allowNegative`: the negative form is its own flag.
    history: { type: 'boolean' },
    'no-history': { type: 'boolean' },
    brotli: { type: 'boolean' },
    port: { type: 'string' },
  },
})
const command = positionals[0]
// Not imported from .vitepress/gitbook/site: that would load the whole engine here too.
const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
if (values.src) process.env.GITBOOK_SRC = path.resolve(values.src)
if (values.out) process.env.GITBOOK_OUT = path.resolve(values.out)
if (values.base) process.env.GITBOOK_BASE = values.base
if (values['fallback-url']) process.env.GITBOOK_FALLBACK_URL = values['fallback-url']
if (values.previous) process.env.GITBOOK_PREVIOUS = path.resolve(values.previous)
if (values['site-url']) process.env.GITBOOK_SITE_URL = values['site-url']
if (values['edit-url']) process.env.GITBOOK_EDIT_URL = values['edit-url']
if (values.history && values['no-history']) {
  console.error('--history and --no-history contradict each other: give one')
  process.exit(2)
}
if (values.history) process.env.GITBOOK_HISTORY = 'on'
if (values['no-history']) process.env.GITBOOK_HISTORY = 'off'
if (values.brotli) process.env.GITBOOK_BROTLI = 'on'

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
  await vitepress.serve({ root: PROJECT_ROOT, base: o.base, port: values.port ? Number(values.port) : undefined })
} else {
  console.error('usage: tsx bin/gitbook.ts build|dev|preview [options]')
  process.exit(2)
}

/**
 * The dev server (bin/dev.mjs, a child process free of tsx's hooks), started
 * again when what the navigation and the URLs come from changes: SUMMARY.md
 * and .gitbook.yaml are read once per config load, so a page edit hot-reloads
 * but a SUMMARY edit needs a fresh config.
 */
async function startDev(): Promise<void> {
  const env = { ...process.env, ...(values.port ? { GITBOOK_PORT: values.port } : {}) }
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
  // The space folder as siteOptions() finds it (not imported: it loads the engine).
  const { navigationFiles } = await import('../.vitepress/gitbook/gitbook-yaml')
  const watched = navigationFiles(path.resolve(PROJECT_ROOT, process.env.GITBOOK_SRC || 'docs'))
  for (const f of watched.filter((f) => fs.existsSync(f))) fs.watch(f, () => void restart())
}
