// Precompressed copies next to the text files of the built site, so nginx's
// gzip_static (and brotli_static, when Debian's module is installed) serves
// them with no compression work per request (deploy/nginx.conf).
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

/** What compresses well; fonts (woff2) and images are compressed already. */
const TEXT = /\.(html|js|css|json|svg|map|txt|xml|md)$/

/** Files of `dir`, recursively, as absolute paths. */
export function walk(dir: string): string[] {
  const out: string[] = []
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, e.name)
    if (e.isDirectory()) out.push(...walk(abs))
    else out.push(abs)
  }
  return out
}

/** Write `f.gz` and `f.br` next to every text file of `outDir`; returns how many files. */
export function precompress(outDir: string): number {
  let n = 0
  for (const file of walk(outDir)) {
    if (!TEXT.test(file)) continue
    const data = fs.readFileSync(file)
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }))
    fs.writeFileSync(
      `${file}.br`,
      zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
    )
    n++
  }
  return n
}
