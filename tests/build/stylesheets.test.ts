// The stylesheets of the built site (deploy/unused-css.ts, lazy-css.ts,
// css-names.ts): every page links the one page stylesheet, named after its
// final content; the search box's styles wait in a stylesheet of the search
// box's chunk, which loads it.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentName } from '../../.vitepress/gitbook/deploy/css-names'
import { SITES } from '../global-setup'
import { loadPage } from '../helpers/html'

const out = SITES.sub.out
const assets = path.join(out, 'assets')
const chunks = path.join(assets, 'chunks')
const pageSheet = () => fs.readdirSync(assets).find((f) => /^style\.[\w-]+\.css$/.test(f))!
const searchChunk = () => fs.readdirSync(chunks).find((f) => /^VPLocalSearchBox\.[\w-]+\.js$/.test(f))!

describe('stylesheets of the built site', () => {
  it('every page links the page stylesheet, and only it', () => {
    for (const page of ['roles/product-manager.html', 'index.html', '404.html']) {
      const { document } = loadPage(out, page)
      const sheets = [...document.querySelectorAll('link[rel~="stylesheet"]')].map((l) => l.getAttribute('href'))
      expect(sheets, page).toEqual([`${SITES.sub.base}assets/${pageSheet()}`])
    }
    // VitePress's stylesheet of social link icons (patches/vitepress+1.6.4.patch): the site has none.
    expect(fs.existsSync(path.join(out, 'vp-icons.css'))).toBe(false)
  })

  it('the page stylesheet is named after its content, as served', () => {
    const name = pageSheet()
    expect(contentName(`assets/${name}`, fs.readFileSync(path.join(assets, name), 'utf8'))).toBe(`assets/${name}`)
  })

  it("the search box's scoped styles are in its own stylesheet, which its chunk waits for", () => {
    const chunk = searchChunk()
    const code = fs.readFileSync(path.join(chunks, chunk), 'utf8')
    const scope = code.match(/"(data-v-[\da-f]+)"/)![1]
    const own = chunk.replace(/\.js$/, '.css')
    expect(fs.readFileSync(path.join(chunks, own), 'utf8')).toContain(`[${scope}]`)
    expect(fs.readFileSync(path.join(assets, pageSheet()), 'utf8')).not.toContain(`[${scope}]`)
    expect(code).toContain(`await (typeof document>"u"?0:new Promise(`)
    expect(code).toContain(`new URL(${JSON.stringify(own)},import.meta.url)`)
  })

  it("Algolia's dialog styles are gone; its search button's are kept", () => {
    const css = fs.readFileSync(path.join(assets, pageSheet()), 'utf8')
    expect(css).not.toMatch(/DocSearch-Modal|\[data-theme/)
    expect(css).toMatch(/\.DocSearch-Button\b/)
  })
})
