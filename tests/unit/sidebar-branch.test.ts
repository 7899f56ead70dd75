// The sidebar a page's HTML carries (theme/sidebar-branch.ts): its own branch,
// and at most a window of top-level entries, so a page's size does not grow
// with the number of groups of the space.
import { describe, expect, it } from 'vitest'
import { openBranch, TOP_LEVEL_WINDOW } from '../../.vitepress/theme/sidebar-branch'

const group = (n: number) => ({
  text: `Partie ${n}`,
  items: [
    { text: `Page ${n}.1`, link: `/partie-${n}/page-1` },
    { text: `Page ${n}.2`, link: `/partie-${n}/page-2`, items: [{ text: `Sous-page ${n}`, link: `/partie-${n}/page-2/sous` }] },
  ],
})
const titles = (items: { text?: string }[]) => items.map((i) => i.text)

describe('openBranch', () => {
  it('a small sidebar: every group title, the entries of the page’s group only', () => {
    const side = [group(1), group(2), group(3)]
    const b = openBranch(side, 'partie-2/page-1.md')
    expect(titles(b)).toEqual(['Partie 1', 'Partie 2', 'Partie 3'])
    expect(b[0].items).toEqual([])
    expect(titles(b[1].items!)).toEqual(['Page 2.1', 'Page 2.2'])
    // The page's sibling keeps its title, not its children.
    expect(b[1].items![1].items).toEqual([])
  })

  it('many groups: a window of top-level entries around the page’s own', () => {
    const side = Array.from({ length: 200 }, (_, i) => group(i + 1))
    const mid = openBranch(side, 'partie-100/page-2/sous.md')
    expect(mid).toHaveLength(TOP_LEVEL_WINDOW)
    expect(titles(mid)).toContain('Partie 100')
    expect(titles(mid)[0]).toBe(`Partie ${100 - TOP_LEVEL_WINDOW / 2}`)
    const own = mid.find((t) => t.text === 'Partie 100')!
    expect(titles(own.items![1].items!)).toEqual(['Sous-page 100'])
    // At the edges, the window stays full.
    expect(titles(openBranch(side, 'partie-1/page-1.md'))).toEqual(titles(side.slice(0, TOP_LEVEL_WINDOW)))
    expect(titles(openBranch(side, 'partie-200/page-1.md'))).toEqual(titles(side.slice(-TOP_LEVEL_WINDOW)))
  })

  it('a page outside the sidebar gets the first window', () => {
    const side = Array.from({ length: 50 }, (_, i) => group(i + 1))
    expect(titles(openBranch(side, 'ailleurs.md'))).toEqual(titles(side.slice(0, TOP_LEVEL_WINDOW)))
  })
})
