// Author content names routes that become files of the site and addresses in
// its links: a .gitbook.yaml redirect key, a SUMMARY.md group id (today's or
// one from the git history). Built with the real command line, a hostile
// space writes nothing outside the output folder, publishes no link or
// redirect to another host, and still builds; each refusal is a warning.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSpaceAsync, type BuildResult } from '../helpers/build'
import { git } from '../helpers/history-repo'
import { loadPage } from '../helpers/html'

let tmp: string
let out: string
let result: BuildResult
let crashOut: string
let crash: BuildResult

function write(dir: string, files: Record<string, string>): void {
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true })
    fs.writeFileSync(path.join(dir, f), text)
  }
}

/** Every file under `dir`, relative, forward slashes. */
function walk(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name
    return e.isDirectory() ? walk(dir, r) : [r]
  })
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'route-safety-build-'))
  // Three levels deep: `../../../x` from the output folder lands in `tmp`.
  out = path.join(tmp, 'a', 'b', 'site')
  const space = path.join(tmp, 'space')
  fs.mkdirSync(space)
  git(space, ['init', '-q'])
  write(space, {
    'README.md': '# Accueil\n',
    'page.md': '# Page\n\nTexte.\n',
    'SUMMARY.md': '# Sommaire\n\n* [Accueil](README.md)\n\n## Old <a href="#x" id="../../../hist"></a>\n\n* [Page](page.md)\n',
  })
  git(space, ['add', '-A'])
  git(space, ['commit', '-q', '-m', 'Import'])
  write(space, {
    'SUMMARY.md': '# Sommaire\n\n* [Accueil](README.md)\n\n## Evil <a href="#/evil.example" id="/evil.example"></a>\n\n* [Page](page.md)\n',
    '.gitbook.yaml': 'redirects:\n  "../../../yaml-escape": page.md\n  ancien/lien: page.md\n',
  })
  git(space, ['add', '-A'])
  git(space, ['commit', '-q', '-m', 'Groupe Evil'], '2024-01-02T12:00:00Z')
  result = await buildSpaceAsync({ src: space, out })

  // The same id in today's SUMMARY.md once stopped the whole build (Rollup).
  const crashSpace = path.join(tmp, 'crash')
  write(crashSpace, {
    'README.md': '# Accueil\n',
    'page.md': '# Page\n',
    'SUMMARY.md': '# Sommaire\n\n* [Accueil](README.md)\n\n## Old <a href="#x" id="../x"></a>\n\n* [Page](page.md)\n',
  })
  crashOut = path.join(tmp, 'crash-site')
  crash = await buildSpaceAsync({ src: crashSpace, out: crashOut })
})

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

describe('a space whose routes try to leave the site', () => {
  it('builds, and warns at the line of each refused route', () => {
    expect(result.status, result.log).toBe(0)
    expect(result.log).toMatch(/\.gitbook\.yaml:2:\d+: warning: .*\.\.\/\.\.\/\.\.\/yaml-escape/)
    expect(result.log).toMatch(/SUMMARY\.md:5:\d+: warning: .*\/evil\.example/)
  })

  it('writes nothing outside the output folder', () => {
    expect(fs.readdirSync(tmp).sort()).toEqual(['a', 'crash', 'crash-site', 'space'])
    expect(fs.readdirSync(path.join(tmp, 'a'))).toEqual(['b'])
    expect(fs.readdirSync(path.join(tmp, 'a', 'b'))).toEqual(['site'])
  })

  it('publishes the group under its title slug, and redirects the old routes there', () => {
    expect(loadPage(out, 'evil/page.html').document.querySelector('h1')?.textContent).toContain('Page')
    const map = fs.readFileSync(path.join(out, 'nginx-redirects.map'), 'utf8')
    expect(map).toContain('"/page" "/evil/page";')
    expect(map).toContain('"/ancien/lien" "/evil/page";')
    // The history's group, under its title slug: its id was not a path.
    expect(map).toContain('"/old/page" "/evil/page";')
    expect(map).not.toContain('..')
    expect(map).not.toMatch(/ "\/[/\\]/)
  })

  it('links nowhere protocol-relative: no page, redirect page or sidebar names //evil.example', () => {
    for (const f of walk(out).filter((f) => /\.(html|js|json|map|md|txt)$/.test(f))) {
      const text = fs.readFileSync(path.join(out, f), 'utf8')
      expect(text, f).not.toMatch(/["'(=]\/\/evil\.example|[/\\]{2}evil\.example/)
    }
    const stub = loadPage(out, 'page.html').document
    expect(stub.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe('/evil/page')
  })
})

describe('a group id that is not a path, in today’s SUMMARY.md', () => {
  it('is a warning; the group takes its title slug', () => {
    expect(crash.status, crash.log).toBe(0)
    expect(crash.log).toMatch(/SUMMARY\.md:5:\d+: warning: .*"\.\.\/x"/)
    expect(fs.existsSync(path.join(crashOut, 'old/page.html'))).toBe(true)
    expect(fs.existsSync(path.join(tmp, 'x'))).toBe(false)
  })
})
