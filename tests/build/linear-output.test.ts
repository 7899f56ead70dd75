// The output shape that keeps a large handbook linear in size: each page's
// HTML carries its own branch of the sidebar, not every entry of the
// handbook; the page map and the site data (full sidebar) are one shared
// chunk, not inlined in every page; readers without JavaScript reach every
// page through « Plan du site ». Sizes and times are for `npm run bench`.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadPage } from '../helpers/html'
import { SITES } from '../global-setup'
import { builtFile } from '../helpers/fixtures'

const root = SITES.root.out
const sub = SITES.sub.out
const htmlFiles = (dist: string) =>
  fs.readdirSync(dist, { recursive: true }).map(String).filter((f) => f.endsWith('.html') && !f.startsWith('assets'))
const sidebarHrefs = (dist: string, file: string) =>
  [...loadPage(dist, file).document.querySelectorAll('.VPSidebar a.VPLink')].map((a) => a.getAttribute('href'))

describe('each page carries its own branch of the sidebar', () => {
  it('a page of one group has none of the entries of another group', () => {
    const roles = sidebarHrefs(root, 'roles/product-manager.html')
    expect(roles).toContain('/roles/responsable-metier')
    expect(roles.filter((h) => h!.startsWith('/cadrer/'))).toEqual([])
    const team = sidebarHrefs(root, 'cadrer/les-differents-roles-et-metiers/responsable-produit.html')
    expect(team).toContain('/cadrer/les-differents-roles-et-metiers/responsable-metier')
    expect(team.filter((h) => h!.startsWith('/roles/'))).toEqual([])
  })

  it('a parent page links its children; the home page does not list the nested ones', () => {
    expect(sidebarHrefs(root, 'cadrer/les-differents-roles-et-metiers/index.html')).toContain(
      '/cadrer/les-differents-roles-et-metiers/responsable-produit',
    )
    expect(sidebarHrefs(root, 'index.html')).toEqual(['/'])
  })

  it('previous and next follow the whole sidebar, across groups', () => {
    const { document } = loadPage(root, 'cadrer/les-differents-roles-et-metiers/responsable-produit.html')
    const next = document.querySelector('.pager-link.next')!
    expect(next.getAttribute('href')).toBe('/roles/responsable-metier')
    expect(next.textContent).toContain('Responsable métier')
  })

  it('previous and next follow the sidebar whatever the front matter says', () => {
    // VitePress's `prev:`/`next:` keys are not GitBook's: set aside with a
    // warning (fixture frontmatter/bad/pager), the site sets both links.
    const file = builtFile({ name: 'frontmatter/bad/pager', md: 'frontmatter/bad/pager.md' })
    const { document } = loadPage(path.dirname(file), path.basename(file))
    const entries = [...document.querySelectorAll('.VPSidebar a.VPLink')]
    const own = entries.findIndex((a) => a.getAttribute('href') === '/frontmatter/pager')
    // Neighbours on both sides, so that neither link is compared with nothing.
    expect(own).toBeGreaterThan(0)
    expect(own).toBeLessThan(entries.length - 1)
    const prev = document.querySelector('.pager-link.prev')!
    expect(prev.getAttribute('href')).toBe(entries[own - 1].getAttribute('href'))
    expect(prev.textContent).toContain(entries[own - 1].textContent!.trim())
    expect(prev.textContent).not.toContain('choisie')
    expect(document.querySelector('.pager-link.next')?.getAttribute('href')).toBe(entries[own + 1]?.getAttribute('href'))
  })
})

describe('what every page shares is sent once', () => {
  it('no page inlines the page map or the site data; one metadata chunk holds them, full sidebar included', () => {
    for (const file of htmlFiles(root)) {
      const html = fs.readFileSync(path.join(root, file), 'utf8')
      expect(html, file).not.toContain('__VP_HASH_MAP__')
      expect(html, file).not.toContain('__VP_SITE_DATA__')
    }
    const chunks = fs.readdirSync(path.join(root, 'assets/chunks')).filter((f) => /^metadata\.\w+\.js$/.test(f))
    expect(chunks).toHaveLength(1)
    const meta = fs.readFileSync(path.join(root, 'assets/chunks', chunks[0]), 'utf8')
    expect(meta).toContain('__VP_HASH_MAP__')
    expect(meta).toContain('/roles/product-manager')
    expect(meta).toContain('/cadrer/les-differents-roles-et-metiers/responsable-produit')
    const page = loadPage(root, 'roles/product-manager.html').document
    expect(page.querySelector(`script[src="/assets/chunks/${chunks[0]}"]`)).not.toBeNull()
  })
})

describe('« Plan du site »: every page without JavaScript', () => {
  it('is linked from every page, under the base, as a full page load', () => {
    for (const [dist, base] of [[root, '/'], [sub, '/ressources/']]) {
      const a = loadPage(dist, 'roles/product-manager.html').document.querySelector('.gb-sitemap-link a')!
      expect(a.getAttribute('href')).toBe(`${base}plan-du-site`)
      expect(a.getAttribute('target')).toBe('_self')
    }
  })

  it('lists every page of SUMMARY.md, under the base, and is French', () => {
    const { document } = loadPage(sub, 'plan-du-site.html')
    expect(document.documentElement.getAttribute('lang')).toBe('fr-FR')
    expect(document.querySelector('h1')!.textContent).toBe('Plan du site')
    const hrefs = [...document.querySelectorAll('nav a')].map((a) => a.getAttribute('href'))
    expect(hrefs).toEqual([
      '/ressources/',
      '/ressources/cadrer/les-differents-roles-et-metiers/',
      '/ressources/cadrer/les-differents-roles-et-metiers/responsable-metier',
      '/ressources/cadrer/les-differents-roles-et-metiers/responsable-produit',
      '/ressources/roles/responsable-metier',
      '/ressources/roles/product-manager',
    ])
    expect([...document.querySelectorAll('nav strong')].map((e) => e.textContent)).toEqual(['CADRER', 'RÔLES'])
  })
})
