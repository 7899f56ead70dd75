// The handbook as built: every page at its GitBook URL, with its title and all
// of its text, the sidebar from SUMMARY.md, rewritten links, French UI, and
// redirects from the file-path URLs.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentText, loadPage, missingWords } from '../helpers/html'
import { OUTPUT, ROOT } from '../helpers/build'
import { SITES } from '../global-setup'

const TEAM = 'preparer-et-lancer/les-differents-roles-et-metiers'
const PAGES = [
  { src: `${TEAM}/README.md`, out: 'cadrer/les-differents-roles-et-metiers/index.html', title: 'Une équipe produit' },
  { src: `${TEAM}/responsable-metier.md`, out: 'cadrer/les-differents-roles-et-metiers/responsable-metier.html', title: '👷‍♀️ Responsable métier (PM)' },
  { src: `${TEAM}/responsable-produit.md`, out: 'cadrer/les-differents-roles-et-metiers/responsable-produit.html', title: '👷‍♀️ Responsable produit' },
  { src: 'roles/responsable-metier.md', out: 'roles/responsable-metier.html', title: 'Responsable métier' },
  { src: 'roles/product-manager.md', out: 'roles/product-manager.html', title: 'Product Manager' },
]
const root = SITES.root.out
const sub = SITES.sub.out
const log = () => fs.readFileSync(path.join(OUTPUT, 'docs-root.log'), 'utf8')

describe('each page at its published GitBook URL', () => {
  for (const p of PAGES) {
    it(`${p.src} → /${p.out.replace(/(index)?\.html$/, '')}`, () => {
      const { document } = loadPage(root, p.out)
      expect(document.querySelector('h1')!.textContent!.trim()).toBe(p.title)
      expect(document.title).toBe(`${p.title} | Ressources DNUM`)
      expect(document.documentElement.getAttribute('lang')).toBe('fr-FR')
    })
    it(`${p.src}: every word of the source is on the page`, () => {
      const source = fs.readFileSync(path.join(ROOT, 'docs', p.src), 'utf8')
      const { document } = loadPage(root, p.out)
      expect(missingWords(source, document)).toEqual([])
    })
  }

  it('the light/dark switch has a name in the HTML, before any script runs', () => {
    for (const p of PAGES) {
      const sw = loadPage(root, p.out).document.querySelector('button.VPSwitchAppearance')!
      expect(sw.getAttribute('role'), p.out).toBe('switch')
      expect(sw.getAttribute('aria-label'), p.out).toBe('Thème sombre')
    }
  })

  it('the home page is the root README, and SUMMARY.md is not a page', () => {
    const { document } = loadPage(root, 'index.html')
    expect(document.querySelector('h1')!.textContent!.trim()).toBe('Accueil')
    expect(fs.existsSync(path.join(root, 'SUMMARY.html'))).toBe(false)
  })

  it('pages whose front matter has GitBook `layout:` are not empty, and lose only the pager', () => {
    for (const out of ['roles/responsable-metier.html', 'roles/product-manager.html']) {
      const { document, html } = loadPage(root, out)
      expect(contentText(document).length).toBeGreaterThan(2000)
      expect(document.querySelector('.VPDocFooter .pager')).toBeNull()
      // VitePress never received GitBook's `layout` object as its layout name.
      expect(html).not.toContain('"layout":{')
      expect(document.querySelector('.VPDoc')).not.toBeNull()
    }
    // A page without `layout:` keeps its previous/next links, in French.
    const { document } = loadPage(root, 'cadrer/les-differents-roles-et-metiers/responsable-metier.html')
    const footer = document.querySelector('.VPDocFooter')!.textContent!
    expect(footer).toContain('Page précédente')
    expect(footer).toContain('Page suivante')
  })

  it('GitBook tags render as blocks, never as text or attributes', () => {
    for (const p of PAGES) {
      const { html } = loadPage(root, p.out)
      expect(html, p.out).not.toContain('{%')
      expect(html, p.out).not.toContain('% endhint %')
    }
    const { document } = loadPage(root, 'cadrer/les-differents-roles-et-metiers/responsable-metier.html')
    expect(document.querySelector('.gb-hint.gb-hint--warning')!.textContent).toContain('60 % minimum')
    const tabs = loadPage(root, 'roles/product-manager.html').document.querySelectorAll('.gb-tab')
    expect([...tabs].map((t) => t.querySelector('.gb-tab__title')!.textContent)).toEqual([
      'Le métier',
      'Le chef de projet DNUM',
      'Co-responsabilité métier & DNUM',
    ])
  })
})

describe('sidebar from SUMMARY.md', () => {
  // Each page's HTML holds its own branch (see tests/build/linear-output.test.ts);
  // the whole tree is checked in the « Plan du site » page, in SUMMARY order.
  it('has the groups and entries in SUMMARY order, nested, with emoji kept', () => {
    const { document } = loadPage(root, 'roles/product-manager.html')
    const groups = [...document.querySelectorAll('.VPSidebar .group > .VPSidebarItem.level-0')]
    const title = (el: Element) => el.querySelector(':scope > .item .text')?.textContent?.trim() ?? ''
    expect(groups.map(title)).toEqual(['', 'CADRER', 'RÔLES'])
    const links = (doc: Document, sel: string) => [...doc.querySelectorAll(sel)].map((a) => [a.textContent!.trim(), a.getAttribute('href')])
    expect(links(document, '.VPSidebar a.VPLink')).toEqual([
      ['Accueil', '/'],
      ['Responsable métier', '/roles/responsable-metier'],
      ['Product Manager', '/roles/product-manager'],
    ])
    const team = loadPage(root, 'cadrer/les-differents-roles-et-metiers/responsable-metier.html').document
    expect(team.querySelectorAll('.VPSidebarItem.level-2 a.VPLink').length).toBe(2)
    expect(links(loadPage(root, 'plan-du-site.html').document, 'nav a')).toEqual([
      ['Accueil', '/'],
      ['Une équipe produit', '/cadrer/les-differents-roles-et-metiers/'],
      ['👷‍♀️ Responsable métier (PM)', '/cadrer/les-differents-roles-et-metiers/responsable-metier'],
      ['👷‍♀️ Responsable produit', '/cadrer/les-differents-roles-et-metiers/responsable-produit'],
      ['Responsable métier', '/roles/responsable-metier'],
      ['Product Manager', '/roles/product-manager'],
    ])
  })

  it('shows the page icon from front matter (icon: football) as inline SVG', () => {
    const { document } = loadPage(root, 'cadrer/les-differents-roles-et-metiers/responsable-produit.html')
    const team = [...document.querySelectorAll('.VPSidebar a.VPLink')].find((a) => a.textContent!.includes('Une équipe'))!
    expect(team.querySelector('svg.gb-sidebar-icon')).not.toBeNull()
    const h1 = loadPage(root, 'cadrer/les-differents-roles-et-metiers/index.html').document.querySelector('h1')!
    expect(h1.querySelector('svg.gb-page-icon')).not.toBeNull()
  })
})

describe('links', () => {
  it('a relative .md link goes to the published URL, under any base', () => {
    const out = 'cadrer/les-differents-roles-et-metiers/responsable-metier.html'
    const href = (dist: string) =>
      [...loadPage(dist, out).document.querySelectorAll('.vp-doc a')].find((a) => a.textContent === 'responsable produit')!
        .getAttribute('href')
    expect(href(root)).toBe('/cadrer/les-differents-roles-et-metiers/responsable-produit')
    expect(href(sub)).toBe('/ressources/cadrer/les-differents-roles-et-metiers/responsable-produit')
  })

  it('a link to a page outside the space keeps its text, leads nowhere, and is reported', () => {
    const { document } = loadPage(root, 'roles/product-manager.html')
    const span = document.querySelector('.gb-unavailable')!
    expect(span.textContent).toContain('indicateurs')
    expect(span.closest('a')).toBeNull()
    expect(log()).toContain(
      'roles/product-manager.md:95:39: warning: link to ../concevoir/indicateurs.md, a page that is not in this space',
    )
  })

  it('the file-path URL of a page forwards to its published URL', () => {
    const stub = loadPage(sub, `${TEAM}/responsable-metier.html`)
    const target = '/ressources/cadrer/les-differents-roles-et-metiers/responsable-metier'
    expect(stub.document.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe(`0; url=${target}`)
    expect(stub.document.querySelector('body a')!.getAttribute('href')).toBe(target)
    const index = loadPage(sub, `${TEAM}/index.html`)
    expect(index.document.querySelector('body a')!.getAttribute('href')).toBe('/ressources/cadrer/les-differents-roles-et-metiers/')
  })
})

describe('French interface', () => {
  it('skip link, labels and the 404 page are in French', () => {
    // A page of the CADRER group: its branch of the sidebar has a collapsible section.
    const { html } = loadPage(root, 'cadrer/les-differents-roles-et-metiers/responsable-metier.html')
    expect(html).toContain('Aller au contenu')
    // Labels written inside VitePress's components, translated at build time.
    for (const fr of ['Navigation latérale', 'Afficher ou masquer la section', 'Menu de navigation', 'Sur cette page']) {
      expect(html).toContain(fr)
    }
    for (const en of ['Sidebar Navigation', 'toggle section', 'mobile navigation', 'On this page']) {
      expect(html).not.toContain(en)
    }
    // VitePress renders the 404 page in the browser (tests/e2e/site.test.ts), from
    // the site data of the shared metadata chunk the page loads.
    const notFound = loadPage(root, '404.html').document
    expect(notFound.documentElement.getAttribute('lang')).toBe('fr-FR')
    const meta = notFound.querySelector('script[src*="/chunks/metadata."]')!.getAttribute('src')!
    const siteData = fs.readFileSync(path.join(root, meta), 'utf8')
    expect(siteData).toContain('Page introuvable')
    expect(siteData).toContain('Retour à l’accueil')
  })
})
