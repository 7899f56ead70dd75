// `npm run pdf`: the whole handbook as one PDF, in SUMMARY.md order. Each page
// of a build is printed by Debian's headless Chromium (the site's own print
// stylesheet, theme/styles/print.css), served from a local static server;
// pdf-lib merges the prints behind a cover and a table of contents, stamps the
// page numbers, makes links between pages internal and adds the outline.
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import { PDFDocument } from 'pdf-lib'
import { assemble, type PrintedPart } from './pdf/assemble'
import { buildFonts, contentsHtml, coverHtml, type ContentsLine } from './pdf/front'
import { flatOutline, pdfPlan } from './pdf/plan'
import { serveStatic } from './pdf/serve'
import type { Space } from './space'
import { routeToUrl, safeDecode } from './urls'

export interface PdfOptions {
  /** A built site (`npm run build`) of `space`. */
  dist: string
  /** Its base path. @default read from the build's index.html */
  base?: string
  /** The PDF to write. */
  out: string
  title: string
  publisher: string
  /** Date on the cover. @default now */
  date?: Date
  /** @default `CHROMIUM_PATH` or /usr/bin/chromium */
  chromium?: string
  /** Progress lines. @default silent */
  log?: (line: string) => void
}

export interface PdfResult {
  out: string
  bytes: number
  /** Pages of the PDF, cover and contents included. */
  sheets: number
  /** Handbook pages printed. */
  pages: number
}

/** The base a build was made for: the prefix of its `/assets/` URLs. */
export function detectBase(dist: string): string {
  const index = path.join(dist, 'index.html')
  if (!fs.existsSync(index)) throw new Error(`${index}: no built site here; run \`npm run build\` first or leave out --dist`)
  const m = /\b(?:src|href)="(\/[^"]*?)assets\//.exec(fs.readFileSync(index, 'utf8'))
  return m ? m[1] : '/'
}

// A4 with room at the foot for the stamped page number.
const PRINT = {
  format: 'A4',
  printBackground: true,
  margin: { top: '16mm', bottom: '18mm', left: '16mm', right: '16mm' },
} as const

async function printUrl(context: BrowserContext, url: string): Promise<Uint8Array> {
  const page = await context.newPage()
  try {
    const res = await page.goto(url, { waitUntil: 'load' })
    if (!res?.ok()) throw new Error(`${url}: HTTP ${res?.status()}`)
    await page.emulateMedia({ media: 'print' })
    // Lazy images below the fold would print empty: load them all first.
    await page.evaluate(async () => {
      const waiting = [...document.images].filter((img) => !img.complete)
      const loaded = waiting.map(
        (img) =>
          new Promise((done) => {
            img.addEventListener('load', done, { once: true })
            img.addEventListener('error', done, { once: true })
            img.loading = 'eager'
          }),
      )
      // An image that never answers does not hold the whole PDF.
      await Promise.race([Promise.all(loaded), new Promise((done) => setTimeout(done, 10_000))])
      await document.fonts.ready
    })
    return await page.pdf(PRINT)
  } finally {
    await page.close()
  }
}

const pageCount = async (bytes: Uint8Array) => (await PDFDocument.load(bytes)).getPageCount()

export async function makePdf(space: Space, o: PdfOptions): Promise<PdfResult> {
  const log = o.log ?? (() => {})
  const plan = pdfPlan(space)
  if (!plan.pages.length) throw new Error(`${space.summaryFile}: no page to print (every entry hidden or external?)`)
  const base = o.base ?? detectBase(o.dist)
  const server = await serveStatic(o.dist, base)
  const browser = await chromium.launch({
    executablePath: o.chromium ?? (process.env.CHROMIUM_PATH || '/usr/bin/chromium'),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  // The pages as the server rendered them, without their scripts: the whole
  // content is in that HTML (every tab panel titled, see GbTabs.vue), and
  // nothing hydrates, prefetches or switches theme while Chromium prints.
  const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'light' })
  try {
    const urlOf = (route: string) => `${server.origin}${routeToUrl(route, base)}`
    const parts: PrintedPart[] = []
    const counts: number[] = []
    for (const [i, p] of plan.pages.entries()) {
      log(`${i + 1}/${plan.pages.length} ${p.file}`)
      const bytes = await printUrl(context, urlOf(p.route))
      parts.push({ bytes, route: p.route })
      counts.push(await pageCount(bytes))
    }
    const style = buildFonts(o.dist, base)
    const cover = await printUrl(context, server.page('__pdf/couverture', coverHtml({ title: o.title, publisher: o.publisher, date: o.date ?? new Date(), style })))

    // The contents' own length moves every number after it: print it until its length holds.
    const starts = (tocPages: number) => {
      let next = 1 + tocPages + 1
      return counts.map((n) => ((next += n), next - n))
    }
    let tocPages = 1
    let toc: Uint8Array
    for (;;) {
      const first = starts(tocPages)
      const lines: ContentsLine[] = flatOutline(plan.outline).map(({ node, depth }) => ({
        title: node.title,
        depth,
        page: first[node.page],
        href: urlOf(plan.pages[node.page].route),
      }))
      toc = await printUrl(context, server.page('__pdf/sommaire', contentsHtml({ title: o.title, lines, style })))
      const n = await pageCount(toc)
      if (n === tocPages) break
      tocPages = n
    }

    const keys = new Map<string, string>()
    const key = (r: string) => r.replace(/\.html$/, '').replace(/(^|\/)index$/, '$1').replace(/\/$/, '')
    for (const p of plan.pages) keys.set(key(p.route), p.route)
    const doc = await assemble([{ bytes: cover }, { bytes: toc }, ...parts], {
      title: o.title,
      outline: plan.outline,
      routes: plan.pages.map((p) => p.route),
      site: `${server.origin}${base}`,
      routeOf: (url) => {
        const pathname = safeDecode(new URL(url).pathname)
        return pathname.startsWith(base) ? keys.get(key(pathname.slice(base.length))) : undefined
      },
      unnumbered: 1,
    })
    const bytes = await doc.save()
    fs.mkdirSync(path.dirname(o.out), { recursive: true })
    fs.writeFileSync(o.out, bytes)
    return { out: o.out, bytes: bytes.length, sheets: doc.getPageCount(), pages: plan.pages.length }
  } finally {
    await browser.close()
    await server.close()
  }
}
