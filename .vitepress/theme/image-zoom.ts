// Image zoom: a content image is a button (click, Enter or Space) that opens
// it at full size in a native modal <dialog>. The browser gives the dialog its
// focus trap, Escape to close and the inert page behind; focus goes back to
// the image's button on close. medium-zoom (LIBRARIES.md) animates an overlay
// but has no dialog role, focus handling or Escape-and-return of its own, and
// would add ~3 KB to every page: these few lines do what the reader needs.
let dialog: HTMLDialogElement | undefined
let opener: HTMLElement | undefined

/** Images a reader may want larger: not icons in a line of text, covers, or images that are links. */
const ZOOMABLE = '.vp-doc img:not(.gb-inline-image, .gb-cover__image, .gb-card__cover)'

function ensureDialog(): HTMLDialogElement {
  if (dialog) return dialog
  const d = document.createElement('dialog')
  d.className = 'gb-zoom-dialog'
  d.innerHTML = '<button type="button" class="gb-zoom-dialog__close">Fermer</button><img alt="">'
  // A click anywhere (the image, the backdrop, « Fermer ») closes it.
  d.addEventListener('click', () => d.close())
  d.addEventListener('close', () => opener?.focus())
  document.body.append(d)
  return (dialog = d)
}

function open(button: HTMLElement): void {
  const img = button.querySelector('img')
  if (!img) return
  const d = ensureDialog()
  const big = d.querySelector('img')!
  big.src = img.currentSrc || img.src
  big.alt = img.alt
  d.setAttribute('aria-label', img.alt ? `Image agrandie : ${img.alt}` : 'Image agrandie')
  opener = button
  d.showModal()
}

/** Wrap each zoomable image of the page in its button (again after a navigation). */
export function addImageZoom(): void {
  for (const img of document.querySelectorAll<HTMLImageElement>(ZOOMABLE)) {
    if (img.closest('a, button')) continue
    const b = document.createElement('button')
    b.type = 'button'
    // A light-only or dark-only image (GitBook <picture>): its button hides with it.
    b.className = ['gb-zoom', ...[...img.classList].filter((c) => c.startsWith('gb-only-'))].join(' ')
    b.setAttribute('aria-label', img.alt ? `Agrandir l’image : ${img.alt}` : 'Agrandir l’image')
    b.setAttribute('aria-haspopup', 'dialog')
    img.replaceWith(b)
    b.append(img)
  }
}

export function installImageZoom(): void {
  if (typeof document === 'undefined') return
  document.addEventListener('click', (event) => {
    const b = (event.target as Element | null)?.closest?.<HTMLElement>('.gb-zoom')
    if (b) open(b)
  })
}
