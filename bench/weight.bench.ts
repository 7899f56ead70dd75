// npm run bench (weight part): what a first visit to three pages downloads,
// measured in Chromium against nginx with deploy/nginx.conf, for the handbook
// and for plain VitePress on the same Markdown. Reports figures side by side;
// the budget itself is asserted by tests/e2e/weight.test.ts.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { writeCsp } from '../.vitepress/gitbook/deploy/csp'
import { precompress } from '../.vitepress/gitbook/deploy/precompress'
import { PROJECT_ROOT } from '../.vitepress/gitbook/site'
import { loadSpace } from '../.vitepress/gitbook/space'
import { routeToTarget } from '../.vitepress/gitbook/urls'
import { launchBrowser } from '../tests/helpers/browser'
import { serveWithNginx } from '../tests/helpers/nginx'
import { measurePage, type PageWeight } from '../tests/helpers/weight'
import { buildArgs } from '../bin/build-process'

const WORK = path.join(PROJECT_ROOT, '.bench/weight')
const PLAIN = path.join(WORK, 'plain')
const PLAIN_OUT = path.join(PLAIN, '.vitepress/dist')
const OURS_OUT = path.join(WORK, 'ours')
const BASE = '/ressources/'
const PAGES = ['roles/product-manager', 'cadrer/les-differents-roles-et-metiers/responsable-metier', '']
const bin = (name: string) => path.join(PROJECT_ROOT, 'node_modules/.bin', name)

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: PROJECT_ROOT, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}${r.stderr}`)
}

/** Plain VitePress on the same text: GitBook tags and front matter dropped, pages at their GitBook routes. */
function preparePlain(): void {
  fs.rmSync(PLAIN, { recursive: true, force: true })
  const src = path.join(PROJECT_ROOT, 'docs')
  const rewrites: Record<string, string> = {}
  // Each page at its route in our build, so the same three pages are compared.
  for (const page of loadSpace(src).pages.values()) {
    const text = fs
      .readFileSync(path.join(src, page.file), 'utf8')
      .replace(/^---\n[\s\S]*?\n---\n/, '')
      .replace(/^\{%.*%\}\s*$/gm, '')
    fs.mkdirSync(path.dirname(path.join(PLAIN, page.file)), { recursive: true })
    fs.writeFileSync(path.join(PLAIN, page.file), text)
    rewrites[page.file] = routeToTarget(page.route)
  }
  fs.mkdirSync(path.join(PLAIN, '.vitepress'), { recursive: true })
  fs.writeFileSync(
    path.join(PLAIN, '.vitepress/config.mts'),
    `export default { lang: 'fr-FR', title: 'Plain', base: '${BASE}', cleanUrls: true, ignoreDeadLinks: true, rewrites: ${JSON.stringify(rewrites)}, markdown: { math: true }, themeConfig: { search: { provider: 'local' } } }\n`,
  )
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
const code = (w: PageWeight) => `${kb(w.code)} / ${w.codeRequests} req.`
const fonts = (w: PageWeight) => `${kb(w.fonts.reduce((n, f) => n + f.bytes, 0))} / ${w.fonts.length}`

run(process.execPath, buildArgs(['--out', OURS_OUT, '--base', BASE]))
preparePlain()
run(bin('vitepress'), ['build', PLAIN])
// Served the same way: precompressed, under deploy/nginx.conf.
writeCsp(PLAIN_OUT)
await precompress(PLAIN_OUT, { brotli: false })
fs.writeFileSync(path.join(PLAIN_OUT, 'nginx-redirects.map'), 'map $uri $gitbook_redirect { }\n')

const browser = await launchBrowser()
const rows: string[][] = [['page', 'ours HTML+CSS+JS', 'plain HTML+CSS+JS', 'ours fonts', 'plain fonts']]
const oursServer = await serveWithNginx(OURS_OUT, BASE)
const plainServer = await serveWithNginx(PLAIN_OUT, BASE)
try {
  for (const p of PAGES) {
    const o = await measurePage(browser, `${oursServer.origin}${BASE}${p}`)
    const v = await measurePage(browser, `${plainServer.origin}${BASE}${p}`)
    rows.push([`/${p}`, code(o), code(v), fonts(o), fonts(v)])
  }
} finally {
  await browser.close()
  await oursServer.stop()
  await plainServer.stop()
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
console.log('\nFirst load, gzip as served by nginx (Chromium, until the load event):')
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '))
