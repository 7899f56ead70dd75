// @ts-check
// A thread of deploy/precompress.ts: writes the compressed copies of the files
// it is sent, on a core of its own, so the build's main thread keeps rendering.
// Plain JavaScript: Node starts it as it is, under the build (plain Node) and
// under the tests (tsx) alike.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'
import zlib from 'node:zlib'

/** @type {{ gzipLevel: number, brotliQuality: number, brotli: boolean, text: string }} */
const options = workerData

/** Folders this thread has made, so each is made once. */
const folders = new Set()

/** What compresses well (precompress.ts's TEXT): other files are only written. */
const TEXT = new RegExp(options.text)

/**
 * `file`: the file whose copies to write; `content`: what it holds or is about
 * to hold (else it is read); `unless`: the digest of the content its copies
 * were made from already (nothing is written when it still matches); `write`:
 * write `content` to `file` first.
 * @param {{ id: number, file: string, content?: string, unless?: string, write?: boolean }} job
 */
function run({ file, content, unless, write }) {
  const data = content === undefined ? fs.readFileSync(file) : Buffer.from(content)
  if (write) {
    const dir = path.dirname(file)
    if (!folders.has(dir)) fs.mkdirSync(dir, { recursive: true })
    folders.add(dir)
    fs.writeFileSync(file, data)
    if (!TEXT.test(file)) return ''
  }
  const digest = crypto.createHash('sha1').update(data).digest('base64')
  if (digest === unless) return digest
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: options.gzipLevel }))
  if (options.brotli) {
    const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: options.brotliQuality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length }
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, { params }))
  }
  return digest
}

parentPort?.on('message', (job) => {
  try {
    parentPort?.postMessage({ id: job.id, digest: run(job) })
  } catch (e) {
    parentPort?.postMessage({ id: job.id, error: `${job.file}: ${e instanceof Error ? e.message : e}` })
  }
})
