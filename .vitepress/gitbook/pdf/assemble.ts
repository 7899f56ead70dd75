// One PDF from the PDFs Chromium printed (cover, contents, one per page), with
// pdf-lib: pages merged in order, links between pages turned into jumps inside
// the file, page numbers stamped in the footer, and the outline (bookmarks).
// pdf-lib has no outline API: the Outlines dictionary is built from its
// low-level objects (PDF 1.7 §12.3.3), as its maintainers suggest.
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  type PDFObject,
  type PDFPage,
  PDFRef,
  PDFString,
  StandardFonts,
  rgb,
} from 'pdf-lib'
import { safeDecode } from '../urls'
import type { OutlineNode } from './plan'

export interface PrintedPart {
  bytes: Uint8Array
  /** The site route it was printed from; none for the cover and the contents. */
  route?: string
}

export interface AssembleOptions {
  title: string
  /** Outline over the parts that have a route, indexes into `routes`. */
  outline: OutlineNode[]
  /** Routes of the handbook's pages, in order (what OutlineNode.page indexes). */
  routes: string[]
  /** Where the parts were printed from: links to `site` + route become internal. */
  site: string
  /** Route of an address under `site` (decoded, without its hash), or undefined. */
  routeOf(url: string): string | undefined
  /** Pages before the first numbered one (the cover). */
  unnumbered: number
}

interface PlacedPart {
  first: number
  count: number
  /** Named destinations Chromium wrote (heading ids), as [page index in the part, …view]. */
  dests: Map<string, PDFObject[]>
  srcPages: PDFRef[]
}

/** The named destinations of a Chromium PDF: its catalog's /Dests dictionary. */
function namedDests(doc: PDFDocument): Map<string, PDFObject[]> {
  const out = new Map<string, PDFObject[]>()
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict)
  if (!dests) return out
  for (const [name, value] of dests.entries()) {
    const arr = doc.context.lookupMaybe(value, PDFArray)
    if (arr) out.set(safeDecode(name.decodeText()), arr.asArray())
  }
  return out
}

function textOf(obj: PDFObject | undefined): string | undefined {
  if (obj instanceof PDFString || obj instanceof PDFHexString) return obj.decodeText()
  if (obj instanceof PDFName) return obj.decodeText()
  return undefined
}

export async function assemble(parts: PrintedPart[], o: AssembleOptions): Promise<PDFDocument> {
  const out = await PDFDocument.create()
  const placed: PlacedPart[] = []
  const byRoute = new Map<string, number>()
  for (const part of parts) {
    const src = await PDFDocument.load(part.bytes)
    const copied = await out.copyPages(src, src.getPageIndices())
    const first = out.getPageCount()
    for (const p of copied) out.addPage(p)
    placed.push({ first, count: copied.length, dests: namedDests(src), srcPages: src.getPages().map((p) => p.ref) })
    if (part.route !== undefined) byRoute.set(part.route, placed.length - 1)
  }
  const pages = out.getPages()

  /** An explicit destination in the merged file for `hash` in a part, else its first page. */
  const destination = (partIndex: number, hash: string | undefined): PDFArray => {
    const part = placed[partIndex]
    const named = hash ? part.dests.get(hash) : undefined
    if (named && named[0] instanceof PDFRef) {
      // pdf-lib keeps one PDFRef object per reference: identity is equality.
      const local = part.srcPages.indexOf(named[0])
      if (local >= 0) return out.context.obj([pages[part.first + local].ref, ...named.slice(1)]) as PDFArray
    }
    return out.context.obj([pages[part.first].ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]) as PDFArray
  }

  // Links: Chromium writes a link to another page as a URI to the local
  // server, and one inside a page as a name of that page's file.
  placed.forEach((part, partIndex) => {
    for (let i = part.first; i < part.first + part.count; i++) {
      const annots = pages[i].node.Annots()
      if (!annots) continue
      const keep: PDFObject[] = []
      for (let k = 0; k < annots.size(); k++) {
        const ref = annots.get(k)
        const annot = annots.lookupMaybe(k, PDFDict)
        if (!annot || annot.lookup(PDFName.of('Subtype')) !== PDFName.of('Link')) {
          keep.push(ref)
          continue
        }
        const action = annot.lookupMaybe(PDFName.of('A'), PDFDict)
        const uri = textOf(action?.lookup(PDFName.of('URI')))
        const dest = annot.lookup(PDFName.of('Dest'))
        if (uri !== undefined && uri.startsWith(o.site)) {
          const route = o.routeOf(uri)
          const target = route === undefined ? undefined : byRoute.get(route)
          // A page of the site left out of the PDF (hidden, not in SUMMARY): a
          // link to the local server would lead nowhere once the file is shared.
          if (target === undefined) continue
          const hash = uri.includes('#') ? safeDecode(uri.slice(uri.indexOf('#') + 1)) : undefined
          annot.delete(PDFName.of('A'))
          annot.set(PDFName.of('Dest'), destination(target, hash))
        } else if (dest !== undefined && !(dest instanceof PDFArray)) {
          const name = textOf(dest)
          annot.set(PDFName.of('Dest'), destination(partIndex, name && safeDecode(name)))
        }
        keep.push(ref)
      }
      pages[i].node.set(PDFName.of('Annots'), out.context.obj(keep))
    }
  })

  stampPageNumbers(out, o.unnumbered)
  addOutline(out, o.outline, (page) => pages[placed[byRoute.get(o.routes[page])!].first])
  out.setTitle(o.title, { showInWindowTitleBar: true })
  out.setLanguage('fr-FR')
  out.setCreator('npm run pdf (VitePress, Chromium, pdf-lib)')
  return out
}

/** « n / total » at the foot of every page after the cover. */
function stampPageNumbers(doc: PDFDocument, unnumbered: number): void {
  const font = doc.embedStandardFont(StandardFonts.Helvetica)
  const pages = doc.getPages()
  const total = pages.length
  pages.forEach((page: PDFPage, i) => {
    if (i < unnumbered) return
    const text = `${i + 1} / ${total}`
    const size = 9
    const { width } = page.getSize()
    page.drawText(text, { x: (width - font.widthOfTextAtSize(text, size)) / 2, y: 22, size, font, color: rgb(0.3, 0.3, 0.3) })
  })
}

/** The document outline: one item per node, nested as the sidebar; the first level (the groups) open. */
function addOutline(doc: PDFDocument, nodes: OutlineNode[], pageOf: (page: number) => PDFPage): void {
  if (!nodes.length) return
  const ctx = doc.context
  const rootRef = ctx.nextRef()
  /** Items under `parent`; `visible`: how many lines they show when `parent` is open. */
  const build = (items: OutlineNode[], parent: PDFRef, depth: number): { first: PDFRef; last: PDFRef; visible: number } => {
    const refs = items.map(() => ctx.nextRef())
    let visible = 0
    items.forEach((item, i) => {
      const dict = ctx.obj({}) as PDFDict
      dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title))
      dict.set(PDFName.of('Parent'), parent)
      dict.set(PDFName.of('Dest'), ctx.obj([pageOf(item.page).ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]))
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1])
      if (i < items.length - 1) dict.set(PDFName.of('Next'), refs[i + 1])
      visible += 1
      if (item.children.length) {
        const sub = build(item.children, refs[i], depth + 1)
        const open = depth === 0
        dict.set(PDFName.of('First'), sub.first)
        dict.set(PDFName.of('Last'), sub.last)
        // Positive: open, showing that many lines; negative: closed.
        dict.set(PDFName.of('Count'), PDFNumber.of(open ? sub.visible : -sub.visible))
        if (open) visible += sub.visible
      }
      ctx.assign(refs[i], dict)
    })
    return { first: refs[0], last: refs[refs.length - 1], visible }
  }
  const top = build(nodes, rootRef, 0)
  ctx.assign(rootRef, ctx.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: top.visible }))
  doc.catalog.set(PDFName.of('Outlines'), rootRef)
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'))
}
