// Routes come from author content (.gitbook.yaml redirect keys, SUMMARY.md
// group ids, file names in the git history) and become file paths in the
// output folder and URLs in links, redirect pages and the nginx map: none may
// leave the output folder, and no URL may be protocol-relative (`//host`).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { placePages } from '../../.vitepress/gitbook/placement'
import { nginxRedirectMap, writeRedirects } from '../../.vitepress/gitbook/redirects'
import { historyRedirects, parseLog, walkHistory } from '../../.vitepress/gitbook/route-history'
import { loadSpace } from '../../.vitepress/gitbook/space'
import { parseSummary } from '../../.vitepress/gitbook/summary'
import { groupSlug, routeToUrl } from '../../.vitepress/gitbook/urls'

const made: string[] = []
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

function tmpSpace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'route-safety-'))
  made.push(dir)
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true })
    fs.writeFileSync(path.join(dir, f), text)
  }
  return dir
}

const place = (summary: string, markdown: string[]) =>
  placePages({ markdown, groups: parseSummary(summary), summaryFile: 'SUMMARY.md', readmeFile: 'README.md' })

const Z = '0'.repeat(40)
const blobs = new Map<string, string>()
let blobCount = 0
/** A blob id for `text`, registered for the walk. */
function blob(text: string): string {
  const sha = (++blobCount).toString(16).padStart(40, 'b')
  blobs.set(sha, text)
  return sha
}
/** One commit of `git log -z --raw --no-abbrev --format=%x01%H%x02%ct%x02%s` output. */
function commit(i: number, subject: string, changes: [string, string, ...string[]][]): string {
  let out = `\u0001${String(i).padStart(40, 'c')}\u0002${1700000000 + i * 86400}\u0002${subject}\0\n`
  for (const [status, sha, ...paths] of changes) out += `:100644 100644 ${Z} ${status === 'D' ? Z : sha} ${status}\0${paths.join('\0')}\0`
  return out
}

describe('group slugs', () => {
  it('keep a legitimate custom id as written', () => {
    expect(groupSlug('Mon groupe', 'mon-groupe')).toBe('mon-groupe')
    expect(groupSlug('Get Started', 'getting-started')).toBe('getting-started')
    expect(groupSlug('Versions', 'v1.2_beta')).toBe('v1.2_beta')
  })

  it('fall back to the title slug when the id is not one safe segment', () => {
    for (const id of ['../x', '..', '.', '/evil.example', '//evil.example', '\\evil.example', 'a/b', 'a\\b', 'a\u0000b', 'a\nb']) {
      expect(groupSlug('Old Title', id), JSON.stringify(id)).toBe('old-title')
    }
  })

  it('never start with `..`, which Rollup refuses in the chunk name VitePress derives from the route', () => {
    expect(groupSlug('Old', '..foo')).toBe('old')
    expect(groupSlug('...Et ensuite')).toBe('et-ensuite')
    expect(groupSlug('.NET')).toBe('.net')
  })

  it('are empty when the title gives no safe segment either', () => {
    expect(groupSlug('..')).toBe('')
    expect(groupSlug('.')).toBe('')
    expect(groupSlug('🚀')).toBe('')
    expect(groupSlug('🚀', '../x')).toBe('')
  })
})

describe('placement of a group with an unsafe id', () => {
  it('publishes its pages under the title slug and warns at the heading line', () => {
    const r = place('* [Accueil](README.md)\n\n## Old <a href="#x" id="../../../../tmp/probe2-hist"></a>\n\n* [Page](page.md)\n', ['README.md', 'page.md'])
    expect(r.placed.get('page.md')!.route).toBe('old/page')
    const d = r.diagnostics.find((x) => x.code === 'summary-group-id')!
    expect(d).toMatchObject({ file: 'SUMMARY.md', line: 3, severity: 'warning' })
    expect(d.message).toContain('../../../../tmp/probe2-hist')
  })

  it('never gives a route starting with a slash (protocol-relative link)', () => {
    const r = place('## Evil <a href="#/evil.example" id="/evil.example"></a>\n\n* [Page](page.md)\n', ['page.md'])
    expect(r.placed.get('page.md')!.route).toBe('evil/page')
    expect(r.diagnostics.map((x) => x.code)).toContain('summary-group-id')
  })

  it('publishes the pages of a group without a slug at the top, with a warning', () => {
    const r = place('## 🚀\n\n* [Page](page.md)\n\n## ..\n\n* [Autre](autre.md)\n', ['autre.md', 'page.md'])
    expect(r.placed.get('page.md')!.route).toBe('page')
    expect(r.placed.get('autre.md')!.route).toBe('autre')
    expect(r.diagnostics.filter((x) => x.code === 'summary-group-id').map((x) => x.line)).toEqual([1, 5])
  })

  it('keeps a legitimate id', () => {
    const r = place('## Mon groupe <a href="#mon-groupe" id="mon-groupe"></a>\n\n* [Page](page.md)\n', ['page.md'])
    expect(r.placed.get('page.md')!.route).toBe('mon-groupe/page')
    expect(r.diagnostics).toEqual([])
  })
})

describe('group ids in the git history', () => {
  it('an unsafe group id of an older SUMMARY.md gives a redirect from its title slug only', () => {
    const p = blob('# Page\n')
    const log = parseLog(
      commit(1, 'Import', [['A', p, 'page.md'], ['A', blob('## Old <a href="#x" id="../../../../tmp/probe2-hist"></a>\n\n* [Page](page.md)\n'), 'SUMMARY.md']]) +
        commit(2, 'Nouveau groupe', [['M', blob('## New\n\n* [Page](page.md)\n'), 'SUMMARY.md']]),
    )
    const space = loadSpace(tmpSpace({ 'page.md': '# Page\n', 'SUMMARY.md': '## New\n\n* [Page](page.md)\n' }))
    const { redirects } = historyRedirects(space, walkHistory(log, blobs))
    expect(redirects.map((r) => [r.from, r.to])).toEqual([['old/page', 'new/page']])
  })
})

describe('.gitbook.yaml redirect keys', () => {
  it('drops a key that is not a safe route, with a warning at its line', () => {
    const dir = tmpSpace({
      '.gitbook.yaml': 'redirects:\n  ancien/lien: page.md\n  "../../../../tmp/probe1-redir-escape": page.md\n  "a\\\\b": page.md\n  "//evil.example/x": page.md\n',
      'README.md': '# Accueil\n',
      'page.md': '# Page\n',
      'SUMMARY.md': '* [Accueil](README.md)\n* [Page](page.md)\n',
    })
    const space = loadSpace(dir)
    const yaml = space.redirects.filter((r) => r.source === '.gitbook.yaml').map((r) => r.from)
    // A leading slash is dropped, as GitBook writes keys without one.
    expect(yaml.sort()).toEqual(['ancien/lien', 'evil.example/x'])
    const warnings = space.diagnostics.filter((d) => d.code === 'redirect-unsafe-path')
    expect(warnings.map((d) => [d.file, d.line])).toEqual([
      ['.gitbook.yaml', 3],
      ['.gitbook.yaml', 4],
    ])
    expect(warnings[0].message).toContain('../../../../tmp/probe1-redir-escape')
  })
})

describe('history routes', () => {
  it('drops an older route that is not a safe path, with a warning', () => {
    const p = blob('# Page\n')
    const q = blob('# Autre\n')
    const log = parseLog(
      commit(1, 'Import', [['A', p, 'a\\b.md'], ['A', q, 'x\u0001y.md']]) +
        commit(2, 'Renommer', [['R100', p, 'a\\b.md', 'c.md'], ['R100', q, 'x\u0001y.md', 'd.md']]),
    )
    const space = loadSpace(tmpSpace({ 'c.md': '# C\n', 'd.md': '# D\n' }))
    const { redirects, warnings } = historyRedirects(space, walkHistory(log, blobs))
    expect(redirects).toEqual([])
    expect(warnings).toHaveLength(2)
    expect(warnings.join('\n')).toContain(JSON.stringify('a\\b.md'))
    expect(warnings.join('\n')).toMatch(/backslash[\s\S]*control character|control character[\s\S]*backslash/)
  })
})

describe('writeRedirects', () => {
  it('never writes outside the output folder', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'route-safety-out-'))
    const out = path.join(tmp, 'a', 'b', 'site')
    fs.mkdirSync(out, { recursive: true })
    const n = writeRedirects(out, '/', [
      { from: '../../../escape', to: 'page', source: '.gitbook.yaml' },
      { from: '../../../dir/page', to: 'page', source: 'git history' },
      { from: '/abs', to: 'page', source: 'test' },
      { from: 'ok/old', to: 'page', source: 'test' },
    ])
    expect(n).toBe(1)
    expect(fs.existsSync(path.join(tmp, 'escape.html'))).toBe(false)
    expect(fs.existsSync(path.join(tmp, 'dir'))).toBe(false)
    expect(fs.existsSync(path.join(out, 'ok/old.html'))).toBe(true)
    const map = fs.readFileSync(path.join(out, 'nginx-redirects.map'), 'utf8')
    expect(map).not.toContain('..')
    expect(map).not.toContain('abs')
    fs.rmSync(tmp, { recursive: true, force: true })
  })
})

describe('no protocol-relative URL', () => {
  it('routeToUrl refuses a route or base that would start with // or /\\', () => {
    expect(routeToUrl('a/b', '/')).toBe('/a/b')
    expect(routeToUrl('a\\b', '/')).toBe('/a%5Cb')
    expect(() => routeToUrl('/evil.example/page', '/')).toThrow(/protocol-relative|\/\//)
    expect(() => routeToUrl('x', '/\\evil.example/')).toThrow()
  })

  it('nginxRedirectMap never gives a value starting with // or /\\', () => {
    const map = nginxRedirectMap('/', [
      { from: 'page', to: '/evil.example/page', source: 'test' },
      { from: 'old', to: 'page', source: 'test' },
    ])
    expect(map).toContain('"/old" "/page";')
    expect(map).not.toMatch(/ "\/[/\\]/)
  })
})
