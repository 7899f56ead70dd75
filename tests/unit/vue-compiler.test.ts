// The build compiles components with @vue/compiler-sfc itself, without the
// TypeScript that `vue/compiler-sfc` registers (vue-resolve.ts): every
// component of the theme and of VitePress must compile to the same code
// either way, or the change would alter the site (a prop's runtime type, and
// with it Boolean casting, comes from the types it resolves).
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/build'

const compiled = (ts: boolean): Record<string, string> => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'tests/helpers/sfc-scripts.mjs'), ...(ts ? ['--ts'] : [])], { encoding: 'utf8', maxBuffer: 1 << 26 })
  expect(r.status, r.stderr).toBe(0)
  return JSON.parse(r.stdout)
}

describe('components compiled without TypeScript', () => {
  it('compile to the same code as with it, every one of them', () => {
    const without = compiled(false)
    const withTs = compiled(true)
    expect(Object.keys(without).length).toBeGreaterThan(60)
    expect(Object.keys(without).filter((f) => f.startsWith('.vitepress/theme/')).length).toBeGreaterThan(3)
    expect(Object.values(without).filter((c) => c.startsWith('error:'))).toEqual([])
    for (const file of Object.keys(withTs)) expect(without[file], file).toBe(withTs[file])
  })
})
