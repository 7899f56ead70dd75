// Font Awesome icons as inline SVG, made at build time from the Iconify
// packages (CC BY 4.0): nothing is fetched by the reader's browser.
import { getIconData, iconToHTML, iconToSVG, replaceIDs } from '@iconify/utils'
import { icons as solid } from '@iconify-json/fa6-solid'
import { icons as regular } from '@iconify-json/fa6-regular'
import { icons as brands } from '@iconify-json/fa6-brands'

const SETS = [solid, regular, brands]

/**
 * Inline SVG for a Font Awesome name as GitBook writes it (`football`,
 * `fa-github`, `regular/star`), or null when no set has it. Decorative:
 * `aria-hidden`, sized by the font.
 */
export function iconSvg(name: string, className = 'gb-icon'): string | null {
  const clean = name.trim().replace(/^fa[srb]?-/, '').replace(/^(solid|regular|brands)\//, '')
  for (const set of SETS) {
    const data = getIconData(set, clean)
    if (!data) continue
    const svg = iconToSVG(data, { height: '1em' })
    return iconToHTML(replaceIDs(svg.body), {
      ...svg.attributes,
      class: className,
      'aria-hidden': 'true',
      focusable: 'false',
    })
  }
  return null
}
