// Highlighting and page-top excerpts of the search box (theme/search-excerpts.ts),
// on DOM built by linkedom; the browser side is in tests/e2e/search.test.ts.
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { markWords, openingOf, queryTerms, wordMatches } from '../../.vitepress/theme/search-excerpts'

const dom = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document

describe('which words a query marks', () => {
  it.each([
    ['equipe', 'Équipe', true],
    ['equipe', 'équipes', true],
    ['équipes', 'équipe', true],
    ['oeuvre', 'œuvre', true],
    ['archi', 'architectes', true], // prefix, as typed
    ['architcte', 'architecte', true], // one typo, 5 letters or more
    ['sprnt', 'sprint', true],
    ['rol', 'rôle', true],
    ['equipe', 'équilibre', false],
    ['pro', 'approche', false], // a prefix, never a middle
    ['le', 'le', false], // stop words decide nothing
    ['chat', 'chien', false],
  ])('« %s » marks « %s »: %s', (query, word, expected) => {
    expect(wordMatches(word, queryTerms(query))).toBe(expected)
  })

  it('folds the query the way the index does', () => {
    expect(queryTerms('l’équipe des Produits')).toEqual(['equip', 'produit'])
  })
})

describe('markWords', () => {
  it('marks whole accented words, apostrophes splitting', () => {
    const doc = dom('<div id="x"><p>L’équipe et les Équipes, <strong>équipé</strong> ; équilibre.</p></div>')
    const root = doc.getElementById('x')!
    markWords(root, queryTerms('equipe'))
    expect([...root.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['équipe', 'Équipes', 'équipé'])
    expect(root.textContent).toBe('L’équipe et les Équipes, équipé ; équilibre.')
  })

  it('replaces the previous query’s marks and VitePress’s, and keeps the author’s', () => {
    const doc = dom(
      '<div id="x"><p><mark data-markjs="true">equip</mark> <mark class="gb-mark">rôle</mark> <mark style="color:red">à lire</mark> rôle</p></div>',
    )
    const root = doc.getElementById('x')!
    markWords(root, queryTerms('role'))
    expect([...root.querySelectorAll('mark.gb-mark')].map((m) => m.textContent)).toEqual(['rôle', 'rôle'])
    expect(root.querySelectorAll('mark[data-markjs]').length).toBe(0)
    expect(root.querySelector('mark[style]')?.textContent).toBe('à lire')
  })

  it('an empty query leaves no mark', () => {
    const doc = dom('<div id="x"><p><mark class="gb-mark">rôle</mark></p></div>')
    const root = doc.getElementById('x')!
    markWords(root, queryTerms('  '))
    expect(root.innerHTML).toBe('<p>rôle</p>')
  })
})

describe('openingOf', () => {
  it('takes what follows the H1 up to the first heading, without ids or scripts', () => {
    const doc = dom(
      '<div class="vp-doc"><div><h1>Titre</h1><p id="a">Début <script>alert(1)</script>ici.</p><ul><li>point</li></ul><h2 id="s">Section</h2><p>Suite</p></div></div>',
    )
    const els = openingOf(doc)
    expect(els.map((e) => e.outerHTML)).toEqual(['<p>Début ici.</p>', '<ul><li>point</li></ul>'])
  })

  it('a page without H1 starts at its first element', () => {
    const doc = dom('<div class="vp-doc"><div><p>Texte</p><h2>S</h2></div></div>')
    expect(openingOf(doc).map((e) => e.textContent)).toEqual(['Texte'])
  })

  it('a page without content gives nothing', () => {
    expect(openingOf(dom('<p>404</p>'))).toEqual([])
  })
})
