// npm run bench:search [-- --pages 1000 --runs 15 --only docs|big --reuse]
// Search engines side by side, on docs/ and on a generated ~1,000-page space
// (bench/big-space.ts): our VitePress local search (MiniSearch, own section
// splitting, French terms), plain VitePress local search on the same pages,
// and Pagefind 1.6.0 over the plain build (`lang="fr"`: Snowball stemming).
// Figures: index size (raw, gzip), bytes a reader downloads from opening
// search to the first result, and the median time from keystroke to results
// in Chromium. Reported, never asserted.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { parseArgs } from 'node:util'
import type { Browser, Page } from 'playwright-core'
import { PROJECT_ROOT } from '../.vitepress/gitbook/site'
import { launchBrowser } from '../tests/helpers/browser'
import { serveWithNginx } from '../tests/helpers/nginx'
import { makeBigSpace } from './big-space'
import { plainCopy } from './generate-space'
import { buildArgs } from '../bin/build-process'

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '15' },
    only: { type: 'string' },
    // Measure the sites a previous run built (a 1,000-page build takes minutes).
    reuse: { type: 'boolean', default: false },
  },
})
const RUNS = Number(values.runs)
const WORK = path.join(PROJECT_ROOT, '.bench/search')
const bin = (name: string) => path.join(PROJECT_ROOT, 'node_modules/.bin', name)
/** Words found on every copy of the pages, typed as a reader would. */
const QUERIES = ['responsable metier', 'equipes', 'produit', 'questions', 'quotidien', 'vision', 'besoins', 'organisation']

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 1 << 28 })
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}${r.stderr}`.slice(-4000))
}

/** Plain VitePress cannot read GitBook tags or `layout:`: same text without them (as bench/build.bench.ts). */
const gzip = (b: Buffer) => zlib.gzipSync(b).length
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

function indexSize(files: string[]) {
  let raw = 0
  let gz = 0
  for (const f of files) {
    const b = fs.readFileSync(f)
    raw += b.length
    gz += gzip(b)
  }
  return { raw, gz, files: files.length }
}

/** The MiniSearch index VitePress writes: one JS chunk per locale. */
function vitepressIndex(dist: string) {
  // The index itself: not the .gz and .br copies our build writes next to it for nginx.
  const dir = path.join(dist, 'assets/chunks')
  return indexSize(fs.readdirSync(dir).filter((f) => f.startsWith('@localSearchIndex') && !/\.(gz|br)$/.test(f)).map((f) => path.join(dir, f)))
}

function pagefindIndex(dist: string) {
  const dir = path.join(dist, 'pagefind')
  // The index and the search runtime a query needs; the optional UI widgets are left out.
  const files = fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => !/^pagefind-(ui|component-ui|modular-ui|highlight)|\.css$/.test(f))
    .map((f) => path.join(dir, f))
    .filter((f) => fs.statSync(f).isFile())
  return indexSize(files)
}

/** Count what the page downloads from now on: raw bytes and gzip-equivalent. */
function meter(page: Page) {
  const m = { raw: 0, gz: 0, on: false }
  page.on('response', async (r) => {
    if (!m.on) return
    try {
      const b = await r.body()
      m.raw += b.length
      m.gz += gzip(b)
    } catch {}
  })
  return m
}

// Timed in the page. Written as source text: tsx's bundler would wrap named
// functions in a `__name` helper the page does not have.
const TIME_VITEPRESS = `(async (q) => {
  const input = document.querySelector('#localsearch-input')
  const shown = () => !!document.querySelector('.VPLocalSearchBox .results :is(a.result, .no-results)')
  const until = (ok) => new Promise((res) => { const tick = () => (ok() ? res() : requestAnimationFrame(tick)); tick() })
  input.value = ''
  input.dispatchEvent(new Event('input'))
  await until(() => !shown())
  const t0 = performance.now()
  input.value = q
  input.dispatchEvent(new Event('input'))
  await until(shown)
  return performance.now() - t0
})`
const TIME_PAGEFIND = `(async (q) => {
  const t0 = performance.now()
  window.pf ??= await import('/pagefind/pagefind.js')
  const r = await window.pf.search(q)
  await Promise.all(r.results.slice(0, 5).map((x) => x.data()))
  return performance.now() - t0
})`

interface Figures {
  index: { raw: number; gz: number; files: number }
  firstResult: { raw: number; gz: number }
  keystrokeMs: number
}

/** VitePress's search box: Ctrl+K, first query, then timed queries (input event → first result link shown). */
async function measureVitepress(browser: Browser, dist: string): Promise<Omit<Figures, 'index'>> {
  const server = await serveWithNginx(dist, '/')
  const page = await browser.newPage()
  try {
    const m = meter(page)
    await page.goto(server.origin + '/', { waitUntil: 'networkidle' })
    process.stdout.write(`  ${path.relative(PROJECT_ROOT, dist)}: page loaded, opening search\n`)
    m.on = true
    for (let i = 0; i < 10 && !(await page.locator('#localsearch-input').isVisible()); i++) {
      await page.keyboard.press('Control+k')
      await page.waitForTimeout(300)
    }
    await page.locator('#localsearch-input').pressSequentially(QUERIES[0])
    await page.locator('.VPLocalSearchBox .results a.result').first().waitFor()
    await page.waitForTimeout(300)
    const firstResult = { raw: m.raw, gz: m.gz }
    process.stdout.write(`  ${path.relative(PROJECT_ROOT, dist)}: first result after ${kib(m.raw)}; timing…\n`)
    const times: number[] = []
    for (let i = 0; i < RUNS; i++) {
      times.push(await page.evaluate(`${TIME_VITEPRESS}(${JSON.stringify(QUERIES[i % QUERIES.length])})`))
    }
    return { firstResult, keystrokeMs: median(times) }
  } finally {
    await page.close()
    await server.stop()
  }
}

/** Pagefind's JS API from a blank page of the site: import, search, fetch the top 5 results' data (what its UI shows). */
async function measurePagefind(browser: Browser, dist: string): Promise<Omit<Figures, 'index'>> {
  fs.writeFileSync(path.join(dist, 'pagefind-bench.html'), '<!doctype html><html lang="fr"><title>bench</title><body></body></html>')
  const server = await serveWithNginx(dist, '/')
  const page = await browser.newPage()
  try {
    const m = meter(page)
    await page.goto(server.origin + '/pagefind-bench.html', { waitUntil: 'networkidle' })
    m.on = true
    const search = (q: string) => page.evaluate(`${TIME_PAGEFIND}(${JSON.stringify(q)})`) as Promise<number>
    await search(QUERIES[0])
    await page.waitForTimeout(300)
    const firstResult = { raw: m.raw, gz: m.gz }
    const times: number[] = []
    for (let i = 0; i < RUNS; i++) times.push(await search(QUERIES[i % QUERIES.length] + ' '.repeat(i % 2)))
    return { firstResult, keystrokeMs: median(times) }
  } finally {
    await page.close()
    await server.stop()
  }
}

async function bench(name: string, src: string, browser: Browser): Promise<void> {
  const dir = path.join(WORK, name)
  const ours = path.join(dir, 'ours')
  const plainSrc = path.join(dir, 'plain')
  const plain = path.join(plainSrc, '.vitepress/dist')
  if (!values.reuse || !fs.existsSync(path.join(plain, 'pagefind'))) {
    console.log(`\n== ${name}: building (ours, plain VitePress, Pagefind)…`)
    run(process.execPath, buildArgs(['--src', src, '--out', ours]))
    plainCopy(src, plainSrc)
    run(bin('vitepress'), ['build', plainSrc])
    run(bin('pagefind'), ['--site', plain, '--quiet'])
  }
  // The operators' nginx.conf includes our redirect map; plain VitePress writes none.
  fs.copyFileSync(path.join(ours, 'nginx-redirects.map'), path.join(plain, 'nginx-redirects.map'))
  // …and its Content-Security-Policy, written for our pages' inline scripts: none for plain VitePress.
  fs.writeFileSync(path.join(plain, 'csp.conf'), '')
  const rows: [string, Figures][] = [
    ['ours (MiniSearch, French terms)', { index: vitepressIndex(ours), ...(await measureVitepress(browser, ours)) }],
    ['plain VitePress (MiniSearch)', { index: vitepressIndex(plain), ...(await measureVitepress(browser, plain)) }],
    ['Pagefind 1.6.0 (lang fr)', { index: pagefindIndex(plain), ...(await measurePagefind(browser, plain)) }],
  ]
  const pages = fs.readdirSync(src, { recursive: true }).map(String).filter((f) => f.endsWith('.md') && !f.includes('.gitbook')).length - 1
  console.log(`search on ${name} (${pages} pages), median of ${RUNS} queries:`)
  for (const [label, f] of rows) {
    console.log(
      `  ${label.padEnd(32)} index ${kib(f.index.raw)} raw, ${kib(f.index.gz)} gzip, ${f.index.files} file(s); ` +
        `before first result ${kib(f.firstResult.raw)} (${kib(f.firstResult.gz)} gzip); keystroke→results ${f.keystrokeMs.toFixed(0)} ms`,
    )
  }
}

const browser = await launchBrowser()
try {
  if (values.only !== 'big') await bench('docs', path.join(PROJECT_ROOT, 'docs'), browser)
  if (values.only !== 'docs') {
    const big = path.join(WORK, 'big-space')
    if (!values.reuse || !fs.existsSync(big)) {
      const n = makeBigSpace(big, Number(values.pages))
      console.log(`\ngenerated ${n} pages in ${path.relative(PROJECT_ROOT, big)}`)
    }
    await bench('big', big, browser)
  }
  console.log('\nVitePress times include its 200 ms search debounce; Pagefind is timed through its JS API (no UI debounce).')
} finally {
  await browser.close()
}
