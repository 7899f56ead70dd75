// What a reader downloads to open one page, measured in Chromium: every
// request the page started before its load event (so not what VitePress
// prefetches for the links in view just after it, nor any interaction), with
// the bytes as they crossed the wire (gzip from nginx's gzip_static).
import type { Browser } from 'playwright-core'

export interface Download {
  url: string
  kind: 'html' | 'css' | 'js' | 'font' | 'other'
  /** Encoded body size: what was transferred, compressed. */
  bytes: number
}

export interface PageWeight {
  downloads: Download[]
  /** HTML + CSS + JavaScript, compressed. */
  code: number
  /** Requests for HTML, CSS and JavaScript. */
  codeRequests: number
  fonts: Download[]
}

function kindOf(url: string, contentType: string): Download['kind'] {
  if (/text\/html/.test(contentType)) return 'html'
  if (/css/.test(contentType) || /\.css$/.test(url)) return 'css'
  if (/javascript/.test(contentType) || /\.js$/.test(url)) return 'js'
  if (/font/.test(contentType) || /\.woff2?$/.test(url)) return 'font'
  return 'other'
}

/** Open `url` in a fresh context (empty cache) and list what it downloaded. */
export async function measurePage(browser: Browser, url: string): Promise<PageWeight> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const pending: Promise<Download & { startedAt: number }>[] = []
  let loaded = false
  page.on('response', (res) => {
    if (loaded || res.url().startsWith('data:')) return
    pending.push(
      res.request().sizes().then((s) => ({
        url: res.url(),
        kind: kindOf(new URL(res.url()).pathname, res.headers()['content-type'] ?? ''),
        bytes: s.responseBodySize,
        startedAt: res.request().timing().startTime,
      })),
    )
  })
  await page.goto(url, { waitUntil: 'load' })
  // The load event, on the same clock as the requests' start times (ms since
  // 1970): a prefetch can start between it and goto's return, and its
  // response still reach the listener above.
  const loadAt = await page.evaluate(() => performance.timeOrigin + (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart)
  loaded = true
  const downloads = (await Promise.all(pending)).filter((d) => d.startedAt <= loadAt).map(({ startedAt: _, ...d }) => d)
  await context.close()
  const code = downloads.filter((d) => d.kind === 'html' || d.kind === 'css' || d.kind === 'js')
  return {
    downloads,
    code: code.reduce((n, d) => n + d.bytes, 0),
    codeRequests: code.length,
    fonts: downloads.filter((d) => d.kind === 'font'),
  }
}
