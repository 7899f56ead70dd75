// Precompressed copies next to the text files of the built site, so nginx's
// gzip_static (and brotli_static, when Debian's module is installed and the
// build is asked for `--brotli`) serves them with no compression work per
// request (deploy/nginx.conf).
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

/** What compresses well; fonts (woff2) and images are compressed already. */
const TEXT = /\.(html|js|css|json|svg|map|txt|xml|md)$/

const gzip = promisify(zlib.gzip)
const brotli = promisify(zlib.brotliCompress)

/**
 * Brotli quality 5, not 11: on a 1,000-page site quality 11 took about 90 s of
 * CPU (a third of the build) for files 11 % smaller than quality 5's, which
 * compresses about 40 times faster and still beats gzip by a quarter.
 */
const BROTLI_QUALITY = 5

/**
 * gzip level 6 (zlib's default), not 9: on the 143-page bench space level 9
 * took twice the CPU for files 0.4 % smaller (1,246 against 1,251 KB).
 */
const GZIP_LEVEL = 6

/**
 * Files compressed at once: zlib's async calls run on libuv's thread pool (4
 * threads), so both cores work; a bounded batch keeps memory flat.
 */
const CONCURRENCY = 8

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

async function compressFile(file: string, withBrotli: boolean): Promise<void> {
  const data = await fs.promises.readFile(file)
  const writes = [gzip(data, { level: GZIP_LEVEL }).then((gz) => fs.promises.writeFile(`${file}.gz`, gz))]
  if (withBrotli) {
    const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length }
    writes.push(brotli(data, { params }).then((br) => fs.promises.writeFile(`${file}.br`, br)))
  }
  await Promise.all(writes)
}

/** Write `f.gz` (and `f.br` when asked) next to every text file of `outDir`; returns how many files. */
export async function precompress(outDir: string, options: { brotli: boolean }): Promise<number> {
  const files = walk(outDir).filter((f) => TEXT.test(f))
  let next = 0
  const worker = async () => {
    while (next < files.length) await compressFile(files[next++], options.brotli)
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker))
  return files.length
}
