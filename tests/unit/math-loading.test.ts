// MathJax (about 0.2 s of modules and TeX packages) is loaded by the first
// formula a build renders, not with the configuration: a space without
// formulas never loads it. Its own file, so that no other test has loaded it.
import { createRequire } from 'node:module'
import { afterAll, expect, it } from 'vitest'
import { renderSpace } from '../helpers/render'

const space = renderSpace('gb-math-loading-')
afterAll(() => space.remove())

const mathjaxLoaded = () => Object.keys(createRequire(import.meta.url).cache).some((f) => f.includes('/mathjax-full/'))

it('pages without formulas do not load MathJax; the first formula does, and is rendered', () => {
  const plain = space.render('# Prix\n\nDe 10 $ à 20 $, et `$$x$$` en code.\n\n```\n$$\ny\n$$\n```\n')
  expect(plain.html).toContain('10 $ à 20 $')
  expect(plain.html).not.toContain('mjx-container')
  expect(mathjaxLoaded()).toBe(false)

  const math = space.render('Soit $$x^2$$ ici.\n\n$$\n\\frac{a}{b}\n$$\n')
  expect(mathjaxLoaded()).toBe(true)
  expect(math.diagnostics).toEqual([])
  expect(math.html).toMatch(/^<p>Soit <mjx-container class="MathJax" jax="SVG"[^>]*><svg/)
  // As VitePress's own math option: a display formula takes the keyboard focus (it may scroll).
  expect(math.html).toMatch(/<mjx-container tabindex="0" class="MathJax" jax="SVG" display="true"/)
})
