// A static server on 127.0.0.1 for Chromium to print from: the built site
// under its base path, with clean URLs resolved as nginx does
// (deploy/nginx.conf: `$uri $uri.html $uri/index.html`), plus the few pages
// the PDF adds (cover, table of contents) held in memory. Nothing leaves the
// machine; the port is the system's choice.
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
}

export interface StaticServer {
  origin: string
  /** Serve `html` at `base + name`. */
  page(name: string, html: string): string
  close(): Promise<void>
}

export async function serveStatic(dist: string, base: string): Promise<StaticServer> {
  const root = path.resolve(dist)
  const extra = new Map<string, string>()
  const server = http.createServer((req, res) => {
    let pathname: string
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    } catch {
      pathname = ''
    }
    if (extra.has(pathname)) {
      res.writeHead(200, { 'content-type': TYPES['.html'] })
      res.end(extra.get(pathname))
      return
    }
    const rel = pathname.startsWith(base) ? pathname.slice(base.length) : null
    const file =
      rel === null
        ? undefined
        : [rel, `${rel}.html`, path.posix.join(rel, 'index.html')]
            .map((r) => path.join(root, r))
            // Inside dist only, whatever `..` the URL held.
            .find((f) => f.startsWith(root + path.sep) && fs.existsSync(f) && fs.statSync(f).isFile())
    if (!file) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream' })
    fs.createReadStream(file).pipe(res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    page(name, html) {
      extra.set(`${base}${name}`, html)
      return `${origin}${base}${name}`
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
