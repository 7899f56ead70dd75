// The import command on the raw pages as handed over: the two mojibake pages
// come out exactly right, the three clean ones byte for byte, and docs/ is
// exactly what the import makes of the export.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { mojibakeLines, repairMojibake } from '../../.vitepress/gitbook/mojibake'
import { importSpace } from '../../.vitepress/gitbook/importer'
import { ROOT } from '../helpers/build'

const EXPORT = path.join(ROOT, 'import/dnum-export')
const TEAM = 'preparer-et-lancer/les-differents-roles-et-metiers'
const read = (p: string) => fs.readFileSync(p)

describe('mojibake repair', () => {
  it('repairs 000 exactly: accents, apostrophes, ZWJ emoji', () => {
    const raw = read(path.join(EXPORT, TEAM, 'responsable-metier.md')).toString('utf8')
    expect(raw).toContain('m√©tier')
    const r = repairMojibake(raw)!
    expect(r.codec).toBe('macintosh')
    expect(r.text.startsWith('# 👷‍♀️ Responsable métier (PM)\n')).toBe(true)
    expect(r.text).toContain('Pour exercer ce rôle efficacement')
    expect(r.text).toContain('piloter l’impact')
    expect(r.text).not.toMatch(/√|‚Äô|\uf8ff/)
    expect(mojibakeLines(r.text)).toEqual([])
  })

  it('repairs 002 exactly, including œ', () => {
    const r = repairMojibake(read(path.join(EXPORT, TEAM, 'responsable-produit.md')).toString('utf8'))!
    expect(r.text).toContain('# 👷‍♀️ Responsable produit')
    expect(r.text).toContain('mise en œuvre concrète')
    expect(r.text).toContain('d’homologation')
  })

  it('leaves clean pages alone, even with ’é pairs that decode as another script', () => {
    for (const f of [`${TEAM}/README.md`, 'roles/responsable-metier.md', 'roles/product-manager.md']) {
      const text = read(path.join(EXPORT, f)).toString('utf8')
      expect(repairMojibake(text), f).toBeNull()
      expect(mojibakeLines(text), f).toEqual([])
    }
    expect(repairMojibake('avec l’équipe technique')).toBeNull()
  })

  it('repairs Windows-1252 mojibake too', () => {
    const r = repairMojibake('AccÃ¨s au rÃ´le de lâ€™Ã©quipe')!
    expect(r.codec).toBe('win1252')
    expect(r.text).toBe('Accès au rôle de l’équipe')
  })

  it('flags the lines of a page that still looks like mojibake', () => {
    expect(mojibakeLines('# Titre\n\nLes m√©tiers\nclean line\n')).toEqual([3])
    // A line partly edited by hand is caught; clean French never is («é would read as ǎ).
    expect(mojibakeLines('«écrire» et l’équipe\nLes m√©tiers et l’équipe\n')).toEqual([2])
  })

  it('never repairs one non-ASCII character alone, which mojibakeLines therefore skips', () => {
    // Every character of the two code pages, and the rest of the BMP's letters and signs.
    const repaired: string[] = []
    for (let c = 0x80; c < 0xd800; c++) if (repairMojibake(String.fromCharCode(c))) repaired.push(c.toString(16))
    expect(repaired).toEqual([])
    // Two characters of mojibake (`é` read as Windows-1252) inside clean words are still found.
    expect(mojibakeLines('un mÃ©tier, une équipe')).toEqual([1])
  })
})

describe('npm run import', () => {
  it('copies the export, repairs two pages, says so, and leaves clean pages byte for byte', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'import-'))
    const r = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['bin/import.ts', EXPORT, '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
    })
    expect(r.status).toBe(0)
    expect(r.stdout).toContain(`repaired ${TEAM}/responsable-metier.md: UTF-8 that had been read as Mac OS Roman`)
    expect(r.stdout).toContain(`repaired ${TEAM}/responsable-produit.md`)
    expect(r.stdout).toContain('2 repaired')
    for (const f of [`${TEAM}/README.md`, 'roles/responsable-metier.md', 'roles/product-manager.md', 'SUMMARY.md']) {
      expect(read(path.join(out, f)).equals(read(path.join(EXPORT, f))), f).toBe(true)
    }
  })

  it('docs/ is exactly the output of the import', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'import-'))
    const files = importSpace(EXPORT, out)
    for (const f of files) {
      expect(read(path.join(out, f.file)).equals(read(path.join(ROOT, 'docs', f.file))), f.file).toBe(true)
    }
  })

  it('the export holds the seed pages exactly as handed over', () => {
    const seeds = path.join(ROOT, '../shared/seeds')
    if (!fs.existsSync(seeds)) return
    const pairs: [string, string][] = [
      ['000_eb4ff8f9b2985376.txt', `${TEAM}/responsable-metier.md`],
      ['001_d1a9976bf8852172.txt', 'roles/responsable-metier.md'],
      ['002_d264c9d258844260.txt', `${TEAM}/responsable-produit.md`],
      ['003_7de55e3fcd33f25c.txt', 'roles/product-manager.md'],
      ['004_67b37892ca3c3659.txt', `${TEAM}/README.md`],
    ]
    for (const [seed, file] of pairs) {
      expect(read(path.join(seeds, seed)).equals(read(path.join(EXPORT, file))), file).toBe(true)
    }
  })
})
