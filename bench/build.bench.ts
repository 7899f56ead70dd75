// npm run bench [-- --runs 5]: build time and page weight of the handbook,
// against plain VitePress on the same pages, run side by side (alternating) so
// machine noise hits both. Reports medians and ratios, never lone timings.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { parseArgs } from 'node:util'
import { parseHTML } from 'linkedom'
import { PROJECT_ROOT } from '../.vitepress/gitbook/site'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } })
const RUNS = Number(values.runs)
const WORK = path.join(PROJECT_ROOT, '.bench')
const PLAIN = path.join(WORK, 'plain')
const OURS_OUT = path.join(WORK, 'ours-dist')
const PLAIN_OUT = path.join(PLAIN, '.vitepress/dist')
const bin = (name: string) => path.join(PROJECT_ROOT, 'node_modules/.bin', name)

/**
 * Plain VitePress cannot build GitBook pages (`{% endhint %}` becomes a Vue
 * attribute error, `layout:` empties the page), so its copy drops tag lines
 * and front matter: same text, same size, nothing GitBook-specific.
 */
function preparePlain(): void {
  fs.rmSync(PLAIN, { recursive: true, force: true })
  const src = path.join(PROJECT_ROOT, 'docs')
  for (const file of fs.readdirSync(src, { recursive: true }).map(String)) {
    if (!file.endsWith('.md') || file === 'SUMMARY.md') continue
    const text = fs
      .readFileSync(path.join(src, file), 'utf8')
      .replace(/^---\n[\s\S]*?\n---\n/, '')
      .replace(/^\{%.*%\}\s*$/gm, '')
    const dest = path.join(PLAIN, file.replace(/README\.md$/, 'index.md'))
    fs.mkdirSync(path.dirname(dest), { recursive: true })
    fs.writeFileSync(dest, text)
  }
  fs.mkdirSync(path.join(PLAIN, '.vitepress'), { recursive: true })
  fs.writeFileSync(
    path.join(PLAIN, '.vitepress/config.mts'),
    "export default { lang: 'fr-FR', title: 'Plain', cleanUrls: true, ignoreDeadLinks: true, markdown: { math: true }, themeConfig: { search: { provider: 'local' } } }\n",
  )
}

function timed(cmd: string, args: string[]): number {
  const start = process.hrtime.bigint()
  const r = spawnSync(cmd, args, { cwd: PROJECT_ROOT, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}${r.stderr}`)
  return Number(process.hrtime.bigint() - start) / 1e9
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** Bytes a first visit to one page downloads: HTML, its CSS and its JS (module preloads). */
function pageWeight(dist: string, htmlFile: string) {
  const html = fs.readFileSync(path.join(dist, htmlFile))
  const { document } = parseHTML(html.toString())
  const refs = new Set<string>()
  for (const el of document.querySelectorAll('link[rel="stylesheet"], link[rel="modulepreload"], script[src]')) {
    refs.add((el.getAttribute('href') ?? el.getAttribute('src'))!)
  }
  let raw = html.length
  let gz = zlib.gzipSync(html).length
  for (const ref of refs) {
    const file = path.join(dist, ref.replace(/^\//, ''))
    if (!fs.existsSync(file)) continue
    const buf = fs.readFileSync(file)
    raw += buf.length
    gz += zlib.gzipSync(buf).length
  }
  return { html: html.length, files: refs.size + 1, raw, gz }
}

preparePlain()
const ours: number[] = []
const plain: number[] = []
for (let i = 0; i < RUNS; i++) {
  ours.push(timed(bin('tsx'), ['bin/gitbook.ts', 'build', '--out', OURS_OUT]))
  plain.push(timed(bin('vitepress'), ['build', PLAIN]))
  process.stdout.write(`run ${i + 1}/${RUNS}: ours ${ours[i].toFixed(2)} s, plain ${plain[i].toFixed(2)} s\n`)
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`
const w1 = pageWeight(OURS_OUT, 'cadrer/les-differents-roles-et-metiers/responsable-metier.html')
const w2 = pageWeight(PLAIN_OUT, 'preparer-et-lancer/les-differents-roles-et-metiers/responsable-metier.html')
console.log(`\nbuild time, median of ${RUNS}: ours ${median(ours).toFixed(2)} s, plain VitePress ${median(plain).toFixed(2)} s, ratio ${(median(ours) / median(plain)).toFixed(2)}`)
console.log(`page weight (responsable-metier, HTML + CSS + JS): ours ${kb(w1.raw)} (${kb(w1.gz)} gzip, ${w1.files} files, HTML ${kb(w1.html)}); plain ${kb(w2.raw)} (${kb(w2.gz)} gzip, ${w2.files} files, HTML ${kb(w2.html)}); ratio ${(w1.gz / w2.gz).toFixed(2)} gzip`)
