// `npm run dev` on a space outside the project: pages open at their GitBook
// URLs, and an edit to a page reaches the open browser without a reload.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { ROOT } from '../helpers/build'
import { freePort } from '../helpers/nginx'
import { openSearch } from '../helpers/search'

let dev: ChildProcess
let browser: Browser
let origin: string
let space: string

beforeAll(async () => {
  space = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dev-')), 'space')
  fs.cpSync(path.join(ROOT, 'docs'), space, { recursive: true })
  const port = await freePort()
  origin = `http://localhost:${port}`
  dev = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['bin/gitbook.ts', 'dev', '--src', space, '--port', String(port)], {
    cwd: ROOT,
    stdio: 'ignore',
    detached: true,
  })
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(origin)).ok) break
    } catch {}
    await new Promise((r) => setTimeout(r, 100))
  }
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  if (dev?.pid) process.kill(-dev.pid, 'SIGTERM')
})

it('serves a page at its GitBook URL and hot-reloads an edit', async () => {
  const page = await browser.newPage()
  await page.goto(`${origin}/cadrer/les-differents-roles-et-metiers/responsable-produit`)
  await page.locator('h1', { hasText: 'Responsable produit' }).waitFor({ timeout: 60_000 })
  const file = path.join(space, 'preparer-et-lancer/les-differents-roles-et-metiers/responsable-produit.md')
  const text = fs.readFileSync(file, 'utf8')
  fs.writeFileSync(file, text.replace('Il apporte un appui opérationnel', 'Il apporte un appui modifié à chaud'))
  await page.locator('.vp-doc', { hasText: 'Il apporte un appui modifié à chaud' }).waitFor({ timeout: 60_000 })
  // A second edit too: the search index's re-indexing of the first once threw
  // in VitePress's hot-update chain, and every later edit stayed on the server.
  fs.writeFileSync(file, text.replace('Il apporte un appui opérationnel', 'Il apporte un appui modifié deux fois'))
  await page.locator('.vp-doc', { hasText: 'Il apporte un appui modifié deux fois' }).waitFor({ timeout: 60_000 })
  expect(page.url()).toBe(`${origin}/cadrer/les-differents-roles-et-metiers/responsable-produit`)
  await page.close()
  // Its Markdown twin too (what « Copier la page en Markdown » fetches), from the edited file.
  const twin = await fetch(`${origin}/cadrer/les-differents-roles-et-metiers/responsable-produit.md`)
  expect(twin.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
  expect(await twin.text()).toBe(fs.readFileSync(file, 'utf8'))
})

it('finds pages with the search box (its index is built once the server is idle or the box asks)', async () => {
  const page = await browser.newPage()
  await page.goto(`${origin}/cadrer/les-differents-roles-et-metiers/responsable-produit`)
  await page.locator('.vp-doc h1').first().waitFor({ timeout: 60_000 })
  const input = await openSearch(page)
  await input.fill('Product Manager')
  await page.locator('.VPLocalSearchBox a.result[href*="roles/product-manager"]').first().waitFor({ timeout: 60_000 })
  await page.close()
})

it('restarts on a SUMMARY.md edit, so the sidebar follows it', async () => {
  const page = await browser.newPage()
  await page.goto(`${origin}/roles/product-manager`)
  await page.locator('.VPSidebar', { hasText: 'Product Manager' }).waitFor({ timeout: 60_000 })
  const summary = path.join(space, 'SUMMARY.md')
  fs.writeFileSync(summary, fs.readFileSync(summary, 'utf8').replace('[Product Manager]', '[Chef de produit]'))
  // The server restarts with the new navigation; the page is reloaded by the reader or by Vite.
  await expect
    .poll(
      async () => {
        await page.goto(`${origin}/roles/product-manager`).catch(() => undefined)
        return page.locator('.VPSidebar').textContent({ timeout: 5_000 }).catch(() => '')
      },
      { timeout: 60_000, interval: 1_000 },
    )
    .toContain('Chef de produit')
  await page.close()
})
