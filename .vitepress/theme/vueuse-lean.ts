// @vueuse/core as VitePress's default theme sees it (lean-vueuse.ts), with a
// lighter useWindowScroll. The nav bar and the local nav read only `y` from
// it, but VueUse's useScroll also tracks x, directions, arrival at the edges
// and throttling: about 1 KB gzip of every page's first load.
import { getCurrentInstance, getCurrentScope, onMounted, onScopeDispose, shallowRef } from 'vue'

export * from '@vueuse/core'

/** The window's vertical scroll, as a ref: 0 until mounted, as the server rendered it. */
export function useWindowScroll() {
  const y = shallowRef(0)
  if (typeof window === 'undefined') return { y }
  const update = () => {
    y.value = window.scrollY
  }
  if (getCurrentInstance()) onMounted(update)
  else update()
  window.addEventListener('scroll', update, { passive: true })
  if (getCurrentScope()) onScopeDispose(() => window.removeEventListener('scroll', update))
  return { y }
}
