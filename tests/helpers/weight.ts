// What a reader downloads to open one page, measured in Chromium: every
// response until the load event (before VitePress prefetches the links in
// view, before any interaction), with the bytes as they crossed the wire
// (gzip from nginx's gzip_static).
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
  const pending: Promise<Download>[] = []
  let loaded = false
  page.on('response', (res) => {
    if (loaded || res.url().startsWith('data:')) return
    pending.push(
      res.request().sizes().then((s) => ({
        url: res.url(),
        kind: kindOf(new URL(res.url()).pathname, res.headers()['content-type'] ?? ''),
        bytes: s.responseBodySize,
      })),
    )
  })
  await page.goto(url, { waitUntil: 'load' })
  loaded = true
  const downloads = await Promise.all(pending)
  await context.close()
  const code = downloads.filter((d) => d.kind === 'html' || d.kind === 'css' || d.kind === 'js')
  return {
    downloads,
    code: code.reduce((n, d) => n + d.bytes, 0),
    codeRequests: code.length,
    fonts: downloads.filter((d) => d.kind === 'font'),
  }
}
