// npm run bench [-- --sizes docs,100,1000,3000 --runs 3]: our build against
// plain VitePress 1.6.4 on the same Markdown, run alternately so machine noise
// hits both: median time, peak memory, dist/ size and one page's HTML (raw and
// gzip), each with its ratio to plain VitePress. The spaces of 100, 1,000 and
// 3,000 pages are generated from the project's own pages (generate-space.ts);
// 3,000 pages run once (--large-from, --large-runs). Prints the table and writes it to bench/results.md,
// above the section « Earlier runs », which is kept.
// Figures only: nothing here is asserted.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { parseArgs } from 'node:util'
import { PROJECT_ROOT } from '../.vitepress/gitbook/site'
import { loadSpace } from '../.vitepress/gitbook/space'
import { launchBrowser } from '../tests/helpers/browser'
import { devTable, measureDevBoth, type DevPair } from './dev'
import { generateSpace, plainCopy } from './generate-space'
import { buildArgs } from '../bin/build-process'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'docs,100,1000,3000' },
    runs: { type: 'string', default: '3' },
    dev: { type: 'string', default: '1000' },
    // Spaces from this many pages are built `large-runs` times only.
    'large-from': { type: 'string', default: '3000' },
    'large-runs': { type: 'string', default: '1' },
  },
})
const RUNS = Number(values.runs)
const WORK = path.join(PROJECT_ROOT, '.bench')
const VITEPRESS = path.join(PROJECT_ROOT, 'node_modules/vitepress/bin/vitepress.js')
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null
/** Without GNU time: the child's own peak, printed as it exits. */
const MAX_RSS_HOOK = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('maxRSS '+u.maxRSS+' cpu '+(u.userCPUTime+u.systemCPUTime)/1e6+'\\n')})`
/** The page whose HTML is weighed: a docs/ page, in its first copy. */
const PAGE = 'les-differents-roles-et-metiers/responsable-metier.html'

interface Run {
  seconds: number
  /** Peak resident memory, bytes. */
  rss: number
  /** User + system CPU seconds: steadier than wall time on a shared machine. */
  cpu: number
}

function run(args: string[], allowErrors: boolean): Run {
  const cmd = TIME ? [TIME, '-v', process.execPath, ...args] : [process.execPath, '--import', MAX_RSS_HOOK, ...args]
  const start = process.hrtime.bigint()
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 1 << 28 })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  // Our build exits 1 when the content has errors, after writing the site.
  if (r.status !== 0 && !(allowErrors && r.status === 1)) {
    throw new Error(`${args.join(' ')} failed (${r.status}):\n${r.stdout.slice(-3000)}${r.stderr.slice(-3000)}`)
  }
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? /maxRSS (\d+)/.exec(r.stderr)?.[1]
  const cpu = TIME
    ? Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1] ?? 0) + Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1] ?? 0)
    : Number(/ cpu ([\d.]+)/.exec(r.stderr)?.[1] ?? 0)
  return { seconds, rss: Number(kb ?? 0) * 1024, cpu }
}

function dirSize(dir: string): number {
  let total = 0
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) total += fs.statSync(path.join(e.parentPath, e.name)).size
  }
  return total
}

/** The weighed page's HTML file in `dist`, `/`-separated. */
function pageFile(dist: string): string {
  return fs
    .readdirSync(dist, { recursive: true })
    .map((f) => String(f).split(path.sep).join('/'))
    .filter((f) => f.endsWith(PAGE))
    .sort()
    // Not the forwarding stub at the page's file path: the page itself.
    .find((f) => !fs.readFileSync(path.join(dist, f), 'utf8').includes('http-equiv="refresh"'))!
}

function pageHtml(dist: string): { raw: number; gzip: number } {
  const file = pageFile(dist)
  const html = fs.readFileSync(path.join(dist, file))
  return { raw: html.length, gzip: zlib.gzipSync(html).length }
}

/**
 * A build that exits early may still leave a dist/ that looks fine from afar
 * (a truncated 1,000-page site once measured as a fast build): every page
 * must have its HTML file, forwarding stubs left out.
 */
function checkComplete(dist: string, pages: number, what: string): void {
  const html = fs
    .readdirSync(dist, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.html') && !fs.readFileSync(path.join(dist, f), 'utf8').includes('http-equiv="refresh"'))
  if (html.length < pages) throw new Error(`${what}: ${html.length} pages in ${dist}, ${pages} expected: the build did not finish`)
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

interface Row {
  size: string
  pages: number
  runs: number
  ours: { time: number; cpu: number; rss: number; dist: number; raw: number; gzip: number }
  plain: Row['ours']
  /**
   * Median of each pair's ratio (ours, then plain right after): the load of a
   * shared machine drifts over minutes, and a pair shares it where two
   * medians taken over the whole run may not.
   */
  pairs: number
  dev?: DevPair[]
}

async function measure(size: string): Promise<Row> {
  const space = size === 'docs' ? path.join(PROJECT_ROOT, 'docs') : path.join(WORK, `space-${size}`)
  const plain = path.join(WORK, `plain-${size}`)
  const oursOut = path.join(WORK, `ours-${size}`)
  const plainOut = path.join(plain, '.vitepress/dist')
  const pages = size === 'docs' ? loadSpace(space).pages.size : generateSpace(space, Number(size)).pages
  plainCopy(space, plain)
  // Pages each side must write: ours publishes the space's pages, plain VitePress every Markdown file.
  const expected = { ours: loadSpace(space).pages.size, plain: fs.readdirSync(plain, { recursive: true }).map(String).filter((f) => f.endsWith('.md') && !f.split(path.sep).some((s) => s.startsWith('.'))).length }
  const runs = Number(size) >= Number(values['large-from']) ? Number(values['large-runs']) : RUNS
  const ours: Run[] = []
  const other: Run[] = []
  for (let i = 0; i < runs; i++) {
    ours.push(run(buildArgs(['--src', space, '--out', oursOut]), size !== 'docs'))
    checkComplete(oursOut, expected.ours, `ours, ${size}`)
    other.push(run([VITEPRESS, 'build', plain], false))
    checkComplete(plainOut, expected.plain, `plain, ${size}`)
    console.log(`${size}: run ${i + 1}/${runs}: ours ${ours[i].seconds.toFixed(1)} s (CPU ${ours[i].cpu.toFixed(1)} s), plain ${other[i].seconds.toFixed(1)} s (CPU ${other[i].cpu.toFixed(1)} s), ${x(ours[i].seconds, other[i].seconds)}`)
  }
  const sum = (rs: Run[], dist: string) => ({
    time: median(rs.map((r) => r.seconds)),
    cpu: median(rs.map((r) => r.cpu)),
    rss: median(rs.map((r) => r.rss)),
    dist: dirSize(dist),
    ...pageHtml(dist),
  })
  const pairs = median(ours.map((r, i) => r.seconds / other[i].seconds))
  const row: Row = { size, pages, runs, ours: sum(ours, oursOut), plain: sum(other, plainOut), pairs }
  if (values.dev.split(',').includes(size)) {
    // In Chromium, on the same page for both (dev.ts); one run.
    const browser = await launchBrowser()
    try {
      row.dev = await measureDevBoth(browser, space, plain)
    } finally {
      await browser.close()
    }
  }
  return row
}

const MiB = (n: number) => `${(n / 2 ** 20).toFixed(n < 10 * 2 ** 20 ? 1 : 0)} MiB`
const KiB = (n: number) => `${(n / 1024).toFixed(1)} KiB`
const x = (a: number, b: number) => (b ? `${(a / b).toFixed(2)}×` : 'n/a')

function table(rows: Row[]): string {
  const head = ['space', 'pages', 'runs', 'time ours', 'plain', 'ratio', 'pairs', 'CPU ours', 'plain', 'ratio', 'peak mem ours', 'plain', 'ratio', 'dist/ ours', 'plain', 'ratio', 'page HTML ours', 'plain', 'ratio', 'gzip ours', 'plain', 'ratio']
  const lines = rows.map((r) => [
    r.size, String(r.pages), String(r.runs),
    `${r.ours.time.toFixed(1)} s`, `${r.plain.time.toFixed(1)} s`, x(r.ours.time, r.plain.time), `${r.pairs.toFixed(2)}×`,
    `${r.ours.cpu.toFixed(1)} s`, `${r.plain.cpu.toFixed(1)} s`, x(r.ours.cpu, r.plain.cpu),
    MiB(r.ours.rss), MiB(r.plain.rss), x(r.ours.rss, r.plain.rss),
    MiB(r.ours.dist), MiB(r.plain.dist), x(r.ours.dist, r.plain.dist),
    KiB(r.ours.raw), KiB(r.plain.raw), x(r.ours.raw, r.plain.raw),
    KiB(r.ours.gzip), KiB(r.plain.gzip), x(r.ours.gzip, r.plain.gzip),
  ])
  const dev = rows.filter((r) => r.dev).map((r) => ({ size: r.size, runs: r.dev! }))
  const devPart = dev.length ? `\n\n${devTable(dev)}` : ''
  return [head, head.map(() => '---'), ...lines].map((l) => `| ${l.join(' | ')} |`).join('\n') + devPart
}

const rows: Row[] = []
const results = path.join(PROJECT_ROOT, 'bench/results.md')
/** Notes on earlier runs, written by hand under this heading, are kept below the new table. */
const EARLIER = '\n## Earlier runs\n'
const previous = fs.existsSync(results) ? fs.readFileSync(results, 'utf8') : ''
const earlier = previous.includes(EARLIER) ? previous.slice(previous.indexOf(EARLIER)) : ''
for (const size of values.sizes.split(',')) {
  rows.push(await measure(size.trim()))
  // Written after each size: a long run interrupted still leaves its figures.
  const text = `# npm run bench\n\n${new Date().toISOString()}, Node ${process.version}, ${process.platform}; times are medians (wall, and CPU user + system), « pairs » the median of each pair's time ratio (ours, then plain right after), memory is peak RSS (${TIME ? '/usr/bin/time -v' : 'process.resourceUsage'}); plain VitePress is built without sidebar, on the same Markdown without GitBook tags; page = \`${PAGE}\` (first copy).\n\n${table(rows)}\n`
  fs.writeFileSync(results, text + earlier)
  console.log(`\n${table(rows)}\n`)
}
console.log(`written to ${path.relative(PROJECT_ROOT, results)}`)
