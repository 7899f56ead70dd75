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
import { configBlobs, historyRedirects, LOG_FORMAT, parseLog, summaryBlobs, walkHistory, type DeletedRoute, GITBOOK_YAML } from './route-history'
import type { Redirect, Space } from './space'

export type HistoryMode = 'auto' | 'on' | 'off'

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

/**
 * Walk the git history of the space, if there is one. `mode` `auto` is
 * silent where there is no history; `on` says why there is none. Never
 * throws: a missing git, a shallow or partial clone give a warning.
 */
export function spaceHistory(space: Space, mode: HistoryMode = 'auto'): SpaceHistory | undefined {
  if (mode === 'off') return undefined
  const start = performance.now()
  const warnings: string[] = []
  const dir = space.dir
  const probe = git(dir, ['rev-parse', '--is-inside-work-tree', '--is-shallow-repository'])
  if (probe.error || probe.status !== 0) {
    const missing = (probe.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
    if (missing && (mode === 'on' || hasDotGit(dir))) {
      return empty(start, ['git is not installed: no redirects from the git history of the space (install git, or build with --no-history)'])
    }
    if (mode === 'on') return empty(start, [`${dir} is not in a git repository: no redirects from history (${firstLine(probe)})`])
    return undefined
  }
  const [inside, shallow] = probe.stdout.toString('utf8').trim().split('\n')
  if (inside !== 'true') return mode === 'on' ? empty(start, [`${dir} is not in a git work tree: no redirects from history`]) : undefined
  if (shallow === 'true') {
    warnings.push('the git clone is shallow: routes older than its first commit are unknown and get no redirect (git fetch --unshallow for all of them)')
  }
  let log = git(dir, logArgs(true))
  if (log.status !== 0 || log.error) {
    // Rename detection reads blobs; a partial clone without them fails here.
    warnings.push(`git log with rename detection failed (${firstLine(log)}); renamed pages are followed only through SUMMARY.md`)
    log = git(dir, logArgs(false))
  }
  if (log.status !== 0 || log.error) return empty(start, [...warnings, `git log failed (${firstLine(log)}): no redirects from history`])
  const entries = parseLog(log.stdout.toString('utf8'))
  const blobs = new Map<string, string>()
  readBlobs(dir, configBlobs(entries), blobs)
  readBlobs(dir, summaryBlobs(entries, blobs), blobs)
  const walked = walkHistory(entries, blobs)
  const { redirects, deleted, warnings: refused } = historyRedirects(space, walked)
  warnings.push(...refused)
  return { redirects, deleted, warnings, commits: walked.commits, versions: walked.versions, ms: performance.now() - start }
}

function empty(start: number, warnings: string[]): SpaceHistory {
  return { redirects: [], deleted: [], warnings, commits: 0, versions: 0, ms: performance.now() - start }
}

/** `GITBOOK_HISTORY`: `on`/`1`/`true`, `off`/`0`/`false`, else `auto`. */
export function historyMode(value: string | undefined): HistoryMode {
  const v = (value ?? '').trim().toLowerCase()
  if (['on', '1', 'true', 'yes'].includes(v)) return 'on'
  if (['off', '0', 'false', 'no'].includes(v)) return 'off'
  return 'auto'
}
