// The one URL policy: what a page may link to or show as an image.
import { describe, expect, it } from 'vitest'
import { codeAsText, htmlProblems, sanitizeFragments, strayEndTags } from '../../.vitepress/gitbook/transforms/sanitize'
import { isSafeUrl, urlScheme } from '../../.vitepress/gitbook/url-policy'

describe('isSafeUrl', () => {
  it.each([
    ['https://example.org', true],
    ['http://example.org/x', true],
    ['mailto:dnum@example.org', true],
    ['tel:+33100000000', true],
    ['../page.md', true],
    ['/absolu/page', true],
    ['#ancre', true],
    ['//example.org/x', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['java\tscript:alert(1)', false],
    ['java\nscript:alert(1)', false],
    ['\u0001javascript:alert(1)', false],
    ['vbscript:msgbox(1)', false],
    ['data:text/html;base64,PHNjcmlwdD4=', false],
    ['data:image/png;base64,iVBOR', false],
    ['file:///etc/passwd', false],
    ['ftp://example.org', false],
  ])('link %j → %s', (href, safe) => {
    expect(isSafeUrl(href)).toBe(safe)
  })

  it.each([
    ['data:image/png;base64,iVBOR', true],
    ['data:image/jpeg;base64,/9j/', true],
    ['data:image/webp;base64,UklG', true],
    ['data:image/svg+xml;base64,PHN2Zz4=', false],
    ['data:text/html,<script>', false],
    ['javascript:alert(1)', false],
  ])('image %j → %s', (src, safe) => {
    expect(isSafeUrl(src, { image: true })).toBe(safe)
  })

  it('reads the scheme as a browser does', () => {
    expect(urlScheme('  JAVA\tSCRIPT:x')).toBe('javascript')
    expect(urlScheme('page.md')).toBeNull()
    expect(urlScheme('a/b:c')).toBeNull()
  })
})

describe('sanitizeFragments', () => {
  it('keeps an element opened in one fragment and closed in another', () => {
    expect(sanitizeFragments(['<div align="center" onclick="x()">\n', '</div>\n'])).toEqual(['<div align="center">\n', '</div>\n'])
  })

  it('keeps inline tags apart and drops their handlers', () => {
    expect(sanitizeFragments(['<span onmouseover="x()">', '</span>'])).toEqual(['<span>', '</span>'])
  })

  it('shows the code of a script as text, never as a script', () => {
    const [html] = sanitizeFragments(['<script>alert("<b>x</b>")</script>\n'])
    expect(html).not.toMatch(/<script|<b>/)
    expect(html).toContain('alert(')
  })

  it('an inline script leaves the text after it alone', () => {
    expect(sanitizeFragments(['<script>', '</script>', '<b>', '</b>'])).toEqual(['', '', '<b>', '</b>'])
  })

  it('does not let a script hide markup in its text', () => {
    const out = sanitizeFragments(['<script><img src=x onerror=alert(1)></script>']).join('')
    expect(out).not.toMatch(/<img/)
  })

  it('keeps GitBook colours and drops the rest of a style', () => {
    expect(sanitizeFragments(['<mark style="color:orange;position:fixed">', '</mark>'])[0]).toBe('<mark style="color:orange">')
  })

  it('an unterminated tag is shown as written rather than lost', () => {
    const out = sanitizeFragments(['<div title="a\n', '</div>\n'])
    expect(out.join('')).not.toMatch(/<div title/)
  })
})

describe('htmlProblems and strayEndTags', () => {
  it('names every dropped element and attribute', () => {
    const problems = htmlProblems('<div :title="x" onclick="y" class="VPNav"><iframe src="https://x"></iframe></div>')
    expect(problems.map((p) => p.message)).toEqual([
      '<div> attribute :title is Vue template syntax, which pages may not use; it is removed',
      '<div> attribute onclick would run code in the reader’s browser; it is removed',
      '<div> class "VPNav" is not published',
      '<iframe> element is not published',
    ])
  })

  it('finds end tags that close nothing', () => {
    expect(strayEndTags('<div></div></span><p></p></div>')).toEqual([
      { offset: 11, name: 'span' },
      { offset: 25, name: 'div' },
    ])
  })

  it('codeAsText keeps the code as escaped text', () => {
    expect(codeAsText('a<style>p{}</style>b')).toBe('a<code>p{}</code>b')
  })
})
