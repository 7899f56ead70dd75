// One nginx and one Chromium for a browser test file: started before its
// tests, stopped after them.
import { afterAll, beforeAll } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser } from './browser'
import { serveWithNginx, type Served } from './nginx'

export interface ServedSite {
  server: Served
  browser: Browser
}

/** Serve `dist` under `base` for the tests of the calling file. */
export function servedSite(dist: string, base: string): ServedSite {
  const site = {} as ServedSite
  beforeAll(async () => {
    site.server = await serveWithNginx(dist, base)
    site.browser = await launchBrowser()
  })
  afterAll(async () => {
    await site.browser?.close()
    await site.server?.stop()
  })
  return site
}
