// The route-history computation on synthetic `git log -z --raw` text: no
// repository, every case spelled out. Then the git layer on real, degraded
// repositories (shallow clone, no git on the PATH), which must warn, not crash.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { spaceHistory, startSpaceHistory } from '../../.vitepress/gitbook/history'
import { historyRedirects, parseLog, walkHistory, type RouteHistory } from '../../.vitepress/gitbook/route-history'
import { loadSpace, type Space } from '../../.vitepress/gitbook/space'
import { parseSummary, parseSummaryCached } from '../../.vitepress/gitbook/summary'
import { ROOT } from '../helpers/build'
import { git, makeHistoryRepo } from '../helpers/history-repo'

const Z = '0'.repeat(40)
let blobCount = 0
const blobs = new Map<string, string>()
/** A blob id for `text`, registered for the walk. */
function blob(text: string): string {
  const sha = (++blobCount).toString(16).padStart(40, 'a')
  blobs.set(sha, text)
  return sha
}
const page = () => blob(`# page ${blobCount}\n`)

/** One commit of `git log -z --raw --no-abbrev --format=%x01%H%x02%ct%x02%s` output. */
function commit(n: number, subject: string, changes: [status: string, sha: string, ...paths: string[]][]): string {
  let out = `\u0001${String(n).padStart(40, 'c')}\u0002${1700000000 + n * 86400}\u0002${subject}\0\n`
  for (const [status, sha, ...paths] of changes) {
    out += `:100644 100644 ${Z} ${status === 'D' ? Z : sha} ${status}\0${paths.join('\0')}\0`
  }
  return out
}

const summary = (lines: string[]) => blob(['# Sommaire', '', '* [Accueil](README.md)', ...lines, ''].join('\n'))

/** A space today, built from files on disk, as loadSpace reads it. */
function spaceOf(files: Record<string, string>): Space {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'route-history-'))
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true })
    fs.writeFileSync(path.join(dir, f), text)
  }
  return loadSpace(dir)
}

describe('parseLog', () => {
  it('reads commits, statuses and paths, renames with both paths', () => {
    const a = page()
    const log = commit(1, 'Premier', [['A', a, 'a.md']]) + commit(2, 'Renommer', [['R100', a, 'a.md', 'b.md']])
    const entries = parseLog(log)
    expect(entries.map((e) => e.commit.subject)).toEqual(['Premier', 'Renommer'])
    expect(entries[1].changes).toEqual([{ status: 'R', from: 'a.md', path: 'b.md', blob: a }])
    expect(entries[1].commit.time).toBe(1700000000 + 2 * 86400)
  })

  it('keeps any byte an author may put in a path: newline, quotes, tab, colon', () => {
    const weird = 'guide/a\nb "c"\t: d.md'
    const entries = parseLog(commit(1, 'x', [['A', page(), weird], ['A', page(), ':100644.md']]))
    expect(entries[0].changes.map((c) => c.path)).toEqual([weird, ':100644.md'])
  })

  it('skips what it does not understand and stops at a truncated record', () => {
    expect(parseLog('garbage\0:not raw\0')).toEqual([])
    const cut = commit(1, 'x', [['A', page(), 'a.md']]) + `:100644 100644 ${Z} ${Z} R100\0only-one.md`
    expect(parseLog(cut)[0].changes.map((c) => c.path)).toEqual(['a.md'])
  })
})

describe('walkHistory + historyRedirects', () => {
  const readme = page()
  const ecrire = page()
  const vieux = page()
  const brouillon = page()
  const log = [
    commit(1, 'Import', [
      ['A', readme, 'README.md'],
      ['A', ecrire, 'ecrire.md'],
      ['A', vieux, 'vieux.md'],
      ['A', brouillon, 'brouillon.md'],
      ['A', summary(['', '## Guide', '', '* [Écrire](ecrire.md)', '  * [Vieux](vieux.md)', '* [Brouillon](brouillon.md)']), 'SUMMARY.md'],
    ]),
    // File renamed, SUMMARY follows.
    commit(2, 'Renommer', [
      ['R100', vieux, 'vieux.md', 'neuf.md'],
      ['M', summary(['', '## Guide', '', '* [Écrire](ecrire.md)', '  * [Neuf](neuf.md)', '* [Brouillon](brouillon.md)']), 'SUMMARY.md'],
    ]),
    // An edit that moves nothing: no new version of the space.
    commit(3, 'Retouche', [['M', page(), 'ecrire.md']]),
    // Group renamed, Neuf leaves Écrire's children, Brouillon deleted.
    commit(4, 'Réorganiser', [
      ['D', Z, 'brouillon.md'],
      ['M', summary(['', '## Mode d’emploi', '', '* [Écrire](ecrire.md)', '* [Neuf](neuf.md)']), 'SUMMARY.md'],
    ]),
  ].join('')
  const entries = parseLog(log)
  const history = walkHistory(entries, blobs)

  it('records every route each lineage had, across renames', () => {
    const routes = (p: string) => [...history.owners.values()].filter((o) => history.alive.get(o.lineage) === p).map((o) => o.route).sort()
    expect(routes('neuf.md')).toEqual(['guide/ecrire/vieux', 'guide/ecrire/neuf', 'mode-d-emploi/neuf'].sort())
    expect(routes('ecrire.md')).toEqual(['guide/ecrire', 'mode-d-emploi/ecrire'])
    expect(history.commits).toBe(4)
    expect(history.versions).toBe(3)
  })

  it('gives the last commit that published a route', () => {
    expect(history.owners.get('guide/brouillon')!.lastCommit.subject).toBe('Retouche')
    expect(history.owners.get('guide/ecrire/vieux')!.lastCommit.subject).toBe('Import')
    expect(history.owners.get('mode-d-emploi/neuf')!.lastCommit.subject).toBe('Réorganiser')
  })

  it('redirects earlier routes to the current one; none for the deleted page, none over a current route', () => {
    const space = spaceOf({
      'README.md': '# Accueil\n',
      'ecrire.md': '# Écrire\n',
      'neuf.md': '# Neuf\n',
      // A current page (unlisted: published at its file path) at an older page's route keeps it.
      'guide/ecrire.md': '# Autre\n',
      'SUMMARY.md': '# Sommaire\n\n* [Accueil](README.md)\n\n## Mode d’emploi\n\n* [Écrire](ecrire.md)\n* [Neuf](neuf.md)\n',
    })
    const { redirects, deleted } = historyRedirects(space, history)
    expect(Object.fromEntries(redirects.map((r) => [r.from, r.to]))).toEqual({
      'guide/ecrire/vieux': 'mode-d-emploi/neuf',
      'guide/ecrire/neuf': 'mode-d-emploi/neuf',
    })
    // `guide/ecrire` is `/guide/ecrire/` for nginx too: a current page's
    // address in every form (routeKeys) is never redirected.
    expect(deleted.map((d) => d.route)).toEqual(['guide/brouillon'])
  })

  it('a route later taken by another page belongs to the later one', () => {
    const a = page()
    const b = page()
    const reuse = parseLog(
      commit(1, 'A', [['A', a, 'a.md'], ['A', summary(['* [A](a.md)']), 'SUMMARY.md']]) +
        commit(2, 'A devient C', [['R100', a, 'a.md', 'c.md'], ['A', b, 'a.md'], ['M', summary(['* [C](c.md)', '* [B](a.md)']), 'SUMMARY.md']]) +
        commit(3, 'B supprimé', [['D', Z, 'a.md'], ['M', summary(['* [C](c.md)']), 'SUMMARY.md']]),
    )
    const h: RouteHistory = walkHistory(reuse, blobs)
    const space = spaceOf({ 'README.md': '# R\n', 'c.md': '# C\n', 'SUMMARY.md': '* [Accueil](README.md)\n* [C](c.md)\n' })
    const { redirects, deleted } = historyRedirects(space, h)
    // Links to /a last showed B, which is gone: no redirect to C.
    expect(redirects).toEqual([])
    expect(deleted.map((d) => [d.route, d.lastCommit.subject])).toEqual([['a', 'A devient C']])
  })

  it('follows .gitbook.yaml root and summary changes', () => {
    const p = page()
    const moved = parseLog(
      commit(1, 'Import', [['A', p, 'p.md'], ['A', summary(['## G', '', '* [P](p.md)']), 'SUMMARY.md']]) +
        commit(2, 'Sous docs/', [
          ['R100', p, 'p.md', 'docs/p.md'],
          ['D', Z, 'SUMMARY.md'],
          ['A', summary(['## H', '', '* [P](p.md)']), 'docs/toc.md'],
          ['A', blob('root: ./docs/\nstructure:\n  summary: toc.md\n'), '.gitbook.yaml'],
        ]),
    )
    const h = walkHistory(moved, blobs)
    expect([...h.owners.keys()].sort()).toEqual(['g/p', 'h/p'])
    expect(h.alive.get(h.owners.get('g/p')!.lineage)).toBe('docs/p.md')
  })

  it('a route too long for the build: both the GitBook URL and the shortened one are recorded', () => {
    const long = `${'très-long-'.repeat(25)}.md`
    const h = walkHistory(parseLog(commit(1, 'x', [['A', page(), long], ['A', summary(['## Groupe', '', `* [L](${long})`]), 'SUMMARY.md']])), blobs)
    const routes = [...h.owners.keys()]
    expect(routes).toContain(`groupe/${long.slice(0, -3)}`)
    expect(routes.length).toBe(2)
    expect(new Set([...h.owners.values()].map((o) => o.path))).toEqual(new Set([long]))
  })

  it('a malformed .gitbook.yaml or SUMMARY.md from history does not stop the walk', () => {
    const p = page()
    const broken = parseLog(
      commit(1, 'x', [['A', p, 'p.md'], ['A', blob('root: [\n\t: :'), '.gitbook.yaml'], ['A', blob('* [unclosed](\n## \n'), 'SUMMARY.md']]) +
        commit(2, 'y', [['M', blob('root: ../../etc\n'), '.gitbook.yaml']]),
    )
    const h = walkHistory(broken, blobs)
    expect([...h.owners.keys()]).toEqual(['p'])
  })
})

describe('parseSummaryCached (one parse per group text across versions)', () => {
  const spaces = ['docs', 'tests/spaces/corpus', 'tests/spaces/recherche', 'tests/checker/space']
  const texts = [
    ...spaces.map((d) => fs.readFileSync(path.join(ROOT, d, 'SUMMARY.md'), 'utf8')),
    '# T\n\n* [A](a.md)\n\n## <a href="#g" id="g"></a>G\n\n* [B](b.md)\n  * [C](c.md)\n##\n* [D](d.md)\n## H\n',
    // A `## ` line inside a fence, an HTML block, a reference: parsed whole.
    '* [A](a.md)\n\n```\n## pas un groupe\n```\n\n## G\n\n* [B](b.md)\n',
    '<div>\n## pas un groupe\n</div>\n\n## G\n* [B][b]\n\n[b]: b.md\n',
  ]
  it.each(texts.map((t, i) => [i, t]))('text %i reads as parseSummary reads it', (_, text) => {
    const cache = new Map()
    expect(parseSummaryCached(text, cache)).toEqual(parseSummary(text))
    // Again, from the cache.
    expect(parseSummaryCached(text, cache)).toEqual(parseSummary(text))
  })
})

describe('spaceHistory on degraded repositories', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'history-degraded-'))
  const repo = path.join(tmp, 'repo')
  makeHistoryRepo(repo)

  it('a shallow clone: a warning, and the routes its commits know', () => {
    const clone = path.join(tmp, 'shallow')
    git(tmp, ['clone', '-q', '--depth', '2', `file://${repo}`, clone])
    const h = spaceHistory(loadSpace(path.join(clone, 'espace')), 'auto')!
    expect(h.warnings.join('\n')).toMatch(/shallow/)
    expect(h.commits).toBe(2)
  })

  it('no git on the PATH: a warning when asked for, silence in a folder without .git', () => {
    const saved = process.env.PATH
    process.env.PATH = path.join(tmp, 'empty-bin')
    try {
      const h = spaceHistory(loadSpace(path.join(repo, 'espace')), 'auto')!
      expect(h.warnings.join('\n')).toMatch(/git is not installed/)
      expect(h.redirects).toEqual([])
      const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'no-git-'))
      fs.writeFileSync(path.join(plain, 'README.md'), '# R\n')
      expect(spaceHistory(loadSpace(plain), 'auto')).toBeUndefined()
      expect(spaceHistory(loadSpace(plain), 'on')!.warnings.join('\n')).toMatch(/git is not installed/)
    } finally {
      process.env.PATH = saved
    }
  })

  it('--no-history: no walk at all', () => {
    expect(spaceHistory(loadSpace(path.join(repo, 'espace')), 'off')).toBeUndefined()
  })

  it('startSpaceHistory without a compiled thread (TypeScript sources): the same walk, on this thread', async () => {
    const space = loadSpace(path.join(repo, 'espace'))
    const { ms: _ms, ...started } = (await startSpaceHistory(space, 'auto'))!
    const { ms: _ms2, ...direct } = spaceHistory(space, 'auto')!
    expect(started.commits).toBeGreaterThan(1)
    expect(started).toEqual(direct)
    expect(await startSpaceHistory(space, 'off')).toBeUndefined()
  })

  it('startSpaceHistory: a walk that throws gives a warning and no redirects, not a stopped build', async () => {
    const space = loadSpace(path.join(repo, 'espace'))
    // Matching the walk against today's pages reads them: make that fail.
    Object.defineProperty(space, 'pages', { get: () => { throw new Error('pages unreadable') } })
    const h = await startSpaceHistory(space, 'auto')
    expect(h).toMatchObject({ redirects: [], deleted: [], commits: 0 })
    expect(h!.warnings).toEqual([expect.stringMatching(/^the history could not be read \(pages unreadable\): no redirects from it/)])
  })
})
