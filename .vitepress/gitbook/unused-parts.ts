// Parts of VitePress's default theme a GitBook space never shows, replaced by
// an empty component through VitePress's documented way of overriding its
// internal components (a Vite alias on the .vue file). Every page loads the
// theme's JavaScript and CSS whole, so what no page can display is dropped:
// a home layout (GitBook has none), language menus (one language), social
// links (none configured), top navigation menus (GitBook navigates by the
// sidebar), Carbon ads and sponsors, VitePress's own footer
// (the State's footer replaces it).
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const NOTHING = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../theme/components/GbNothing.ts')

export const UNUSED_THEME_PARTS = [
  'VPHome',
  'VPNavBarTranslations',
  'VPNavScreenTranslations',
  'VPSocialLinks',
  'VPNavBarSocialLinks',
  'VPNavScreenSocialLinks',
  'VPDocAsideCarbonAds',
  'VPDocAsideSponsors',
  'VPFooter',
  // No top navigation: a GitBook space navigates by its sidebar.
  'VPNavBarMenu',
  'VPNavScreenMenu',
  // The « … » flyout of the bar between 768 and 1280px: it only repeats the
  // appearance switch (shown there by layout.css instead) beside an empty
  // social-links group, under an English label; with it go VPFlyout and
  // VPMenu, which nothing else of ours uses.
  'VPNavBarExtra',
  // Only draws `themeConfig.logo`, which this site leaves unset: the
  // Marianne block is its logo (GbHeaderBrand).
  'VPImage',
]

/**
 * Client scripts of VitePress's app for Markdown this site never produces:
 * code groups (`::: code-group`, VitePress syntax GitBook has no equivalent
 * of; GitBook's tabs are GbTabs). Replaced by a module doing nothing.
 */
const NO_CODE_GROUPS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../theme/no-code-groups.ts')

/** Vite aliases: each unused part of the default theme → an empty component. */
export function unusedPartsAliases() {
  return [
    ...UNUSED_THEME_PARTS.map((name) => ({ find: new RegExp(`^.*/${name}\\.vue$`), replacement: NOTHING })),
    // As VitePress's app/index.js writes the import.
    { find: /^\.\/composables\/codeGroups$/, replacement: NO_CODE_GROUPS },
  ]
}
