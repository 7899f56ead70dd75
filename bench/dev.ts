// Dev server figures for the bench: time from start until a page answers (its
// HTML, then its page module, which is when it shows), and time from a file
// edit until the dev server tells the browser (the HMR message on Vite's
// WebSocket, as the page's client receives it). Figures, never asserted.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export interface DevFigures {
  /** Seconds from start to the page's HTML and module answered. */
  firstPage: number
  /** Seconds from an edit to the HMR message, or NaN without WebSocket. */
  edit: number
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function until(url: string, deadline: number): Promise<string> {
  for (;;) {
    try {
      const res = await fetch(url)
      if (res.ok) return await res.text()
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no answer from ${url}`)
    await sleep(100)
  }
}

/**
 * Start `args` (a dev server on `port`), ask `pageUrl` then `moduleUrl`, then
 * append a line to `editFile` and wait for the HMR message.
 */
export async function measureDev(args: string[], cwd: string, port: number, pageUrl: string, moduleUrl: string, editFile: string): Promise<DevFigures> {
  const start = Date.now()
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: false })
  let log = ''
  child.stdout.on('data', (d) => (log += d))
  child.stderr.on('data', (d) => (log += d))
  const origin = `http://localhost:${port}`
  const original = fs.readFileSync(editFile, 'utf8')
  try {
    await until(origin + pageUrl, start + 600_000)
    await until(origin + moduleUrl, start + 600_000)
    const firstPage = (Date.now() - start) / 1000
    let edit = NaN
    const WS = (globalThis as { WebSocket?: typeof WebSocket }).WebSocket
    if (WS) {
      const ws = new WS(`ws://localhost:${port}/`, 'vite-hmr')
      await new Promise((resolve, reject) => {
        ws.addEventListener('open', resolve)
        ws.addEventListener('error', reject)
      })
      let got: ((t: number) => void) | undefined
      ws.addEventListener('message', (e) => {
        const msg = JSON.parse(String(e.data))
        if (msg.type === 'update' || msg.type === 'full-reload') got?.(Date.now())
      })
      // The file watcher may still be starting on a large space: an edit it
      // misses is written again, and the figure is taken from the edit it saw.
      for (let i = 0; i < 20 && Number.isNaN(edit); i++) {
        const seen = new Promise<number>((resolve) => (got = resolve))
        const t0 = Date.now()
        fs.writeFileSync(editFile, `${original}\nUne ligne ajoutée pendant la mesure (${i}).\n`)
        edit = ((await Promise.race([seen, sleep(5_000).then(() => NaN)])) - t0) / 1000
      }
      ws.close()
    }
    return { firstPage, edit }
  } catch (e) {
    throw new Error(`${(e as Error).message}\n${log.slice(-2000)}`)
  } finally {
    fs.writeFileSync(editFile, original)
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
  }
}

export const relPath = (root: string, file: string) => '/' + path.relative(root, file).split(path.sep).join('/')
