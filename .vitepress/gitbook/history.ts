// Redirects from the space's git history. GitBook redirects a page that moved
// in its editor, but that redirect never reaches git; links pasted into
// intranet wikis over the years still carry the old URLs. When the space sits
// in a git repository, its whole history is read with three git commands (the
// log of pages and configuration, then two batches of SUMMARY.md and
// .gitbook.yaml versions), never one per commit or page, and replayed by
// route-history.ts with the build's own placement rules.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { configBlobs, historyRedirects, LOG_FORMAT, parseLog, summaryBlobs, walkHistory, type DeletedRoute, type RouteHistory, GITBOOK_YAML } from './route-history'
import type { Redirect, Space } from './space'

export type HistoryMode = 'auto' | 'on' | 'off'

/**
 * Set by config-bundle.mjs at the top of the compiled configuration: the
 * compiled threads beside it (`history`: history-worker.ts). Absent when the
 * engine runs from its TypeScript sources.
 */
declare const __gitbook_workers: { history?: string } | undefined

export interface SpaceHistory {
  redirects: Redirect[]
  /** Routes whose last page was deleted without successor: no redirect. */
  deleted: DeletedRoute[]
  /** What kept the walk from being complete (shallow clone, no rename detection, no git). */
  warnings: string[]
  commits: number
  versions: number
  /** Wall time of the walk, git included. */
  ms: number
}

/** The most a git answer may weigh: a space's log and its SUMMARY versions are far below. */
const MAX_OUTPUT = 512 * 1024 * 1024
/** A git that waits on the network (a partial clone fetching blobs) must not hold the build. */
const TIMEOUT_MS = 120_000
/** A SUMMARY.md or .gitbook.yaml bigger than this is not a table of contents: left out. */
const MAX_BLOB = 4 * 1024 * 1024

function git(dir: string, args: string[], input?: string): SpawnSyncReturns<Buffer> {
  return spawnSync('git', args, {
    cwd: dir,
    input,
    maxBuffer: MAX_OUTPUT,
    timeout: TIMEOUT_MS,
    // No prompt for credentials, no lock taken on a repository someone else may be using.
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
  })
}

const firstLine = (r: SpawnSyncReturns<Buffer>) =>
  (r.error?.message ?? r.stderr?.toString('utf8') ?? '').trim().split('\n')[0].slice(0, 200)

/** Whether a `.git` exists in `dir` or above: history is there even if git is not. */
function hasDotGit(dir: string): boolean {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, '.git'))) return true
    if (path.dirname(d) === d) return false
  }
}

/**
 * `git cat-file --batch` answer → blob id → text. A missing blob (partial
 * clone) or an oversized one is simply absent: that version is read without it.
 */
export function parseBatch(out: Buffer): Map<string, string> {
  const blobs = new Map<string, string>()
  let at = 0
  while (at < out.length) {
    const nl = out.indexOf(10, at)
    if (nl < 0) break
    const header = out.subarray(at, nl).toString('latin1').split(' ')
    at = nl + 1
    if (header[1] !== 'blob') continue
    const size = Number(header[2])
    if (!Number.isFinite(size) || at + size > out.length) break
    if (size <= MAX_BLOB) blobs.set(header[0], out.subarray(at, at + size).toString('utf8'))
    at += size + 1
  }
  return blobs
}

function readBlobs(dir: string, shas: Set<string>, into: Map<string, string>): void {
  const wanted = [...shas].filter((s) => !into.has(s) && /^[0-9a-f]{40,64}$/.test(s))
  if (!wanted.length) return
  const r = git(dir, ['cat-file', '--batch'], `${wanted.join('\n')}\n`)
  if (r.stdout) for (const [k, v] of parseBatch(r.stdout)) into.set(k, v)
}

/** The log arguments: first-parent, as the published branch saw it; pages and configuration only. */
function logArgs(renames: boolean): string[] {
  return [
    '-c', 'core.quotepath=off',
    'log', '--first-parent', '--diff-merges=first-parent', '--reverse',
    renames ? '-M' : '--no-renames',
    '--raw', '--no-abbrev', '-z', '--relative', `--format=${LOG_FORMAT}`,
    // Only pages and configuration: partial clones often lack asset blobs, and
    // rename detection over them would fetch or fail.
    '--', ':(icase)*.md', GITBOOK_YAML,
  ]
}

/** What the git history gives before it is matched against today's pages: what a thread can send back. */
export interface WalkedHistory {
  walked?: RouteHistory
  warnings: string[]
  /** When the walk started (performance.now() of the process that asked for it). */
  start: number
}

/**
 * Walk the git history of the space in `dir`, if there is one. `mode` `auto`
 * is silent where there is no history; `on` says why there is none. Never
 * throws: a missing git, a shallow or partial clone give a warning.
 * Undefined when there is no history to read.
 */
export function walkSpaceHistory(dir: string, mode: HistoryMode = 'auto', start = performance.now()): WalkedHistory | undefined {
  if (mode === 'off') return undefined
  const warnings: string[] = []
  const none = (why: string[]): WalkedHistory => ({ warnings: why, start })
  const probe = git(dir, ['rev-parse', '--is-inside-work-tree', '--is-shallow-repository'])
  if (probe.error || probe.status !== 0) {
    const missing = (probe.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
    if (missing && (mode === 'on' || hasDotGit(dir))) {
      return none(['git is not installed: no redirects from the git history of the space (install git, or build with --no-history)'])
    }
    if (mode === 'on') return none([`${dir} is not in a git repository: no redirects from history (${firstLine(probe)})`])
    return undefined
  }
  const [inside, shallow] = probe.stdout.toString('utf8').trim().split('\n')
  if (inside !== 'true') return mode === 'on' ? none([`${dir} is not in a git work tree: no redirects from history`]) : undefined
  if (shallow === 'true') {
    warnings.push('the git clone is shallow: routes older than its first commit are unknown and get no redirect (git fetch --unshallow for all of them)')
  }
  let log = git(dir, logArgs(true))
  if (log.status !== 0 || log.error) {
    // Rename detection reads blobs; a partial clone without them fails here.
    warnings.push(`git log with rename detection failed (${firstLine(log)}); renamed pages are followed only through SUMMARY.md`)
    log = git(dir, logArgs(false))
  }
  if (log.status !== 0 || log.error) return none([...warnings, `git log failed (${firstLine(log)}): no redirects from history`])
  const entries = parseLog(log.stdout.toString('utf8'))
  const blobs = new Map<string, string>()
  readBlobs(dir, configBlobs(entries), blobs)
  readBlobs(dir, summaryBlobs(entries, blobs), blobs)
  return { walked: walkHistory(entries, blobs), warnings, start }
}

/** A history that gives no redirects, and why (`warnings`). */
function noHistory(warnings: string[], ms: number): SpaceHistory {
  return { redirects: [], deleted: [], warnings, commits: 0, versions: 0, ms }
}

/** The redirects a walked history gives today's pages. */
export function historyOf(space: Space, h: WalkedHistory | undefined): SpaceHistory | undefined {
  if (!h) return undefined
  if (!h.walked) return noHistory(h.warnings, performance.now() - h.start)
  const { redirects, deleted, warnings: refused } = historyRedirects(space, h.walked)
  const { commits, versions } = h.walked
  return { redirects, deleted, warnings: [...h.warnings, ...refused], commits, versions, ms: performance.now() - h.start }
}

/** The history of the space, read and replayed here (`npm run check -- --history`, the tests). */
export function spaceHistory(space: Space, mode: HistoryMode = 'auto'): SpaceHistory | undefined {
  return historyOf(space, walkSpaceHistory(space.dir, mode))
}

/**
 * The history of the space, read and replayed on a thread of its own while
 * the build loads, bundles and renders (site.ts starts it): on a space of
 * 3,000 commits the walk takes seconds, which the main thread then never
 * waits for. The thread runs the compiled copy config-bundle.mjs writes
 * beside the configuration's; without it (the engine run from its TypeScript
 * sources, as in the unit tests), or if the thread fails, the walk runs here.
 */
export function startSpaceHistory(space: Space, mode: HistoryMode = 'auto'): Promise<SpaceHistory | undefined> {
  const file = typeof __gitbook_workers === 'undefined' ? undefined : __gitbook_workers.history
  // Started long before buildEnd awaits it: a failure must settle it, never
  // reject it unattended (Node would stop the build on the rejection).
  if (mode === 'off' || !file) return Promise.resolve().then(() => spaceHistory(space, mode)).catch(withoutHistory)
  const start = performance.now()
  return new Promise<WalkedHistory | undefined>((resolve, reject) => {
    const worker = new Worker(new URL(file), { workerData: { dir: space.dir, mode } })
    let settled = false
    const inline = (why: string) => {
      if (settled) return
      settled = true
      console.warn(`GitBook: git history: the history thread failed (${why}); the walk runs on the main thread`)
      try {
        resolve(walkSpaceHistory(space.dir, mode, start))
      } catch (e) {
        reject(e)
      }
    }
    worker.once('message', (h: WalkedHistory | undefined) => {
      settled = true
      resolve(h && { ...h, start })
      void worker.terminate()
    })
    worker.once('error', (e) => inline(e.message))
    worker.once('exit', (code) => inline(`exit code ${code}`))
  })
    .then((h) => historyOf(space, h))
    .catch(withoutHistory)
}

/** A history walk that failed: the site is built without its redirects, and the build says why. */
function withoutHistory(e: unknown): SpaceHistory {
  const why = e instanceof Error ? e.message : String(e)
  return noHistory([`the history could not be read (${why}): no redirects from it this time — report the message to the site maintainers, or build with --no-history`], 0)
}

/** `GITBOOK_HISTORY`: `on`/`1`/`true`, `off`/`0`/`false`, else `auto`. */
export function historyMode(value: string | undefined): HistoryMode {
  const v = (value ?? '').trim().toLowerCase()
  if (['on', '1', 'true', 'yes'].includes(v)) return 'on'
  if (['off', '0', 'false', 'no'].includes(v)) return 'off'
  return 'auto'
}
