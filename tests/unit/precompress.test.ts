// deploy/precompress.ts: copies made early (as the build writes a file) are
// kept only while the file still holds what was compressed; finish makes the
// rest, and leaves no copy of a file that is gone.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { createPrecompressor, precompress } from '../../.vitepress/gitbook/deploy/precompress'

const gunzip = (file: string) => zlib.gunzipSync(fs.readFileSync(`${file}.gz`)).toString('utf8')
const site = () => fs.mkdtempSync(path.join(os.tmpdir(), 'precompress-'))
/** Once the thread has written the whole early copy `file`. */
async function written(file: string): Promise<void> {
  const whole = () => {
    try {
      return zlib.gunzipSync(fs.readFileSync(file)).length > 0
    } catch {
      return false
    }
  }
  for (let i = 0; i < 200 && !whole(); i++) await new Promise((r) => setTimeout(r, 50))
  expect(whole(), file).toBe(true)
}

describe('createPrecompressor', () => {
  it('compresses a file from the content it is given before the file is written, and keeps that copy at finish', async () => {
    const dir = site()
    const page = path.join(dir, 'page.html')
    const c = createPrecompressor({ brotli: false })
    c.add(page, '<p>été</p>'.repeat(50))
    fs.writeFileSync(page, '<p>été</p>'.repeat(50))
    // Wait for the early copy, then note when it was written.
    await written(`${page}.gz`)
    const early = fs.statSync(`${page}.gz`).mtimeMs
    expect(await c.finish(dir)).toBe(1)
    expect(gunzip(page)).toBe('<p>été</p>'.repeat(50))
    expect(fs.statSync(`${page}.gz`).mtimeMs).toBe(early)
  })

  it('compresses again a file rewritten after its early copy, and one it never saw', async () => {
    const dir = site()
    const page = path.join(dir, '404.html')
    const other = path.join(dir, 'sub/llms.txt')
    const c = createPrecompressor({ brotli: true })
    fs.writeFileSync(page, 'avant')
    c.add(page, 'avant')
    await written(`${page}.gz`)
    expect(gunzip(page)).toBe('avant')
    fs.writeFileSync(page, 'après : la page complète')
    fs.mkdirSync(path.dirname(other))
    fs.writeFileSync(other, 'texte')
    fs.writeFileSync(path.join(dir, 'image.png'), 'pas du texte')
    expect(await c.finish(dir)).toBe(2)
    expect(gunzip(page)).toBe('après : la page complète')
    expect(zlib.brotliDecompressSync(fs.readFileSync(`${page}.br`)).toString()).toBe('après : la page complète')
    expect(gunzip(other)).toBe('texte')
    expect(fs.existsSync(path.join(dir, 'image.png.gz'))).toBe(false)
  })

  it('leaves no copy of a file compressed early and removed since', async () => {
    const dir = site()
    const gone = path.join(dir, 'assets/gone.js')
    fs.mkdirSync(path.dirname(gone))
    fs.writeFileSync(gone, 'export {}')
    const c = createPrecompressor({ brotli: true })
    c.add(gone)
    await written(`${gone}.gz`)
    fs.rmSync(gone)
    await c.finish(dir)
    expect(fs.readdirSync(path.dirname(gone))).toEqual([])
  })

  it('ignores files that do not compress (images, fonts)', async () => {
    const dir = site()
    const c = createPrecompressor({ brotli: false })
    c.add(path.join(dir, 'font.woff2'), 'x')
    expect(await c.finish(dir)).toBe(0)
    expect(fs.readdirSync(dir)).toEqual([])
  })

  it('reports a copy it cannot write, naming the file', async () => {
    const dir = site()
    const page = path.join(dir, 'page.html')
    fs.writeFileSync(page, 'texte')
    // A directory where the copy should go: the write fails.
    fs.mkdirSync(`${page}.gz`)
    await expect(precompress(dir, { brotli: false })).rejects.toThrow(/precompression: .*page\.html: .*EISDIR/)
  })
})

describe('Precompressor.write', () => {
  it('writes the file and its folders on a thread, then its compressed copy; settled waits for both', async () => {
    const dir = site()
    const stub = path.join(dir, 'ancien/chemin/page.html')
    const image = path.join(dir, 'a/b.png')
    const c = createPrecompressor({ brotli: false })
    c.write(stub, '<p>déplacée</p>'.repeat(20))
    c.write(image, 'pas du texte')
    await c.settled()
    expect(fs.readFileSync(stub, 'utf8')).toBe('<p>déplacée</p>'.repeat(20))
    expect(gunzip(stub)).toBe('<p>déplacée</p>'.repeat(20))
    // Written, never compressed: not a text file.
    expect(fs.readFileSync(image, 'utf8')).toBe('pas du texte')
    expect(fs.existsSync(`${image}.gz`)).toBe(false)
    const early = fs.statSync(`${stub}.gz`).mtimeMs
    expect(await c.finish(dir)).toBe(1)
    expect(fs.statSync(`${stub}.gz`).mtimeMs).toBe(early)
  })

  it('a file that cannot be written fails settled with its path, and finish too', async () => {
    const dir = site()
    fs.writeFileSync(path.join(dir, 'fichier'), 'x')
    const c = createPrecompressor({ brotli: false })
    c.write(path.join(dir, 'fichier/dessous.html'), 'impossible')
    await expect(c.settled()).rejects.toThrow(/fichier\/dessous\.html/)
    c.write(path.join(dir, 'fichier/autre.html'), 'impossible')
    await expect(c.finish(dir)).rejects.toThrow(/fichier\/autre\.html/)
  })
})
