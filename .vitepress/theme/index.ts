// The handbook theme: VitePress's default theme, the GitBook block components,
// and one stylesheet per block.
import DefaultTheme from 'vitepress/theme-without-fonts'
import type { Theme } from 'vitepress'
import GbTabs from './components/GbTabs.vue'
import GbTab from './components/GbTab.vue'
import { installAnchorAliases } from './anchor-aliases'
import './styles/fonts.css'
import './styles/tokens.css'
import './styles/dsfr.css'
import './styles/layout.css'
import './styles/page.css'
import './styles/blocks/hint.css'
import './styles/blocks/tabs.css'
import './styles/anchors.css'
import './styles/breadcrumb.css'
import './styles/copy-markdown.css'
import './styles/blocks/stepper.css'
import './styles/blocks/code.css'
import './styles/blocks/columns.css'
import './styles/blocks/content-ref.css'
import './styles/blocks/file.css'
import './styles/blocks/embed.css'
import './styles/blocks/include.css'
import './styles/blocks/if.css'
import './styles/blocks/updates.css'
import './styles/blocks/openapi.css'
import './styles/blocks/prompt.css'
import './styles/blocks/details.css'
import './styles/blocks/figure.css'
import './styles/blocks/cards.css'
import './styles/blocks/mark.css'
import './styles/blocks/buttons.css'
import './styles/blocks/annotations.css'
import './styles/blocks/mentions.css'
import './styles/blocks/tasks.css'
import './styles/blocks/cover.css'
import './styles/blocks/math.css'
import './styles/blocks/frontmatter.css'
import './styles/search.css'
import './styles/blocks/render-error.css'
import './styles/copy-link.css'
import './styles/image-zoom.css'
import './styles/print.css'
import { installGitbookActions } from './gitbook-actions'
import { installCopyLinks } from './copy-link'
import { installImageZoom } from './image-zoom'
import { installSearchModalHelpers } from './search-modal'
import { GbLayout } from './layout'

export default {
  extends: DefaultTheme,
  Layout: GbLayout,
  enhanceApp({ app, router }) {
    installAnchorAliases(router)
    installGitbookActions()
    installCopyLinks()
    installImageZoom()
    installSearchModalHelpers()
    app.component('GbTabs', GbTabs)
    app.component('GbTab', GbTab)
  },
} satisfies Theme
