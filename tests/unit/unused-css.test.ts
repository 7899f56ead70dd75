// What unused-css.ts keeps of a stylesheet: the rules whose classes the client
// code names, and the custom properties something reads. The code's words are
// collected among the stylesheet's own names only (cssWords), which must not
// change what is kept.
import { describe, expect, it } from 'vitest'
import { cssWords, dropUnusedCss, wordsOf } from '../../.vitepress/gitbook/deploy/unused-css'
import { Rng } from '../fuzz/prng'

const squash = (css: string) => css.replace(/\s+/g, ' ').trim()

describe('dropUnusedCss', () => {
  const code = 'h("div", { class: "gb-hint gb-hint--info" }); el.style.setProperty("--gb-set", 1); x = "var(--gb-used)"'
  it.each([
    ['a rule whose class the code names', '.gb-hint{margin:0}', '.gb-hint{margin:0}'],
    ['a rule whose class it never names', '.gb-tabs{margin:0}', ''],
    ['every class of a selector is needed', '.gb-hint .gb-tabs{margin:0}', ''],
    ['a class under :not() is not needed', '.gb-hint:not(.gb-tabs){margin:0}', '.gb-hint:not(.gb-tabs){margin:0}'],
    ['a selector list keeps what is used', '.gb-tabs,.gb-hint--info{margin:0}', '.gb-hint--info{margin:0}'],
    ['an @media emptied goes too', '@media print{.gb-tabs{margin:0}}', ''],
    ['a variable the code reads stays, one nothing reads goes', ':root{--gb-used:1px;--gb-unread:2px}', ':root{--gb-used:1px}'],
    ['a variable a script sets by name stays', ':root{--gb-set:1px}', ':root{--gb-set:1px}'],
    ['a class the code names only as part of a longer word goes', '.hint{margin:0}', ''],
  ])('%s', (_, css, expected) => {
    expect(squash(dropUnusedCss(css, code))).toBe(squash(expected))
  })
})

describe('wordsOf among cssWords', () => {
  it('finds the names of a stylesheet, classes and scopes, and nothing the code alone has', () => {
    const css = '.VPNav .title[data-v-1a2b3c4d]{margin:0} .x\\:y{color:red} a[href$=".pdf"]{color:blue}'
    expect([...cssWords(css)].sort()).toEqual(['VPNav', 'data-v-1a2b3c4d', 'pdf', 'title', 'x'].sort())
    const code = 'createVNode("nav", { class: "VPNav" }, [title, "data-v-1a2b3c4d", other])'
    expect([...wordsOf(code, cssWords(css))].sort()).toEqual(['VPNav', 'data-v-1a2b3c4d', 'title'].sort())
  })

  it('gives, on random code, exactly the words of the whole code that are among the names', () => {
    const rng = new Rng(7)
    const alphabet = 'abcdefgh-_ .,"\'(){}[]0123456789\n'
    const names = new Set(['ab', 'a-b', 'gb_hint', 'h0', 'data-v-0a1b'])
    for (let i = 0; i < 200; i++) {
      const chunks = Array.from({ length: 1 + rng.int(3) }, () => Array.from({ length: rng.int(400) }, () => alphabet[rng.int(alphabet.length)]).join(''))
      const all = wordsOf(chunks)
      expect(wordsOf(chunks, names)).toEqual(new Set([...all].filter((w) => names.has(w))))
    }
  })
})
