// GitBook heading ids (GITBOOK.md §6): a plain table, French headings first,
// then the worked examples of §6 and GitBook's own docs, then the alias forms.
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import type { GitbookContext, MarkdownEnv } from '../../.vitepress/gitbook/env'
import { assignHeadingIds, headingIdsPlugin } from '../../.vitepress/gitbook/headings'
import { detailsPlugin } from '../../.vitepress/gitbook/transforms/details'
import { githubSlug, gitbookOlderSlug, gitbookSlug, legacyGitbookSlug, SlugCounter, vitepressSlug } from '../../.vitepress/gitbook/slug'

// [sure] and [likely] rows of §6, and its D table; comments give the rule each row shows.
const GITBOOK: [string, string][] = [
  // French first: every apostrophe is deleted, typographic ones too (rule 5, revised 2026-12)
  ['Modalités d’évaluation de l’API “Adresse” portée par l’IGN', 'modalites-devaluation-de-lapi-adresse-portee-par-lign'],
  ['Les piliers de l’approche', 'les-piliers-de-lapproche'],
  ['Équipe d’accompagnement', 'equipe-daccompagnement'],
  ['Rôle de l’équipe', 'role-de-lequipe'],
  ['Qu’est-ce que le mode produit ?', 'quest-ce-que-le-mode-produit'],
  ['‘Citation’ simple', 'citation-simple'],
  ["Chiffrement par l'application", 'chiffrement-par-lapplication'],
  ["Définition d'un produit", 'definition-dun-produit'],
  ["Qu'est-ce qu'un PM ?", 'quest-ce-quun-pm'],
  // trailing periods are trimmed (rule 7) [likely]
  ["Une équipe produit, c'est...", 'une-equipe-produit-cest'],
  ['Et ensuite…', 'et-ensuite'],
  // accents, ligatures, leading emoji (rules 2, 7)
  ['Mettre en œuvre son idée', 'mettre-en-oeuvre-son-idee'],
  ['Mise en œuvre', 'mise-en-oeuvre'],
  ['🔑Accès à la donnée', 'acces-a-la-donnee'],
  ['Publier depuis data.gouv.fr', 'publier-depuis-data.gouv.fr'],
  // the D table (§6 worked examples)
  ['En quoi ce rôle est important ?', 'en-quoi-ce-role-est-important'],
  ['Quel est son quotidien ?', 'quel-est-son-quotidien'],
  ['Solutions anti-bots au niveau réseau/middleware', 'solutions-anti-bots-au-niveau-reseau-middleware'],
  ['Requêtes à intervalles réguliers, ou "polling"', 'requetes-a-intervalles-reguliers-ou-polling'],
  ['Outils sur le marché', 'outils-sur-le-marche'],
  ['🫰 Analyse de devis', 'analyse-de-devis'],
  ["⚙️ Définition de l'architecture", 'definition-de-larchitecture'],
  ['☁️ Cloud & conteneurisation', 'cloud-and-conteneurisation'],
  ["3.2 Object Lock — l'immuabilité pour la conformité", 'id-3.2-object-lock-limmuabilite-pour-la-conformite'],
  ['Processus "phase-gate"', 'processus-phase-gate'],
  ['Un bon test est :', 'un-bon-test-est'],
  ['Exemples ', 'exemples'],
  ['Équipe produit', 'equipe-produit'],
  ['🩺 Offre de soin', 'offre-de-soin'],
  // other French headings of D and A
  ['Quelles sont les questions à se poser en tant que responsable métier ?', 'quelles-sont-les-questions-a-se-poser-en-tant-que-responsable-metier'],
  ['👷‍♀️ Responsable métier (PM)', 'responsable-metier-pm'],
  ['Travail par groupe', 'travail-par-groupe'],
  ['Stratégie', 'strategie'],
  ['Comment améliorer ?', 'comment-ameliorer'],
  ['« Dites-le-nous une fois »', 'dites-le-nous-une-fois'],
  ['Sécurité : les bons réflexes', 'securite-les-bons-reflexes'],
  ['Ça commence ici !', 'ca-commence-ici'],
  ['Étape 1 : cadrer', 'etape-1-cadrer'],
  ['2024 en chiffres', 'id-2024-en-chiffres'],
  ['10 000 usagers', 'id-10-000-usagers'],
  ['Hébergement / infogérance', 'hebergement-infogerance'],
  ['Budget & coûts', 'budget-and-couts'],
  ['Pourquoi ? Comment ?', 'pourquoi-comment'],
  ['Accessibilité (RGAA)', 'accessibilite-rgaa'],
  ['Sécurisation au niveau applicatif', 'securisation-au-niveau-applicatif'],
  ['SIG ArcGIS du ministère', 'sig-arcgis-du-ministere'],
  ['Cartographie souveraine minimum', 'cartographie-souveraine-minimum'],
  ['Ressources – liens utiles', 'ressources-liens-utiles'],
  ['✅ À faire', 'a-faire'],
  ['🙆‍♂️ Responsable', 'responsable'],
  ['Règle ≠ exception', 'regle-exception'],
  // symbols become words (rule 4): `&` [sure], `|`, `<`, `>` [likely]
  ['Math & TeX', 'math-and-tex'],
  ['Light & dark mode', 'light-and-dark-mode'],
  ['Markdown | HTML', 'markdown-or-html'],
  ['<buffer> Section', 'less-than-buffer-greater-than-section'],
  ['(options) -> PoolCluster', 'options-greater-than-poolcluster'],
  ['a < b', 'a-less-than-b'],
  // `+` survives the separator step, then is deleted (rule 6) [likely]
  ['MySQL 5.3.2 + MyISAM', 'mysql-5.3.2--myisam'],
  ['C++', 'c'],
  // `.` and `_` are kept, a digit start gets `id-` (rules 6, 8)
  ['add_http_headers', 'add_http_headers'],
  ['1. Create an app registration in Azure AD', 'id-1.-create-an-app-registration-in-azure-a-d'],
  ['1. Create a custom backend', 'id-1.-create-a-custom-backend'],
  ['1. Create a new application in Auth0', 'id-1.-create-a-new-application-in-auth0'],
  ['2_DIGIT_YEAR', 'id-2_digit_year'],
  ['7 tips for writing', 'id-7-tips-for-writing'],
  ['Valeur_', 'valeur'],
  // `ad` and `ads` as words (rule 9)
  ['Azure AD', 'azure-a-d'],
  ['Ad-hoc', 'a-d-hoc'],
  ['Monetize with offline ads', 'monetize-with-offline-a-ds'],
  ['Adaptive content', 'adaptive-content'],
  ['Load ads.txt', 'load-a-ds.txt'],
  // GitBook's own docs (G)
  ['How do I use GitBook AI?', 'how-do-i-use-gitbook-ai'],
  ["GitBook's global privacy practices", 'gitbooks-global-privacy-practices'],
  ['The site’s URL', 'the-sites-url'],
  ['GitHub/GitLab', 'github-gitlab'],
  ['Set syntax…', 'set-syntax'],
  // emoji only: unknown (rule 13); the caller falls back to `section`
  ['🎉', ''],
  ['', ''],
]

describe('gitbookSlug', () => {
  it.each(GITBOOK)('%j → %j', (text, id) => {
    expect(gitbookSlug(text)).toBe(id)
  })
  it('has at least 60 cases', () => expect(GITBOOK.length).toBeGreaterThanOrEqual(60))

  it('cuts at 100 characters (rule 10) [likely]', () => {
    const text = 'Comment organiser la gouvernance d’un produit numérique entre le ministère, les opérateurs et les prestataires'
    const id = gitbookSlug(text)
    expect(id).toHaveLength(100)
    expect(id).toBe('comment-organiser-la-gouvernance-dun-produit-numerique-entre-le-ministere-les-operateurs-et-les-pres')
  })
})

// What this project published before the 2026-12 revision (alias only).
const PREVIOUS: [string, string][] = [
  ['Équipe d’accompagnement', 'equipe-d-accompagnement'],
  ['Qu’est-ce que le mode produit ?', 'qu-est-ce-que-le-mode-produit'],
  ["Une équipe produit, c'est...", 'une-equipe-produit-cest...'],
  ['The site’s URL', 'the-site-s-url'],
  ['MySQL 5.3.2 + MyISAM', 'mysql-5.3.2-myisam'],
  ['Markdown | HTML', 'markdown-html'],
  ['Azure AD', 'azure-ad'],
  ['1. Create a custom backend', 'id-1.-create-a-custom-backend'],
]

describe('legacyGitbookSlug (alias form: this project before 2026-12)', () => {
  it.each(PREVIOUS)('%j → %j', (text, id) => expect(legacyGitbookSlug(text)).toBe(id))
})

// Older GitBook imports, seen as pins (§6): periods dropped, `’` → `-`.
const OLDER: [string, string][] = [
  ['1. Consider the options', 'id-1-consider-the-options'],
  ['Set syntax…', 'set-syntax'],
  ['Change your site’s settings', 'change-your-site-s-settings'],
  ["3.2 Object Lock — l'immuabilité pour la conformité", 'id-32-object-lock-limmuabilite-pour-la-conformite'],
]

describe('gitbookOlderSlug (alias form: older GitBook pins)', () => {
  it.each(OLDER)('%j → %j', (text, id) => expect(gitbookOlderSlug(text)).toBe(id))
})

// Old forms that must keep landing (GITBOOK.md §6 table, GitHub-style column).
const GITHUB: [string, string][] = [
  ['En quoi ce rôle est important ?', 'en-quoi-ce-rôle-est-important-'],
  ['Quel est son quotidien ?', 'quel-est-son-quotidien-'],
  ["Chiffrement par l'application", 'chiffrement-par-lapplication'],
  ['Solutions anti-bots au niveau réseau/middleware', 'solutions-anti-bots-au-niveau-réseaumiddleware'],
  ['Requêtes à intervalles réguliers, ou "polling"', 'requêtes-à-intervalles-réguliers-ou-polling'],
  ['Outils sur le marché', 'outils-sur-le-marché'],
  ['🫰 Analyse de devis', '-analyse-de-devis'],
  ['⚙️ Définition de l\'architecture', '\uFE0F-définition-de-larchitecture'],
  ['☁️ Cloud & conteneurisation', '\uFE0F-cloud--conteneurisation'],
  ['3.2 Object Lock — l\'immuabilité pour la conformité', '32-object-lock--limmuabilité-pour-la-conformité'],
  ['Équipe d’accompagnement', 'équipe-daccompagnement'],
  ['Processus "phase-gate"', 'processus-phase-gate'],
  ['Un bon test est :', 'un-bon-test-est-'],
  ['Exemples ', 'exemples'],
]

describe('githubSlug (alias form)', () => {
  it.each(GITHUB)('%j → %j', (text, id) => expect(githubSlug(text)).toBe(id))
})

const VITEPRESS: [string, string][] = [
  ['En quoi ce rôle est important ?', 'en-quoi-ce-role-est-important'],
  ["Une équipe produit, c'est...", 'une-equipe-produit-c-est'],
  ['3.2 Object Lock', '_3-2-object-lock'],
]

describe('vitepressSlug (alias form)', () => {
  it.each(VITEPRESS)('%j → %j', (text, id) => expect(vitepressSlug(text)).toBe(id))
})

describe('ids on one page', () => {
  const md = new MarkdownIt({ html: true })
  const ids = (src: string) => assignHeadingIds(md.parse(src, {}))

  it('repeats get -1, -2', () => {
    const c = new SlugCounter()
    expect(['strategie', 'strategie', 'strategie'].map((s) => c.unique(s))).toEqual(['strategie', 'strategie-1', 'strategie-2'])
    expect(ids('## Stratégie\n\n## Outillage\n\n## Stratégie\n').headings.map((h) => h.id)).toEqual([
      'strategie',
      'outillage',
      'strategie-1',
    ])
  })

  it('rule 0: an exported <a id> is the id and leaves the text', () => {
    const tokens = md.parse('## Code block options <a href="#options" id="options"></a>\n\n## Options\n', {})
    const a = assignHeadingIds(tokens)
    expect(a.headings.map((h) => [h.id, h.text])).toEqual([
      ['options', 'Code block options'],
      ['options-1', 'Options'],
    ])
    expect(tokens[1].content).toBe('Code block options')
    expect(a.aliases['code-block-options']).toBe('options')
  })

  it('formatting is ignored, a link gives its text, &#x20; is a trailing space, the H1 has no id', () => {
    const a = ids('# 👷‍♀️ Titre\n\n#### **Équipe produit**\n\n### 🩺 [Offre de soin](offre-de-soin.md)\n\n## Exemples&#x20;\n\n## `npm run check` & co\n')
    expect(a.headings.map((h) => h.id)).toEqual(['equipe-produit', 'offre-de-soin', 'exemples', 'npm-run-check-and-co'])
  })

  it('registers the accented GitHub form and the VitePress form as aliases', () => {
    const a = ids("## En quoi ce rôle est important ?\n\n## Une équipe produit, c'est...\n")
    expect(a.aliases['en-quoi-ce-rôle-est-important-']).toBe('en-quoi-ce-role-est-important')
    expect(a.aliases['une-equipe-produit-c-est']).toBe('une-equipe-produit-cest')
  })

  it('registers every id published before the 2026-12 revision, and older GitBook forms', () => {
    const a = ids("## Équipe d’accompagnement\n\n## Une équipe produit, c'est...\n\n## 1. Consider the options\n\n## Azure AD\n")
    expect(a.headings.map((h) => h.id)).toEqual(['equipe-daccompagnement', 'une-equipe-produit-cest', 'id-1.-consider-the-options', 'azure-a-d'])
    expect(a.aliases).toMatchObject({
      'equipe-d-accompagnement': 'equipe-daccompagnement',
      'une-equipe-produit-cest...': 'une-equipe-produit-cest',
      'id-1-consider-the-options': 'id-1.-consider-the-options',
      'azure-ad': 'azure-a-d',
      'équipe-daccompagnement': 'equipe-daccompagnement',
    })
    for (const [form, id] of Object.entries(a.aliases)) {
      expect(a.ids.has(form), form).toBe(false)
      expect(a.ids.has(id), id).toBe(true)
    }
  })

  it('replays the previous numbering of repeats: the second old form maps to the second heading', () => {
    const a = ids('## Rôle de l’équipe\n\n## Rôle de l’équipe\n')
    expect(a.headings.map((h) => h.id)).toEqual(['role-de-lequipe', 'role-de-lequipe-1'])
    expect(a.aliases['role-de-l-equipe']).toBe('role-de-lequipe')
    expect(a.aliases['role-de-l-equipe-1']).toBe('role-de-lequipe-1')
  })

  it('an old form that is now another heading\'s id stays that heading\'s', () => {
    // `Qu’est-ce` used to be `qu-est-ce`; a heading typed `Qu est-ce` owns that id now.
    const a = ids('## Qu’est-ce ?\n\n## Qu est-ce\n')
    expect(a.headings.map((h) => h.id)).toEqual(['quest-ce', 'qu-est-ce'])
    expect(a.aliases['qu-est-ce']).toBeUndefined()
  })

  it('##### and ###### headings get no id, unless pinned (rule 12)', () => {
    const a = ids('## Deux\n\n##### Cinq\n\n###### Six\n\n##### Épinglé <a href="#pin" id="pin"></a>\n')
    expect(a.headings.map((h) => [h.level, h.id])).toEqual([
      [2, 'deux'],
      [5, 'pin'],
    ])
    expect(Object.values(a.aliases)).not.toContain('cinq')
  })
})

describe('expandables keep their previous ids as aliases', () => {
  it('`’` in a summary: the id drops it, the id published before maps to it', () => {
    const md = new MarkdownIt({ html: true })
    const ctx = {} as GitbookContext
    headingIdsPlugin(md, ctx)
    detailsPlugin(md, ctx)
    const env: MarkdownEnv = { frontmatter: {} }
    const html = md.render('## Qu’est-ce ?\n\n<details>\n<summary>L’essentiel…</summary>\n\nTexte.\n\n</details>\n', env)
    expect(html).toContain('<details class="gb-details" id="lessentiel">')
    expect(env.frontmatter!.gitbookAnchors).toMatchObject({ 'l-essentiel...': 'lessentiel', 'qu-est-ce': 'quest-ce' })
  })
})
