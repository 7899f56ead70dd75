// Thousands of nested, unclosed or stray GitBook tags: the build must finish,
// keep every line the author wrote, and say what is wrong. No timing
// assertion: a quadratic blow-up or a stack overflow shows as a failure or a
// test timeout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderSpace, type RenderSpace } from '../helpers/render'

const N = 2000
let space: RenderSpace

beforeAll(() => {
  space = renderSpace('gb-patho-')
})
afterAll(() => space.remove())

const render = (src: string) => space.render(src)

/** Every `mot-<i>` of the source is in the HTML. */
function missing(html: string): number[] {
  const out: number[] = []
  for (let i = 0; i < N; i++) if (!html.includes(`mot-${i}<`) && !html.includes(`mot-${i}\n`)) out.push(i)
  return out
}

describe('pathological input', () => {
  it(`${N} nested unclosed hints`, () => {
    const src = Array.from({ length: N }, (_, i) => `{% hint style="info" %}\nmot-${i}\n`).join('\n')
    const { html, diagnostics } = render(src)
    expect(missing(html)).toEqual([])
    expect(diagnostics.some((d) => d.code === 'tag-unclosed')).toBe(true)
    expect(diagnostics.some((d) => d.code === 'tag-too-deep')).toBe(true)
  })

  it(`${N} nested and closed hints`, () => {
    const src =
      Array.from({ length: N }, (_, i) => `{% hint style="info" %}\nmot-${i}\n`).join('\n') +
      '\n' + Array.from({ length: N }, () => '{% endhint %}').join('\n') + '\n'
    const { html, diagnostics } = render(src)
    expect(missing(html)).toEqual([])
    // Too deep is reported once; the matching end tags are not called stray.
    expect(diagnostics.filter((d) => d.code === 'tag-too-deep')).toHaveLength(1)
    expect(diagnostics.filter((d) => d.code === 'tag-stray-end')).toEqual([])
  })

  it(`${N} unclosed tabs, steps and columns mixed`, () => {
    const tags = ['{% tabs %}\n{% tab title="t" %}', '{% stepper %}\n{% step %}', '{% columns %}\n{% column %}', '{% code %}']
    const src = Array.from({ length: N }, (_, i) => `${tags[i % tags.length]}\nmot-${i}\n`).join('\n')
    const { html, diagnostics } = render(src)
    expect(missing(html)).toEqual([])
    expect(diagnostics.length).toBeGreaterThan(0)
  })

  it(`${N} stray end tags and unknown tags`, () => {
    const src = Array.from({ length: N }, (_, i) => `{% endhint %}\nmot-${i}\n\n{% inconnu${i} %}\n`).join('\n')
    const { html, diagnostics } = render(src)
    expect(missing(html)).toEqual([])
    expect(diagnostics.filter((d) => d.code === 'tag-stray-end')).toHaveLength(N)
  })

  it('a tag line with thousands of quotes and percent signs', () => {
    const src = `{% hint style="${'%"'.repeat(N)} %}\nmot-0\n{% endhint %}\n`
    const { html } = render(src)
    expect(html).toContain('mot-0')
  })
})
