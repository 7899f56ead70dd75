// GitBook heading ids (GITBOOK.md §6): a plain table, French headings first,
// then the worked examples of §6 and GitBook's own docs, then the alias forms.
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { assignHeadingIds } from '../../.vitepress/gitbook/headings'
import { githubSlug, gitbookSlug, SlugCounter, vitepressSlug } from '../../.vitepress/gitbook/slug'

const GITBOOK: [string, string][] = [
  // French, from the handbook (D) and the other space (A)
  ['En quoi ce rôle est important ?', 'en-quoi-ce-role-est-important'],
  ['Quel est son quotidien ?', 'quel-est-son-quotidien'],
  ['Quelles sont les questions à se poser en tant que responsable métier ?', 'quelles-sont-les-questions-a-se-poser-en-tant-que-responsable-metier'],
  ["Chiffrement par l'application", 'chiffrement-par-lapplication'],
  ["Définition d'un produit", 'definition-dun-produit'],
  ['Équipe d’accompagnement', 'equipe-d-accompagnement'],
  ['Rôle de l’équipe', 'role-de-l-equipe'],
  ['Qu’est-ce que le mode produit ?', 'qu-est-ce-que-le-mode-produit'],
  ["Qu'est-ce qu'un PM ?", 'quest-ce-quun-pm'],
  ['Solutions anti-bots au niveau réseau/middleware', 'solutions-anti-bots-au-niveau-reseau-middleware'],
  ['Requêtes à intervalles réguliers, ou "polling"', 'requetes-a-intervalles-reguliers-ou-polling'],
  ['Outils sur le marché', 'outils-sur-le-marche'],
  ['🫰 Analyse de devis', 'analyse-de-devis'],
  ['⚙️ Définition de l\'architecture', 'definition-de-larchitecture'],
  ['☁️ Cloud & conteneurisation', 'cloud-and-conteneurisation'],
  ['👷‍♀️ Responsable métier (PM)', 'responsable-metier-pm'],
  ['3.2 Object Lock — l\'immuabilité pour la conformité', 'id-3.2-object-lock-limmuabilite-pour-la-conformite'],
  ['Processus "phase-gate"', 'processus-phase-gate'],
  ['Un bon test est :', 'un-bon-test-est'],
  ['Exemples ', 'exemples'],
  ['Stratégie', 'strategie'],
  ['Comment améliorer ?', 'comment-ameliorer'],
  ['« Dites-le-nous une fois »', 'dites-le-nous-une-fois'],
  ['Sécurité : les bons réflexes', 'securite-les-bons-reflexes'],
  ['Ça commence ici !', 'ca-commence-ici'],
  ['Mise en œuvre', 'mise-en-oeuvre'],
  ['Une équipe produit, c\'est...', 'une-equipe-produit-cest...'],
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
  // GitBook's own docs (G)
  ['How do I use GitBook AI?', 'how-do-i-use-gitbook-ai'],
  ["GitBook's global privacy practices", 'gitbooks-global-privacy-practices'],
  ['The site’s URL', 'the-site-s-url'],
  ['Light & dark mode', 'light-and-dark-mode'],
  ['GitHub/GitLab', 'github-gitlab'],
  ['add_http_headers', 'add_http_headers'],
  ['1. Create a new application in Auth0', 'id-1.-create-a-new-application-in-auth0'],
  ['7 tips for writing', 'id-7-tips-for-writing'],
  ['Set syntax…', 'set-syntax...'],
  ['a < b', 'a-less-than-b'],
  ['', ''],
]

describe('gitbookSlug', () => {
  it.each(GITBOOK)('%j → %j', (text, id) => {
    expect(gitbookSlug(text)).toBe(id)
  })
  it('has at least 40 cases', () => expect(GITBOOK.length).toBeGreaterThanOrEqual(40))
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
    expect(a.aliases['une-equipe-produit-c-est']).toBe('une-equipe-produit-cest...')
  })
})
