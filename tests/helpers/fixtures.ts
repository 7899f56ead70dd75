// The fixture space: every `tests/fixtures/<construct>/<case>.md` is built as a
// page of one GitBook space (with the fixtures' own `.gitbook/` folder), by the
// real build command. Tests compare each built page to `<case>.html` and the
// build's messages for it to `<case>.diag`.
import fs from 'node:fs'
import path from 'node:path'
import { parseHTML } from 'linkedom'
import { loadSpace } from '../../.vitepress/gitbook/space'
import { routeToHtml } from '../../.vitepress/gitbook/urls'
import { buildSpaceAsync, OUTPUT, ROOT } from './build'

export const FIXTURES = path.join(ROOT, 'tests/fixtures')
export const FIXTURE_SPACE = path.join(OUTPUT, 'fixture-space')
export const FIXTURE_SITE = path.join(OUTPUT, 'fixture-site')
export const FIXTURE_LOG = path.join(OUTPUT, 'fixture-site.log')
export const FIXTURE_SITE_URL = 'https://fixtures.exemple.gouv.fr'

export interface FixtureCase {
  /** `hint/styles`, `hint/bad/unclosed` */
  name: string
  /** Path of the `.md`, relative to tests/fixtures. */
  md: string
  /** Expected HTML file, when there is one. */
  html?: string
  /** Expected messages file, when there is one. */
  diag?: string
}

export function listFixtures(): FixtureCase[] {
  const out: FixtureCase[] = []
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue
      const abs = path.join(dir, e.name)
      if (e.isDirectory()) walk(abs)
      else if (e.name.endsWith('.md') && e.name !== 'SUMMARY.md') {
        const rel = path.relative(FIXTURES, abs).split(path.sep).join('/')
        const stem = abs.slice(0, -3)
        out.push({
          name: rel.slice(0, -3),
          md: rel,
          html: fs.existsSync(`${stem}.html`) ? `${stem}.html` : undefined,
          diag: fs.existsSync(`${stem}.diag`) ? `${stem}.diag` : undefined,
        })
      }
    }
  }
  walk(FIXTURES)
  return out.sort((a, b) => a.name.localeCompare(b.name))
}

/** Copy the fixtures into a space with a SUMMARY.md listing every case, and build it. */
export async function buildFixtureSpace(): Promise<void> {
  fs.rmSync(FIXTURE_SPACE, { recursive: true, force: true })
  fs.cpSync(FIXTURES, FIXTURE_SPACE, {
    recursive: true,
    filter: (src) => !/\.(html|diag)$/.test(src),
  })
  const cases = listFixtures()
  // One SUMMARY group per construct: pages are published at <construct>/<case>,
  // so case names must be unique within a construct (bad/ included).
  const summary = ['# Table of contents', '', '* [Fixtures](README.md)']
  let group = ''
  for (const c of cases) {
    const construct = c.name.split('/')[0]
    if (construct !== group) summary.push('', `## ${construct}`, '')
    group = construct
    summary.push(`* [${c.name}](<${c.md}>)`)
  }
  fs.writeFileSync(path.join(FIXTURE_SPACE, 'SUMMARY.md'), `${summary.join('\n')}\n`)
  if (!fs.existsSync(path.join(FIXTURE_SPACE, 'README.md'))) {
    fs.writeFileSync(path.join(FIXTURE_SPACE, 'README.md'), '# Fixtures\n')
  }
  fs.rmSync(FIXTURE_SITE, { recursive: true, force: true })
  // A public origin, so its sitemap.xml and canonical links exist (hidden and noIndex cases are here).
  const r = await buildSpaceAsync({ src: FIXTURE_SPACE, out: FIXTURE_SITE, extra: ['--site-url', FIXTURE_SITE_URL] })
  fs.writeFileSync(FIXTURE_LOG, r.log)
  if (!fs.existsSync(path.join(FIXTURE_SITE, 'index.html'))) {
    throw new Error(`building the fixture space failed:\n${r.log}`)
  }
}

let routes: Map<string, string> | undefined

/** Built page of a case, at the route the engine gave it. */
export function builtFile(c: FixtureCase): string {
  routes ??= new Map([...loadSpace(FIXTURE_SPACE).pages.values()].map((p) => [p.file, p.route]))
  const route = routes.get(c.md)
  if (route === undefined) throw new Error(`${c.md} is not a page of the fixture space`)
  return path.join(FIXTURE_SITE, routeToHtml(route))
}

/**
 * The page content as comparable HTML: the markup inside `.vp-doc`, without
 * Vue's hydration comments and scoped-style attributes, one tag per line.
 */
export function normalizeHtml(html: string): string {
  return html
    .replace(/<!--[\[\]]?-->/g, '')
    .replace(/\sdata-v-[0-9a-f]{8}(="")?/g, '')
    // Icon outlines come from the icon set, not from us: keep the tag, drop the path data.
    .replace(/(<path\b[^>]*?)\sd="[^"]*"/g, '$1 d="…"')
    .replace(/>\s+</g, '><')
    .replace(/></g, '>\n<')
    .trim()
}

export function builtContent(c: FixtureCase): string {
  const { document } = parseHTML(fs.readFileSync(builtFile(c), 'utf8'))
  const doc = document.querySelector('.vp-doc > div')
  if (!doc) throw new Error(`no .vp-doc in ${builtFile(c)}`)
  return normalizeHtml(doc.innerHTML)
}

/** The build's messages about one case, without the space-specific prefix. */
export function builtMessages(c: FixtureCase, log: string): string[] {
  const prefix = `${c.md}:`
  return log
    .split('\n')
    .filter((l) => l.startsWith(prefix))
    .map((l) => l.slice(prefix.length))
    .sort()
}
