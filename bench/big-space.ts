// A large GitBook space made of real pages: copies of docs/, the corpus space
// and the French search space under numbered folders, with one SUMMARY.md
// listing them all. Reused by benchmarks that need ~1,000 pages.
//   tsx bench/big-space.ts <out> [pages]
import fs from 'node:fs'
import path from 'node:path'
import { PROJECT_ROOT } from '../.vitepress/gitbook/site'

const SOURCES = ['docs', 'tests/spaces/corpus', 'tests/spaces/recherche']

/** Pages (`.md` but SUMMARY) of a space. */
function pagesOf(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md') && f !== 'SUMMARY.md' && !f.split(path.sep).includes('.gitbook'))
}

/** Write a space of at least `pages` pages at `out`; returns the page count. */
export function makeBigSpace(out: string, pages = 1000): number {
  fs.rmSync(out, { recursive: true, force: true })
  fs.mkdirSync(out, { recursive: true })
  const perCopy = SOURCES.reduce((n, s) => n + pagesOf(path.join(PROJECT_ROOT, s)).length, 0)
  const copies = Math.ceil(pages / perCopy)
  const summary = ['# Table of contents', '', '* [Accueil](README.md)', '']
  for (let i = 1; i <= copies; i++) {
    const n = String(i).padStart(3, '0')
    for (const src of SOURCES) {
      const from = path.join(PROJECT_ROOT, src)
      const prefix = `c${n}/${path.basename(src)}`
      fs.cpSync(from, path.join(out, prefix), { recursive: true, filter: (f) => path.basename(f) !== 'SUMMARY.md' })
      // The copy's SUMMARY, its links moved under the copy's folder.
      for (const line of fs.readFileSync(path.join(from, 'SUMMARY.md'), 'utf8').split('\n')) {
        if (/^# /.test(line) || !line.trim()) continue
        if (/^## /.test(line)) summary.push('', `## ${n} ${line.slice(3)}`, '')
        else summary.push(line.replace(/\]\((?!https?:)([^)]+)\)/, (_, p) => `](${prefix}/${p})`))
      }
    }
  }
  fs.writeFileSync(path.join(out, 'SUMMARY.md'), summary.join('\n') + '\n')
  fs.writeFileSync(path.join(out, 'README.md'), '# Accueil\n\nUn espace de mille pages pour mesurer la recherche.\n')
  return pagesOf(out).length
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const [out, pages] = process.argv.slice(2)
  if (!out) throw new Error('usage: tsx bench/big-space.ts <out> [pages]')
  console.log(`${makeBigSpace(path.resolve(out), Number(pages ?? 1000))} pages in ${out}`)
}
