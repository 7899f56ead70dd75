// Formulas are author input: MathJax must not put a link, a style, an id or a
// class of the author's on the page, whatever TeX reaches it. The fixtures
// (tests/fixtures/math/bad) show the main attempts as built; here many more
// ways in are rendered by the site's markdown-it chain, and the last check on
// MathJax's HTML is given HTML MathJax never writes.
import path from 'node:path'
import MarkdownIt from 'markdown-it'
import { parseHTML } from 'linkedom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MarkdownEnv } from '../../.vitepress/gitbook/env'
import { cssText, mathPlugin, unsafeMathHtml } from '../../.vitepress/gitbook/transforms/math'
import { isSafeUrl } from '../../.vitepress/gitbook/url-policy'
import { renderSpace, type RenderSpace } from '../helpers/render'

let space: RenderSpace

beforeAll(() => {
  // The site's chain: our plugin renders math with MathJax (loaded on the first formula).
  space = renderSpace('gb-math-')
})
afterAll(() => space.remove())

function render(src: string) {
  const { html, diagnostics } = space.render(src)
  return { html, codes: diagnostics.map((d) => d.code) }
}

/** What a reader's browser would get from the author: unsafe addresses, styles, ids, classes. */
function harmful(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  const out: string[] = []
  for (const el of document.querySelectorAll('*')) {
    for (const { name, value } of el.attributes) {
      if (/href$|^src$/.test(name) && !isSafeUrl(value)) out.push(`${name}=${value}`)
      if (/url\(|position:(fixed|sticky)|z-index/.test(cssText(value))) out.push(`${name}=${value}`)
      if (name === 'id' && !value.startsWith('mjx-')) out.push(`id=${value}`)
      if (name === 'class' && /app|VPNav|evil/.test(value)) out.push(`class=${value}`)
    }
  }
  return out
}

const E = 'red;position:fixed;top:0;left:0;width:100vw;height:100vh;background:url(https://evil.example/bg.png);z-index:99999'
const ATTEMPTS: Record<string, string> = {
  'href javascript:': String.raw`\href{javascript:alert(document.domain)}{clickme}`,
  'href data:': String.raw`\href{data:text/html,<script>alert(1)</script>}{d}`,
  'style overlay': String.raw`\style{${E}}{\href{https://evil.example/login}{X}}`,
  cssId: String.raw`\cssId{app}{x}`,
  class: String.raw`\class{VPNav}{x}`,
  data: String.raw`\data{x=y}{z}`,
  bbox: String.raw`\bbox[${E}]{x}`,
  mmlToken: String.raw`\mmlToken{mi}[href="javascript:alert(1)",style="${E}",id="app",class="VPNav"]{x}`,
  'mmlToken renamed': String.raw`\let\t\mmlToken \t{mi}[href="javascript:alert(1)"]{x}`,
  'mmlToken redefined': String.raw`\def\mmlToken{\href} \mmlToken{javascript:alert(1)}{x}`,
  'mmlToken in a macro': String.raw`\newcommand{\t}{\mmlToken} \t{mi}[style="${E}"]{x}`,
  require: String.raw`\require{html}\href{javascript:alert(1)}{x}`,
  unicode: String.raw`\unicode[;${E}]{x41}`,
  'tooltip (crashed the page)': String.raw`\mathtip{x}{javascript:alert(1)}\texttip{y}{z}`,
  toggle: String.raw`\toggle{a}{b}\endtoggle`,
  'in text': String.raw`\text{a \href{javascript:alert(1)}{y} \style{${E}}{z}}`,
  'in mhchem': String.raw`\ce{->[\style{${E}}{x}]}`,
  color: String.raw`\color{url(https://evil.example/p.svg#p)}{x}`,
  textcolor: String.raw`\textcolor{${E}}{x}`,
  colorbox: String.raw`\colorbox{url(https://evil.example/bg.png)}{x}`,
  'fcolorbox frame (a style)': String.raw`\fcolorbox{${E}}{blue}{x}`,
  'fcolorbox background': String.raw`\fcolorbox{red}{${E}}{x}`,
  definecolor: String.raw`\definecolor{ev}{named}{${E}}\color{ev}{x}`,
  colortbl: String.raw`\begin{array}{>{\columncolor{${E}}}c}\rowcolor{${E}} a\\ \cellcolor{${E}} b\end{array}`,
  enclose: String.raw`\enclose{circle}[mathcolor="${E}",mathbackground="url(x)"]{x}`,
  label: String.raw`\tag{1}\label{app} x \eqref{app}`,
}

describe('a formula puts nothing of the author’s on the page', () => {
  for (const [name, tex] of Object.entries(ATTEMPTS)) {
    it(name, () => {
      for (const src of [`$$\n${tex}\n$$\n`, `Dans le texte $$${tex}$$ ici.\n`]) {
        const { html, codes } = render(src)
        expect(harmful(html)).toEqual([])
        if (name !== 'label') expect(codes.filter((c) => c.startsWith('math-'))).not.toEqual([])
        expect(codes).not.toContain('render-crash')
      }
    })
  }

  it('keeps what GitBook’s formulas write, and says nothing about it', () => {
    const tex = String.raw`\color{red}{a} + \color[rgb]{0,0.5,1}{b} + \colorbox{yellow}{c} + \fcolorbox{red}{#eee}{d} + \overbracket{e} + \boxed{f} + \ce{H2O} + \frac{\sqrt{x}}{\mathbb{R}} \tag{1}\label{eq} \eqref{eq}`
    const { html, codes } = render(`$$\n${tex}\n$$\n`)
    expect(codes).toEqual([])
    for (const kept of ['mathcolor="red"', 'mathcolor="#007fff"', 'mathbackground="yellow"', 'style="border: 2px solid red"', 'id="mjx-eqn:eq"']) {
      expect(html).toContain(kept)
    }
  })

  it('reports a command MathJax does not know, and TeX it cannot read', () => {
    expect(render('$$\\foo{x}$$\n').codes).toEqual(['math-unknown'])
    expect(render('$$\\frac{1}{2$$\n').codes).toEqual(['math-error'])
  })
})

describe('the last check on MathJax’s HTML', () => {
  const svg = (inner: string) => `<mjx-container class="MathJax" jax="SVG"><svg xmlns="http://www.w3.org/2000/svg"><g data-mml-node="math">${inner}</g></svg></mjx-container>`

  it('passes what MathJax writes', () => {
    expect(unsafeMathHtml(render('$$\\pi r^2 \\tag{1}\\label{a} \\eqref{a}$$\n').html)).toBeNull()
    expect(unsafeMathHtml(svg('<a href="#mjx-eqn%3Aa"><g class=" MathJax_ref" style="fill: blue"></g></a>'))).toBeNull()
  })

  it.each([
    ['<a href="javascript:alert(1)"><g></g></a>', 'address'],
    ['<a href=" jav&#x09;ascript:alert(1)"><g></g></a>', 'address'],
    ['<a xlink:href="data:text/html,x"><g></g></a>', 'address'],
    ['<g style="position: fixed; top: 0"></g>', 'style'],
    ['<g style="position:fi\\78 ed"></g>', 'style'],
    ['<g style="background: u\\72l(https://evil.example/)"></g>', 'style'],
    ['<g style="background:/**/url(x)"></g>', 'style'],
    ['<g style="z-index: 99999"></g>', 'style'],
    ['<g fill="url(https://evil.example/p.svg#p)"></g>', 'fill'],
    ['<g id="app"></g>', 'id'],
    ['<g class="VPNav"></g>', 'class'],
    ['<g onclick="alert(1)"></g>', 'event handler'],
    ['<foreignObject><div></div></foreignObject>', '<foreignobject>'],
    ['<set attributeName="href" to="javascript:alert(1)"></set>', '<set>'],
    ['<use href="https://evil.example/x.svg#a"></use>', '<use>'],
    ['<image href="x.png"></image>', '<image>'],
    ['<script>alert(1)</script>', '<script>'],
  ])('refuses %s', (inner, what) => {
    expect(unsafeMathHtml(svg(inner))).toContain(what)
  })

  it('a formula whose HTML is refused, or that MathJax fails on, is shown as its TeX source', () => {
    // MathJax writes nothing unsafe from any TeX: stand-in renderers do.
    const fake = new MarkdownIt()
    mathPlugin(fake, space.ctx, () => ({
      math_inline: () => svg('<a href="javascript:alert(1)"><g></g></a>'),
      math_block: () => {
        throw new TypeError('this.element.addEventListener is not a function')
      },
    }))
    const src = 'Un lien $$\\href{x}{y}$$ ici.\n\n$$\n\\mathtip{a}{b}\n$$\n'
    const env: MarkdownEnv = { realPath: path.join(space.dir, 'README.md'), content: src }
    const html = fake.render(src, env)
    expect(html).toBe('<p>Un lien <code>$$\\href{x}{y}$$</code> ici.</p>\n<p><code>$$\\mathtip{a}{b}$$</code></p>\n')
    expect(env.gitbook!.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['1:9 math-unsafe', '3:1 math-crash'])
  })
})
