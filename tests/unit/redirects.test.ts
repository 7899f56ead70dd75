// The nginx map the build writes: decoded paths as keys (nginx's $uri is
// decoded), encoded URLs as values, every form a request may take, quoted.
import { describe, expect, it } from 'vitest'
import { nginxRedirectMap } from '../../.vitepress/gitbook/redirects'

describe('nginxRedirectMap', () => {
  const map = nginxRedirectMap('/ressources/', [
    { from: 'readme/comite-produit', to: 'cadrer/comite-produit', source: '.gitbook.yaml' },
    { from: 'guide/schéma "général"', to: 'guide/schéma', source: 'file path' },
    { from: 'ancien/', to: 'nouveau/', source: 'previous version' },
  ])

  it('is one map block with every request form', () => {
    expect(map).toContain('map $uri $gitbook_redirect {\n')
    expect(map).toContain('  "/ressources/readme/comite-produit" "/ressources/cadrer/comite-produit";')
    expect(map).toContain('  "/ressources/readme/comite-produit.html" "/ressources/cadrer/comite-produit";')
    expect(map).toContain('  "/ressources/ancien/" "/ressources/nouveau/";')
    expect(map).toContain('  "/ressources/ancien" "/ressources/nouveau/";')
    expect(map).toContain('  "/ressources/ancien/index.html" "/ressources/nouveau/";')
  })

  it('quotes keys and encodes targets', () => {
    expect(map).toContain('  "/ressources/guide/schéma \\"général\\"" "/ressources/guide/sch%C3%A9ma";')
  })

  it('sizes the hash buckets for long GitBook paths', () => {
    expect(map).toMatch(/^map_hash_bucket_size (64|128|256);$/m)
  })
})
