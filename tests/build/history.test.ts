// A space in a git repository made here (tests/helpers/history-repo.ts) is
// built with the real command line: every route a page had in its history
// gets an HTML forwarding page and an nginx map line to the page's current
// route, and real nginx answers 301; the deleted page gets none, a current
// route is never redirected, and the space's own .gitbook.yaml redirect wins.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { routeToHtml } from '../../.vitepress/gitbook/urls'
import { buildSpaceAsync, ROOT, type BuildResult } from '../helpers/build'
import { DELETED_ROUTES, EXPECTED_REDIRECTS, makeHistoryRepo, REUSED_ROUTE } from '../helpers/history-repo'
import { loadPage } from '../helpers/html'
import { serveWithNginx } from '../helpers/nginx'

const BASE = '/manuel/'
let space: string
let out: string
let result: BuildResult
let map: string

beforeAll(async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'history-build-'))
  ;({ space } = makeHistoryRepo(path.join(tmp, 'repo')))
  out = path.join(tmp, 'site')
  result = await buildSpaceAsync({ src: space, out, base: BASE })
  map = fs.existsSync(path.join(out, 'nginx-redirects.map')) ? fs.readFileSync(path.join(out, 'nginx-redirects.map'), 'utf8') : ''
})

/** The old paths the nginx map redirects (its keys, not its targets). */
const mapKeys = () => new Set([...map.matchAll(/^ {2}"([^"]+)" /gm)].map((m) => m[1]))

/** `npm run check` on the space, as an author runs it; not spawnSync, which would starve vitest's RPC. */
function check(extra: string[]): Promise<{ status: number | null; stderr: string; list: { code: string; message: string; file: string }[] }> {
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['bin/check.ts', '--src', space, '--format', 'json', ...extra], { cwd: ROOT })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stderr, list: JSON.parse(stdout || '[]') })))
}

describe('build of a space with git history (default: --history when there is one)', () => {
  it('builds and says what the walk found and how long it took', () => {
    expect(result.status, result.log).toBe(0)
    expect(result.log).toMatch(/git history: 10 commits, \d+ versions of the space, .* \d+ ms/)
    // On its own thread (the compiled history-worker.ts), not on the main thread after a failure.
    expect(result.log).not.toMatch(/history thread failed/)
  })

  it('writes an HTML forwarding page from every earlier route to the current one', () => {
    for (const [from, to] of Object.entries(EXPECTED_REDIRECTS)) {
      const doc = loadPage(out, routeToHtml(from)).document
      expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href'), from).toBe(`${BASE}${to}`)
      expect(doc.querySelector('body a')?.getAttribute('href'), from).toBe(`${BASE}${to}`)
    }
  })

  it('writes an nginx map line for each of them', () => {
    for (const [from, to] of Object.entries(EXPECTED_REDIRECTS)) {
      expect(map).toContain(`"${BASE}${from}" "${BASE}${to}";`)
      expect(map).toContain(`"${BASE}${from}.html" "${BASE}${to}";`)
    }
  })

  it('.gitbook.yaml wins over the history', () => {
    // The history says exploitation/ecrire; the author said pages/diffuser.md.
    expect(map).toContain(`"${BASE}guide/ecrire" "${BASE}exploitation/diffuser";`)
    expect(mapKeys().has(`${BASE}exploitation/ecrire`)).toBe(false)
  })

  it('no redirect for the deleted page, none over a current route', () => {
    for (const route of [...DELETED_ROUTES, REUSED_ROUTE]) expect(mapKeys().has(`${BASE}${route}`), route).toBe(false)
    for (const route of DELETED_ROUTES) expect(fs.existsSync(path.join(out, routeToHtml(route))), route).toBe(false)
    expect(loadPage(out, routeToHtml(REUSED_ROUTE)).document.querySelector('h1')?.textContent).toContain('Ancien nom, revenu')
  })

  it('nginx answers 301 from every earlier route; 404 for the deleted page; 200 for the reused route', async () => {
    const server = await serveWithNginx(out, BASE)
    try {
      for (const [from, to] of Object.entries(EXPECTED_REDIRECTS)) {
        for (const form of [from, `${from}.html`]) {
          const res = await fetch(`${server.origin}${BASE}${encodeURI(form)}`, { redirect: 'manual' })
          expect(res.status, form).toBe(301)
          expect(new URL(res.headers.get('location')!, server.origin).pathname, form).toBe(`${BASE}${to}`)
        }
      }
      for (const route of DELETED_ROUTES) expect((await fetch(`${server.origin}${BASE}${route}`, { redirect: 'manual' })).status, route).toBe(404)
      expect((await fetch(`${server.origin}${BASE}${REUSED_ROUTE}`, { redirect: 'manual' })).status).toBe(200)
    } finally {
      await server.stop()
    }
  })
})

describe('npm run check -- --history', () => {
  it('lists the routes of the deleted page with the last commit that had them', async () => {
    const r = await check(['--history'])
    expect(r.status, r.stderr).toBe(0)
    const deleted = r.list.filter((d) => d.code === 'history-deleted-page')
    expect(deleted.map((d) => d.message.split(' ')[0]).sort()).toEqual(DELETED_ROUTES.map((x) => `/${x}`).sort())
    expect(deleted.find((d) => d.message.startsWith('/guide/brouillon '))!.message).toMatch(
      /from pages\/brouillon\.md until commit [0-9a-f]{12} \(2024-01-03, "Déplacer Relire"\)/,
    )
    expect(deleted[0].file).toBe('.gitbook.yaml')
  })

  it('says nothing of history without the flag', async () => {
    expect((await check([])).list.filter((d) => d.code === 'history-deleted-page')).toEqual([])
  })
})
