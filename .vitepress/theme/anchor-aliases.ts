// Old heading anchors keep landing: a link pasted from an earlier site
// (`#en-quoi-ce-rôle-est-important-`, VitePress's `#une-equipe-produit-c-est`)
// names no element. The page's alias map (front matter `gitbookAnchors`, made
// at build time by .vitepress/gitbook/headings.ts) gives the GitBook id: the
// hash is replaced in place (no new history entry) and the heading scrolled to.
import type { Router } from 'vitepress'

/** The id an unknown hash stands for on the current page, if any. */
export function aliasTarget(hash: string, aliases: Record<string, string> | undefined): string | undefined {
  if (!hash || !aliases) return undefined
  let h = hash.replace(/^#/, '')
  try {
    h = decodeURIComponent(h)
  } catch {}
  if (document.getElementById(h)) return undefined
  const id = aliases[h.normalize('NFC')]
  return id && document.getElementById(id) ? id : undefined
}

export function installAnchorAliases(router: Router): void {
  if (typeof window === 'undefined') return
  const fix = () => {
    const id = aliasTarget(location.hash, router.route.data?.frontmatter?.gitbookAnchors)
    if (!id) return
    // Keep VitePress's history state (its scroll position lives there).
    history.replaceState(history.state, '', `${location.pathname}${location.search}#${encodeURIComponent(id)}`)
    document.getElementById(id)!.scrollIntoView()
  }
  window.addEventListener('hashchange', fix)
  const previous = router.onAfterRouteChange ?? router.onAfterRouteChanged
  // After VitePress's own post-navigation scroll (queued on the next tick).
  router.onAfterRouteChange = async (to: string) => {
    await previous?.(to)
    setTimeout(fix)
  }
}
