// The whole handbook as one PDF (cover, contents, pages in SUMMARY.md order,
// page numbers, internal links, bookmarks), printed by Debian's Chromium.
//   npm run pdf -- [--src <space>] [--dist <built site>] [--base /path/] [--out <file.pdf>]
// Without --dist, the space is built first (as `npm run build`, into
// .vitepress/dist or --out's folder); with it, that build is printed as it is.
// The PDF goes to <build>/manuel.pdf unless --out names another file.
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { runBuild } from './build-process'
import { makePdf } from '../.vitepress/gitbook/pdf'
import { publicSite } from '../.vitepress/gitbook/public-pages'
import { siteOptions } from '../.vitepress/gitbook/site'
import { loadSpace } from '../.vitepress/gitbook/space'

const { values } = parseArgs({
  options: {
    src: { type: 'string' },
    dist: { type: 'string' },
    base: { type: 'string' },
    out: { type: 'string' },
  },
})
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
if (values.src) process.env.GITBOOK_SRC = path.resolve(values.src)
if (values.base) process.env.GITBOOK_BASE = values.base
const options = siteOptions()

let dist = values.dist ? path.resolve(values.dist) : options.out
if (!values.dist) {
  console.log(`pdf: building ${path.relative(ROOT, options.src) || '.'} into ${path.relative(ROOT, dist)}`)
  const status = runBuild({ ...process.env, GITBOOK_OUT: dist })
  if (status !== 0) {
    console.error('pdf: the build failed (messages above); no PDF written')
    process.exit(status)
  }
}
const out = path.resolve(values.out ?? path.join(dist, 'manuel.pdf'))
const started = Date.now()
try {
  const r = await makePdf(loadSpace(options.src), {
    dist,
    base: values.base ? options.base : undefined,
    out,
    title: publicSite.service,
    publisher: publicSite.publisher,
    log: (line) => console.log(`pdf: ${line}`),
  })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(`pdf: ${path.relative(process.cwd(), r.out)}: ${r.pages} pages of the handbook, ${r.sheets} PDF pages, ${(r.bytes / 1024).toFixed(0)} KiB, in ${seconds} s`)
} catch (e) {
  console.error(`pdf: ${(e as Error).message}`)
  process.exit(1)
}
