// Two things VitePress's search box does not do for French pages, added from
// outside like search-modal.ts:
// - it highlights the index's folded stem (`equip`) with a plain regular
//   expression, so `Équipe`, `équipes` or `l’équipe` are never marked: words
//   are marked here by folding them with the index's own `frenchTerm`;
// - it builds excerpts from the headings that carry an anchor link, so a
//   page-top result (`#top`: title and opening text) shows no excerpt: the
//   page's opening text is fetched from the page itself (same origin, cached).
import { frenchTerm, typoAllowance } from '../gitbook/search-terms'

const MARK_CLASS = 'gb-mark'
const TOP_EXCERPT_CLASS = 'gb-top-excerpt'

/** The terms a query searches for, as the index folds them. */
export function queryTerms(query: string): string[] {
  const out: string[] = []
  for (const word of query.split(/\s+/)) {
    const t = frenchTerm(word)
    if (t) out.push(...(Array.isArray(t) ? t : [t]))
  }
  return out
}

/** One edit (insertion, deletion, substitution) at most between a and b. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  let j = 0
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++
  return a.length - i - j <= 1 && b.length - i - j <= 1
}

/**
 * Whether a word of the page is one the query found: its folded term starts
 * with a query term (search runs with prefixes), or is one typo away from it
 * (the same allowance the search uses).
 */
export function wordMatches(word: string, terms: string[]): boolean {
  const t = frenchTerm(word)
  if (!t) return false
  const own = Array.isArray(t) ? t : [t]
  return own.some((w) => terms.some((q) => w.startsWith(q) || (typoAllowance(q) !== false && withinOneEdit(w, q))))
}

// Words as the reader sees them: apostrophes and hyphens split (`l’équipe`
// marks `équipe`), like the index's tokenizer.
const WORD = /[\p{L}\p{N}]+/gu

/**
 * Undo the box's marks (VitePress's and ours; an author's own `<mark>` stays),
 * then mark the words `terms` find.
 */
export function markWords(root: Element, terms: string[]): void {
  for (const m of [...root.querySelectorAll(`mark.${MARK_CLASS}, mark[data-markjs]`)]) {
    const parent = m.parentNode!
    while (m.firstChild) parent.insertBefore(m.firstChild, m)
    parent.removeChild(m)
    parent.normalize()
  }
  if (terms.length === 0) return
  // 4 = NodeFilter.SHOW_TEXT (the constant, so that it runs outside a browser too).
  const walker = root.ownerDocument.createTreeWalker(root, 4)
  const texts: Text[] = []
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text)
  for (const node of texts) {
    const text = node.data
    const ranges: [number, number][] = []
    for (const m of text.matchAll(WORD)) {
      if (wordMatches(m[0], terms)) ranges.push([m.index!, m.index! + m[0].length])
    }
    if (ranges.length === 0) continue
    const frag = root.ownerDocument.createDocumentFragment()
    let at = 0
    for (const [from, to] of ranges) {
      if (from > at) frag.append(text.slice(at, from))
      const mark = root.ownerDocument.createElement('mark')
      mark.className = MARK_CLASS
      mark.textContent = text.slice(from, to)
      frag.append(mark)
      at = to
    }
    if (at < text.length) frag.append(text.slice(at))
    node.replaceWith(frag)
  }
}

/** Scroll an excerpt (not the page) so its first mark shows. */
function revealFirstMark(excerpt: HTMLElement): void {
  const mark = excerpt.querySelector('mark')
  if (!mark) return
  const delta = mark.getBoundingClientRect().top - excerpt.getBoundingClientRect().top
  excerpt.scrollTop += delta - excerpt.clientHeight / 3
}

/** A page's opening: what follows its H1 up to the first heading. */
export function openingOf(doc: Document): Element[] {
  const content = doc.querySelector('.vp-doc > div') ?? doc.querySelector('.vp-doc')
  if (!content) return []
  const h1 = content.querySelector(':scope > h1')
  const out: Element[] = []
  for (let el = h1 ? h1.nextElementSibling : content.firstElementChild; el; el = el.nextElementSibling) {
    if (/^H[1-6]$/.test(el.tagName)) break
    if (out.length === 6) break
    const copy = el.cloneNode(true) as Element
    // The excerpt sits in the current page: no script, no duplicate ids.
    for (const s of copy.querySelectorAll('script, style')) s.remove()
    for (const e of [copy, ...copy.querySelectorAll('[id]')]) e.removeAttribute('id')
    out.push(copy)
  }
  return out
}

const openings = new Map<string, Promise<Element[]>>()

function fetchOpening(url: string): Promise<Element[]> {
  let p = openings.get(url)
  if (!p) {
    p = fetch(url, { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.text() : ''))
      .then((html) => (html ? openingOf(new DOMParser().parseFromString(html, 'text/html')) : []))
      .catch(() => [])
    openings.set(url, p)
  }
  return p
}

/**
 * Give each page-top result without an excerpt the page's opening text, in
 * the box's own excerpt markup (its scoped style attribute copied).
 * Resolves once every excerpt it adds is in place.
 */
export async function fillTopExcerpts(box: Element): Promise<void> {
  const jobs: Promise<void>[] = []
  for (const a of box.querySelectorAll<HTMLAnchorElement>('a.result')) {
    const href = a.getAttribute('href') ?? ''
    const wrapper = a.querySelector('.excerpt-wrapper')
    if (!href.endsWith('#top') || !wrapper) continue
    const own = wrapper.querySelector(`.${TOP_EXCERPT_CLASS}`)
    if (wrapper.querySelector(`.excerpt:not(.${TOP_EXCERPT_CLASS})`)) {
      own?.remove()
      continue
    }
    if (own) continue
    const url = new URL(href, location.href)
    url.hash = ''
    jobs.push(
      fetchOpening(url.href).then((els) => {
        if (els.length === 0 || !a.isConnected || wrapper.querySelector('.excerpt')) return
        const scope = [...wrapper.attributes].filter((x) => x.name.startsWith('data-v-')).map((x) => x.name)
        const excerpt = document.createElement('div')
        excerpt.className = `excerpt ${TOP_EXCERPT_CLASS}`
        excerpt.setAttribute('inert', '')
        const doc = document.createElement('div')
        doc.className = 'vp-doc'
        for (const name of scope) {
          excerpt.setAttribute(name, '')
          doc.setAttribute(name, '')
        }
        for (const el of els) doc.append(document.importNode(el, true))
        excerpt.append(doc)
        wrapper.prepend(excerpt)
      }),
    )
  }
  await Promise.all(jobs)
}

/** Mark the query's words in every excerpt of the box, and show the first. */
export function markExcerpts(box: Element, query: string): void {
  const terms = queryTerms(query)
  for (const excerpt of box.querySelectorAll<HTMLElement>('.excerpt')) {
    markWords(excerpt, terms)
    revealFirstMark(excerpt)
  }
}
