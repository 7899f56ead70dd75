// Dev server figures, as a reader sees them in headless Chromium (Debian's,
// driven by playwright-core): (a) from the server's start until the page's H1
// is visible, (b) from an edit of the page's .md until the edited text is
// visible in the open page, without a reload. Ours against plain VitePress on
// the same Markdown and the same page. Figures, never asserted.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { PROJECT_ROOT } from '../.vitepress/gitbook/site'
import { loadSpace } from '../.vitepress/gitbook/space'
import { freePort } from '../tests/helpers/nginx'

export interface DevFigures {
  /** Seconds from the server's start to the page's H1 visible in the browser. */
  firstPage: number
  /** CPU seconds (user + system) the server's processes spent until then: steadier than wall time on a shared machine. */
  cpu: number
  /** Median seconds from an edit of the page's .md to the new text visible, or NaN when none arrived. */
  edit: number
  /** Each edit's seconds (NaN for one the page never showed). */
  edits: number[]
  /** Whether the page was reloaded to show an edit (HMR must not need it). */
  reloaded: boolean
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const VITEPRESS = path.join(PROJECT_ROOT, 'node_modules/vitepress/bin/vitepress.js')
/** How many edits are timed; the figure is their median. */
const EDITS = 3

async function listening(origin: string, deadline: number, log: () => string): Promise<void> {
  for (;;) {
    try {
      await fetch(origin, { method: 'HEAD' })
      return
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no answer from ${origin}\n${log().slice(-2000)}`)
    await sleep(50)
  }
}

/**
 * CPU seconds of the processes in group `pgid` (a server started detached and
 * its children), from /proc; NaN where there is no /proc.
 */
function groupCpu(pgid: number): number {
  if (!fs.existsSync('/proc/self/stat')) return NaN
  let ticks = 0
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let stat: string
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    } catch {
      continue // gone meanwhile
    }
    // After the command name (which may hold spaces): state ppid pgrp … utime(14) stime(15).
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (Number(f[2]) === pgid) ticks += Number(f[11]) + Number(f[12])
  }
  // Linux counts in USER_HZ, 100 per second on every architecture Node runs on.
  return ticks / 100
}

/** Stop a server started detached: its whole process group (ours is a parent and a child). */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return
  const exited = new Promise((r) => child.once('exit', r))
  process.kill(-child.pid, 'SIGTERM')
  await Promise.race([exited, sleep(10_000)])
  if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL')
}

/**
 * Start `args` (a dev server on `port`) and open `route` in `browser` until
 * its H1 shows; then append a paragraph to `editFile`, EDITS times, and time
 * each until the page shows it.
 */
export async function measureDev(browser: Browser, args: string[], port: number, route: string, editFile: string): Promise<DevFigures> {
  const original = fs.readFileSync(editFile, 'utf8')
  const page = await browser.newPage()
  const start = Date.now()
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let log = ''
  child.stdout!.on('data', (d) => (log += d))
  child.stderr!.on('data', (d) => (log += d))
  const origin = `http://localhost:${port}`
  try {
    await listening(origin, start + 600_000, () => log)
    // Vite may reload the page once while it optimises dependencies it
    // discovered: the H1 is awaited whatever happens in between.
    await page.goto(origin + route, { waitUntil: 'commit', timeout: 600_000 })
    await page.locator('.vp-doc h1').first().waitFor({ state: 'visible', timeout: 600_000 })
    const firstPage = (Date.now() - start) / 1000
    const cpu = groupCpu(child.pid!)
    // A reload would drop this mark: an edit shown without it went through HMR.
    await page.evaluate(() => ((window as unknown as { benchMark: boolean }).benchMark = true))
    const edits: number[] = []
    for (let i = 0; edits.filter((e) => !Number.isNaN(e)).length < EDITS && i < EDITS + 5; i++) {
      const text = `Paragraphe ajouté pendant la mesure numéro ${i}.`
      const t0 = Date.now()
      fs.writeFileSync(editFile, `${original.trimEnd()}\n\n${text}\n`)
      // A first edit the file watcher (still starting on a large space) misses is written again.
      const shown = await page
        .locator('.vp-doc', { hasText: text })
        .waitFor({ state: 'visible', timeout: 10_000 })
        .then(() => true, () => false)
      edits.push(shown ? (Date.now() - t0) / 1000 : NaN)
    }
    const reloaded = !(await page.evaluate(() => (window as unknown as { benchMark?: boolean }).benchMark === true))
    const seen = edits.filter((e) => !Number.isNaN(e))
    return { firstPage, cpu, edit: seen.length ? median(seen) : NaN, edits, reloaded }
  } catch (e) {
    throw new Error(`${(e as Error).message}\n${log.slice(-2000)}`)
  } finally {
    fs.writeFileSync(editFile, original)
    await page.close()
    await stop(child)
  }
}

/** The measured page: the same as the build bench weighs, in the space's first copy. */
export const PAGE_FILE = 'preparer-et-lancer/les-differents-roles-et-metiers/responsable-metier.md'

export interface DevPair {
  ours: DevFigures
  plain: DevFigures
}

/**
 * Our dev server on `space` and plain VitePress's on `plain` (its plainCopy),
 * on the same page, alternately `runs` times; `cold` empties both dependency
 * caches before each start (a first `npm run dev` after an install).
 */
export async function measureDevBoth(browser: Browser, space: string, plain: string, runs = 1, cold = false): Promise<DevPair[]> {
  const file = fs.existsSync(path.join(space, PAGE_FILE)) ? PAGE_FILE : `001-manuel/${PAGE_FILE}`
  const page = loadSpace(space).pages.get(file)
  if (!page) throw new Error(`bench/dev.ts: ${file} is not a page of ${space}`)
  const oursRoute = `/${page.route}`
  const plainRoute = `/${file.slice(0, -3)}`
  const caches = [path.join(PROJECT_ROOT, '.vitepress/cache'), path.join(plain, '.vitepress/cache')]
  const out: DevPair[] = []
  for (let i = 0; i < runs; i++) {
    if (cold) for (const c of caches) fs.rmSync(c, { recursive: true, force: true })
    const p1 = await freePort()
    const ours = await measureDev(browser, ['--import', 'tsx', 'bin/gitbook.ts', 'dev', '--src', space, '--port', String(p1)], p1, oursRoute, path.join(space, file))
    const p2 = await freePort()
    const other = await measureDev(browser, [VITEPRESS, 'dev', plain, '--port', String(p2), '--strictPort'], p2, plainRoute, path.join(plain, file))
    console.log(
      `dev run ${i + 1}/${runs}: first page ours ${ours.firstPage.toFixed(1)} s (CPU ${ours.cpu.toFixed(1)} s), plain ${other.firstPage.toFixed(1)} s (CPU ${other.cpu.toFixed(1)} s); ` +
        `edit → browser ours ${ours.edits.map((e) => e.toFixed(2)).join('/')} s${ours.reloaded ? ' (reloaded)' : ''}, ` +
        `plain ${other.edits.map((e) => e.toFixed(2)).join('/')} s${other.reloaded ? ' (reloaded)' : ''}`,
    )
    out.push({ ours, plain: other })
  }
  return out
}

const x = (a: number, b: number) => (b && !Number.isNaN(a) && !Number.isNaN(b) ? `${(a / b).toFixed(2)}×` : 'n/a')
const s = (n: number, digits: number) => (Number.isNaN(n) ? 'none' : `${n.toFixed(digits)} s`)

/** Markdown table of medians over runs, one row per space. */
export function devTable(rows: { size: string; runs: DevPair[] }[]): string {
  const lines = rows.map(({ size, runs }) => {
    const m = (pick: (p: DevPair) => number) => median(runs.map(pick))
    const first = [m((p) => p.ours.firstPage), m((p) => p.plain.firstPage)]
    const cpu = [m((p) => p.ours.cpu), m((p) => p.plain.cpu)]
    const edit = [m((p) => p.ours.edit), m((p) => p.plain.edit)]
    const reload = (side: 'ours' | 'plain') => (runs.some((p) => p[side].reloaded) ? ' (reloaded)' : '')
    return `| ${size} | ${runs.length} | ${s(first[0], 1)} | ${s(first[1], 1)} | ${x(first[0], first[1])} | ${s(cpu[0], 1)} | ${s(cpu[1], 1)} | ${x(cpu[0], cpu[1])} | ${s(edit[0], 2)}${reload('ours')} | ${s(edit[1], 2)}${reload('plain')} | ${x(edit[0], edit[1])} |`
  })
  return [
    "Dev server, in headless Chromium: start → the page's H1 visible (wall, and the server processes' CPU until then); edit of its .md → the new text visible without a reload (median of 3 edits). Medians over runs.",
    '',
    '| space | runs | first page ours | plain | ratio | its CPU ours | plain | ratio | edit → browser ours | plain | ratio |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...lines,
  ].join('\n')
}
