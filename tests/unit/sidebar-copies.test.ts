// VitePress's getSidebar copies the sidebar to add its base, and each page's
// components call it about ten times; patches/vitepress+1.6.4.patch makes
// one copy per sidebar (and one list of groups), which the components share.
import { describe, expect, it } from 'vitest'
import { getSidebar, getSidebarGroups } from 'vitepress/dist/client/theme-default/support/sidebar.js'

const sidebar = [
  { text: 'Accueil', link: '/' },
  { text: 'Guide', items: [{ text: 'Écrire', link: '/guide/ecrire' }] },
]

describe('getSidebar (patched)', () => {
  it('copies a sidebar once, whatever the page', () => {
    const a = getSidebar(sidebar, 'guide/ecrire.md')
    expect(getSidebar(sidebar, 'index.md')).toBe(a)
    expect(a).not.toBe(sidebar)
    expect(a).toEqual(sidebar)
  })

  it('copies again for another sidebar, or another base', () => {
    const other = structuredClone(sidebar)
    expect(getSidebar(other, 'index.md')).not.toBe(getSidebar(sidebar, 'index.md'))
    const multi = { '/guide/': { base: '/guide/', items: [{ text: 'Écrire', link: 'ecrire' }] } }
    expect(getSidebar(multi, 'guide/ecrire.md')).toEqual([{ text: 'Écrire', link: '/guide/ecrire' }])
    expect(getSidebar(multi, 'guide/ecrire.md')).toBe(getSidebar(multi, 'guide/autre.md'))
    expect(getSidebar(multi, 'autre/page.md')).toEqual([])
  })

  it('makes the groups of a sidebar once', () => {
    const copy = getSidebar(sidebar, 'index.md')
    const groups = getSidebarGroups(copy)
    expect(getSidebarGroups(copy)).toBe(groups)
    expect(groups).toEqual([{ items: [sidebar[0]] }, sidebar[1]])
  })
})
