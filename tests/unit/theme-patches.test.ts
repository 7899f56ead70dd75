// The theme components patched by theme-patches.ts, read from the installed
// VitePress: every edit still applies; no <Transition> nor v-model is left.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyPatch, PATCHES } from '../../.vitepress/gitbook/theme-patches'
import { ROOT } from '../helpers/build'

const COMPONENTS = path.join(ROOT, 'node_modules/vitepress/dist/client/theme-default/components')

describe('theme patches on the installed VitePress', () => {
  it.each(PATCHES.map((p) => [p.file, p]))('%s', (file, patch) => {
    const patched = applyPatch(fs.readFileSync(path.join(COMPONENTS, file), 'utf8'), patch)
    expect(patched).not.toMatch(/<\/?transition\b/i)
    expect(patched).not.toMatch(/v-model/)
  })

  it('a changed component stops the build with the file named', () => {
    expect(() => applyPatch('<template><div/></template>', PATCHES[0])).toThrow(/VPBackdrop\.vue.*theme-patches\.ts/s)
  })
})
