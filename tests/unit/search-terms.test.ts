// French search terms: one table per folding rule. `frenchTerm` is the very
// function the config ships to the browser (its source text is serialised).
import { describe, expect, it } from 'vitest'
import { frenchTerm, typoAllowance } from '../../.vitepress/gitbook/search-terms'
import { splitSections } from '../../.vitepress/gitbook/search-sections'
import { rememberedTerms } from '../../.vitepress/gitbook/search'

/** Words that must give the same term. */
const SAME: Record<string, [string, string][]> = {
  'case and accents': [
    ['Métier', 'metier'],
    ['ÉLÈVE', 'eleve'],
    ['privilégié', 'privilegie'],
    ['Réseau', 'reseau'],
    ['ça', 'CA'],
  ],
  ligatures: [
    ['œuvre', 'oeuvre'],
    ['Œuvre', 'OEUVRE'],
    ['cæcum', 'caecum'],
  ],
  apostrophes: [
    ['l’équipe', 'equipe'],
    ["l'équipe", 'équipe'],
    ['d’accompagnement', 'accompagnement'],
    ['qu’organisation', 'organisation'],
    ['jusqu’ici', 'ici'],
  ],
  'plurals and inflections': [
    ['équipes', 'Équipe'],
    ['produits', 'produit'],
    ['architectes', 'Architecte'],
    ['principaux', 'principal'],
    ['métiers', 'métier'],
    ['privilégiée', 'privilégié'],
    ['prioriser', 'priorisé'],
    ['priorisés', 'prioriser'],
    ['utilisateurs', 'utilisateur'],
    ['années', 'année'],
  ],
}

/** Words that must differ (the stemmer does not merge unrelated words). */
const DIFFERENT: [string, string][] = [
  ['produit', 'produire'],
  ['chevaux', 'cheveux'],
  ['rôle', 'roue'],
  ['PM', 'pas'],
]

const STOP_WORDS = ['le', 'la', 'les', 'de', 'des', 'du', 'un', 'une', 'et', 'en', 'à', 'pour', 'L', 'd', 'qu', 'Où', 'au', 'aux', 'sur', 'dans', 'est']

describe('frenchTerm folds French words', () => {
  for (const [rule, pairs] of Object.entries(SAME)) {
    it.each(pairs)(`${rule}: %s = %s`, (a, b) => {
      expect(frenchTerm(a)).not.toBeNull()
      expect(frenchTerm(a)).toEqual(frenchTerm(b))
    })
  }
  it.each(DIFFERENT)('%s ≠ %s', (a, b) => expect(frenchTerm(a)).not.toEqual(frenchTerm(b)))
  it.each(STOP_WORDS)('stop word %s gives no term', (w) => expect(frenchTerm(w)).toBeNull())
  it('keeps numbers whole', () => expect(frenchTerm('2024')).toBe('2024'))
  it('only cuts suffixes: a word typed halfway stems to a prefix of the whole word', () => {
    const whole = frenchTerm('architectes') as string
    for (const typed of ['arch', 'archi', 'archite', 'architec', 'architect', 'architecte']) {
      expect(whole.startsWith(frenchTerm(typed) as string), typed).toBe(true)
    }
  })
  it('the function is self-contained: rebuilt from its source text, it gives the same terms', () => {
    // What VitePress does in the browser (serializeFunctions / deserializeFunctions).
    const rebuilt = new Function(`return ${frenchTerm.toString()}`)() as typeof frenchTerm
    for (const w of ['L’Équipes', 'œuvres', 'de', 'principaux']) expect(rebuilt(w)).toEqual(frenchTerm(w))
    const typo = new Function(`return ${typoAllowance.toString()}`)() as typeof typoAllowance
    expect(typo('metier')).toBe(1)
  })
})

describe('typoAllowance', () => {
  it.each([
    ['equip', 1],
    ['architect', 1],
    ['role', false],
    ['pm', false],
  ] as const)('%s → %s', (term, expected) => expect(typoAllowance(term)).toBe(expected))
})

describe('splitSections', () => {
  const html = `<h1>Responsable métier</h1>
<p>Les métiers sont les <strong>experts</strong>.</p>
<h2 id="role" tabindex="-1">Quel rôle&#x20;? <a class="header-anchor" href="#role" aria-label="Lien">&#8203;</a></h2>
<p>Texte du rôle.</p>
<div class="gb-tabs"><section class="gb-tab"><p class="gb-tab__title">Onglet</p><p>Dans un onglet.</p></section></div>
<h3 id="sous" tabindex="-1">Exemples&#x20;<a class="header-anchor" href="#sous">&#8203;</a></h3>
<p>Sous-section <svg aria-hidden="true"><title>icone</title></svg>fin.</p>
<h2 id="autre" tabindex="-1">Autre</h2><p>Fin.</p>`

  it('makes the H1 the page title and the text before the first heading the page-top section', () => {
    const [top] = splitSections(html, 'Titre SUMMARY', 'Une description.')
    expect(top).toEqual({ anchor: 'top', titles: ['Responsable métier'], text: 'Une description. Les métiers sont les experts .' })
  })
  it('gives each section its GitBook anchor and the breadcrumb Page title › parents › heading', () => {
    const s = splitSections(html, 'x')
    expect(s.map((x) => [x.anchor, x.titles])).toEqual([
      ['top', ['Responsable métier']],
      ['role', ['Responsable métier', 'Quel rôle ?']],
      ['sous', ['Responsable métier', 'Quel rôle ?', 'Exemples']],
      ['autre', ['Responsable métier', 'Autre']],
    ])
    expect(s[1].text).toBe('Texte du rôle. Onglet Dans un onglet.')
    expect(s[2].text).toBe('Sous-section fin.')
  })
  it('escapes titles, which the search box shows as HTML', () => {
    const [top] = splitSections('<h1>R&amp;D &lt;img src=x onerror=alert(1)&gt;</h1>', 'x')
    expect(top.titles).toEqual(['R&amp;D &lt;img src=x onerror=alert(1)&gt;'])
  })
  it('keeps a heading that opens no section (no id, a repeated id, a second H1) as text of the section before', () => {
    const s = splitSections('<h1>Titre</h1><h2 id="a">A</h2><p>un</p><h2>Sans id</h2><h3 id="a">Même id</h3><h1>Autre H1</h1><h2 id="b"> </h2><p>deux</p>', 'x')
    expect(s.map((x) => [x.anchor, x.text])).toEqual([
      ['top', ''],
      ['a', 'un Sans id Même id Autre H1 deux'],
    ])
  })
  it('leaves out what a reader never reads, and keeps text after a stray closing tag', () => {
    const s = splitSections('<p>Vu<script>alert(1)</script><span aria-hidden="true">caché</span><style>p{}</style></p></div></body><p>après</p><![CDATA[x]]><!-- note -->', 'x')
    expect(s).toEqual([{ anchor: 'top', titles: ['x'], text: 'Vu après' }])
  })
  it('falls back to the SUMMARY title when the page has no H1', () => {
    expect(splitSections('<p>Texte.</p>', 'Titre SUMMARY')[0].titles).toEqual(['Titre SUMMARY'])
  })
})

describe('rememberedTerms (the build indexer’s frenchTerm)', () => {
  it('gives frenchTerm’s answer for each word, the second time too, and never the same list twice', () => {
    const term = rememberedTerms()
    const words = ['Métier', "l'équipe", 'l’équipe', 'de', 'Responsables', 'aujourd’hui', '2024', 'métier', '']
    for (const round of [1, 2]) {
      for (const w of words) expect(term(w), `${w} (${round})`).toEqual(frenchTerm(w))
    }
    const list = term('aujourd’hui')
    expect(Array.isArray(list)).toBe(true)
    ;(list as string[]).push('ajouté')
    expect(term('aujourd’hui')).toEqual(frenchTerm('aujourd’hui'))
  })
})
