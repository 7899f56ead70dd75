// `npm run pdf` on docs/, printing the build the global setup made under
// /ressources/ (--dist: no second build), read back with pdf-lib (outline,
// links) and pdftotext (the words on each page): a cover, a table of contents
// whose numbers are the pages', page numbers in the footer, one bookmark per
// handbook page in SUMMARY.md order and sidebar nesting, internal links.
// Also the plan alone on the other test space (hidden page, nesting).
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'
import { flatOutline, pdfPlan } from '../../.vitepress/gitbook/pdf/plan'
import { loadSpace } from '../../.vitepress/gitbook/space'
import { SITES } from '../global-setup'
import { OUTPUT, ROOT } from '../helpers/build'

const OUT = path.join(OUTPUT, 'manuel.pdf')
const plan = pdfPlan(loadSpace(path.join(ROOT, 'docs')))
let log = ''
let status: number | null = null
let doc: PDFDocument
/** Text of each PDF page, whitespace collapsed (index 0 = page 1). */
let text: string[]

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['bin/pdf.ts', ...args], { cwd: ROOT })
    child.stdout.on('data', (d) => (log += d))
    child.stderr.on('data', (d) => (log += d))
    child.on('error', reject)
    child.on('close', (code) => {
      status = code
      resolve()
    })
  })
}

beforeAll(async () => {
  fs.rmSync(OUT, { force: true })
  await run(['--dist', SITES.sub.out, '--out', OUT])
  if (status !== 0) return
  doc = await PDFDocument.load(fs.readFileSync(OUT))
  text = Array.from({ length: doc.getPageCount() }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), OUT, '-']).toString().normalize('NFC').replace(/\s+/g, ' '),
  )
}, 180_000)

interface Bookmark {
  title: string
  depth: number
  /** 1-based page it opens. */
  page: number
}

/** The outline, depth first, each item with the page its destination names. */
function bookmarks(): Bookmark[] {
  const pageRefs = doc.getPages().map((p) => p.ref)
  const out: Bookmark[] = []
  const walk = (first: PDFRef | undefined, depth: number) => {
    for (let ref = first; ref; ) {
      const item = doc.context.lookup(ref, PDFDict)
      const title = item.lookup(PDFName.of('Title'), PDFString, PDFHexString).decodeText()
      const dest = item.lookup(PDFName.of('Dest'), PDFArray)
      out.push({ title, depth, page: pageRefs.indexOf(dest.get(0) as PDFRef) + 1 })
      walk(item.get(PDFName.of('First')) as PDFRef | undefined, depth + 1)
      ref = item.get(PDFName.of('Next')) as PDFRef | undefined
    }
  }
  const root = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict)
  walk(root.get(PDFName.of('First')) as PDFRef, 0)
  return out
}

/** Every link annotation: its URI, or the 1-based page its destination names. */
function links(): { from: number; uri?: string; page?: number }[] {
  const pageRefs = doc.getPages().map((p) => p.ref)
  return doc.getPages().flatMap((p, i) => {
    const annots = p.node.Annots()
    if (!annots) return []
    return annots.asArray().map((_, k) => {
      const a = annots.lookup(k, PDFDict)
      const uri = a.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString)?.decodeText()
      const dest = a.lookupMaybe(PDFName.of('Dest'), PDFArray)
      return { from: i + 1, uri, page: dest ? pageRefs.indexOf(dest.get(0) as PDFRef) + 1 : undefined }
    })
  })
}

describe('npm run pdf -- --dist <build of docs/>', () => {
  it('writes one PDF and says its size and page count', () => {
    expect(status, log).toBe(0)
    expect(log).toMatch(new RegExp(`${plan.pages.length} pages of the handbook, ${doc.getPageCount()} PDF pages, \\d+ KiB`))
    expect(doc.getTitle()).toBe('Ressources DNUM')
    console.log(`manuel.pdf: ${fs.statSync(OUT).size} bytes, ${doc.getPageCount()} pages`)
  })

  it('opens on a cover with the title and the date, then the table of contents', () => {
    expect(text[0]).toContain('Ressources DNUM')
    expect(text[0]).toMatch(/Édition du \d+(er)? \p{L}+ \d{4}/u)
    expect(text[1]).toMatch(/^ ?Sommaire/)
  })

  it('has one bookmark per page, in SUMMARY.md order, nested as the sidebar; each opens on its page', () => {
    const marks = bookmarks()
    const expected = flatOutline(plan.outline).map(({ node, depth }) => ({ title: node.title, depth }))
    expect(marks.map(({ title, depth }) => ({ title, depth }))).toEqual(expected)
    // Groups (CADRER, RÔLES) and every page: the page entries are the pages, once each.
    const pageMarks = marks.filter((m) => plan.pages.some((p) => p.navTitle === m.title))
    expect(pageMarks.map((m) => m.title)).toEqual(plan.pages.map((p) => p.navTitle))
    for (const [i, m] of pageMarks.entries()) {
      // The page's own title is printed where its bookmark leads (pdftotext drops the space after an emoji).
      const squeeze = (s: string) => s.normalize('NFC').replace(/\s/g, '')
      expect(squeeze(text[m.page - 1]), `${m.title} → page ${m.page}`).toContain(squeeze(plan.pages[i].title))
    }
    expect(doc.catalog.lookup(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'))
  })

  it('lists every page in the table of contents with the page number it starts on', () => {
    const marks = bookmarks()
    const toc = text.slice(1, marks[0].page - 1).join(' ')
    for (const m of marks) {
      const line = new RegExp(`${m.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*')}\\s*${m.page}\\b`, 'u')
      expect(toc, m.title).toMatch(line)
    }
    // Each line of the contents is a link to its page.
    const tocLinks = links().filter((l) => l.from === 2)
    expect(tocLinks.map((l) => l.page)).toEqual(marks.map((m) => m.page))
  })

  it('numbers every page after the cover in its footer', () => {
    const total = doc.getPageCount()
    expect(text[0]).not.toContain(`1 / ${total}`)
    for (let i = 2; i <= total; i++) expect(text[i - 1], `page ${i}`).toContain(`${i} / ${total}`)
  })

  it('prints both panels of a role page\'s tabs, and no site navigation', () => {
    const all = text.join(' ')
    // Both tab panels of a role page (only one shows on screen).
    expect(all).toContain('Dans certains cas, un expert métier assume pleinement le rôle de Product Manager')
    expect(all).not.toContain('Plan du site')
    expect(all).not.toContain('Mentions légales')
  })

  it('keeps no link to the local server it was printed from: those became jumps inside the file', () => {
    const all = links()
    expect(all.filter((l) => l.uri && /^http:\/\/127\.0\.0\.1/.test(l.uri))).toEqual([])
    expect(all.filter((l) => l.page !== undefined && l.page < 1)).toEqual([])
  })
})

describe('what the PDF holds, on another space', () => {
  it('every SUMMARY page in order, hidden ones left out, nesting kept', () => {
    const space = loadSpace(path.join(ROOT, 'tests/spaces/other'))
    const p = pdfPlan(space)
    const hidden = [...space.pages.values()].filter((pg) => pg.frontmatter.hidden === true).map((pg) => pg.route)
    expect(hidden.length).toBeGreaterThan(0)
    for (const r of hidden) expect(p.pages.map((pg) => pg.route)).not.toContain(r)
    expect(p.pages.length).toBeGreaterThan(2)
    expect(new Set(p.pages.map((pg) => pg.route)).size).toBe(p.pages.length)
    // Every page has exactly one bookmark.
    const marked = flatOutline(p.outline).filter(({ node }) => p.pages[node.page].navTitle === node.title)
    expect(marked.map(({ node }) => node.page).sort((a, b) => a - b)).toEqual(p.pages.map((_, i) => i))
  })
})
