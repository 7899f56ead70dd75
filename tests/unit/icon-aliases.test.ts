// The Pro → free icon table (icon-aliases.ts): every target is drawn by a free
// set we ship, no key is itself free (it would never be read), and the build
// draws a Pro name exactly as its target, style classes and prefixes aside.
import { icons as brands } from '@iconify-json/fa6-brands'
import { icons as regular } from '@iconify-json/fa6-regular'
import { icons as solid } from '@iconify-json/fa6-solid'
import { getIconData } from '@iconify/utils'
import { describe, expect, it } from 'vitest'
import { ICON_ALIASES } from '../../.vitepress/gitbook/icon-aliases'
import { iconOfClass, iconSvg } from '../../.vitepress/gitbook/icons'

const free = (name: string) => [solid, regular, brands].some((set) => getIconData(set, name) !== null)
const table = Object.entries(ICON_ALIASES)

describe('ICON_ALIASES', () => {
  it('maps every Pro name to an icon of the free sets', () => {
    expect(table.filter(([, to]) => !free(to))).toEqual([])
  })

  it('holds no name the free sets already have', () => {
    expect(table.filter(([from]) => free(from))).toEqual([])
  })

  it.each(table)('%s is drawn as %s', (from, to) => {
    expect(iconSvg(from)).toBe(iconSvg(to))
    expect(iconSvg(from)).not.toBeNull()
  })

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('%s is no icon, and no error', (name) => {
    expect(iconSvg(name)).toBeNull()
  })

  it('reads Pro style classes and prefixes as styles, not icons', () => {
    expect(iconOfClass('fa-duotone fa-rocket-launch')).toBe('rocket-launch')
    expect(iconOfClass('fa-solid fa-github')).toBe('github')
    expect(iconOfClass('fa-light')).toBeNull()
    expect(iconSvg('light/house-blank')).toBe(iconSvg('house'))
    expect(iconSvg('fa-sparkles')).toBe(iconSvg('wand-magic-sparkles'))
  })

  it('leaves a name neither free nor in the table unknown', () => {
    expect(iconSvg('pas-une-icone')).toBeNull()
  })
})
