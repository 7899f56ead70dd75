// Builds the handbook once for all tests: at the root (/) and under a sub-path
// (/ressources/), as an operator would deploy it. Logs are kept for assertions.
import fs from 'node:fs'
import path from 'node:path'
import { buildSpace, OUTPUT } from './helpers/build'
import { buildFixtureSpace } from './helpers/fixtures'

/** The public origin and edit link given to the sub-path build: the root build has neither. */
export const SITE_URL = 'https://manuel.exemple.gouv.fr'
export const EDIT_URL = 'https://forge.exemple.gouv.fr/dnum/manuel/-/edit/main/docs/:path'

export const SITES = {
  root: { out: path.join(OUTPUT, 'docs-root'), base: '/', extra: [] as string[] },
  sub: { out: path.join(OUTPUT, 'docs-sub'), base: '/ressources/', extra: ['--site-url', SITE_URL, '--edit-url', EDIT_URL] },
}

export default function setup() {
  fs.mkdirSync(OUTPUT, { recursive: true })
  for (const [name, site] of Object.entries(SITES)) {
    fs.rmSync(site.out, { recursive: true, force: true })
    const r = buildSpace({ out: site.out, base: site.base, extra: site.extra })
    fs.writeFileSync(path.join(OUTPUT, `docs-${name}.log`), r.log)
    if (r.status !== 0) throw new Error(`building docs/ (${site.base}) failed:\n${r.log}`)
  }
  buildFixtureSpace()
}
