// Precompressed copies next to the text files of the built site, so nginx's
// gzip_static (and brotli_static, when Debian's module is installed and the
// build is asked for `--brotli`) serves them with no compression work per
// request (deploy/nginx.conf).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { Plugin } from 'vite'
import { clientBundlePlugin } from './client-bundle'

/** What compresses well; fonts (woff2) and images are compressed already. */
const TEXT = /\.(html|js|css|json|svg|map|txt|xml|md)$/

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

/** Writes a file of the built site: at once, or handed to a thread (Precompressor.write). */
export type WriteFile = (file: string, text: string) => void

/** Write `text` to `file` now, making its folder. */
export const writeNow: WriteFile = (file, text) => {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, text)
}

/** Threads that compress: one per core, so the last files go twice as fast. */
const THREADS = Math.max(1, Math.min(4, os.availableParallelism()))

export interface Precompressor {
  /**
   * Compress `file` now, from `content` (what the file holds or is about to
   * hold) or else from the file itself, on the compression threads while the
   * build goes on.
   */
  add(file: string, content?: string): void
  /**
   * Write `content` to `file` (and its folder) on a compression thread, then
   * compress it there: the main thread hands over the text and goes on.
   */
  write(file: string, content: string): void
  /** Once every file handed to `write` is on disk; rejects if one could not be written. */
  settled(): Promise<void>
  /**
   * Write the compressed copies of every text file of `outDir` that `add`
   * did not compress as it now stands: the files written since, and any
   * rewritten after `add` saw them. Returns how many text files there are.
   */
  finish(outDir: string): Promise<number>
}

interface Reply {
  id: number
  digest?: string
  error?: string
}

/**
 * Precompression spread over the build: the client bundle is compressed as
 * soon as it is written and each page as it is rendered, on worker threads
 * (precompress-worker.mjs) that use the second core while the main thread
 * renders; `finish` does the rest. zlib's own async calls would not do:
 * each step (read, compress, write) waits for a turn of the main thread,
 * which rendering keeps busy, so most of the work was left for the end.
 * Each early copy remembers a digest of what it compressed, and `finish`
 * compresses the file again if it no longer matches, so a file rewritten
 * later (404.html gets its fallback at the end) never keeps a stale copy.
 */
export function createPrecompressor(options: { brotli: boolean }): Precompressor {
  let workers: Worker[] | undefined
  const waiting = new Map<number, { resolve: (digest: string) => void; reject: (e: Error) => void }>()
  let nextId = 0
  const early = new Map<string, Promise<string>>()
  let writes: Promise<string>[] = []
  const start = () => {
    const data = { gzipLevel: GZIP_LEVEL, brotliQuality: BROTLI_QUALITY, brotli: options.brotli, text: TEXT.source }
    return Array.from({ length: THREADS }, () => {
      const w = new Worker(new URL('./precompress-worker.mjs', import.meta.url), { workerData: data })
      w.on('message', ({ id, digest, error }: Reply) => {
        const job = waiting.get(id)!
        waiting.delete(id)
        if (!waiting.size) for (const other of workers ?? []) other.unref()
        if (error === undefined) job.resolve(digest!)
        else job.reject(new Error(`precompression: ${error}`))
      })
      // A thread that dies fails what is waiting, rather than leave finish
      // waiting for replies that never come.
      const fail = (e: Error) => {
        for (const job of waiting.values()) job.reject(e)
        waiting.clear()
      }
      w.on('error', (e) => fail(new Error(`precompression: ${e.message}`)))
      w.on('exit', (code) => fail(new Error(`precompression: a compression thread stopped (exit code ${code})`)))
      return w
    })
  }
  /** Digest of the content compressed, once its copies are written. */
  const send = (file: string, content?: string, unless?: string, write?: boolean) =>
    new Promise<string>((resolve, reject) => {
      workers ??= start()
      const id = nextId++
      // The threads keep the process alive while they have work, and only
      // then: a build that stops early must not wait for idle threads.
      if (!waiting.size) for (const w of workers) w.ref()
      waiting.set(id, { resolve, reject })
      workers[id % workers.length].postMessage({ id, file, content, unless, write })
    })
  return {
    add(file, content) {
      if (!TEXT.test(file)) return
      const done = send(file, content)
      // Awaited by finish; a failure is reported there, not as an unhandled rejection now.
      done.catch(() => {})
      early.set(file, done)
    },
    write(file, content) {
      const done = send(file, content, undefined, true)
      done.catch(() => {})
      writes.push(done)
      if (TEXT.test(file)) early.set(file, done)
    },
    async settled() {
      const pending = writes
      writes = []
      await Promise.all(pending)
    },
    async finish(outDir) {
      let files: string[] = []
      try {
        await this.settled()
        files = walk(outDir).filter((f) => TEXT.test(f))
        // A file compressed early and removed since leaves no copy behind.
        const present = new Set(files)
        for (const [file, done] of early) {
          if (present.has(file)) continue
          await done.catch(() => {})
          for (const copy of [`${file}.gz`, `${file}.br`]) fs.rmSync(copy, { force: true })
        }
        // A failed early copy is made again here; a second failure is reported.
        await Promise.all(files.map(async (file) => send(file, undefined, await early.get(file)?.catch(() => undefined))))
      } finally {
        await Promise.all((workers ?? []).map((w) => w.terminate()))
        workers = undefined
        early.clear()
      }
      return files.length
    },
  }
}

/** Hands the browser's bundle to `compressor` as soon as Vite has written it. */
export function precompressPlugin(compressor: Precompressor): Plugin {
  return clientBundlePlugin(
    'gitbook:precompress',
    (bundle, dir) => {
      if (!dir) return
      // By file name: VitePress adds each page's lean chunk under a key of its own (`<name>-lean`).
      for (const file of Object.values(bundle)) compressor.add(path.join(dir, file.fileName))
    },
    'written',
  )
}

/** Write `f.gz` (and `f.br` when asked) next to every text file of `outDir`; returns how many files. */
export async function precompress(outDir: string, options: { brotli: boolean }): Promise<number> {
  return createPrecompressor(options).finish(outDir)
}
