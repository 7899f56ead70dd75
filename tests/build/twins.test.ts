// What the built site gives readers and machines besides its pages: Markdown
// twins, llms.txt and llms-full.txt, sitemap.xml, and per page its metadata,
// breadcrumbs and « Modifier cette page ». On the shared builds: docs/ at /
// (no public origin, no edit link), docs/ under /ressources/ (both), and the
// fixture space (public origin; hidden, noIndex and include cases).
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadSpace } from '../../.vitepress/gitbook/space'
import { ROOT } from '../helpers/build'
import { FIXTURE_SITE, FIXTURE_SITE_URL, FIXTURE_SPACE } from '../helpers/fixtures'
import { loadPage } from '../helpers/html'
import { EDIT_URL, SITE_URL, SITES } from '../global-setup'

const DOCS = path.join(ROOT, 'docs')
const root = SITES.root.out
const sub = SITES.sub.out
const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8')
const TEAM_SRC = 'preparer-et-lancer/les-differents-roles-et-metiers'
const TEAM = 'cadrer/les-differents-roles-et-metiers'

/** Page file → twin file: the rule README.md documents. */
const DOCS_TWINS: Record<string, string> = {
  'README.md': 'index.md',
  [`${TEAM_SRC}/README.md`]: `${TEAM}/index.md`,
  [`${TEAM_SRC}/responsable-metier.md`]: `${TEAM}/responsable-metier.md`,
  [`${TEAM_SRC}/responsable-produit.md`]: `${TEAM}/responsable-produit.md`,
  'roles/responsable-metier.md': 'roles/responsable-metier.md',
  'roles/product-manager.md': 'roles/product-manager.md',
}

/** The only changes from source to twin on docs/ at /: links to pages, now to their twins. */
const DOCS_REWRITES: Record<string, [string, string][]> = {
  'README.md': [
    [`](${TEAM_SRC}/README.md)`, `](/${TEAM}/index.md)`],
    [`](${TEAM_SRC}/responsable-metier.md)`, `](/${TEAM}/responsable-metier.md)`],
    [`](${TEAM_SRC}/responsable-produit.md)`, `](/${TEAM}/responsable-produit.md)`],
    ['](roles/responsable-metier.md)', '](/roles/responsable-metier.md)'],
    ['](roles/product-manager.md)', '](/roles/product-manager.md)'],
  ],
  [`${TEAM_SRC}/responsable-metier.md`]: [['](responsable-produit.md)', `](/${TEAM}/responsable-produit.md)`]],
}

function rewritten(source: string, rewrites: [string, string][]): string {
  let out = source
  for (const [from, to] of rewrites) {
    expect(out, `the source holds ${from}`).toContain(from)
    out = out.split(from).join(to)
  }
  return out
}

describe('Markdown twins', () => {
  it('every page of docs/ has one at its URL + .md: /a/b → /a/b.md, /a/ → /a/index.md, / → /index.md', () => {
    expect(Object.keys(DOCS_TWINS).sort()).toEqual([...loadSpace(DOCS).pages.keys()].sort())
    for (const twin of Object.values(DOCS_TWINS)) {
      expect(fs.existsSync(path.join(root, twin)), twin).toBe(true)
      expect(fs.existsSync(path.join(sub, twin)), twin).toBe(true)
    }
  })

  it('a twin is its source byte for byte, links to other pages pointing at their twins (anchors, missing pages kept)', () => {
    for (const [src, twin] of Object.entries(DOCS_TWINS)) {
      const source = read(DOCS, src)
      expect(read(root, twin), src).toBe(rewritten(source, DOCS_REWRITES[src] ?? []))
    }
    // A page not in this space and a footnote anchor stay as written.
    expect(read(root, 'roles/product-manager.md')).toContain('](../../concevoir/indicateurs.md)')
    expect(read(root, 'roles/responsable-metier.md')).toContain('](#user-content-fn-1)')
  })

  it('with a public origin, twin links are absolute and carry the base', () => {
    const home = read(sub, 'index.md')
    expect(home).toContain(`](${SITE_URL}/ressources/roles/product-manager.md)`)
    expect(home).toContain(`](${SITE_URL}/ressources/${TEAM}/index.md)`)
  })

  it('includes are spliced at their indentation, GitBook tags kept, code and inline code untouched, files linked', () => {
    const twin = read(FIXTURE_SITE, 'twins/links.md')
    expect(twin).toBe(read(path.join(ROOT, 'tests/twins'), 'links.md'))
    // The linked file and the image are served where the twin points.
    expect(fs.existsSync(path.join(FIXTURE_SITE, '.gitbook/assets/donnees.csv'))).toBe(true)
    expect(fs.existsSync(path.join(FIXTURE_SITE, '.gitbook/assets/icone.png'))).toBe(true)
    expect(read(FIXTURE_SITE, 'include/splice.md')).toBe(
      [
        '# Include',
        '',
        'Avant.',
        '',
        '{% hint style="warning" %}',
        'Ce contenu est **partagé** entre plusieurs pages.',
        '{% endhint %}',
        '',
        `Voir [les styles](${FIXTURE_SITE_URL}/hint/styles.md).`,
        '',
        'Après.',
        '',
      ].join('\n'),
    )
  })

  it('a hidden page has its twin (it is published); a noIndex page has none', () => {
    expect(read(FIXTURE_SITE, 'frontmatter/hidden.md')).toBe(read(path.join(ROOT, 'tests/fixtures'), 'frontmatter/hidden.md'))
    expect(fs.existsSync(path.join(FIXTURE_SITE, 'frontmatter/noindex.md'))).toBe(false)
  })

  it('twins are precompressed like the other text files', () => {
    expect(fs.existsSync(path.join(sub, 'roles/product-manager.md.gz'))).toBe(true)
  })
})

/** `- [Title](url)` lines of an llms.txt. */
const listed = (text: string) => [...text.matchAll(/^- \[(.+?)\]\((\S+?)\)/gm)].map((m) => m[2])

describe('llms.txt and llms-full.txt', () => {
  it('docs/ at /: title, description, one section per SUMMARY group, pages in order', () => {
    expect(read(root, 'llms.txt')).toBe(
      [
        '# Ressources DNUM',
        '',
        '> Le manuel produit de la direction du numérique',
        '',
        '## Sommaire',
        '',
        '- [Accueil](/index.md)',
        '',
        '## CADRER',
        '',
        `- [Une équipe produit](/${TEAM}/index.md)`,
        `- [👷‍♀️ Responsable métier (PM)](/${TEAM}/responsable-metier.md)`,
        `- [👷‍♀️ Responsable produit](/${TEAM}/responsable-produit.md)`,
        '',
        '## RÔLES',
        '',
        '- [Responsable métier](/roles/responsable-metier.md)',
        '- [Product Manager](/roles/product-manager.md)',
        '',
      ].join('\n'),
    )
    expect(listed(read(sub, 'llms.txt'))[0]).toBe(`${SITE_URL}/ressources/index.md`)
  })

  it('the fixture space: every page neither hidden nor noIndex, in SUMMARY.md order, with its description', () => {
    const space = loadSpace(FIXTURE_SPACE)
    const order = [...read(FIXTURE_SPACE, 'SUMMARY.md').matchAll(/\]\(<(.+?)>\)|\]\((README\.md)\)/g)].map((m) => m[1] ?? m[2])
    const expected = order
      .map((file) => space.pages.get(file)!)
      .filter((p) => p.frontmatter.hidden !== true && p.frontmatter.noIndex !== true)
      .map((p) => `${FIXTURE_SITE_URL}/${p.route.endsWith('/') || p.route === '' ? `${p.route}index` : p.route}.md`)
    const text = read(FIXTURE_SITE, 'llms.txt')
    expect(listed(text)).toEqual(expected)
    expect(text).not.toContain('frontmatter/hidden.md')
    expect(text).not.toContain('frontmatter/noindex')
    expect(text).toContain(`](${FIXTURE_SITE_URL}/frontmatter/description.md): Une description pliée sur deux lignes, reprise en chapeau.`)
  })

  it('llms-full.txt holds each listed twin, in the same order', () => {
    const full = read(root, 'llms-full.txt')
    let at = 0
    for (const twin of [
      'index.md',
      `${TEAM}/index.md`,
      `${TEAM}/responsable-metier.md`,
      `${TEAM}/responsable-produit.md`,
      'roles/responsable-metier.md',
      'roles/product-manager.md',
    ]) {
      const i = full.indexOf(read(root, twin).trimEnd(), at)
      expect(i, twin).toBeGreaterThanOrEqual(at)
      at = i + 1
    }
    const fixtures = read(FIXTURE_SITE, 'llms-full.txt')
    expect(fixtures).toContain(read(FIXTURE_SITE, 'twins/links.md').trimEnd())
    expect(fixtures).not.toContain('Page cachée')
    expect(fixtures).not.toContain('Page non indexée')
  })
})

describe('sitemap.xml', () => {
  it('none without a public origin', () => {
    expect(fs.existsSync(path.join(root, 'sitemap.xml'))).toBe(false)
  })

  it('every page at its absolute URL under the base, in SUMMARY order, with its last commit date', () => {
    const xml = read(sub, 'sitemap.xml')
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')).toBe(true)
    const locs = [...xml.matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => m[1])
    expect(locs).toEqual(
      ['', `${TEAM}/`, `${TEAM}/responsable-metier`, `${TEAM}/responsable-produit`, 'roles/responsable-metier', 'roles/product-manager'].map(
        (r) => `${SITE_URL}/ressources/${r}`,
      ),
    )
    expect(xml.match(/<lastmod>\d{4}-\d\d-\d\d<\/lastmod>/g)).toHaveLength(locs.length)
  })

  it('no hidden page, no noIndex page, no redirect page', () => {
    const xml = read(FIXTURE_SITE, 'sitemap.xml')
    const locs = [...xml.matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => m[1])
    expect(locs).toContain(`${FIXTURE_SITE_URL}/frontmatter/description`)
    expect(locs).not.toContain(`${FIXTURE_SITE_URL}/frontmatter/hidden`)
    expect(locs).not.toContain(`${FIXTURE_SITE_URL}/frontmatter/noindex`)
    const space = loadSpace(FIXTURE_SPACE)
    const redirects = new Set(space.redirects.map((r) => `${FIXTURE_SITE_URL}/${r.from}`))
    expect(locs.filter((l) => redirects.has(l))).toEqual([])
    expect(locs).toHaveLength(new Set(locs).size)
  })
})

const meta = (document: Document, property: string) =>
  document.querySelector(`meta[property="${property}"]`)?.getAttribute('content') ?? null

describe('page metadata', () => {
  it('canonical URL and OpenGraph from the page, with a public origin', () => {
    const { document } = loadPage(sub, 'roles/product-manager.html')
    const url = `${SITE_URL}/ressources/roles/product-manager`
    expect(document.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(url)
    expect(meta(document, 'og:url')).toBe(url)
    expect(meta(document, 'og:title')).toBe('Product Manager')
    expect(meta(document, 'og:description')).toBe(document.querySelector('meta[name="description"]')!.getAttribute('content'))
    expect(meta(document, 'og:type')).toBe('article')
    expect(meta(document, 'og:locale')).toBe('fr_FR')
    expect(meta(document, 'og:site_name')).toBe('Ressources DNUM')
    expect(document.querySelector('link[rel="alternate"][type="text/markdown"]')!.getAttribute('href')).toBe(`${url}.md`)
    expect(meta(loadPage(sub, 'index.html').document, 'og:type')).toBe('website')
    expect(meta(loadPage(sub, 'index.html').document, 'og:url')).toBe(`${SITE_URL}/ressources/`)
  })

  it('without a public origin: OpenGraph, but no canonical link nor og:url', () => {
    const { document } = loadPage(root, 'roles/product-manager.html')
    expect(meta(document, 'og:title')).toBe('Product Manager')
    expect(document.querySelector('link[rel="canonical"]')).toBeNull()
    expect(meta(document, 'og:url')).toBeNull()
    expect(document.querySelector('link[rel="alternate"]')!.getAttribute('href')).toBe('/roles/product-manager.md')
  })

  it('the front-matter description is the page description', () => {
    const { document } = loadPage(FIXTURE_SITE, 'frontmatter/description.html')
    expect(meta(document, 'og:description')).toBe('Une description pliée sur deux lignes, reprise en chapeau.')
    expect(document.querySelector('meta[name="description"]')!.getAttribute('content')).toBe(meta(document, 'og:description'))
  })

  it('noIndex: robots noindex, no twin link nor copy action; hidden: indexable', () => {
    const noindex = loadPage(FIXTURE_SITE, 'frontmatter/noindex.html').document
    expect(noindex.querySelector('meta[name="robots"]')!.getAttribute('content')).toBe('noindex')
    expect(noindex.querySelector('link[rel="alternate"]')).toBeNull()
    expect(noindex.querySelector('.gb-copy-md')).toBeNull()
    const hidden = loadPage(FIXTURE_SITE, 'frontmatter/hidden.html').document
    expect(hidden.querySelector('meta[name="robots"]')).toBeNull()
    expect(hidden.querySelector('.gb-copy-md [role="status"]')).not.toBeNull()
  })
})

/** The breadcrumb trail of a built page: [text, href or null, current]. */
function trail(dist: string, file: string) {
  const nav = loadPage(dist, file).document.querySelector('nav.gb-breadcrumb')!
  expect(nav.getAttribute('aria-label')).toBe('Fil d’Ariane')
  return [...nav.querySelectorAll('ol > li')].map((li) => {
    const el = li.firstElementChild!
    return [el.textContent, el.getAttribute('href'), el.getAttribute('aria-current')]
  })
}

describe('breadcrumbs', () => {
  it('home › group › parent › page, in the HTML (no JavaScript needed), under the base', () => {
    const file = `${TEAM}/responsable-metier.html`
    expect(trail(root, file)).toEqual([
      ['Accueil', '/', null],
      ['CADRER', null, null],
      ['Une équipe produit', `/${TEAM}/`, null],
      ['👷‍♀️ Responsable métier (PM)', null, 'page'],
    ])
    expect(trail(sub, file)[2][1]).toBe(`/ressources/${TEAM}/`)
    expect(trail(root, 'roles/product-manager.html')).toEqual([
      ['Accueil', '/', null],
      ['RÔLES', null, null],
      ['Product Manager', null, 'page'],
    ])
    expect(trail(root, 'index.html')).toEqual([['Accueil', null, 'page']])
  })
})

describe('« Modifier cette page » and « Dernière mise à jour »', () => {
  it('a link to the page file in the configured repository, in French', () => {
    const { document } = loadPage(sub, `${TEAM}/responsable-metier.html`)
    const a = document.querySelector('.VPDocFooter .edit-link a')!
    expect(a.getAttribute('href')).toBe(EDIT_URL.replace(':path', `${TEAM_SRC}/responsable-metier.md`))
    expect(a.textContent!.trim()).toBe('Modifier cette page')
    expect(document.querySelector('.VPDocFooter .last-updated')!.textContent).toContain('Dernière mise à jour')
  })

  it('no link when no repository is configured', () => {
    expect(loadPage(root, 'roles/product-manager.html').document.querySelector('.VPDocFooter .edit-link')).toBeNull()
  })
})
