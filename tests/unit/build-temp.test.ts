// A stopped build's temporary folder goes with the next build; a running
// build's folder, and anything else in `.vitepress/`, stays.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { ownTempDir, removeStoppedBuildsTemp } from '../../.vitepress/gitbook/build-temp'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'build-temp-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** The pid of a process that has exited. */
function stoppedPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
  return Number(child.stdout)
}

function folder(dir: string, name: string): void {
  fs.mkdirSync(path.join(dir, name, 'chunks'), { recursive: true })
  fs.writeFileSync(path.join(dir, name, 'app.js'), 'export {}\n')
}

it('removes the folders of stopped builds only', () => {
  const dir = path.join(tmp, 'only')
  const stopped = `.temp-${stoppedPid()}`
  const running = `.temp-${process.ppid}`
  for (const name of [stopped, running, `.temp-${process.pid}`, '.temp-notes', '.temp', 'cache']) folder(dir, name)
  expect(removeStoppedBuildsTemp(dir)).toEqual([stopped])
  expect(fs.readdirSync(dir).sort()).toEqual(['.temp', `.temp-${process.pid}`, running, '.temp-notes', 'cache'].sort())
})

it('the plugin gives this build its own folder and clears a stopped build\'s', () => {
  const dir = path.join(tmp, 'plugin')
  const stopped = `.temp-${stoppedPid()}`
  folder(dir, stopped)
  const config = { vitepress: { tempDir: path.join(dir, '.temp') }, build: { outDir: path.join(dir, '.temp') } }
  ;(ownTempDir().config as (c: unknown) => void)(config)
  expect(config.vitepress.tempDir).toBe(path.join(dir, `.temp-${process.pid}`))
  expect(config.build.outDir).toBe(config.vitepress.tempDir)
  expect(fs.existsSync(path.join(dir, stopped))).toBe(false)
})

it('a missing folder is not an error', () => {
  expect(removeStoppedBuildsTemp(path.join(tmp, 'absent'))).toEqual([])
})
