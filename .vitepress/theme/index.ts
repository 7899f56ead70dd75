// The handbook theme: VitePress's default theme, the GitBook block components,
// and one stylesheet per block.
import DefaultTheme from 'vitepress/theme'
import type { Theme } from 'vitepress'
import GbTabs from './components/GbTabs.vue'
import GbTab from './components/GbTab.vue'
import { installAnchorAliases } from './anchor-aliases'
import './styles/tokens.css'
import './styles/page.css'
import './styles/blocks/hint.css'
import './styles/blocks/tabs.css'
import './styles/anchors.css'

export default {
  extends: DefaultTheme,
  enhanceApp({ app, router }) {
    installAnchorAliases(router)
    app.component('GbTabs', GbTabs)
    app.component('GbTab', GbTab)
  },
} satisfies Theme
