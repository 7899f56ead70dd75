// The default layout, with the sidebar of the page's own branch until the
// page is hydrated (the same one the server rendered: see sidebar-branch.ts),
// then the full sidebar from the shared site data. And a « Plan du site »
// link, which works without JavaScript; the State's header block and footer.
import { computed, defineComponent, h, onMounted, provide, shallowRef, watch } from 'vue'
import { dataSymbol, useData, withBase } from 'vitepress'
import DefaultTheme from 'vitepress/theme-without-fonts'
import GbFooter from './components/GbFooter.vue'
import GbHeaderBrand from './components/GbHeaderBrand.vue'
import GbBreadcrumb from './components/GbBreadcrumb.vue'
import GbCopyMarkdown from './components/GbCopyMarkdown.vue'
import { openBranch } from './sidebar-branch'
import { addCopyLinks } from './copy-link'
import { addImageZoom } from './image-zoom'

const SITEMAP_ROUTE = '/plan-du-site'

function sitemapLink() {
  // target: a full page load, the page is not one of VitePress's routes.
  return h('p', { class: 'gb-sitemap-link' }, [h('a', { href: withBase(SITEMAP_ROUTE), target: '_self' }, 'Plan du site')])
}

export const GbLayout = defineComponent({
  name: 'GbLayout',
  setup(_, { slots }) {
    const data = useData()
    const hydrated = shallowRef(false)
    // Buttons the content gets in the browser (copy a heading's link, zoom an
    // image): once hydrated (never before, the server's HTML must match), and
    // after each navigation once the new page is in the DOM.
    const enhance = () => {
      addCopyLinks()
      addImageZoom()
    }
    onMounted(() => {
      hydrated.value = true
      enhance()
    })
    watch(() => data.page.value.relativePath, enhance, { flush: 'post' })
    const theme = computed(() => {
      const t = data.theme.value
      if (hydrated.value || !Array.isArray(t.sidebar)) return t
      return { ...t, sidebar: openBranch(t.sidebar, data.page.value.relativePath) }
    })
    provide(dataSymbol, { ...data, theme })
    return () =>
      h(DefaultTheme.Layout, null, {
        ...slots,
        // The State's header block and footer (DSFR).
        'nav-bar-title-before': () => [h(GbHeaderBrand), slots['nav-bar-title-before']?.()],
        'layout-bottom': () => [slots['layout-bottom']?.(), h(GbFooter)],
        // Where am I (server-rendered) and the page as Markdown, above the content.
        'doc-before': () => [h(GbBreadcrumb), h(GbCopyMarkdown), slots['doc-before']?.()],
        'sidebar-nav-after': () => [slots['sidebar-nav-after']?.(), sitemapLink()],
        'doc-after': () => [slots['doc-after']?.(), sitemapLink()],
      })
  },
})
