// A page reaches the browser as Vue compiles its HTML: runs of static HTML
// become one string (createStaticVNode), which VitePress's lean page chunks
// then leave empty, since the HTML is already in the page. An attribute Vue
// does not know keeps its element, and the run around it, as one call per
// tag in the page's JavaScript, in both chunks. The icons the engine writes
// into pages must not carry one (icons.ts).
import { compile } from '@vue/compiler-dom'
import { describe, expect, it } from 'vitest'
import { iconSvg } from '../../.vitepress/gitbook/icons'

/** Enough static nodes after the icon for Vue to make a string of the run. */
const PARAGRAPHS = Array.from({ length: 20 }, (_, i) => `<p>Paragraphe ${i}</p>`).join('')

/** The page's client render code, as the build compiles it (static hoisting on). */
const compiled = (html: string) => compile(`<div>${html}</div>`, { mode: 'module', hoistStatic: true, prefixIdentifiers: true }).code

const ICON_CALL = /createElementVNode\("svg"/

describe('icons in a page', () => {
  it('stay inside the static HTML string Vue makes of the page', () => {
    const icon = iconSvg('rocket')!
    const code = compiled(`<p>${icon} Lancer le produit</p>${PARAGRAPHS}`)
    expect(code).toContain('createStaticVNode')
    expect(code).toContain('<svg xmlns=\\"http://www.w3.org/2000/svg\\"')
    expect(code).toContain('Lancer le produit')
    expect(code).not.toMatch(ICON_CALL)
  })

  it('would not with `focusable`, which Vue does not know: why icons.ts leaves it out', () => {
    const icon = iconSvg('rocket')!.replace('<svg ', '<svg focusable="false" ')
    expect(compiled(`<p>${icon} Lancer le produit</p>${PARAGRAPHS}`)).toMatch(ICON_CALL)
  })

  it('stay decorative for assistive technologies', () => {
    expect(iconSvg('rocket')).toMatch(/^<svg [^>]*aria-hidden="true"/)
  })
})
