// Which formulas MathJax's thread converts before their page asks
// (math-ahead.ts): those math.ts's rules read from the page, each once, and
// none at all in a space where one formula defines something.
import { describe, expect, it } from 'vitest'
import { DEFINES, formulasAhead, formulasIn, MAX_TEX } from '../../.vitepress/gitbook/transforms/math-ahead'

describe('formulasIn', () => {
  it('reads no formula where math.ts reads none: in code, or across a list that interrupts the paragraph', () => {
    expect(formulasIn(['```', '$$x$$', '```', '', '    $$y$$', '', 'Du `$$z$$` en code.'].join('\n'))).toEqual([])
    expect(formulasIn('puis $$z\n+ 1$$.')).toEqual([])
  })

  it('reads display and inline formulas as math.ts does', () => {
    const page = ['# Titre', '', 'Soit $$ x^2 $$ et $$y$$,', 'puis $$z', '= 1$$.', '', '$$', '  \\frac{a}{b}', '$$', '', '$$ \\sqrt{2} $$', '', '  $$', '  a', '    b', '  $$'].join('\n')
    expect(formulasIn(page)).toEqual([
      { rule: 'math_inline', tex: 'x^2' },
      { rule: 'math_inline', tex: 'y' },
      { rule: 'math_inline', tex: 'z\n= 1' },
      { rule: 'math_block', tex: '\\frac{a}{b}' },
      { rule: 'math_block', tex: '\\sqrt{2}' },
      { rule: 'math_block', tex: 'a\n  b' },
    ])
  })

  it('finds nothing in an empty formula, an unclosed one, or a page without $$', () => {
    expect(formulasIn('Rien ici.')).toEqual([])
    expect(formulasIn('Vide $$$$.')).toEqual([])
    expect(formulasIn('Blanc $$  $$.')).toEqual([])
    expect(formulasIn('Ouvert $$x et jamais fermé.\n\n$$\nnon plus')).toEqual([])
  })
})

describe('formulasAhead', () => {
  it('lists each formula once, across pages', () => {
    expect(formulasAhead(['$$x$$ et $$x$$', '$$x$$\n\n$$\nx\n$$'])).toEqual([
      { rule: 'math_inline', tex: 'x' },
      { rule: 'math_block', tex: 'x' },
    ])
  })

  it.each(['\\newcommand{\\v}{x}', '\\def\\v{x}', '\\let\\a\\b', '\\DeclareMathOperator{\\sgn}{sgn}', 'x \\label{e}', '\\eqref{e}', '\\tag{1} x', '\\definecolor{c}{RGB}{1,2,3}', '\\Newextarrow{\\xto}{5,5}{0x2192}', '\\DeclarePairedDelimiter\\abs{\\lvert}{\\rvert}'])(
    'lists none when a formula defines something: %s',
    (tex) => {
      expect(DEFINES.test(tex)).toBe(true)
      expect(formulasAhead(['$$a$$', `Puis $$${tex}$$.`])).toEqual([])
    },
  )

  it('leaves a formula longer than MAX_TEX to its page, within the time limit of one formula', () => {
    const long = `${'x+'.repeat(MAX_TEX / 2)}x`
    expect(formulasAhead([`$$a$$ et $$${long}$$`])).toEqual([{ rule: 'math_inline', tex: 'a' }])
  })

  it('tells a definition from a command that starts like one', () => {
    for (const tex of ['\\left( x \\right)', '\\delta', '\\definecolour', '\\tagged', '\\require{x}', '\\letter']) expect(DEFINES.test(tex), tex).toBe(false)
  })
})
