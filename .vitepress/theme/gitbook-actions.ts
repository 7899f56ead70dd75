// Behaviour of GitBook blocks in the browser: expandables open when a link
// targets them, and `<button data-action="search"
// data-query="…">` (rendered with `data-gb-search`) opens VitePress's local
// search with the query typed in. One delegated listener: pages are static HTML.
export function installGitbookActions(): void {
  if (typeof document === 'undefined') return
  // An anchor to an expandable (GitBook gives each one) or into one opens it.
  const openTarget = () => {
    const id = decodeURIComponent(location.hash.slice(1))
    let el = id ? document.getElementById(id) : null
    for (; el; el = el.parentElement) if (el instanceof HTMLDetailsElement) el.open = true
  }
  window.addEventListener('hashchange', openTarget)
  window.addEventListener('load', openTarget)
  document.addEventListener('click', (event) => {
    if ((event.target as Element | null)?.closest?.('a[href*="#"]')) setTimeout(openTarget, 0)
  })
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.('[data-gb-search]')
    if (!button) return
    const query = button.getAttribute('data-gb-search') ?? ''
    const open = document.querySelector<HTMLElement>('#local-search button')
    if (!open) return
    open.click()
    // The search box mounts on open; type the query into it once it is there.
    let tries = 0
    const fill = () => {
      const input = document.querySelector<HTMLInputElement>('.VPLocalSearchBox input')
      if (!input) {
        if (++tries < 50) requestAnimationFrame(fill)
        return
      }
      input.value = query
      input.dispatchEvent(new Event('input', { bubbles: true }))
      input.focus()
    }
    requestAnimationFrame(fill)
  })
}
