// Font Awesome icons as inline SVG, made at build time from the Iconify
// packages (CC BY 4.0): nothing is fetched by the reader's browser.
import { createRequire } from 'node:module'
import type { IconifyJSON } from '@iconify/types'
import { getIconData, iconToHTML, iconToSVG, replaceIDs } from '@iconify/utils'
import { ICON_ALIASES, PRO_STYLES } from './icon-aliases'

/**
 * The sets, in the order an icon is looked for, each read on first use: they
 * weigh 1.5 MB of JSON, which every build parsed as its configuration loaded,
 * and most icons are solid ones, so the other two are seldom needed.
 */
const SET_FILES = ['@iconify-json/fa6-solid/icons.json', '@iconify-json/fa6-regular/icons.json', '@iconify-json/fa6-brands/icons.json']
const require = createRequire(import.meta.url)
const loaded: IconifyJSON[] = []
function iconSet(i: number): IconifyJSON {
  return (loaded[i] ??= require(SET_FILES[i]) as IconifyJSON)
}

/** Style names (`fa-solid`, `light/x`): how to draw an icon, not which one. */
const STYLES = ['solid', 'regular', 'brands', ...PRO_STYLES]
const STYLE_PREFIX = new RegExp(`^(?:${STYLES.join('|')})/`)

/** The icon an `<i class>` names (`fa-duotone fa-rocket` → `rocket`), style classes skipped; null when none. */
export function iconOfClass(cls: string): string | null {
  for (const m of cls.matchAll(/(?:^|\s)fa-([a-z0-9-]+)/g)) if (!STYLES.includes(m[1])) return m[1]
  return null
}

/**
 * Inline SVG for a Font Awesome name as GitBook writes it (`football`,
 * `fa-github`, `regular/star`), a Pro name drawn as its closest free icon
 * (icon-aliases.ts), or null when no set has it. Decorative: `aria-hidden`
 * (what RGAA asks of a decorative <svg>), sized by the font.
 *
 * No `focusable="false"`: it only kept Internet Explorer and the old Edge
 * from giving an SVG the keyboard focus (neither runs the site's JavaScript),
 * and Vue cannot compile an attribute it does not know into static HTML.
 * Every icon kept the part of the page around it out of Vue's static
 * strings, so the page's JavaScript carried it again as one element call per
 * tag: on the 145-page bench space the pages' chunks were 1,061 KB with it
 * and 744 KB without, their lean copies 456 and 276 KB.
 */
export function iconSvg(name: string, className = 'gb-icon'): string | null {
  const clean = name.trim().replace(/^fa[srb]?-/, '').replace(STYLE_PREFIX, '')
  for (let i = 0; i < SET_FILES.length; i++) {
    const set = iconSet(i)
    // Own keys only: `__proto__` or `constructor` as an icon name is no alias.
    const alias = Object.hasOwn(ICON_ALIASES, clean) ? ICON_ALIASES[clean] : undefined
    const data = Object.hasOwn(set.icons, clean) || Object.hasOwn(set.aliases ?? {}, clean) ? getIconData(set, clean) : alias ? getIconData(set, alias) : null
    if (!data) continue
    const svg = iconToSVG(data, { height: '1em' })
    return iconToHTML(replaceIDs(svg.body), {
      ...svg.attributes,
      class: className,
      'aria-hidden': 'true',
    })
  }
  return null
}
