// The sidebar a page's HTML carries (theme/sidebar-branch.ts): its own branch,
// and at most a window of top-level entries, so a page's size does not grow
// with the number of groups of the space.
import { describe, expect, it } from 'vitest'
import { openBranch, TOP_LEVEL_WINDOW } from '../../.vitepress/theme/sidebar-branch'
import { Rng } from '../fuzz/prng'

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

describe('openBranch on a page listed twice, and on random sidebars', () => {
  it('a page in two groups opens both; a group that is itself the page opens too', () => {
    const side = [
      { text: 'A', link: '/a/', items: [{ text: 'A.1', link: '/a/un' }, { text: 'Commune', link: '/commune' }] },
      { text: 'B', items: [{ text: 'Commune encore', link: '/commune.md' }, { text: 'B.1', link: '/b/un', items: [{ text: 'B.1.1', link: '/b/un/sous' }] }] },
    ]
    const both = openBranch(side, 'commune.md')
    expect(titles(both[0].items!)).toEqual(['A.1', 'Commune'])
    expect(titles(both[1].items!)).toEqual(['Commune encore', 'B.1'])
    const group = openBranch(side, 'a/index.md')
    expect(titles(group[0].items!)).toEqual(['A.1', 'Commune'])
    expect(group[1].items).toEqual([])
  })

  it('opens exactly the items that are the page or hold it below', () => {
    type Item = { text: string; link?: string; items?: Item[] }
    const rng = new Rng(11)
    const rand = (n: number) => rng.int(n)
    const make = (depth: number): Item[] =>
      Array.from({ length: 1 + rand(4) }, () => {
        const item: Item = { text: `t${rand(1000)}` }
        if (rand(3)) item.link = `/p${rand(12)}`
        if (depth < 3 && rand(2)) item.items = make(depth + 1)
        return item
      })
    /** The open items of a result, as paths of texts. */
    const open = (items: Item[], above = ''): string[] =>
      items.flatMap((i) => (i.items?.length ? [`${above}/${i.text}`, ...open(i.items, `${above}/${i.text}`)] : []))
    /** Reference: an item with children is open when it, or an item below it, links to the page. */
    const expected = (items: Item[], key: string, above = ''): string[] => {
      const holds = (i: Item): boolean => i.link === `/${key}` || !!i.items?.some(holds)
      return items.flatMap((i) => (i.items?.length && holds(i) ? [`${above}/${i.text}`, ...expected(i.items, key, `${above}/${i.text}`)] : []))
    }
    let opened = 0
    for (let n = 0; n < 100; n++) {
      const side = make(0)
      for (let p = 0; p < 12; p++) {
        const got = open(openBranch(side, `p${p}.md`) as Item[])
        expect(got, `sidebar ${n}, p${p}`).toEqual(expected(side, `p${p}`))
        opened += got.length
      }
    }
    // The random sidebars did open branches, deep ones included.
    expect(opened).toBeGreaterThan(500)
  })
})
