// One polite live region for the page: short confirmations (« Lien copié »)
// read by screen readers without moving the focus. Outside the Vue app, so a
// navigation never removes it.
let region: HTMLElement | undefined

export function announce(text: string): void {
  if (!region) {
    region = document.createElement('p')
    region.className = 'visually-hidden gb-live'
    region.setAttribute('aria-live', 'polite')
    region.setAttribute('role', 'status')
    document.body.append(region)
  }
  // Emptied first: the same words twice in a row are announced twice.
  region.textContent = ''
  const r = region
  setTimeout(() => (r.textContent = text), 50)
}
