// Two builds started from one checkout at the same time (two spaces built side
// by side in CI, a bench next to the tests) both finish: each build process
// has its own temporary folder (.vitepress/gitbook/build-temp.ts). They used
// to share `.vitepress/.temp` and one died with ERR_MODULE_NOT_FOUND.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { buildSpaceAsync, OUTPUT, ROOT } from '../helpers/build'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'concurrent-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

function space(name: string, pages: number): string {
  const dir = path.join(tmp, name)
  fs.mkdirSync(dir, { recursive: true })
  const summary = ['# Sommaire', '']
  for (let i = 1; i <= pages; i++) {
    fs.writeFileSync(path.join(dir, `page-${i}.md`), `# ${name} ${i}\n\nTexte de la page ${i} de ${name}.\n`)
    summary.push(`* [${name} ${i}](page-${i}.md)`)
  }
  fs.writeFileSync(path.join(dir, 'README.md'), `# ${name}\n\nAccueil.\n`)
  fs.writeFileSync(path.join(dir, 'SUMMARY.md'), ['# Sommaire', '', `* [${name}](README.md)`, ...summary.slice(2)].join('\n') + '\n')
  return dir
}

it('two builds run side by side from one checkout, both complete', { timeout: 420_000 }, async () => {
  const outs = ['alpha', 'beta'].map((n) => path.join(OUTPUT, `concurrent-${n}`))
  for (const o of outs) fs.rmSync(o, { recursive: true, force: true })
  const [a, b] = await Promise.all([
    buildSpaceAsync({ src: space('alpha', 12), out: outs[0] }),
    buildSpaceAsync({ src: space('beta', 3), out: outs[1] }),
  ])
  expect(a.status, a.log).toBe(0)
  expect(b.status, b.log).toBe(0)
  for (let i = 1; i <= 12; i++) expect(fs.existsSync(path.join(outs[0], `page-${i}.html`)), `alpha page-${i}`).toBe(true)
  expect(fs.readFileSync(path.join(outs[1], 'page-3.html'), 'utf8')).toContain('Texte de la page 3 de beta.')
  // Each build cleans up after itself.
  expect(fs.readdirSync(path.join(ROOT, '.vitepress')).filter((f) => f.startsWith('.temp-'))).toEqual([])
})
