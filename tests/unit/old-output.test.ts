// deploy/old-output.ts: the previous build's files leave the output folder at
// once (Vite then finds it empty) and are deleted in the background; a git
// checkout in it stays, a folder that holds the sources is never touched, and
// nothing moves when the browser's bundle failed to build.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import type { ResolvedConfig } from 'vite'
import { oldOutputPlugin, setAsideOldOutput } from '../../.vitepress/gitbook/deploy/old-output'

const made: string[] = []
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true })
})

/** A parent folder holding `dist/` with a previous build in it. */
function previousBuild(): { parent: string; out: string } {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'old-output-'))
  made.push(parent)
  const out = path.join(parent, 'dist')
  fs.mkdirSync(path.join(out, 'assets/chunks'), { recursive: true })
  fs.mkdirSync(path.join(out, '.git'))
  fs.writeFileSync(path.join(out, '.git/HEAD'), 'ref: refs/heads/gh-pages\n')
  fs.writeFileSync(path.join(out, 'index.html'), '<p>avant</p>')
  fs.writeFileSync(path.join(out, 'index.html.gz'), 'x')
  fs.writeFileSync(path.join(out, 'assets/chunks/app.js'), 'export {}')
  return { parent, out }
}

describe('setAsideOldOutput', () => {
  it('empties the output folder at once but for .git, and deletes the old files in the background', async () => {
    const { parent, out } = previousBuild()
    const removal = setAsideOldOutput(out, [])
    expect(removal).toBeInstanceOf(Promise)
    expect(fs.readdirSync(out)).toEqual(['.git'])
    expect(fs.readFileSync(path.join(out, '.git/HEAD'), 'utf8')).toContain('gh-pages')
    await removal
    // Nothing left beside it: the folder set aside is gone too.
    expect(fs.readdirSync(parent)).toEqual(['dist'])
  })

  it('deletes them from a thread of its own where `nice` and `rm` cannot be run', async () => {
    const { parent, out } = previousBuild()
    const path0 = process.env.PATH
    process.env.PATH = ''
    try {
      const removal = setAsideOldOutput(out, [])
      expect(fs.readdirSync(out)).toEqual(['.git'])
      await removal
    } finally {
      process.env.PATH = path0
    }
    expect(fs.readdirSync(parent)).toEqual(['dist'])
  })

  it('takes the folders a stopped build set aside with it', async () => {
    const { parent, out } = previousBuild()
    fs.mkdirSync(path.join(parent, '.dist-old-AbC123/assets'), { recursive: true })
    fs.writeFileSync(path.join(parent, '.dist-old-AbC123/assets/app.js'), 'export {}')
    // Not one of them: another name, and a folder of the author's.
    fs.mkdirSync(path.join(parent, '.dist-old-notes'))
    await setAsideOldOutput(out, [])
    expect(fs.readdirSync(parent).sort()).toEqual(['.dist-old-notes', 'dist'])
  })

  it('does nothing without a previous output', () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'old-output-'))
    made.push(parent)
    expect(setAsideOldOutput(path.join(parent, 'dist'), [])).toBeUndefined()
    fs.mkdirSync(path.join(parent, 'dist/.git'), { recursive: true })
    expect(setAsideOldOutput(path.join(parent, 'dist'), [])).toBeUndefined()
    expect(fs.readdirSync(parent)).toEqual(['dist'])
  })

  it('never moves an output folder that holds a source folder, nor one that is a source folder', () => {
    const { parent, out } = previousBuild()
    const space = path.join(out, 'assets')
    expect(setAsideOldOutput(out, [space])).toBeUndefined()
    expect(setAsideOldOutput(out, [out])).toBeUndefined()
    expect(setAsideOldOutput(parent, [out])).toBeUndefined()
    // A folder named `..x` inside the output is inside it all the same.
    fs.mkdirSync(path.join(out, '..espace'))
    expect(setAsideOldOutput(out, [path.join(out, '..espace')])).toBeUndefined()
    // Through a symbolic link, by its real path.
    fs.symlinkSync(out, path.join(parent, 'lien'))
    expect(setAsideOldOutput(path.join(parent, 'lien'), [space])).toBeUndefined()
    expect(fs.readdirSync(out).sort()).toEqual(['..espace', '.git', 'assets', 'index.html', 'index.html.gz'])
  })

  it('leaves the folder to Vite when no folder can be made beside it', () => {
    const { out } = previousBuild()
    // A read-only parent (a folder nginx serves) refuses it so; as root, chmod would not.
    const refuse = vi.spyOn(fs, 'mkdtempSync').mockImplementation(() => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
    })
    try {
      expect(setAsideOldOutput(out, [])).toBeUndefined()
      expect(refuse).toHaveBeenCalledOnce()
    } finally {
      refuse.mockRestore()
    }
    expect(fs.readdirSync(out).sort()).toEqual(['.git', 'assets', 'index.html', 'index.html.gz'])
  })
})

describe('oldOutputPlugin', () => {
  const resolved = (ssr: boolean) => ({ build: { ssr } }) as unknown as ResolvedConfig
  type Hook = (this: unknown, arg?: unknown) => void

  it('sets the output aside at the end of the browser bundle, and only when it built', async () => {
    const { out } = previousBuild()
    const plugin = oldOutputPlugin(out, [])
    ;(plugin.configResolved as Hook).call({}, resolved(false))
    ;(plugin.buildEnd as Hook).call({}, new Error('a page failed to compile'))
    expect(plugin.removal()).toBeUndefined()
    expect(fs.readdirSync(out).sort()).toEqual(['.git', 'assets', 'index.html', 'index.html.gz'])
    // The server bundle's end: its output is another folder.
    ;(plugin.configResolved as Hook).call({}, resolved(true))
    ;(plugin.buildEnd as Hook).call({})
    expect(plugin.removal()).toBeUndefined()
    ;(plugin.configResolved as Hook).call({}, resolved(false))
    ;(plugin.buildEnd as Hook).call({})
    expect(fs.readdirSync(out)).toEqual(['.git'])
    await plugin.removal()
  })
})
