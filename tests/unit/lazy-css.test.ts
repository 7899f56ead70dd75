// What moves out of the stylesheet every page loads (lazy-css.ts): rules only
// an on-demand component can use, with their @media, and nothing unsure.
import { describe, expect, it } from 'vitest'
import { splitLazyCss, stylesheetLoader } from '../../.vitepress/gitbook/deploy/lazy-css'

const eager = new Set(['VPNav', 'title', 'data-v-aaaa1111'])
const lazy = new Set(['VPLocalSearchBox', 'result', 'title', 'data-v-bbbb2222', 'vpi-delete'])
const squash = (css: string) => css.replace(/\s+/g, ' ').trim()

describe('splitLazyCss', () => {
  it.each([
    ['a class of the lazy code alone', '.result{color:red}', '', '.result{color:red}'],
    ['the scope of a lazy component', '.title[data-v-bbbb2222]{margin:0}', '', '.title[data-v-bbbb2222]{margin:0}'],
    ['the scope of an eager component', '.title[data-v-aaaa1111]{margin:0}', '.title[data-v-aaaa1111]{margin:0}', ''],
    ['classes both codes have', '.VPNav .title{margin:0}', '.VPNav .title{margin:0}', ''],
    ['no class at all', 'body{margin:0}', 'body{margin:0}', ''],
    ['a class neither code has (kept: not ours to judge)', '.unknown{margin:0}', '.unknown{margin:0}', ''],
    ['one lazy class beside an unknown one', '.result .unknown{margin:0}', '.result .unknown{margin:0}', ''],
    [':is() lists are never split', ':is(.result){margin:0}', ':is(.result){margin:0}', ''],
    ['a selector list, split', '.VPNav,.vpi-delete{margin:0}', '.VPNav{margin:0}', '.vpi-delete{margin:0}'],
    ['inside @media', '@media (min-width:768px){.result{margin:0}.VPNav{margin:0}}', '@media (min-width:768px){.VPNav{margin:0}}', '@media (min-width:768px){.result{margin:0}}'],
    ['an @media emptied is dropped', '@media print{.result{margin:0}}', '', '@media print{.result{margin:0}}'],
  ])('%s', (_, css, expectedEager, expectedLazy) => {
    const r = splitLazyCss(css, eager, lazy)
    expect(squash(r.eager)).toBe(squash(expectedEager))
    expect(squash(r.lazy)).toBe(squash(expectedLazy))
  })
})

describe('stylesheetLoader', () => {
  it('waits for the stylesheet, resolved from the chunk, and adds it once', () => {
    const code = stylesheetLoader('VPLocalSearchBox.abc.css')
    expect(code).toMatch(/^\s*await /)
    expect(code).toContain('new URL("VPLocalSearchBox.abc.css",import.meta.url)')
    expect(code).toContain('document.styleSheets')
  })
})
