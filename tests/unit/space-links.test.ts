// A space never reads a file of the machine outside it: symbolic links are
// neither followed nor published, and .gitbook.yaml paths stay in the space.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadSpace } from '../../.vitepress/gitbook/space'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gb-space-links-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const outside = path.join(tmp, 'ailleurs')
fs.mkdirSync(outside)
fs.writeFileSync(path.join(outside, 'secret.md'), '# Secret\n\nSECRET-PAGE\n')
fs.writeFileSync(path.join(outside, 'summary.md'), '# S\n\n* [Secret](secret.md)\n')
fs.writeFileSync(path.join(outside, 'vars.yaml'), 'v: SECRET-VARS\n')

function space(name: string, files: Record<string, string>, links: Record<string, string> = {}): string {
  const dir = path.join(tmp, name)
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    fs.writeFileSync(path.join(dir, rel), text)
  }
  for (const [rel, target] of Object.entries(links)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    fs.symlinkSync(target, path.join(dir, rel))
  }
  return dir
}

const messages = (dir: string) => loadSpace(dir).diagnostics.map((d) => `${d.file}: ${d.message}`)

describe('symbolic links', () => {
  const dir = space(
    'liens',
    { 'README.md': '# Accueil\n', 'vraie.md': '# Vraie\n' },
    {
      'page.md': path.join(outside, 'secret.md'),
      dossier: outside,
      'SUMMARY.md': path.join(outside, 'summary.md'),
      '.gitbook/vars.yaml': path.join(outside, 'vars.yaml'),
      'alias.md': 'vraie.md',
    },
  )

  it('are not pages, and say so; VitePress is told to leave them out', () => {
    const s = loadSpace(dir)
    expect([...s.pages.keys()].sort()).toEqual(['README.md', 'vraie.md'])
    expect(s.links).toEqual(['alias.md', 'dossier', 'page.md', 'SUMMARY.md'].sort())
    expect(messages(dir)).toEqual(
      expect.arrayContaining([
        'page.md: page.md is a symbolic link: it is neither read nor published',
        'dossier: dossier is a symbolic link: it is neither read nor published',
        'alias.md: alias.md is a symbolic link: it is neither read nor published',
      ]),
    )
  })

  it('SUMMARY.md and .gitbook/vars.yaml linking outside the space are not read', () => {
    const s = loadSpace(dir)
    expect(s.groups).toEqual([])
    expect(s.vars).toEqual({})
    expect(messages(dir)).toEqual(
      expect.arrayContaining([
        'SUMMARY.md: SUMMARY.md is a symbolic link to a file outside the space: it is not read',
        '.gitbook/vars.yaml: .gitbook/vars.yaml is a symbolic link to a file outside the space: it is not read',
      ]),
    )
  })
})

describe('.gitbook.yaml paths', () => {
  it('a root, summary or readme that leaves the space is refused, GitBook’s default used', () => {
    const dir = space('racine', {
      'README.md': '# Accueil\n',
      'SUMMARY.md': '# T\n\n* [Accueil](README.md)\n',
      '.gitbook.yaml': 'root: ../ailleurs\nstructure:\n  readme: ../../etc/hostname\n  summary: ../ailleurs/summary.md\n',
    })
    const s = loadSpace(dir)
    expect(s.root).toBe(dir)
    expect([...s.pages.keys()]).toEqual(['README.md'])
    expect(messages(dir)).toEqual([
      '.gitbook.yaml: root "../ailleurs" leaves the space; GitBook’s default is used',
      '.gitbook.yaml: structure.summary "../ailleurs/summary.md" leaves the space; GitBook’s default is used',
      '.gitbook.yaml: structure.readme "../../etc/hostname" leaves the space; GitBook’s default is used',
    ])
  })

  it('a leading / is the space’s own root, as in GitBook', () => {
    const dir = space('absolue', { 'docs/README.md': '# Accueil\n', 'docs/SUMMARY.md': '# T\n\n* [Accueil](README.md)\n', '.gitbook.yaml': 'root: /docs/\n' })
    const s = loadSpace(dir)
    expect(s.root).toBe(path.join(dir, 'docs'))
    expect(messages(dir)).toEqual([])
  })

  it('a root folder that is a link out of the space is refused', () => {
    const dir = space('racine-lien', { 'README.md': '# Accueil\n', '.gitbook.yaml': 'root: docs\n' }, { docs: outside })
    const s = loadSpace(dir)
    expect(s.root).toBe(path.resolve(dir))
    expect(messages(dir)).toContain('docs: docs is a symbolic link to a file outside the space: it is not read')
  })
})
