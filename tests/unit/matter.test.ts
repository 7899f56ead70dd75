// Front matter is read as YAML only (matter.ts): gray-matter's JavaScript
// engine would run a page's `---js` block with eval.
import { describe, expect, it } from 'vitest'
import matter from 'gray-matter'
import { blankFrontmatter, bodyOf, FrontmatterLanguageError, frontmatterProblem, MATTER_OPTIONS, readMatter } from '../../.vitepress/gitbook/matter'

const g = globalThis as { gbMatterRan?: number }
const RUN = '{ title: (globalThis.gbMatterRan = (globalThis.gbMatterRan ?? 0) + 1, "T") }'

describe('readMatter', () => {
  it('reads YAML and JSON front matter', () => {
    expect(readMatter('---\ntitle: Accueil\n---\n# A\n')).toEqual({ data: { title: 'Accueil' }, content: '# A\n' })
    expect(readMatter('---json\n{ "title": "Accueil" }\n---\nTexte\n').data).toEqual({ title: 'Accueil' })
    expect(readMatter('--- yaml\ntitle: B\n---\n').data).toEqual({ title: 'B' })
    expect(readMatter('# Sans front matter\n')).toEqual({ data: {}, content: '# Sans front matter\n' })
  })

  it.each(['js', 'javascript', 'JS', ' js ', 'coffee', 'toml'])('refuses ---%s without running it', (lang) => {
    delete g.gbMatterRan
    const src = `---${lang}\n${RUN}\n---\n# Page\n`
    expect(() => readMatter(src)).toThrow(FrontmatterLanguageError)
    expect(g.gbMatterRan).toBeUndefined()
  })

  it('gives VitePress’s reader options that never run JavaScript either', () => {
    delete g.gbMatterRan
    // What @mdit-vue/plugin-frontmatter calls, with markdown.frontmatter.grayMatterOptions.
    expect(() => matter(`---js\n${RUN}\n---\n`, MATTER_OPTIONS)).toThrow(FrontmatterLanguageError)
    expect(() => matter(`---javascript\n${RUN}\n---\n`, MATTER_OPTIONS)).toThrow(FrontmatterLanguageError)
    expect(g.gbMatterRan).toBeUndefined()
  })

  it('throws on bad YAML every time (no cached copy hides the error)', () => {
    const src = '---\ntitle: [unclosed\n---\n# A\n'
    expect(() => readMatter(src)).toThrow()
    expect(() => readMatter(src)).toThrow()
  })
})

describe('blankFrontmatter and bodyOf', () => {
  it('blank a block that cannot be read, keeping its lines', () => {
    const src = `---js\n${RUN}\n---\n# Page\nTexte\n`
    expect(blankFrontmatter(src)).toBe('\n\n\n# Page\nTexte\n')
    expect(bodyOf(src)).toBe('\n\n\n# Page\nTexte\n')
    expect(bodyOf('---\na: 1\n---\n# Page\n')).toBe('# Page\n')
    // A thematic break of four dashes opens no front matter.
    expect(blankFrontmatter('----\nTexte\n---\n')).toBe('----\nTexte\n---\n')
  })
})

describe('frontmatterProblem', () => {
  it('names the language, or the YAML error, with what to do', () => {
    let error: unknown
    try {
      readMatter('---js\n{}\n---\n')
    } catch (e) {
      error = e
    }
    expect(frontmatterProblem(error)).toEqual({
      message: 'front matter written in « js » is not read: GitBook reads YAML only',
      hint: 'write the front matter in YAML between two --- lines; the page is built without it meanwhile',
    })
    expect(frontmatterProblem(new Error('bad indentation\nmore')).message).toBe('front matter is not valid YAML (bad indentation)')
  })
})
