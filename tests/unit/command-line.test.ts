// The command line: `npm run build -- …` is plain Node (bin/build.mjs), its
// options parsed by bin/options.mjs into the GITBOOK_* variables the config reads.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUILD_NODE_FLAGS, buildArgs } from '../../bin/build-process'
import { applyOptions } from '../../bin/options.mjs'
import { ROOT } from '../helpers/build'

describe('command-line options', () => {
  it('become GITBOOK_* variables, paths made absolute', () => {
    const env: NodeJS.ProcessEnv = {}
    const r = applyOptions(['--src', 'docs', '--out', 'x/dist', '--base', '/ressources/', '--site-url', 'https://exemple.gouv.fr', '--no-history', '--brotli'], env)
    expect(r).toEqual({ command: undefined, port: undefined })
    expect(env).toEqual({
      GITBOOK_SRC: path.resolve('docs'),
      GITBOOK_OUT: path.resolve('x/dist'),
      GITBOOK_BASE: '/ressources/',
      GITBOOK_SITE_URL: 'https://exemple.gouv.fr',
      GITBOOK_HISTORY: 'off',
      GITBOOK_BROTLI: 'on',
    })
  })

  it('give the command and the port to dev and preview', () => {
    expect(applyOptions(['dev', '--port', '5174'], {})).toEqual({ command: 'dev', port: 5174 })
  })

  it('refuse contradictory and unknown options', () => {
    expect(() => applyOptions(['--history', '--no-history'], {})).toThrow(/contradict/)
    expect(() => applyOptions(['--sorce', 'docs'], {})).toThrow(/--sorce/)
  })
})

describe('npm run build', () => {
  it('runs bin/build.mjs with the flags the other commands use', () => {
    const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts
    expect(scripts.build).toBe(`node ${BUILD_NODE_FLAGS.join(' ')} bin/build.mjs`)
  })

  // Real processes: a bad option stops before VitePress loads, with the usage and status 2.
  it.each([
    [['--history', '--no-history'], /contradict each other/],
    [['--sorce', 'docs'], /Unknown option '--sorce'/],
    [['build', '--src', 'docs'], /takes options, not « build »/],
  ])('%j: a message, the usage and exit status 2', (args, message) => {
    const r = spawnSync(process.execPath, buildArgs(args), { cwd: ROOT, encoding: 'utf8' })
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).toContain('npm run build -- [--src <space>]')
    expect(r.stdout).not.toContain('vitepress')
  })
})
