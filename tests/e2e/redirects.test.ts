// Old URLs keep working after pages moved: a space built with
// `--previous <old version>` and `.gitbook.yaml` redirects gets HTML
// forwarding pages and an nginx map; real nginx answers 301 from the map, and
// without the map the HTML page forwards, keeping the #anchor.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { buildSpaceAsync, ROOT, type BuildResult } from '../helpers/build'
import { loadPage } from '../helpers/html'
import { serveWithNginx } from '../helpers/nginx'

const SPACES = path.join(ROOT, 'tests/spaces/moved')
const BASE = '/manuel/'
const FALLBACK = 'https://manuel.example.gouv.fr/ressources'
let out: string
let result: BuildResult
let browser: Browser

beforeAll(async () => {
  out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'moved-')), 'site')
  result = await buildSpaceAsync({
    src: path.join(SPACES, 'current'),
    out,
    base: BASE,
    extra: ['--previous', path.join(SPACES, 'previous'), '--fallback-url', FALLBACK],
  })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('npm run build -- --previous <old space>', () => {
  it('builds', () => expect(result.status, result.log).toBe(0))

  it('writes an HTML forwarding page for a moved page and for a .gitbook.yaml redirect', () => {
    const moved = loadPage(out, 'guide/publier.html').document
    expect(moved.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe('0; url=/manuel/exploitation/publier')
    // Readers without JavaScript get a link.
    expect(moved.querySelector('body a')!.getAttribute('href')).toBe('/manuel/exploitation/publier')
    expect(moved.querySelector('script')!.textContent).toContain('location.hash')
    expect(loadPage(out, 'guide/corriger.html').document.querySelector('body a')!.getAttribute('href')).toBe('/manuel/exploitation/relire')
  })

  it('writes the nginx map with the base prefix', () => {
    const map = fs.readFileSync(path.join(out, 'nginx-redirects.map'), 'utf8')
    expect(map).toContain('map $uri $gitbook_redirect {')
    expect(map).toContain('"/manuel/guide/publier" "/manuel/exploitation/publier";')
    expect(map).toContain('"/manuel/guide/publier.html" "/manuel/exploitation/publier";')
    expect(map).toContain('"/manuel/guide/corriger" "/manuel/exploitation/relire";')
    // A page still published at its old place gets no redirect.
    expect(map).not.toContain('"/manuel/guide/ecrire"')
  })

  it('--fallback-url: a link to a page outside the space points into the complete handbook', () => {
    const a = [...loadPage(out, 'exploitation/relire.html').document.querySelectorAll('.vp-doc a')].find((e) => e.textContent === 'les indicateurs')!
    expect(a.getAttribute('href')).toBe(`${FALLBACK}/concevoir/indicateurs#suivi`)
    expect(result.log).toContain('guide/relire.md:5:6: warning: link to ../concevoir/indicateurs.md, a page that is not in this space')
  })

  it('nginx with the map answers 301 to the new URL; the browser keeps the anchor', async () => {
    const server = await serveWithNginx(out, BASE)
    try {
      for (const [from, to] of [
        ['guide/publier', 'exploitation/publier'],
        ['guide/publier.html', 'exploitation/publier'],
        ['guide/corriger', 'exploitation/relire'],
      ]) {
        const res = await fetch(`${server.origin}${BASE}${from}`, { redirect: 'manual' })
        expect(res.status, from).toBe(301)
        expect(new URL(res.headers.get('location')!, server.origin).pathname).toBe(`${BASE}${to}`)
      }
      expect((await fetch(`${server.origin}${BASE}guide/ecrire`, { redirect: 'manual' })).status).toBe(200)
      const page = await browser.newPage()
      await page.goto(`${server.origin}${BASE}guide/publier#mise-en-ligne`)
      await page.waitForURL(`${server.origin}${BASE}exploitation/publier#mise-en-ligne`)
      await page.close()
    } finally {
      await server.stop()
    }
  })

  it('without the map, the HTML page forwards and keeps the anchor', async () => {
    const copy = path.join(path.dirname(out), 'site-no-map')
    fs.cpSync(out, copy, { recursive: true })
    fs.writeFileSync(path.join(copy, 'nginx-redirects.map'), 'map $uri $gitbook_redirect { }\n')
    const server = await serveWithNginx(copy, BASE)
    try {
      const res = await fetch(`${server.origin}${BASE}guide/publier`, { redirect: 'manual' })
      expect(res.status).toBe(200)
      const page = await browser.newPage()
      await page.goto(`${server.origin}${BASE}guide/publier#mise-en-ligne`)
      await page.waitForURL(`${server.origin}${BASE}exploitation/publier#mise-en-ligne`)
      await page.locator('h1', { hasText: 'Publier' }).waitFor()
      await page.close()
    } finally {
      await server.stop()
    }
  })
})
