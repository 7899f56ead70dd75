// Builds the handbook once for all tests: at the root (/) and under a sub-path
// (/ressources/), as an operator would deploy it. Logs are kept for assertions.
import fs from 'node:fs'
import path from 'node:path'
import { buildSpaceAsync, OUTPUT } from './helpers/build'
import { buildFixtureSpace } from './helpers/fixtures'

/** The public origin and edit link given to the sub-path build: the root build has neither. */
export const SITE_URL = 'https://manuel.exemple.gouv.fr'
export const EDIT_URL = 'https://forge.exemple.gouv.fr/dnum/manuel/-/edit/main/docs/:path'

export const SITES = {
  root: { out: path.join(OUTPUT, 'docs-root'), base: '/', extra: [] as string[] },
  sub: { out: path.join(OUTPUT, 'docs-sub'), base: '/ressources/', extra: ['--site-url', SITE_URL, '--edit-url', EDIT_URL] },
}

/** Build docs/ as `name` and keep its log. */
async function buildDocs(name: keyof typeof SITES): Promise<void> {
  const site = SITES[name]
  fs.rmSync(site.out, { recursive: true, force: true })
  const r = await buildSpaceAsync({ out: site.out, base: site.base, extra: site.extra })
  fs.writeFileSync(path.join(OUTPUT, `docs-${name}.log`), r.log)
  if (r.status !== 0) throw new Error(`building docs/ (${site.base}) failed:\n${r.log}`)
}

export default async function setup() {
  fs.mkdirSync(OUTPUT, { recursive: true })
  // Two builds at a time: a build leaves part of two cores idle. The fixture
  // space (the longest) beside docs/ at / then at /ressources/: 53 s against
  // 71 s one after another, measured on the loaded two-core machine. Each
  // build has its own .vitepress/.temp-<pid> (build-temp.ts).
  await Promise.all([buildFixtureSpace(), buildDocs('root').then(() => buildDocs('sub'))])
}
