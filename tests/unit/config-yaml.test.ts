// `.gitbook.yaml` and `.gitbook/vars.yaml` are read by the `yaml` package,
// whose alias limit throws on nested aliases ("billion laughs"): that error
// stopped the whole build with no file:line. It is now a warning at the
// first alias, and the defaults are used.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../.vitepress/gitbook/diagnostics'
import { parseGitbookYaml } from '../../.vitepress/gitbook/gitbook-yaml'
import { readSpaceVars } from '../../.vitepress/gitbook/transforms/variables'

/** Nine anchors, each a list of nine aliases of the one before: 9⁹ values once read out. */
function aliasBomb(): string {
  const names = 'abcdefghi'
  const lines = [`a: &a [${Array(9).fill('"lol"').join(', ')}]`]
  for (let i = 1; i < 9; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]`)
  return `${lines.join('\n')}\n`
}

describe('.gitbook.yaml with too many aliases', () => {
  it('is reported at its first alias, and the defaults are used', () => {
    const diagnostics: Diagnostic[] = []
    expect(parseGitbookYaml(`root: ./pages\n${aliasBomb()}`, diagnostics)).toEqual({})
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]).toMatchObject({ file: '.gitbook.yaml', line: 3, column: 8, severity: 'warning', code: 'config-yaml-aliases' })
    expect(diagnostics[0].message).toMatch(/^\.gitbook\.yaml uses too many YAML aliases/)
    expect(diagnostics[0].hint).toMatch(/the defaults are used meanwhile$/)
  })

  it('still reads ordinary aliases', () => {
    const diagnostics: Diagnostic[] = []
    const conf = parseGitbookYaml('structure:\n  summary: &toc toc.md\nredirects:\n  ancien: *toc\n', diagnostics)
    expect(diagnostics).toEqual([])
    expect(conf.structure?.summary).toBe('toc.md')
    expect(conf.redirects).toEqual({ ancien: 'toc.md' })
  })
})

describe('.gitbook/vars.yaml with too many aliases', () => {
  const dirs: string[] = []
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))
  const space = (vars: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gb-vars-'))
    dirs.push(dir)
    fs.mkdirSync(path.join(dir, '.gitbook'))
    fs.writeFileSync(path.join(dir, '.gitbook/vars.yaml'), vars)
    return dir
  }

  it('is reported at its first alias, and the space has no variables', () => {
    const diagnostics: Diagnostic[] = []
    expect(readSpaceVars(space(aliasBomb()), diagnostics)).toEqual({})
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]).toMatchObject({ file: '.gitbook/vars.yaml', line: 2, column: 8, severity: 'warning', code: 'vars-yaml' })
    expect(diagnostics[0].message).toMatch(/^\.gitbook\/vars\.yaml uses too many YAML aliases/)
    expect(diagnostics[0].hint).toMatch(/the space variables are shown as written meanwhile$/)
  })

  it('still reads ordinary aliases', () => {
    const diagnostics: Diagnostic[] = []
    expect(readSpaceVars(space('produit: &p Manuel\ntitre: *p\n'), diagnostics)).toEqual({ produit: 'Manuel', titre: 'Manuel' })
    expect(diagnostics).toEqual([])
  })
})
