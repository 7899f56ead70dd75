// The pure parts of "no page, and no shape of space, takes the build down":
// a render that throws becomes a notice, Vue syntax is cut out, routes too
// long for VitePress's file names are shortened, colliding routes are seen.
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MarkdownEnv } from '../../.vitepress/gitbook/env'
import { chunkName, fitRoute, MAX_FLAT_ROUTE_BYTES, routeFits } from '../../.vitepress/gitbook/route-limits'
import { crashLine } from '../../.vitepress/gitbook/render-guard'
import { routeKeys } from '../../.vitepress/gitbook/urls'
import { stripDirectives, vueSafe, vueTemplateErrors } from '../../.vitepress/gitbook/transforms/vue-safety'
import { renderSpace, type RenderSpace } from '../helpers/render'

let space: RenderSpace

beforeAll(() => {
  space = renderSpace('gb-resil-', { 'README.md': '# Accueil\n' }, (md) => {
    // A rule that throws on a marker stands for any bug a page may trigger in a plugin.
    md.core.ruler.push('boom', (state) => {
      if (state.src.includes('BOUM')) throw new TypeError('cannot read properties of undefined')
      return false
    })
  })
})
afterAll(() => space.remove())

describe('a page whose render throws', () => {
  it('is written with a French notice naming file and line, its text kept, and a render-crash warning', () => {
    const env: MarkdownEnv = { realPath: path.join(space.dir, 'README.md') }
    const src = '---\ntitle: x\n---\n# Titre\n\nPremier paragraphe.\n\nIci BOUM {{ a }} <b>gras</b>.\n'
    const html = space.md.render(src, env)
    expect(html).toContain('Cette page n’a pas pu être affichée entièrement.')
    expect(html).toContain('<code>README.md</code>, ligne 8')
    expect(html).toContain('Premier paragraphe.')
    expect(html).toContain('&lt;b&gt;gras&lt;/b&gt;')
    expect(html).not.toContain('{{')
    const d = env.gitbook!.diagnostics
    expect(d.map((x) => [x.line, x.code])).toEqual([[8, 'render-crash']])
    expect(d[0].message).toContain('TypeError: cannot read properties of undefined')
  })

  it('crashLine finds the first line from which rendering throws', () => {
    const src = 'a\nb\nc BOUM\nd\n'
    expect(crashLine(src, (p) => { if (p.includes('BOUM')) throw new Error('x') })).toBe(2)
  })
})

describe('Vue syntax never reaches the page component', () => {
  it('v-html on an element with children compiles once its directive is cut', () => {
    const r = vueSafe('<div v-html="x">enfant</div>')
    expect(r.html).toBe('<div>enfant</div>')
    expect(r.problems[0].message).toContain('v-html')
  })

  it('an expression that is not JavaScript is cut', () => {
    expect(vueSafe('<p :title="a b">t</p>').html).toBe('<p>t</p>')
  })

  it('directives that would run code are cut; JSON-literal bindings of our components stay', () => {
    const r = stripDirectives('<p :title="constructor.constructor(\'x\')()" @click="a" v-on:x="b" class="c">t</p><GbTab :index="3" :icon="&quot;x&quot;">u</GbTab>')
    expect(r.html).toBe('<p    class="c">t</p><GbTab :index="3" :icon="&quot;x&quot;">u</GbTab>')
    expect(r.dropped.map((d) => d.tag)).toEqual([':title="constructor.constructor(\'x\')()"', '@click="a"', 'v-on:x="b"'])
  })
})

describe('Vue compiles a page only when parsing it leaves a doubt', () => {
  it.each([
    ['<style>p{}</style><p>t</p>'],
    ['<p>{{ a b }}</p>'],
    ['<div v-html="x">y</div>'],
    ['<i v-if>t</i>'],
    ['<script>x()</script>'],
  ])('%s: what the compile says is said', (html) => {
    const r = vueSafe(html)
    expect(r.problems.length).toBeGreaterThan(0)
    expect(r.problems).toEqual(vueTemplateErrors(html))
    expect(r.ast).toBeUndefined()
  })

  it('a page of plain HTML, code blocks (v-pre) and our components is parsed once and kept as it is', () => {
    const html = '<p>été</p><pre v-pre><code>{{ x }} <b v-if>y</b></code></pre><GbTabs :labels="[1]"><GbTab :index="0">x</GbTab></GbTabs><Note>n</Note>'
    const r = vueSafe(html)
    expect(r).toMatchObject({ html, problems: [] })
    expect(r.ast).toBeDefined()
    expect(vueTemplateErrors(html)).toEqual([])
    expect(stripDirectives(r.html, r.ast)).toEqual(stripDirectives(html))
  })
})

describe('a URL Vue could import is cut out unless it is an image of the space', () => {
  const html =
    '<img src="./outil.js" alt="a"><img srcset="./a.png 1x, ../b.js 2x" alt="b"><video poster="~/x.png"></video>' +
    '<svg><use href="@/sprite.svg#i"></use><use href="#glyphe"></use></svg><img src="./a.png" alt="c"><img src="/abs.js" alt="d">' +
    '<img srcset="/etc/hostname?raw 2x" alt="e"><img src="#pwn" alt="f"><img src="nu.js" alt="g">' +
    '<img src="https://ailleurs.example/x.png" alt="h"><img src="data:image/png;base64,AA==" alt="i"><a href="./x.js">x</a>'

  it('cuts every such attribute the check refuses, and says which URLs', () => {
    const r = stripDirectives(html, undefined, (url) => url === './a.png')
    expect(r.html).toBe(
      '<img  alt="a"><img  alt="b"><video ></video><svg><use ></use><use href="#glyphe"></use></svg><img src="./a.png" alt="c"><img  alt="d">' +
        '<img  alt="e"><img  alt="f"><img  alt="g">' +
        '<img src="https://ailleurs.example/x.png" alt="h"><img src="data:image/png;base64,AA==" alt="i"><a href="./x.js">x</a>',
    )
    expect(r.refused).toEqual(['./outil.js', '../b.js', '~/x.png', '@/sprite.svg#i', '/abs.js', '/etc/hostname?raw', '#pwn', 'nu.js'])
  })

  it('keeps them when the check accepts them', () => {
    expect(stripDirectives(html, undefined, () => true)).toMatchObject({ html, refused: [] })
  })
})

describe('a tag Vue would take for a component keeps its words', () => {
  it.each([
    ['<Note a="1">texte <b>gras</b></Note>', '<span data-gb-tag="Note" a="1">texte <b>gras</b></span>'],
    ['<template>caché</template>', '<span data-gb-tag="template">caché</span>'],
    ['<slot>fente</slot>', '<span data-gb-tag="slot">fente</span>'],
    ['<my-el/>', '<span data-gb-tag="my-el"/>'],
    ['<GbTabs :labels="[1]"><GbTab :index="0">x</GbTab></GbTabs>', '<GbTabs :labels="[1]"><GbTab :index="0">x</GbTab></GbTabs>'],
    ['<svg><path d="M0"/></svg>', '<svg><path d="M0"/></svg>'],
  ])('%s', (html, expected) => {
    expect(stripDirectives(html).html).toBe(expected)
  })
})

describe('routes VitePress can name files after', () => {
  const deep = Array.from({ length: 12 }, (_, i) => `niveau-${i}-${'é'.repeat(35)}`).join('/')

  it('a short route is kept as is', () => {
    expect(fitRoute('cadrer/x/y')).toBe('cadrer/x/y')
    expect(fitRoute('cadrer/x/')).toBe('cadrer/x/')
  })

  it.each([[deep], [`${deep}/`], ['x'.repeat(400)], [`a/${'b'.repeat(300)}/`]])('a long route is shortened, deterministically, and fits', (route) => {
    const fitted = fitRoute(route)
    expect(routeFits(fitted)).toBe(true)
    expect(Buffer.byteLength(chunkName(fitted))).toBeLessThanOrEqual(MAX_FLAT_ROUTE_BYTES)
    expect(fitted.endsWith('/')).toBe(route.endsWith('/'))
    expect(fitRoute(route)).toBe(fitted)
    expect(fitted).toMatch(/-[0-9a-z]{7}\/?$/)
    // Never cut inside a character.
    expect(fitted).not.toContain('\ufffd')
  })

  it('two long siblings stay apart', () => {
    expect(fitRoute(`${deep}/a`)).not.toBe(fitRoute(`${deep}/b`))
  })
})

describe('routeKeys: routes that would be one page', () => {
  const same = (a: string, b: string) => routeKeys(a).some((k) => routeKeys(b).includes(k))
  it.each([
    ['a', 'a/', true],
    ['a/', 'a/index', true],
    ['Page', 'page', true],
    ['a/b', 'a_b', true],
    ['a:b', 'a_b', true],
    ['index', '', true],
    ['a', 'b', false],
    ['a/b', 'a/c', false],
  ])('%s / %s → %s', (a, b, expected) => {
    expect(same(a, b)).toBe(expected)
  })
})

describe('nesting deeper than markdown-it allows', () => {
  it.each([
    ['blockquotes', `${'> '.repeat(500)}mot-profond`],
    ['lists', Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- ${i === 499 ? 'mot-profond' : 'niveau'}`).join('\n')],
  ])('500 levels of %s keep their words, with one warning', (_, src) => {
    const env: MarkdownEnv = { realPath: path.join(space.dir, 'README.md') }
    const html = space.md.render(`${src}\n`, env)
    expect(html).toContain('mot-profond')
    expect(env.gitbook!.diagnostics.map((d) => d.code)).toEqual(['nesting-too-deep'])
  })
})
