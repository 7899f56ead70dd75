// The theme components patched by no-transitions.ts, read from the installed
// VitePress: every edit still applies, and no <Transition> is left in them.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyPatch, PATCHES } from '../../.vitepress/gitbook/no-transitions'
import { ROOT } from '../helpers/build'

const COMPONENTS = path.join(ROOT, 'node_modules/vitepress/dist/client/theme-default/components')

describe('no-transitions patches on the installed VitePress', () => {
  it.each(PATCHES.map((p) => [p.file, p]))('%s', (file, patch) => {
    const patched = applyPatch(fs.readFileSync(path.join(COMPONENTS, file), 'utf8'), patch)
    expect(patched).not.toMatch(/<\/?transition\b/i)
  })

  it('a changed component stops the build with the file named', () => {
    expect(() => applyPatch('<template><div/></template>', PATCHES[0])).toThrow(/VPBackdrop\.vue.*no-transitions\.ts/s)
  })
})
