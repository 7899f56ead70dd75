// Every heading of docs/ carries its GitBook id in the built site (and only
// those ids), the outline and the search index use the same ids, and links
// written with an old anchor form were rewritten at build time.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SITES } from '../global-setup'
import { loadPage } from '../helpers/html'

const DIST = SITES.root.out

// Computed by hand from GITBOOK.md §6 for every `##`–`####` line of docs/.
const EXPECTED: Record<string, string[]> = {
  'index.html': ['cadrer', 'roles'],
  'cadrer/les-differents-roles-et-metiers/index.html': ['une-equipe-produit-cest', 'porter-un-produit-cest'],
  'cadrer/les-differents-roles-et-metiers/responsable-metier.html': [
    'en-quoi-ce-role-est-important',
    'quel-est-son-quotidien',
    'quelles-sont-les-questions-a-se-poser-en-tant-que-responsable-metier',
  ],
  'cadrer/les-differents-roles-et-metiers/responsable-produit.html': [
    'en-quoi-ce-role-est-important',
    'quel-est-son-quotidien',
    'quelles-sont-les-questions-a-se-poser-en-tant-que-responsable-produit',
  ],
  'roles/product-manager.html': [
    'de-quoi-parle-t-on',
    'qui-porte-le-role-de-product-manager',
    'pourquoi-ce-role-est-important',
    'quel-est-son-quotidien',
    'quelles-sont-les-questions-a-se-poser-en-tant-que-product-manager',
  ],
  'roles/responsable-metier.html': [
    'de-quoi-parle-t-on',
    'quel-role-joue-le-metier-dans-la-gestion-produit',
    'pourquoi-ce-role-est-important',
    'quel-est-son-quotidien',
    'quelles-sont-les-questions-a-se-poser-en-tant-que-responsable-metier',
  ],
}

describe('heading ids of docs/', () => {
  for (const [file, ids] of Object.entries(EXPECTED)) {
    it(`${file} carries exactly the GitBook ids`, () => {
      const { document } = loadPage(DIST, file)
      const headings = [...document.querySelectorAll('.vp-doc :is(h1, h2, h3, h4, h5, h6)')]
      expect(headings.filter((h) => h.id).map((h) => h.id)).toEqual(ids)
      // The H1 has no anchor; every other heading's permalink is labelled in French.
      expect(document.querySelector('.vp-doc h1')!.id).toBe('')
      for (const a of document.querySelectorAll('.vp-doc .header-anchor')) {
        expect(a.getAttribute('aria-label')).toMatch(/^Lien vers la section « .+ »$/)
        expect(a.getAttribute('aria-label')).not.toMatch(/&#x|<a /)
      }
    })
  }

  it('the search index links to the same ids', () => {
    const assets = path.join(DIST, 'assets/chunks')
    const index = fs.readdirSync(assets).filter((f) => f.startsWith('@localSearchIndex'))
    const text = index.map((f) => fs.readFileSync(path.join(assets, f), 'utf8')).join('\n')
    expect(text).toContain('#en-quoi-ce-role-est-important')
    expect(text).toContain('#quelles-sont-les-questions-a-se-poser-en-tant-que-product-manager')
    expect(text).not.toContain('#en-quoi-ce-rôle')
  })

  it('old anchor forms are in the page data, for the theme script', () => {
    const assets = path.join(DIST, 'assets')
    const lean = fs.readdirSync(assets).find((f) => f.startsWith('cadrer_les-differents-roles-et-metiers_responsable-metier.md') && f.endsWith('.lean.js'))!
    expect(fs.readFileSync(path.join(assets, lean), 'utf8')).toContain('"en-quoi-ce-rôle-est-important-":"en-quoi-ce-role-est-important"')
  })
})
