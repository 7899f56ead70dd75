// A few labels of VitePress's default theme are written in its components and
// cannot be set from the config. This Vite plugin translates them in the
// component source, so server and browser render the same French text.
import type { Plugin } from 'vite'

/** Component file → [English, French] pairs, replaced exactly once each. */
export const UNTRANSLATED: Record<string, [string, string][]> = {
  'VPSidebar.vue': [['Sidebar Navigation', 'Navigation latérale']],
  'VPSidebarItem.vue': [['aria-label="toggle section"', 'aria-label="Afficher ou masquer la section"']],
  'VPNavBarMenu.vue': [['Main Navigation', 'Navigation principale']],
  'VPNavBarHamburger.vue': [['aria-label="mobile navigation"', 'aria-label="Menu de navigation"']],
  'VPDocFooter.vue': [['>Pager<', '>Pages précédente et suivante<']],
}

export function translateThemePlugin(): Plugin {
  return {
    name: 'gitbook:translate-theme',
    enforce: 'pre',
    transform(code, id) {
      const m = /vitepress\/dist\/client\/theme-default\/components\/(VP\w+\.vue)$/.exec(id.split('?')[0])
      const pairs = m && UNTRANSLATED[m[1]]
      if (!pairs || id.includes('?vue&')) return
      let out = code
      for (const [en, fr] of pairs) {
        if (!out.includes(en)) this.warn(`${m[1]} no longer contains "${en}": update UNTRANSLATED`)
        out = out.replace(en, fr)
      }
      return out
    },
  }
}
