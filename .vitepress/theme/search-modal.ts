// What VitePress's VPLocalSearchBox lacks for keyboard and screen-reader
// users, added from outside rather than by forking it:
// - it updates its list silently: one polite live region, present from page
//   load (a region created with its text is often not announced), says
//   « 3 résultats pour « x » » once the list settles;
// - closed with Escape, it leaves focus on <body>: focus goes back to what
//   had it before the box opened (the search button).
export function resultsAnnouncement(count: number, query: string): string {
  if (!query.trim()) return ''
  if (count === 0) return `Aucun résultat pour « ${query} »`
  return `${count} résultat${count > 1 ? 's' : ''} pour « ${query} »`
}

export function installSearchModalHelpers(): void {
  if (typeof document === 'undefined') return
  const region = document.createElement('div')
  region.id = 'gb-search-status'
  region.className = 'gb-visually-hidden'
  region.setAttribute('role', 'status')
  region.setAttribute('aria-live', 'polite')
  region.setAttribute('aria-atomic', 'true')
  let timer: ReturnType<typeof setTimeout> | undefined
  let opener: HTMLElement | null = null
  let wasOpen = false
  let openedAt = ''
  document.addEventListener('focusin', (e) => {
    const t = e.target as HTMLElement
    if (!t.closest?.('.VPLocalSearchBox')) opener = t
  })
  const update = () => {
    const box = document.querySelector('.VPLocalSearchBox')
    const input = box?.querySelector<HTMLInputElement>('#localsearch-input')
    const text = box && input ? resultsAnnouncement(box.querySelectorAll('.results a.result').length, input.value) : ''
    if (region.textContent !== text) region.textContent = text
  }
  let enhanceTimer: ReturnType<typeof setTimeout> | undefined
  const enhance = async (observer: MutationObserver) => {
    const box = document.querySelector('.VPLocalSearchBox')
    const input = box?.querySelector<HTMLInputElement>('#localsearch-input')
    if (!box || !input) return
    // Loaded with the box, not with every page (it carries the French folding).
    const { fillTopExcerpts, markExcerpts } = await import('./search-excerpts')
    await fillTopExcerpts(box)
    markExcerpts(box, input.value)
    // Our own marks are not a change of the results.
    observer.takeRecords()
  }
  const attach = () => {
    document.body.appendChild(region)
    // The box re-renders its list on each search; announce after it settles.
    const observer = new MutationObserver((records) => {
      if (records.every((r) => region.contains(r.target))) return
      const open = !!document.querySelector('.VPLocalSearchBox')
      if (open && !wasOpen) openedAt = location.href
      if (!open && wasOpen) {
        region.textContent = ''
        // Closed without following a result: give focus back.
        const lost = !document.activeElement || document.activeElement === document.body
        if (lost && location.href === openedAt && opener?.isConnected) opener.focus()
      }
      wasOpen = open
      clearTimeout(timer)
      timer = setTimeout(update, 400)
      clearTimeout(enhanceTimer)
      if (open) enhanceTimer = setTimeout(() => void enhance(observer), 50)
    })
    observer.observe(document.body, { childList: true, subtree: true })
  }
  if (document.body) attach()
  else document.addEventListener('DOMContentLoaded', attach)
}
