// « Copier le lien » on every heading that has an id (levels 2–4, those
// GitBook gives an anchor): a button beside VitePress's own `#` anchor, shown
// on hover and on keyboard focus, that puts the page's full URL with the
// GitBook anchor on the clipboard and says so to screen readers. Added in the
// browser: without JavaScript there is no clipboard to write to anyway.
import { announce } from './live-region'

const LABEL = 'Copier le lien'
// Two links of a chain, drawn for this button (decorative).
const ICON =
  '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round">' +
  '<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1"/><path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"/></svg>'

/** The heading's text, without the anchor and button inside it. */
function headingText(h: Element): string {
  let s = ''
  for (const n of h.childNodes) if (!(n instanceof Element && n.matches('.header-anchor, .gb-copy-link'))) s += n.textContent
  return s.replace(/\s+/g, ' ').trim()
}

/** The address a copied link carries: this page (base and route included) and the heading's id. */
export function sectionUrl(id: string): string {
  return `${location.origin}${location.pathname}#${encodeURIComponent(id)}`
}

/** Give each heading of the page its button (again after a navigation: the content is new). */
export function addCopyLinks(): void {
  for (const h of document.querySelectorAll('.vp-doc :is(h2, h3, h4)[id]')) {
    if (h.querySelector(':scope > .gb-copy-link')) continue
    const b = document.createElement('button')
    b.type = 'button'
    // `ignore-header`: VitePress's outline leaves the button's text out of the heading's.
    b.className = 'gb-copy-link ignore-header'
    b.title = LABEL
    b.setAttribute('aria-label', `${LABEL} vers « ${headingText(h)} »`)
    b.innerHTML = ICON
    h.append(b)
  }
}

/** One listener for every button, present and future. */
export function installCopyLinks(): void {
  if (typeof document === 'undefined') return
  document.addEventListener('click', async (event) => {
    const b = (event.target as Element | null)?.closest?.('.gb-copy-link')
    const id = b?.parentElement?.id
    if (!id) return
    const url = sectionUrl(id)
    try {
      await navigator.clipboard.writeText(url)
      announce('Lien copié')
    } catch {
      // No clipboard (insecure context, permission refused): the address is still given.
      announce(`Copie impossible. Le lien : ${url}`)
    }
  })
}
